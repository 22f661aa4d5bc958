import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './index.js';

/**
 * Golden pages for the ways extraction goes wrong on real sites: old markup that puts the page
 * in <head>, comment forms, polls, comment policies, listicles, "see also" links, furniture in
 * German and Spanish, multi-page and "read more" articles. Each folder holds the page and what
 * its article must (and must not) contain. Every page and its text are invented.
 */
interface Expected {
  url: string;
  first: string;
  last: string;
  contains?: string[];
  excludes?: string[];
  paragraphs?: number;
  language?: string;
  continuation?: { kind: string; url: string | null };
}

const root = new URL('../../test/fixtures/extract/', import.meta.url);
const slugs = readdirSync(root).filter((slug) => {
  try {
    readFileSync(new URL(`${slug}/expected.json`, root));
    return true;
  } catch {
    return false;
  }
});

describe('extractHtml on the golden pages', () => {
  it('has golden pages to check', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(10);
  });

  for (const slug of slugs) {
    it(`${slug}: the article, not its furniture`, () => {
      const html = readFileSync(new URL(`${slug}/source.html`, root), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(`${slug}/expected.json`, root), 'utf8')) as Expected;
      const article = extractHtml(html, { url: expected.url });
      expect(article, `${slug} was rejected`).not.toBeNull();
      const paragraphs = article?.paragraphs ?? [];
      const text = paragraphs.join('\n');
      expect(paragraphs[0]).toContain(expected.first);
      expect(paragraphs.at(-1)).toContain(expected.last);
      for (const phrase of expected.contains ?? []) expect(text).toContain(phrase);
      for (const phrase of expected.excludes ?? []) expect(text).not.toContain(phrase);
      if (expected.paragraphs !== undefined) expect(paragraphs).toHaveLength(expected.paragraphs);
      if (expected.language) expect(article?.language).toBe(expected.language);
      if (expected.continuation) expect(article?.continuation).toEqual(expected.continuation);
      else expect(article?.continuation).toBeUndefined();
    });
  }
});
