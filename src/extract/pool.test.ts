import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isCrosscheckError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import { createExtractionPool } from './index.js';

function page(slug: string): string {
  return readFileSync(new URL(`../../test/fixtures/extract/${slug}/source.html`, import.meta.url), 'utf8');
}

function doc(input: string, content: string, format: 'html' | 'text' = 'html'): RawDocument {
  return { origin: { input }, format, content, hints: {} };
}

const nested = (depth: number): string =>
  `<html><body>${'<div>'.repeat(depth)}<p>${'Deep nesting must neither freeze nor break extraction, it only has to finish. '.repeat(3)}</p>${'</div>'.repeat(depth)}</body></html>`;

describe('createExtractionPool', () => {
  const pool = createExtractionPool({ threads: 2, maxMsPerDocument: 60_000 });
  afterAll(async () => {
    await pool.close();
  });

  it('extracts HTML and plain text in worker threads, as extractHtml does in the caller', async () => {
    const [html, text] = await Promise.all([
      pool.extract(doc('news.html', page('news-article'))),
      pool.extract(doc('note.txt', 'date 2024-05-01\n\nThe river rose two metres overnight and the old footbridge was closed to walkers until engineers have inspected it.', 'text')),
    ]);
    expect(html?.title).toBe('Harbour bridge reopens after two years of repairs');
    expect(html?.paragraphs).toHaveLength(5);
    expect(text).toMatchObject({ published: '2024-05-01', publishedFrom: 'text' });
  });

  it('returns null for a page with no article', async () => {
    await expect(pool.extract(doc('sitemap.html', page('no-article')))).resolves.toBeNull();
  });

  it('handles many documents at once, in any order of completion', async () => {
    const slugs = ['german-boilerplate', 'spanish-boilerplate', 'listicle', 'old-markup', 'reader-poll', 'comment-form'];
    const results = await Promise.all(slugs.map((slug) => pool.extract(doc(`${slug}.html`, page(slug)))));
    expect(results.every((r) => r !== null && r.paragraphs.length > 0)).toBe(true);
    expect(pool.pending).toBe(0);
  });

  it('finishes a 1.1 MB page of 100,000 nested <div>s (nesting is flattened, the text kept)', async () => {
    const article = await pool.extract(doc('nested.html', nested(100_000)));
    expect(article?.paragraphs.join(' ')).toContain('Deep nesting must neither freeze');
  });
});

describe('createExtractionPool budgets', () => {
  it('cancels a document over its time budget with over_budget naming the input; the next document succeeds in the same pool', async () => {
    const pool = createExtractionPool({ threads: 1, maxMsPerDocument: 60_000 });
    // No 2 MB page is extracted within a millisecond, on any machine.
    const slow = pool.extract(doc('huge.html', nested(180_000)), { maxMsPerDocument: 1 });
    const next = pool.extract(doc('news.html', page('news-article')));
    await expect(slow).rejects.toSatisfy((error: unknown) => isCrosscheckError(error) && error.code === 'over_budget' && error.message.startsWith('huge.html: '));
    await expect(next).resolves.toMatchObject({ title: 'Harbour bridge reopens after two years of repairs' });
    await pool.close();
    await expect(pool.extract(doc('late.html', page('news-article')))).rejects.toSatisfy((error: unknown) => isCrosscheckError(error) && error.message.startsWith('late.html: '));
  });

  it('cancels a document whose worker runs out of memory with over_budget naming the input', async () => {
    // A heap too small for any page: the worker cannot hold the document.
    const pool = createExtractionPool({ threads: 1, maxMemoryMb: 2, maxMsPerDocument: 60_000 });
    const result = pool.extract(doc('big.html', `<html><body>${'<p>Words that fill the heap of a tiny worker until it gives up. </p>'.repeat(60_000)}</body></html>`));
    await expect(result).rejects.toSatisfy((error: unknown) => isCrosscheckError(error) && error.code === 'over_budget' && error.message.startsWith('big.html: '));
    await pool.close();
  });
});
