import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, SqliteStore, type StorePort } from './index.js';
import { runStoreContract, testArticle } from './store.contract.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cc-store-'));

runStoreContract('SqliteStore (a file in WAL mode)', {
  create: () => {
    const dir = tmp();
    const path = join(dir, 'store.db');
    const handles: StorePort[] = [SqliteStore.open(path)];
    const closeAll = async (): Promise<void> => {
      for (const h of handles.splice(0)) await h.close();
    };
    return Promise.resolve({
      store: handles[0]!,
      second: () => {
        const other = SqliteStore.open(path);
        handles.push(other);
        return Promise.resolve(other);
      },
      reopen: async () => {
        await closeAll();
        const again = SqliteStore.open(path);
        handles.push(again);
        return again;
      },
      cleanup: async () => {
        await closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
});

describe('SqliteStore on disk', () => {
  it('keeps the raw input compressed', async () => {
    const path = join(tmp(), 'cc.db');
    const store = SqliteStore.open(path);
    const raw = '<html><body><p>Raw page</p></body></html>'.repeat(50);
    const { id } = await store.transaction((tx) => tx.articles.insert(testArticle('Raw page', { raw, format: 'html' })));
    await store.close();
    const check = new Database(path, { readonly: true });
    const stored = (check.prepare('SELECT length(raw) AS n FROM articles WHERE id = ?').get(id) as { n: number }).n;
    check.close();
    expect(stored).toBeLessThan(raw.length / 5);
  });

  it('creates a WAL database with the current schema and reopens it', async () => {
    const path = join(tmp(), 'cc.db');
    const store = SqliteStore.open(path);
    await store.transaction((tx) => tx.articles.insert(testArticle('kept across reopen')));
    await store.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
    check.close();
    const again = SqliteStore.open(path);
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await again.articles.count()).toBe(1);
    await again.close();
  });

  it('a read-only store serves reads and refuses every write with read_only, naming the file', async () => {
    const path = join(tmp(), 'ro.db');
    const store = SqliteStore.open(path);
    await store.transaction((tx) => tx.articles.insert(testArticle('kept for reading')));
    await store.close();
    const ro = SqliteStore.open(path, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    expect(await ro.articles.count()).toBe(1);
    const refused = await ro.transaction((tx) => tx.articles.insert(testArticle('not written'))).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'read_only' });
    expect((refused as Error).message).toContain(path);
    await expect(ro.rebuildDerived(() => Promise.resolve())).rejects.toMatchObject({ code: 'read_only' });
    await ro.close();
    const again = SqliteStore.open(path);
    expect(await again.articles.count()).toBe(1);
    await again.close();
  });

  it('two handles opening a new file at once both get the whole schema once', async () => {
    const path = join(tmp(), 'new.db');
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    expect(a.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(b.schemaVersion()).toBe(SCHEMA_VERSION);
    await a.close();
    await b.close();
  });

  it('counts the writes it made and the waits for another writer', async () => {
    const path = join(tmp(), 'cc.db');
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const slow = b.transaction(async () => {
      started();
      await gate;
    });
    await holding;
    const waiting = a.transaction((tx) => tx.articles.insert(testArticle('after the wait')));
    // Let the waiting writer try at least once before the lock is released.
    for (let i = 0; i < 200 && a.writeStats().retries === 0; i++) await new Promise((r) => setTimeout(r, 5));
    release();
    await slow;
    expect((await waiting).status).toBe('new');
    expect(a.writeStats()).toMatchObject({ transactions: 1 });
    expect(a.writeStats().retries).toBeGreaterThan(0);
    await a.close();
    await b.close();
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

  it('refuses a crosscheck database from a newer version', async () => {
    const path = join(tmp(), 'future.db');
    await SqliteStore.open(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open(path)).toThrowError(expect.objectContaining({ code: 'db_too_new' }) as Error);
  });

  it('backfills the full-text index for articles stored before its migration, then follows updates', async () => {
    const dir = tmp();
    try {
      const path = join(dir, 'old.db');
      const raw = new Database(path);
      for (const m of MIGRATIONS.filter((x) => x.version <= 2)) raw.exec(m.sqlite);
      raw.prepare("INSERT INTO meta (key, value) VALUES ('app', 'crosscheck')").run();
      raw.pragma(`application_id = ${APPLICATION_ID}`);
      raw.pragma('user_version = 2');
      raw
        .prepare(
          `INSERT INTO articles (title, paragraphs, text, text_hash, format, origin, raw, extractor_version, ingested_at)
           VALUES ('Old lighthouse restored', '[]', 'The old lighthouse on the cape was restored by volunteers.', 'h1', 'text', 'test', x'00', 1, '2026-01-01')`,
        )
        .run();
      raw.close();
      await SqliteStore.open(path).close();
      const db = new Database(path);
      const match = (q: string): number => (db.prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(q) as { n: number }).n;
      expect(match('lighthouse')).toBe(1);
      db.prepare("UPDATE articles SET text = 'The windmill was restored.' WHERE id = 1").run();
      expect(match('lighthouse')).toBe(1); // still in the title
      expect(match('text:lighthouse')).toBe(0);
      expect(match('windmill')).toBe(1);
      db.prepare('DELETE FROM articles WHERE id = 1').run();
      expect(match('windmill')).toBe(0);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
