import { escapeXml } from '../core/xml.js';

/** One feed as an OPML outline. */
export interface OpmlOutline {
  url: string;
  title: string | null;
}

/**
 * An OPML 2.0 subscription list of `feeds` (what feed readers import), every attribute escaped.
 * `createdAt` is the `dateCreated` (RFC 822), so the output is deterministic for a given instant.
 */
export function formatOpml(feeds: readonly OpmlOutline[], options: { title?: string; createdAt?: Date } = {}): string {
  const title = options.title ?? 'crosscheck feeds';
  const created = (options.createdAt ?? new Date()).toUTCString();
  const outlines = feeds.map((feed) => {
    const text = escapeXml(feed.title ?? feed.url);
    return `    <outline type="rss" text="${text}" title="${text}" xmlUrl="${escapeXml(feed.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${created}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
