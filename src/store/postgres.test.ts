import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from '../../test/helpers/postgres.js';
import { copyStore, onDamagedRow, PostgresStore, SCHEMA_VERSION, SqliteStore, type Store, type StorePort } from './index.js';
import { runStoreContract, testArticle } from './store.contract.js';

const NOW = '2026-10-15T00:00:00.000Z';

/** A store with a row in every table: stories with a merge, copies, sheets, keys, feeds, follows, webhooks, outlets. */
async function populate(store: StorePort): Promise<void> {
  await store.transaction(async (tx) => {
    const ids: number[] = [];
    for (const [i, text] of ['The ferry ran aground off Marena.', 'A ferry struck a reef near Port Aurel.', 'Café Müller reopened on the harbour.'].entries()) {
      ids.push((await tx.articles.insert(testArticle(text, { source: i === 2 ? 'Harbour Gazette' : 'Meridian Press', raw: `<p>${text}</p>`, format: 'html', hints: { id: `x-${i}` } }))).id);
    }
    for (const [i, id] of ids.entries()) {
      await tx.stories.upsert({ id: i + 1, title: `Story ${i + 1}`, size: 1, firstSeen: '2026-10-14', lastSeen: '2026-10-14', isActive: true }, NOW);
      await tx.stories.insertAssignment({ articleId: id, storyId: i + 1, isNew: true, score: 0.5 + i / 10, reasons: ['r'], copyOf: i === 1 ? ids[0]! : null, clusterVersion: 1, assignedAt: NOW });
    }
    // Story 1 turns out to be story 2 (a reference to a later row of the same table).
    await tx.stories.recordMerge([1], 2, ids[1]!, NOW);
    await tx.stories.upsert({ id: 2, title: 'Story 2', size: 2, firstSeen: '2026-10-14', lastSeen: '2026-10-14', isActive: true }, NOW);
    await tx.copies.record(ids[1]!, [{ otherId: ids[0]!, kind: 'near-identical', jaccard: 0.9, containment: 0.95 }], 1);
    await tx.copies.setGroups([{ articleId: ids[1]!, groupId: ids[0]! }]);
    await tx.copyKeys.put({ articleId: ids[0]!, textHash: 'h', shingles: new Uint32Array([1, 2, 0xffffffff]), signature: new Uint32Array([7, 8]) }, 1, NOW);
    await tx.analyses.put([{ articleId: ids[0]!, data: '{"a":1}' }], 2);
    await tx.factSheets.put({ storyId: 2, key: 'k', data: '{"sheet":true}' }, 1, [{ id: 'marena', name: 'Marena', kind: 'place', mentions: 2 }], NOW);
    await tx.state.save('clusterer', { version: 1, seq: 3, data: '{"s":1}' }, NOW);
    await tx.feeds.put({ url: 'https://feeds.example/rss', title: 'Feed', etag: '"e"', lastModified: null, lastPolledAt: NOW, nextPollAt: NOW, lastSuccessAt: NOW, intervalMs: 60_000, consecutiveFailures: 0, lastError: null, articlesFound: 2, lastStatus: 200, isBlockedByRobots: true });
    const follow = await tx.follows.create({ kind: 'search', target: 'ferry', label: 'search: ferry', epoch: 0, createdAt: NOW });
    await tx.follows.markSeen({ followId: follow.id, storyId: 2, articleCount: 2, outletCount: 1, disagreements: ['x'] });
    const event = await tx.follows.addEvent({ followId: follow.id, type: 'new_story', storyId: 2, title: 'New', text: 'Story', data: { n: 1 }, createdAt: NOW });
    await tx.webhooks.create({ url: 'https://hooks.example/a', secret: 's'.repeat(16), followId: follow.id, types: ['new_story'], createdAt: NOW });
    await tx.webhooks.enqueue(event, NOW);
    await tx.outletProfiles.put([{ name: 'Meridian Press', domains: ['meridian.example'], country: 'BR', language: 'en', owner: null, labels: { type: 'wire' } }], NOW);
  });
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** Everything a reader of the port sees of a populated store. */
async function snapshot(store: StorePort): Promise<unknown> {
  const articles = await store.articles.list({ order: 'id' });
  const ids = articles.map((a) => a.id);
  const follows = await store.follows.list();
  const hooks = await store.webhooks.list();
  return {
    articles,
    raw: await Promise.all(ids.map((id) => store.articles.raw(id))),
    stories: await store.stories.list(),
    story1: await store.stories.get(1),
    members: await store.stories.members(2),
    merges: await store.stories.merges(),
    search: await store.stories.page({ q: 'ferry', limit: 10, offset: 0 }),
    entities: await store.stories.entities({ limit: 10 }),
    outlets: await store.stories.outlets(),
    copies: await store.copies.among(ids),
    keys: (await store.copyKeys.get(ids, 1)).map((k) => ({ ...k, shingles: [...k.shingles], signature: [...k.signature] })),
    analyses: [...(await store.analyses.get(ids, 2))],
    sheet: await store.factSheets.get(2),
    feeds: await store.feeds.list(),
    events: await store.events.after(0, 10),
    epoch: await store.events.epoch(),
    floor: await store.stories.idFloor(),
    state: await store.state.load('clusterer'),
    follows,
    seen: await store.follows.seen(follows[0]!.id, 2),
    told: await store.follows.events(follows[0]!.id, 10),
    hooks,
    deliveries: await store.webhooks.deliveries(hooks[0]!.id, 10),
    profiles: await store.outletProfiles.list(),
    exported: await collect(store.stories.exportRows()),
  };
}

describe.skipIf(!HAS_POSTGRES)('PostgresStore', () => {
  let server: TestPostgres;
  let stores = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  runStoreContract('PostgresStore (a schema of its own per test)', {
    create: async () => {
      const url = server.url(`contract_${++stores}`);
      const handles: StorePort[] = [await PostgresStore.open(url)];
      const closeAll = async (): Promise<void> => {
        for (const h of handles.splice(0)) await h.close();
      };
      return {
        store: handles[0]!,
        second: async () => {
          const other = await PostgresStore.open(url);
          handles.push(other);
          return other;
        },
        reopen: async () => {
          await closeAll();
          const again = await PostgresStore.open(url);
          handles.push(again);
          return again;
        },
        cleanup: closeAll,
      };
    },
  });

  describe('PostgreSQL of its own', () => {
    const opened: Store[] = [];
    const open = async (schema: string, user?: string, options: { readOnly?: boolean; mustExist?: boolean } = {}): Promise<PostgresStore> => {
      const store = await PostgresStore.open(server.url(schema, user), options);
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      for (const s of opened) await s.close();
    });

    it('copies a store with a row in every table into PostgreSQL and back: the port answers the same on every copy', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cc-copy-'));
      try {
        const sqlite = SqliteStore.open(join(dir, 'from.db'));
        opened.push(sqlite);
        await populate(sqlite);
        const expected = await snapshot(sqlite);
        const pg = await open('copy_everything');
        const first = await copyStore(sqlite, pg, { pageSize: 2 });
        expect(first.tables.find((t) => t.table === 'articles')).toMatchObject({ rows: 3, copied: 3 });
        expect(await snapshot(pg)).toEqual(expected);
        // A second run copies nothing new and changes nothing.
        const second = await copyStore(sqlite, pg);
        expect(second.tables.filter((t) => t.copied > 0).map((t) => t.table).sort()).toEqual(['feeds', 'meta', 'outlet_profiles', 'pipeline_state']);
        expect(await snapshot(pg)).toEqual(expected);
        // Identity ids go on above the copied ones.
        const next = await pg.transaction((tx) => tx.follows.create({ kind: 'story', target: '2', label: 'story 2', epoch: 0, createdAt: NOW }));
        expect(next.id).toBe((expected as { follows: Array<{ id: number }> }).follows.at(-1)!.id + 1);
        await pg.transaction((tx) => tx.follows.delete(next.id));
        const back = SqliteStore.open(join(dir, 'back.db'));
        opened.push(back);
        await copyStore(pg, back, { pageSize: 1 });
        expect(await snapshot(back)).toEqual(expected);
        await expect(copyStore(back, pg)).resolves.toBeDefined();
        await expect(copyStore(pg, pg)).rejects.toMatchObject({ code: 'invalid_argument' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('searches with accents folded (unaccent) and the last word as a prefix', async () => {
      const store = await open('search_fold');
      await store.transaction(async (tx) => {
        const { id } = await tx.articles.insert(testArticle('Café Müller reopened on the harbour after the storm.'));
        await tx.stories.upsert({ id: 1, title: 'Café', size: 1, firstSeen: NOW, lastSeen: NOW, isActive: true }, NOW);
        await tx.stories.insertAssignment({ articleId: id, storyId: 1, isNew: true, score: 1, reasons: [], copyOf: null, clusterVersion: 1, assignedAt: NOW });
      });
      for (const q of ['cafe muller', 'CAFÉ', '"cafe muller" harb', 'mül']) expect(await store.stories.matching({ q })).toEqual([1]);
      expect(await store.stories.matching({ q: '"muller cafe"' })).toEqual([]);
      expect(await store.stories.matching({ entity: 'cafe muller' })).toEqual([1]);
    });

    it('refuses a schema that holds something else, and a store from a newer crosscheck, touching neither', async () => {
      await server.sql('CREATE SCHEMA invoices; CREATE TABLE invoices.invoices (id int PRIMARY KEY, total numeric); INSERT INTO invoices.invoices VALUES (1, 9.5);');
      await expect(open('invoices')).rejects.toMatchObject({ code: 'not_a_crosscheck_db' });
      expect(await server.sql('SELECT count(*) FROM invoices.invoices')).toBe('1\n');
      await open('future');
      await server.sql(`UPDATE future.meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
      await expect(open('future')).rejects.toMatchObject({ code: 'db_too_new' });
      await expect(open('never_made', undefined, { mustExist: true })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('two processes opening a new store at once both get the whole schema once', async () => {
      const [a, b] = await Promise.all([open('raced'), open('raced')]);
      expect(await a.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
      expect([...a.migrated, ...b.migrated].sort((x, y) => x - y)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    });

    it('a role that may only read opens the store for reading: reads work, every write is refused with read_only', async () => {
      const writer = await open('shared');
      await writer.transaction((tx) => tx.articles.insert(testArticle('Kept for the reader.')));
      await server.sql('CREATE ROLE reader LOGIN; GRANT USAGE ON SCHEMA shared TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA shared TO reader;');
      const reader = await open('shared', 'reader');
      expect(reader.readOnly).toBe(true);
      expect(await reader.articles.count()).toBe(1);
      await expect(reader.transaction((tx) => tx.articles.insert(testArticle('Not written.')))).rejects.toMatchObject({ code: 'read_only' });
      await expect(reader.rebuildDerived(() => Promise.resolve())).rejects.toMatchObject({ code: 'read_only' });
      const forced = await open('shared', undefined, { readOnly: true });
      await expect(forced.transaction((tx) => tx.articles.insert(testArticle('Not written.')))).rejects.toMatchObject({ code: 'read_only' });
      expect(await writer.articles.count()).toBe(1);
    });

    it('doctor finds a damaged row by table, row and column, and repairs it without losing the article', async () => {
      const store = await open('damaged');
      const { id } = await store.transaction((tx) => tx.articles.insert(testArticle('The bridge opened on Monday.\n\nTraffic was light.')));
      await store.transaction((tx) => tx.factSheets.put({ storyId: 7, key: 'k', data: '{"ok":true}' }, 1, [], NOW));
      await server.sql(`UPDATE damaged.articles SET paragraphs = 'not json' WHERE id = ${id}; UPDATE damaged.fact_sheets SET data = '[' WHERE story_id = 7;`);
      const previous = onDamagedRow(() => undefined);
      try {
        const found = await store.examine();
        expect(found.integrity).toEqual([]);
        expect(found.damaged.map((d) => [d.table, d.id, d.column, d.repair])).toEqual([
          ['articles', id, 'paragraphs', null],
          ['fact_sheets', 7, 'data', null],
        ]);
        const repaired = await store.examine({ repair: true });
        expect(repaired.repaired).toBe(2);
        expect((await store.examine()).damaged).toEqual([]);
        expect((await store.articles.get(id))?.paragraphs).toEqual(['The bridge opened on Monday.', 'Traffic was light.']);
        expect(await store.factSheets.get(7)).toBeNull();
      } finally {
        onDamagedRow(previous);
      }
    });
  });
});
