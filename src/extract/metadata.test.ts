import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate } from './dates.js';
import { parsePage } from './tree.js';
import { extractMetadata, stripSiteFromTitle } from './metadata.js';

function meta(head: string, body = '', url: string | null = 'https://www.example-news.test/world/story') {
  return extractMetadata(parsePage(`<html${body.startsWith('lang') ? ` ${body}` : ''}><head>${head}</head><body>${body.startsWith('lang') ? '' : body}</body></html>`), url);
}

describe('publication date', () => {
  it('reads meta tags', () => {
    expect(meta('<meta property="article:published_time" content="2025-03-27T10:00:00Z">')).toMatchObject({ published: '2025-03-27T10:00:00Z', publishedFrom: 'meta' });
    expect(meta('<meta name="pubdate" content="20250327">')).toMatchObject({ published: '2025-03-27', publishedFrom: 'meta' });
    expect(meta('<meta name="DC.date" content="2025-03-27">')).toMatchObject({ published: '2025-03-27', publishedFrom: 'meta' });
    expect(meta('<meta itemprop="datePublished" content="2025-03-27T09:15:00+01:00">')).toMatchObject({ published: '2025-03-27T09:15:00+01:00', publishedFrom: 'meta' });
    expect(meta('<meta name="date" content="March 27, 2025">')).toMatchObject({ published: '2025-03-27', publishedFrom: 'meta' });
  });

  it('reads JSON-LD, including @graph arrays', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example' },
        { '@type': 'NewsArticle', headline: 'Graph headline', datePublished: '2025-03-26T18:00:00-04:00', author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { name: 'Bo Chen' }], publisher: { '@type': 'Organization', name: 'Example Daily' } },
      ],
    });
    const m = meta(`<script type="application/ld+json">${graph}</script>`);
    expect(m).toMatchObject({ published: '2025-03-26T18:00:00-04:00', publishedFrom: 'json-ld', byline: 'Ana Ruiz, Bo Chen', siteName: 'Example Daily', title: 'Graph headline' });
  });

  it('ignores broken JSON-LD', () => {
    expect(meta('<script type="application/ld+json">{ not json</script>', '', null).published).toBeNull();
  });

  it('reads <time datetime>', () => {
    expect(meta('', '<article><time datetime="2025-03-25">Tuesday</time></article>', null)).toMatchObject({ published: '2025-03-25', publishedFrom: 'time' });
  });

  it('reads the URL path', () => {
    expect(meta('', '', 'https://example.test/2025/03/27/summit-story')).toMatchObject({ published: '2025-03-27', publishedFrom: 'url' });
    expect(meta('', '', 'https://example.test/news/summit-20250327.html')).toMatchObject({ published: '2025-03-27', publishedFrom: 'url' });
    expect(meta('', '', 'https://example.test/news/summit')).toMatchObject({ published: null, publishedFrom: null });
  });

  it('normalises and validates dates', () => {
    expect(normalizeDate('2025-02-30')).toBeNull();
    expect(normalizeDate('1970-01-01T00:00:00Z')).toBeNull();
    expect(normalizeDate('2025-03-27T10:00:00.000+0000')).toBe('2025-03-27T10:00:00Z');
    expect(normalizeDate('not a date')).toBeNull();
    expect(dateFromUrl('https://example.test/2025/13/40/x')).toBeNull();
  });
});

describe('canonical URL, site name, title, byline, language', () => {
  it('resolves the canonical link against the page URL, else og:url', () => {
    expect(meta('<link rel="canonical" href="/world/story-1">').canonicalUrl).toBe('https://www.example-news.test/world/story-1');
    expect(meta('<meta property="og:url" content="https://example-news.test/a">').canonicalUrl).toBe('https://example-news.test/a');
    expect(meta('<link rel="canonical" href="javascript:alert(1)">').canonicalUrl).toBeNull();
  });

  it('takes the site name from og:site_name, JSON-LD publisher, application-name, in that order', () => {
    expect(meta('<meta property="og:site_name" content="Daily Example"><meta name="application-name" content="App">').siteName).toBe('Daily Example');
    expect(meta('<meta name="application-name" content="Example App">').siteName).toBe('Example App');
    expect(meta('').siteName).toBeNull();
  });

  it('strips the site name from <title>', () => {
    expect(meta('<title>Ministers meet in Rome | Daily Example</title><meta property="og:site_name" content="Daily Example">').title).toBe('Ministers meet in Rome');
    expect(stripSiteFromTitle('Daily Example - Ministers meet in Rome', 'Daily Example', null)).toBe('Ministers meet in Rome');
    expect(stripSiteFromTitle('Ministers meet in Rome – example-news.test', null, 'example-news.test')).toBe('Ministers meet in Rome');
    expect(meta('', '<h1>Only a heading</h1>').title).toBe('Only a heading');
  });

  it('finds the byline in meta author, JSON-LD, or rel=author', () => {
    expect(meta('<meta name="author" content="By Jo Park">').byline).toBe('Jo Park');
    expect(meta('', '<a rel="author" href="/staff/li">Li Wei</a>').byline).toBe('Li Wei');
    expect(meta('<meta name="author" content="https://facebook.com/someone">').byline).toBeNull();
  });

  it('reads the declared language from <html lang> or content-language', () => {
    expect(meta('', 'lang="fr-FR"').language).toBe('fr');
    expect(meta('<meta http-equiv="content-language" content="de">').language).toBe('de');
    expect(meta('').language).toBeNull();
  });
});
