import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml, EXTRACTOR_VERSION } from './index.js';

function fixture(slug: string): string {
  return readFileSync(new URL(`../../test/fixtures/extract/${slug}/source.html`, import.meta.url), 'utf8');
}

describe('extractHtml: a news page with boilerplate', () => {
  const article = extractHtml(fixture('news-article'), { url: 'https://www.coastal-ledger.example/transport/2024/06/11/harbour-bridge-reopens?utm=x' });

  it('keeps the article paragraphs in order', () => {
    expect(article).not.toBeNull();
    const paragraphs = article?.paragraphs ?? [];
    expect(paragraphs[0]).toMatch(/^The old harbour bridge opened/);
    expect(paragraphs.some((p) => p.includes('41 million euros'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('Oskar Brandt'))).toBe(true);
    expect(paragraphs.at(-1)).toMatch(/^Shopkeepers on the waterfront/);
    expect(paragraphs).toHaveLength(5);
  });

  it('drops boilerplate: cross-links, player fallback, ads, prompts, captions, cookie banner, related list, footer', () => {
    const text = article?.paragraphs.join('\n') ?? '';
    for (const junk of [
      'ALSO READ',
      'Ferry timetable',
      "browser doesn't support",
      'Advertisement',
      'Share this article',
      'newsletter',
      'Read more',
      'Tram line',
      'cycle lanes',
      'cookies',
      'Photo: Ledger staff',
      'All rights reserved',
      'By Mara Lindqvist',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: 'Harbour bridge reopens after two years of repairs',
      source: 'The Coastal Ledger',
      byline: 'Mara Lindqvist',
      canonicalUrl: 'https://www.coastal-ledger.example/transport/2024/06/11/harbour-bridge-reopens',
      url: 'https://www.coastal-ledger.example/transport/2024/06/11/harbour-bridge-reopens?utm=x',
      published: '2024-06-11T08:30:00+02:00',
      publishedFrom: 'meta',
      language: 'en',
      extractorVersion: EXTRACTOR_VERSION,
    });
  });

  it('lets explicit hints win for title, source and language; the page date wins over a hinted date', () => {
    const hinted = extractHtml(fixture('news-article'), {
      title: 'Given title',
      source: 'Given Outlet',
      language: 'de',
      published: '2024-06-12',
    });
    expect(hinted).toMatchObject({ title: 'Given title', source: 'Given Outlet', language: 'de', published: '2024-06-11T08:30:00+02:00' });
  });
});

describe('extractHtml: pages without an article', () => {
  it('returns null for a navigation-only page', () => {
    expect(extractHtml(fixture('no-article'), { url: 'https://example.org/sitemap' })).toBeNull();
  });

  it('returns null for empty and text-free input', () => {
    expect(extractHtml('', {})).toBeNull();
    expect(extractHtml('<html><body><div><img src="a.png"></div></body></html>', {})).toBeNull();
  });
});

describe('extractHtml: hostile input', () => {
  it('never runs scripts or event handlers, and keeps escaped markup as inert text', () => {
    const g = globalThis as { __extractPwned?: boolean };
    delete g.__extractPwned;
    const article = extractHtml(fixture('hostile-markup'), {});
    expect(g.__extractPwned).toBeUndefined();
    expect(article?.title).toBe('Council votes on library hours');
    const text = article?.paragraphs.join('\n') ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toContain('pwned');
    expect(article?.paragraphs).toHaveLength(4);
  });

  it('finishes on deeply nested markup', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${'Deep nesting should not break the extractor at all, it only has to finish. '.repeat(3)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const article = extractHtml(html, {});
    expect(article?.paragraphs.join(' ')).toContain('Deep nesting should not break');
  });

  it('finishes on a huge page with many elements', () => {
    const paragraph = '<p>Residents queued outside the hall for hours to register for the new allotments, which the council says will be ready in spring.</p>';
    const filler = '<span><a href="/x">link</a></span>'.repeat(40_000);
    const html = `<html><body><div class="links">${filler}</div><article>${paragraph.repeat(50)}</article></body></html>`;
    const article = extractHtml(html, {});
    expect(article?.paragraphs.join(' ')).toContain('Residents queued outside the hall');
  });

  it('is linear on pathological text for the boilerplate patterns', () => {
    const long = `<html><body><article><p>${'By A '.repeat(5000)}</p><p>${'a'.repeat(200_000)}</p>${'<p>Photo: '.repeat(1000)}</article></body></html>`;
    expect(() => extractHtml(long, {})).not.toThrow();
  });
});
