import { escapeXml } from '../core/xml.js';
import type { FollowEventRow } from '../store/index.js';
import type { FollowView } from './follows.js';

/**
 * A follow's events as a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): plain text only
 * (`content_text`, never `content_html`), so a feed reader renders no markup from article titles.
 * `origin` is the server's own origin (`http://host:port`). Deterministic.
 */
export function followJsonFeed(follow: FollowView, events: readonly FollowEventRow[], origin: string): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `crosscheck: ${follow.label}`,
    home_page_url: `${origin}/`,
    feed_url: `${origin}/api/follows/${follow.id}/feed.json`,
    description: 'New stories, new disagreements between outlets, and updated counts.',
    items: events.map((event) => ({
      id: `${origin}/api/follows/${follow.id}/events/${event.id}`,
      url: `${origin}/stories/${event.storyId}`,
      title: event.title,
      content_text: event.text,
      date_published: event.createdAt,
      tags: [event.type],
    })),
  };
}

/** The same as RSS 2.0, every text escaped (and characters XML forbids removed). */
export function followRss(follow: FollowView, events: readonly FollowEventRow[], origin: string): string {
  const items = events.map((event) =>
    [
      '    <item>',
      `      <title>${escapeXml(event.title)}</title>`,
      `      <link>${escapeXml(`${origin}/stories/${event.storyId}`)}</link>`,
      `      <description>${escapeXml(event.text)}</description>`,
      `      <category>${escapeXml(event.type)}</category>`,
      `      <guid isPermaLink="false">${escapeXml(`${origin}/api/follows/${follow.id}/events/${event.id}`)}</guid>`,
      `      <pubDate>${new Date(event.createdAt).toUTCString()}</pubDate>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(`crosscheck: ${follow.label}`)}</title>`,
    `    <link>${escapeXml(`${origin}/`)}</link>`,
    `    <atom:link href="${escapeXml(`${origin}/api/follows/${follow.id}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    '    <description>New stories, new disagreements between outlets, and updated counts.</description>',
    ...(events[0] ? [`    <lastBuildDate>${new Date(events[0].createdAt).toUTCString()}</lastBuildDate>`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
