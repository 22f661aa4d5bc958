import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { textIdentityHash } from '../core/index.js';
import { SCHEMA_VERSION, SqliteStore, type NewArticle } from './index.js';

function article(text: string, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    title: 'A title',
    paragraphs: [text],
    source: 'Example Times',
    byline: null,
    url: null,
    canonicalUrl: null,
    published: '2026-10-14',
    publishedFrom: 'input',
    language: 'en',
    extractorVersion: 1,
    externalId: null,
    text,
    textHash: textIdentityHash(text),
    format: 'text',
    origin: 'test',
    ingestedAt: '2026-10-15T00:00:00.000Z',
    raw: text,
    hints: {},
    ...extra,
  };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-store-'));

describe('SqliteStore', () => {
  it('stores an article once: the same text or the same canonical URL is known', () => {
    const store = SqliteStore.open(':memory:');
    const first = store.insertArticle(article('The harbour reopened on Tuesday.', { canonicalUrl: 'https://a.example/1' }));
    expect(first.status).toBe('new');
    expect(store.insertArticle(article('The  harbour reopened on tuesday.'))).toEqual({ status: 'known', id: first.id, by: 'text' });
    expect(store.insertArticle(article('A different text.', { canonicalUrl: 'https://a.example/1' }))).toEqual({
      status: 'known',
      id: first.id,
      by: 'canonical_url',
    });
    expect(store.countArticles()).toBe(1);
    store.close();
  });

  it('keeps the raw input compressed and gives it back for re-extraction', () => {
    const store = SqliteStore.open(':memory:');
    const raw = '<html><body><p>Raw page</p></body></html>'.repeat(50);
    const { id } = store.insertArticle(article('Raw page', { raw, format: 'html', hints: { id: 'x-1' } }));
    expect(store.getRaw(id)).toEqual({ content: raw, hints: { id: 'x-1' }, format: 'html', origin: 'test' });
    const stored = (store.db.prepare('SELECT length(raw) AS n FROM articles WHERE id = ?').get(id) as { n: number }).n;
    expect(stored).toBeLessThan(raw.length / 5);
    store.close();
  });

  it('filters by source and date range, inclusive of the last day', () => {
    const store = SqliteStore.open(':memory:');
    store.insertArticle(article('one', { source: 'A', published: '2026-10-13' }));
    store.insertArticle(article('two', { source: 'B', published: '2026-10-14T18:00:00Z' }));
    store.insertArticle(article('three', { source: 'a', published: '2026-10-15' }));
    expect(store.listArticles({ source: 'A' }).map((a) => a.text)).toEqual(['one', 'three']);
    expect(store.listArticles({ since: '2026-10-14', until: '2026-10-14' }).map((a) => a.text)).toEqual(['two']);
    expect(store.getArticle(999)).toBeNull();
    store.close();
  });

  it('creates a WAL database with the current schema and reopens it', () => {
    const path = join(tmp(), 'cc.db');
    const store = SqliteStore.open(path);
    store.insertArticle(article('kept across reopen'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    const again = SqliteStore.open(path);
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(again.countArticles()).toBe(1);
    again.close();
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const path = join(tmp(), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    expect(() => SqliteStore.open(path)).toThrowError(/not a crosscheck database/);
    expect(readFileSync(path, 'utf8')).toContain('these are my notes');
  });

  it('refuses an SQLite database that belongs to something else', () => {
    const path = join(tmp(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5);');
    other.close();
    expect(() => SqliteStore.open(path)).toThrowError(expect.objectContaining({ code: 'not_a_crosscheck_db' }) as Error);
    const check = new Database(path);
    expect(check.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: 1 });
    check.close();
  });

  it('refuses a crosscheck database from a newer version', () => {
    const path = join(tmp(), 'future.db');
    SqliteStore.open(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open(path)).toThrowError(expect.objectContaining({ code: 'db_too_new' }) as Error);
  });
});
