/**
 * The conformance suite of the store port: every implementation runs it (as each router runs
 * one shared suite), SQLite in `sqlite.contract.test.ts`. It speaks only the port.
 *
 * @example
 * runStoreContract('SqliteStore', { create: async () => { … return { store, second, reopen, cleanup }; } });
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isCrosscheckError } from '../core/errors.js';
import { textIdentityHash } from '../core/index.js';
import type { StorePort, StoreTx } from './port.js';
import type { NewArticle } from './types.js';

/** One store under test, with a way to reach the same data through another connection (another process's view). */
export interface StoreUnderTest {
  store: StorePort;
  /** A second, independent handle on the same store (another connection). */
  second: () => Promise<StorePort>;
  /** Closes every handle and opens the store again (a restart after a kill). */
  reopen: () => Promise<StorePort>;
  cleanup: () => Promise<void>;
}

export interface StoreFactory {
  create: () => Promise<StoreUnderTest>;
}

/** A stored-article record for tests: `text` decides its identity. */
export function testArticle(text: string, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    title: extra.title ?? text.split('.')[0] ?? 'A title',
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

const NOW = '2026-10-15T00:00:00.000Z';

/** Stores articles and puts them in one story (as the pipeline would); returns their ids. */
async function storyOf(tx: StoreTx, storyId: number, articles: NewArticle[]): Promise<number[]> {
  const ids: number[] = [];
  for (const a of articles) {
    const result = await tx.articles.insert(a);
    ids.push(result.id);
  }
  const published = articles.map((a) => a.published ?? NOW).sort();
  await tx.stories.upsert({ id: storyId, title: `Story ${storyId}`, size: ids.length, firstSeen: published[0] ?? null, lastSeen: published.at(-1) ?? null, isActive: true }, NOW);
  for (const id of ids) {
    await tx.stories.insertAssignment({ articleId: id, storyId, isNew: id === ids[0], score: 1, reasons: ['test'], copyOf: null, clusterVersion: 1, assignedAt: NOW });
  }
  return ids;
}

/** Runs the store conformance suite against stores made by `factory`. */
export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let current: StoreUnderTest | null = null;
    const open = async (): Promise<StoreUnderTest> => (current = await factory.create());
    afterEach(async () => {
      await current?.cleanup();
      current = null;
    });

    describe('articles', () => {
      it('stores an article once: the same text (normalised) or the same canonical URL is known', async () => {
        const { store } = await open();
        const first = await store.transaction((tx) => tx.articles.insert(testArticle('The harbour reopened on Tuesday.', { canonicalUrl: 'https://a.example/1' })));
        expect(first.status).toBe('new');
        expect(await store.transaction((tx) => tx.articles.insert(testArticle('The  harbour reopened on tuesday.')))).toEqual({ status: 'known', id: first.id, by: 'text' });
        expect(await store.transaction((tx) => tx.articles.insert(testArticle('A different text.', { canonicalUrl: 'https://a.example/1' })))).toEqual({
          status: 'known',
          id: first.id,
          by: 'canonical_url',
        });
        expect(await store.articles.count()).toBe(1);
        expect(await store.articles.hasUrl('https://a.example/1')).toBe(true);
        expect(await store.articles.hasUrl('https://a.example/2')).toBe(false);
      });

      it('stores the same article once when it is written concurrently, by this handle and by another', async () => {
        const { store, second } = await open();
        const other = await second();
        const texts = ['The ferry service resumed after the storm.', 'Council approves the new library budget.'];
        const writes = [store, other, store, other].flatMap((s) => texts.map((t) => s.transaction((tx) => tx.articles.insert(testArticle(t)))));
        const results = await Promise.all(writes);
        for (const text of texts) {
          const hash = textIdentityHash(text);
          const mine = results.filter((_, i) => texts[i % texts.length] === text);
          expect(mine.filter((r) => r.status === 'new')).toHaveLength(1);
          expect(new Set(mine.map((r) => r.id)).size).toBe(1);
          expect((await store.articles.list()).filter((a) => a.textHash === hash)).toHaveLength(1);
        }
        expect(await other.articles.count()).toBe(2);
      });

      it('gives back the raw input and the articles of many ids in the order asked', async () => {
        const { store } = await open();
        const raw = '<html><body><p>Raw page</p></body></html>'.repeat(50);
        const ids = await store.transaction(async (tx) => [
          (await tx.articles.insert(testArticle('Raw page one.', { raw, format: 'html', hints: { id: 'x-1' } }))).id,
          (await tx.articles.insert(testArticle('Raw page two.'))).id,
        ]);
        expect(await store.articles.raw(ids[0]!)).toEqual({ content: raw, hints: { id: 'x-1' }, format: 'html', origin: 'test' });
        expect((await store.articles.getMany([ids[1]!, 999_999, ids[0]!])).map((a) => a.id)).toEqual([ids[1], ids[0]]);
        expect(await store.articles.get(999_999)).toBeNull();
        expect(await store.articles.raw(999_999)).toBeNull();
      });

      it('filters by source (any case) and date range, inclusive of the last day, in publication order', async () => {
        const { store } = await open();
        await store.transaction(async (tx) => {
          await tx.articles.insert(testArticle('three', { source: 'a', published: '2026-10-15' }));
          await tx.articles.insert(testArticle('one', { source: 'A', published: '2026-10-13' }));
          await tx.articles.insert(testArticle('two', { source: 'B', published: '2026-10-14T18:00:00Z' }));
        });
        expect((await store.articles.list({ source: 'A' })).map((a) => a.text)).toEqual(['one', 'three']);
        expect((await store.articles.list({ since: '2026-10-14', until: '2026-10-14' })).map((a) => a.text)).toEqual(['two']);
        expect((await store.articles.list({ limit: 2 })).map((a) => a.text)).toEqual(['one', 'two']);
        expect((await store.articles.list({ order: 'id' })).map((a) => a.text)).toEqual(['three', 'one', 'two']);
        expect(await store.articles.outletNames()).toEqual([
          { name: 'A', articles: 1 },
          { name: 'B', articles: 1 },
          { name: 'a', articles: 1 },
        ]);
      });

      it('re-extraction replaces the text and the search follows it', async () => {
        const { store } = await open();
        const { id } = await store.transaction((tx) => tx.articles.insert(testArticle('The old lighthouse was restored.')));
        await store.transaction(async (tx) => storyOf(tx, 1, []));
        await store.transaction((tx) => tx.stories.insertAssignment({ articleId: id, storyId: 1, isNew: true, score: 1, reasons: [], copyOf: null, clusterVersion: 1, assignedAt: NOW }));
        expect((await store.stories.page({ q: 'lighthouse', limit: 10, offset: 0 })).total).toBe(0); // story 1 has size 0 in its row: not live
        await store.transaction((tx) => tx.stories.upsert({ id: 1, title: 'Lighthouse', size: 1, firstSeen: NOW, lastSeen: NOW, isActive: true }, NOW));
        expect((await store.stories.page({ q: 'lighthouse', limit: 10, offset: 0 })).total).toBe(1);
        const text = 'The windmill was restored.';
        await store.transaction((tx) =>
          tx.articles.updateExtraction(id, { ...testArticle(text, { title: 'Windmill' }), paragraphs: [text] }),
        );
        expect((await store.articles.get(id))?.text).toBe(text);
        expect((await store.stories.page({ q: 'lighthouse', limit: 10, offset: 0 })).total).toBe(0);
        expect((await store.stories.page({ q: 'windmill', limit: 10, offset: 0 })).total).toBe(1);
      });
    });

    describe('stories: filters, cursors, search', () => {
      /** Twelve one-article stories over twelve days, three outlets, two languages. */
      async function twelve(store: StorePort): Promise<void> {
        await store.transaction(async (tx) => {
          for (let i = 1; i <= 12; i++) {
            const day = `2026-10-${String(i).padStart(2, '0')}`;
            const topic = i % 2 === 0 ? 'harbour ferry' : 'library council';
            await storyOf(tx, i, [
              testArticle(`Report ${i} on the ${topic} from day ${i}.`, { source: `Outlet ${i % 3}`, published: `${day}T10:00:00Z`, language: i <= 8 ? 'en' : 'fr' }),
            ]);
          }
        });
      }

      it('pages through every story once, newest first, with a total; largest first too', async () => {
        const { store } = await open();
        await twelve(store);
        const seen: number[] = [];
        for (let offset = 0; offset < 20; offset += 5) {
          const { rows, total } = await store.stories.page({ limit: 5, offset });
          expect(total).toBe(12);
          seen.push(...rows.map((r) => r.id));
        }
        expect(seen).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        expect((await store.stories.page({ limit: 5, offset: 1_000_000 })).rows).toEqual([]);
        expect((await store.stories.page({ limit: 3, offset: 0, order: 'largest' })).rows.map((r) => r.articleCount)).toEqual([1, 1, 1]);
        expect((await store.stories.list({ limit: 2 })).map((s) => s.id)).toEqual([12, 11]);
      });

      it('filters by outlet, language, dates and words; the filters combine', async () => {
        const { store } = await open();
        await twelve(store);
        const ids = async (filter: Partial<Parameters<StorePort['stories']['page']>[0]>): Promise<number[]> =>
          (await store.stories.page({ limit: 50, offset: 0, ...filter })).rows.map((r) => r.id).sort((a, b) => a - b);
        expect(await ids({ outlet: 'outlet 1' })).toEqual([1, 4, 7, 10]);
        expect(await ids({ language: 'FR' })).toEqual([9, 10, 11, 12]);
        expect(await ids({ from: '2026-10-10' })).toEqual([10, 11, 12]);
        expect(await ids({ to: '2026-10-02' })).toEqual([1, 2]);
        expect(await ids({ q: 'ferry' })).toEqual([2, 4, 6, 8, 10, 12]);
        expect(await ids({ q: 'ferr' })).toEqual([2, 4, 6, 8, 10, 12]); // the last word is a prefix
        expect(await ids({ q: '"harbour ferry" day' })).toEqual([2, 4, 6, 8, 10, 12]);
        expect(await ids({ q: 'ferry', language: 'fr', outlet: 'Outlet 0' })).toEqual([12]);
        expect(await ids({ q: 'nothing-like-this' })).toEqual([]);
        // Search syntax in the reader's words is words, never an error.
        for (const q of ['a OR b NEAR(c', '"', '***', 'title:ferry', "O'Brien's", '-ferry', 'ferry AND']) {
          await expect(store.stories.page({ q, limit: 5, offset: 0 })).resolves.toBeDefined();
        }
        const summary = await store.stories.summarize((await store.stories.page({ limit: 1, offset: 0 })).rows);
        // The same matching as ids only, and only among some stories.
        expect(await store.stories.matching({ q: 'ferry' })).toEqual([2, 4, 6, 8, 10, 12]);
        expect(await store.stories.matching({ q: 'ferry' }, [1, 2, 3, 4])).toEqual([2, 4]);
        expect(await store.stories.matching({ q: 'ferry' }, [])).toEqual([]);
        expect(await store.stories.matching({ q: '"" ,' })).toEqual([]);
        expect(await store.stories.matching({}, [3, 99])).toEqual([3]);
        expect(summary[0]).toMatchObject({ id: 12, outlets: [{ name: 'Outlet 0', articles: 1 }], days: [{ day: '2026-10-12', articles: 1 }] });
        expect((await store.articles.languages(10)).sort()).toEqual(['en', 'fr']);
      });

      it('reads search operators in q as the filters they name, all at once, and excerpts what matched', async () => {
        const { store } = await open();
        await twelve(store);
        await store.transaction((tx) =>
          storyOf(tx, 13, [
            testArticle('The harbour master said: "No ferry sails tonight." Crews waited.', { source: null, url: 'https://www.quay-news.example/a', published: '2026-10-13T09:00:00Z', language: 'en' }),
          ]),
        );
        const ids = async (q: string): Promise<number[]> => (await store.stories.page({ q, limit: 50, offset: 0 })).rows.map((r) => r.id).sort((a, b) => a - b);
        expect(await ids('outlet:"outlet 1"')).toEqual([1, 4, 7, 10]);
        expect(await ids('ferry lang:fr outlet:"Outlet 0"')).toEqual([12]);
        expect(await ids('date:2026-10-10..2026-10-11')).toEqual([10, 11]);
        expect(await ids('from:2026-10-12 to:2026-10')).toEqual([12, 13]);
        // A nameless article is found by the host it is labelled by.
        expect(await ids('outlet:quay-news.example')).toEqual([13]);
        // Words inside quotation marks only.
        expect(await ids('quote:"no ferry sails"')).toEqual([13]);
        expect(await ids('quote:"crews waited"')).toEqual([]);
        expect(await ids('quote:"harbour ferry"')).toEqual([]);
        expect(await store.stories.matching({ q: 'quote:"ferry sails tonight"' })).toEqual([13]);
        // The excerpt marks the words searched for, else the quote.
        const [snippet] = await store.stories.snippets([13], 'quote:"ferry sails"');
        expect(snippet).toMatchObject({ storyId: 13, source: null, url: 'https://www.quay-news.example/a' });
        // (A phrase is one mark or one per word, as each store's excerpt function gives it.)
        expect(snippet!.highlights.map(([a, b]) => snippet!.text.slice(a, b).toLowerCase()).join(' ')).toBe('ferry sails');
        expect(await store.stories.snippets([13], 'outlet:quay-news.example')).toEqual([]);
        // Counted by label: the nameless article is an outlet of its own, by host.
        expect((await store.stories.get(13))?.outletCount).toBe(1);
        expect((await store.stories.summarize([(await store.stories.head(13))!]))[0]?.outlets).toEqual([{ name: 'quay-news.example', articles: 1 }]);
      });

      it('pages the assignment log with a sequence cursor, every assignment once, in order', async () => {
        const { store } = await open();
        await twelve(store);
        const seen: number[] = [];
        let seq = 0;
        for (let round = 0; round < 10; round++) {
          const rows = await store.events.after(seq, 5);
          if (rows.length === 0) break;
          seen.push(...rows.map((r) => r.articleId));
          seq = rows.at(-1)!.seq;
        }
        expect(seen).toHaveLength(12);
        expect(new Set(seen).size).toBe(12);
        expect(seq).toBe(await store.events.maxSeq());
        expect((await store.events.assignedAfter(0)).map((r) => r.articleId)).toEqual(seen);
      });
    });

    describe('merges', () => {
      it('follows merged story ids to the live story, for stories, articles and events', async () => {
        const { store } = await open();
        const [a, b] = await store.transaction(async (tx) => [
          ...(await storyOf(tx, 1, [testArticle('First report of the flood.')])),
          ...(await storyOf(tx, 2, [testArticle('Second report of the flood.')])),
        ]);
        await store.transaction(async (tx) => storyOf(tx, 3, [testArticle('Third report of the flood.')]));
        // 1 is merged into 2, then 2 into 3.
        await store.transaction(async (tx) => {
          await tx.stories.recordMerge([1], 2, a!, NOW);
          await tx.stories.upsert({ id: 2, title: 'Story 2', size: 2, firstSeen: NOW, lastSeen: NOW, isActive: true }, NOW);
        });
        await store.transaction(async (tx) => {
          await tx.stories.recordMerge([2], 3, b!, NOW);
          await tx.stories.upsert({ id: 3, title: 'Story 3', size: 3, firstSeen: NOW, lastSeen: NOW, isActive: true }, NOW);
        });
        expect(await store.stories.liveId(1)).toBe(3);
        expect(await store.stories.liveId(2)).toBe(3);
        expect(await store.stories.liveId(3)).toBe(3);
        expect(await store.stories.liveId(99)).toBeNull();
        expect((await store.stories.get(1))?.id).toBe(3);
        expect(await store.stories.head(1)).toBeNull(); // a head is not followed
        expect(await store.stories.ofArticle(a!)).toBe(3);
        expect(await store.stories.articleIds(3)).toHaveLength(3);
        expect((await store.stories.list()).map((s) => s.id)).toEqual([3]);
        expect((await store.stories.merges()).map((m) => [m.fromStory, m.intoStory])).toEqual([
          [1, 2],
          [2, 3],
        ]);
        expect(new Set((await store.events.after(0, 10)).map((e) => e.storyId))).toEqual(new Set([3]));
      });

      it('an empty story is no story: not listed, not followed to', async () => {
        const { store } = await open();
        await store.transaction(async (tx) => {
          await storyOf(tx, 1, [testArticle('A report that later moved.')]);
          await tx.stories.upsert({ id: 2, title: 'Emptied', size: 0, firstSeen: null, lastSeen: null, isActive: false }, NOW);
          await tx.stories.recordMerge([4], 2, 1, NOW);
        });
        expect(await store.stories.liveId(2)).toBeNull();
        expect(await store.stories.get(2)).toBeNull();
        expect(await store.stories.head(2)).toBeNull();
        expect((await store.stories.list()).map((s) => s.id)).toEqual([1]);
        expect((await store.stories.page({ limit: 10, offset: 0 })).total).toBe(1);
      });
    });

    describe('follows and webhooks', () => {
      const follow = { kind: 'search' as const, target: 'harbour fire', label: 'search: harbour fire', epoch: 0, createdAt: NOW };
      const event = (followId: number, type: 'new_story' | 'new_disagreement' | 'updated_counts', storyId = 1) => ({
        followId,
        type,
        storyId,
        title: `${type} of story ${storyId}`,
        text: 'Story: 2 articles from 2 outlets.',
        data: { story: { id: storyId }, nested: ['a', 1] },
        createdAt: NOW,
      });

      it('keeps follows, what each saw of its stories and what each was told, newest first; deleting one drops the rest', async () => {
        const { store } = await open();
        const [a, b] = await store.transaction(async (tx) => [await tx.follows.create(follow), await tx.follows.create({ ...follow, kind: 'entity', target: 'Arden', label: 'entity: Arden' })]);
        expect(await store.follows.get(a.id)).toEqual(a);
        expect((await store.follows.list()).map((f) => f.id)).toEqual([a.id, b.id]);
        expect(await store.follows.count()).toBe(2);
        expect(await store.follows.seen(a.id, 1)).toBeNull();
        await store.transaction((tx) => tx.follows.markSeen({ followId: a.id, storyId: 1, articleCount: 2, outletCount: 1, disagreements: null }));
        await store.transaction((tx) => tx.follows.markSeen({ followId: a.id, storyId: 1, articleCount: 3, outletCount: 2, disagreements: ['figure|people'] }));
        expect(await store.follows.seen(a.id, 1)).toEqual({ followId: a.id, storyId: 1, articleCount: 3, outletCount: 2, disagreements: ['figure|people'] });
        expect(await store.follows.seen(b.id, 1)).toBeNull();
        const told = await store.transaction(async (tx) => [await tx.follows.addEvent(event(a.id, 'new_story')), await tx.follows.addEvent(event(a.id, 'updated_counts'))]);
        expect(await store.follows.events(a.id, 10)).toEqual([told[1], told[0]]);
        expect(await store.follows.events(a.id, 1)).toEqual([told[1]]);
        expect(await store.follows.event(told[0]!.id)).toEqual(told[0]);
        expect(await store.follows.events(b.id, 10)).toEqual([]);

        await store.transaction((tx) => tx.follows.resetSeen(a.id, 3));
        expect(await store.follows.seen(a.id, 1)).toBeNull();
        expect((await store.follows.get(a.id))?.epoch).toBe(3);

        await store.transaction((tx) => tx.webhooks.create({ url: 'https://hooks.example/a', secret: 's'.repeat(16), followId: a.id, types: ['new_story'], createdAt: NOW }));
        expect(await store.transaction((tx) => tx.follows.delete(a.id))).toBe(true);
        expect(await store.transaction((tx) => tx.follows.delete(a.id))).toBe(false);
        expect(await store.follows.get(a.id)).toBeNull();
        expect(await store.follows.event(told[0]!.id)).toBeNull();
        expect(await store.webhooks.list()).toEqual([]);
      });

      it('queues an event for the webhooks that want it, hands out deliveries as they fall due, and logs every attempt', async () => {
        const { store } = await open();
        const [a, b] = await store.transaction(async (tx) => [await tx.follows.create(follow), await tx.follows.create(follow)]);
        const hooks = await store.transaction(async (tx) => [
          await tx.webhooks.create({ url: 'https://hooks.example/all', secret: 's'.repeat(16), followId: null, types: ['new_story', 'updated_counts'], createdAt: NOW }),
          await tx.webhooks.create({ url: 'https://hooks.example/a', secret: 't'.repeat(16), followId: a.id, types: ['new_disagreement'], createdAt: NOW }),
        ]);
        expect(await store.webhooks.get(hooks[0]!.id)).toEqual(hooks[0]);
        expect((await store.webhooks.list()).map((h) => h.url)).toEqual(['https://hooks.example/all', 'https://hooks.example/a']);
        const queued = await store.transaction(async (tx) => {
          const story = await tx.follows.addEvent(event(b.id, 'new_story'));
          const disagreement = await tx.follows.addEvent(event(a.id, 'new_disagreement'));
          const other = await tx.follows.addEvent(event(b.id, 'new_disagreement'));
          return [await tx.webhooks.enqueue(story, NOW), await tx.webhooks.enqueue(disagreement, NOW), await tx.webhooks.enqueue(other, NOW)];
        });
        expect(queued).toEqual([1, 1, 0]);
        expect(await store.webhooks.nextDueAt()).toBe(NOW);
        const due = await store.webhooks.due(NOW, 10);
        expect(due.map((d) => [d.webhookId, d.status, d.attempts])).toEqual([
          [hooks[0]!.id, 'pending', 0],
          [hooks[1]!.id, 'pending', 0],
        ]);
        expect(await store.webhooks.due('2026-10-14T00:00:00.000Z', 10)).toEqual([]);
        const later = '2026-10-15T00:01:00.000Z';
        await store.transaction((tx) =>
          tx.webhooks.recordAttempt(due[0]!.id, { status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503', nextAttemptAt: later, deliveredAt: null, updatedAt: NOW }),
        );
        await store.transaction((tx) =>
          tx.webhooks.recordAttempt(due[1]!.id, { status: 'delivered', attempts: 1, lastStatus: 204, lastError: null, nextAttemptAt: null, deliveredAt: NOW, updatedAt: NOW }),
        );
        expect(await store.webhooks.due(NOW, 10)).toEqual([]);
        expect(await store.webhooks.nextDueAt()).toBe(later);
        expect((await store.webhooks.due(later, 10)).map((d) => d.id)).toEqual([due[0]!.id]);
        expect(await store.webhooks.deliveries(hooks[0]!.id, 10)).toEqual([
          expect.objectContaining({ status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503', nextAttemptAt: later }),
        ]);
        expect((await store.webhooks.deliveries(hooks[1]!.id, 10))[0]).toMatchObject({ status: 'delivered', lastStatus: 204, deliveredAt: NOW });
        expect(await store.transaction((tx) => tx.webhooks.delete(hooks[0]!.id))).toBe(true);
        expect(await store.webhooks.deliveries(hooks[0]!.id, 10)).toEqual([]);
        expect(await store.webhooks.nextDueAt()).toBeNull();
      });
    });

    describe('outlet profiles', () => {
      it('keeps the outlets a newsroom knows, a profile of the same name (any case) replacing the old one', async () => {
        const { store } = await open();
        const wire = { name: 'Northwind News', domains: ['northwind.example'], country: 'GB', language: 'en', owner: null, labels: { type: 'wire' } };
        const herald = { name: 'Harbourton Herald', domains: [], country: null, language: null, owner: 'Herald Group', labels: {} };
        expect(await store.outletProfiles.list()).toEqual([]);
        expect(await store.transaction((tx) => tx.outletProfiles.put([wire, herald], NOW))).toEqual({ added: 2, updated: 0 });
        expect(await store.outletProfiles.list()).toEqual([herald, wire]);
        const renamed = { ...wire, name: 'NORTHWIND NEWS', labels: { type: 'wire', lean: 'centre' } };
        expect(await store.transaction((tx) => tx.outletProfiles.put([renamed], NOW))).toEqual({ added: 0, updated: 1 });
        expect(await store.outletProfiles.list()).toEqual([herald, renamed]);
      });
    });

    describe('fact sheets and analyses', () => {
      it('keeps one sheet per story under its key; a new key replaces it with its entities', async () => {
        const { store } = await open();
        await store.transaction(async (tx) => {
          await storyOf(tx, 1, [testArticle('The minister met the mayor of Arden.')]);
          await storyOf(tx, 2, [testArticle('The mayor of Arden opened the bridge.')]);
        });
        expect(await store.factSheets.get(1)).toBeNull();
        await store.transaction((tx) =>
          tx.factSheets.put({ storyId: 1, key: 'v1:1:aaa', data: '{"v":1}' }, 1, [{ id: 'arden', name: 'Arden', kind: 'place', mentions: 2 }], NOW),
        );
        await store.transaction((tx) => tx.factSheets.put({ storyId: 2, key: 'v1:1:bbb', data: '{"v":2}' }, 1, [{ id: 'arden', name: 'Arden', kind: 'place', mentions: 1 }], NOW));
        expect(await store.factSheets.get(1)).toEqual({ storyId: 1, key: 'v1:1:aaa', data: '{"v":1}', builtAt: NOW });
        expect(await store.stories.entities({ limit: 10 })).toEqual([{ name: 'Arden', kind: 'place', stories: 2, mentions: 3 }]);
        expect((await store.stories.page({ entity: 'arden', limit: 10, offset: 0 })).total).toBe(2);
        expect(await store.stories.matching({ entity: 'ARDEN' }, [2])).toEqual([2]);
        await store.transaction((tx) => tx.factSheets.put({ storyId: 1, key: 'v1:2:ccc', data: '{"v":3}' }, 1, [{ id: 'mayor', name: 'the mayor', kind: 'person', mentions: 1 }], NOW));
        expect((await store.factSheets.get(1))?.key).toBe('v1:2:ccc');
        expect(await store.stories.entities({ limit: 10, kind: 'place' })).toEqual([{ name: 'Arden', kind: 'place', stories: 1, mentions: 1 }]);
      });

      it('keeps copy-detection keys exactly, by version and arrival; new text drops them', async () => {
        const { store } = await open();
        const ids = await store.transaction(async (tx) => [
          (await tx.articles.insert(testArticle('Old report.', { ingestedAt: '2026-09-01T00:00:00.000Z' }))).id,
          (await tx.articles.insert(testArticle('New report.', { ingestedAt: '2026-10-15T00:00:00.000Z' }))).id,
        ]);
        const shingles = new Uint32Array([1, 7, 0xffffffff, 2 ** 31]);
        const signature = new Uint32Array(128).map((_, i) => (i * 2654435761) >>> 0);
        expect(await store.copyKeys.newest()).toBeNull();
        await store.transaction(async (tx) => {
          await tx.copyKeys.put({ articleId: ids[0]!, textHash: 'aaaa', shingles, signature }, 1, '2026-09-01T00:00:00.000Z');
          await tx.copyKeys.put({ articleId: ids[1]!, textHash: 'bbbb', shingles: new Uint32Array([5]), signature }, 1, '2026-10-15T00:00:00.000Z');
        });
        expect(await store.copyKeys.newest()).toBe('2026-10-15T00:00:00.000Z');
        const [old] = await store.copyKeys.get([ids[0]!], 1);
        expect(old?.textHash).toBe('aaaa');
        expect([...old!.shingles]).toEqual([...shingles]);
        expect([...old!.signature]).toEqual([...signature]);
        expect((await store.copyKeys.window('2026-10-01T00:00:00.000Z', 1)).map((k) => k.articleId)).toEqual([ids[1]]);
        expect((await store.copyKeys.window(null, 1)).map((k) => k.articleId)).toEqual(ids);
        expect(await store.copyKeys.window(null, 2)).toEqual([]);
        expect(await store.copyKeys.missing(ids, 1)).toEqual([]);
        expect(await store.copyKeys.missing(ids, 2)).toEqual(ids);
        await store.transaction((tx) => tx.articles.updateExtraction(ids[0]!, { ...testArticle('Old report, re-extracted.') }));
        expect(await store.copyKeys.missing(ids, 1)).toEqual([ids[0]]);
        expect(await store.articles.published(ids)).toEqual(new Map([[ids[0]!, '2026-10-14'], [ids[1]!, '2026-10-14']]));
      });

      it('keeps per-article analyses by version', async () => {
        const { store } = await open();
        const { id } = await store.transaction((tx) => tx.articles.insert(testArticle('The bridge opened.')));
        await store.transaction((tx) => tx.analyses.put([{ articleId: id, data: '{"a":1}' }], 3));
        expect(await store.analyses.get([id], 3)).toEqual(new Map([[id, '{"a":1}']]));
        expect((await store.analyses.get([id], 4)).size).toBe(0);
        await store.transaction((tx) => tx.analyses.put([{ articleId: id, data: '{"a":2}' }], 4));
        expect(await store.analyses.get([id], 4)).toEqual(new Map([[id, '{"a":2}']]));
        expect((await store.analyses.get([id], 3)).size).toBe(0);
      });

      it('clearing the derived rows (a recluster) clears sheets and their entities, keeps articles and analyses, and moves the epoch', async () => {
        const { store } = await open();
        const [id] = await store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.')]));
        await store.transaction(async (tx) => {
          await tx.factSheets.put({ storyId: 1, key: 'k', data: '{}' }, 1, [{ id: 'x', name: 'Festival', kind: 'event', mentions: 1 }], NOW);
          await tx.analyses.put([{ articleId: id!, data: '{}' }], 1);
          await tx.state.save('clusterer', { version: 1, seq: 1, data: '{}' }, NOW);
        });
        const epoch = await store.events.epoch();
        await store.transaction((tx) => tx.stories.clearDerived());
        expect(await store.events.epoch()).not.toBe(epoch);
        expect(await store.factSheets.get(1)).toBeNull();
        expect(await store.stories.entities({ limit: 10 })).toEqual([]);
        expect(await store.stories.list()).toEqual([]);
        expect(await store.state.load('clusterer')).toBeNull();
        expect(await store.events.maxSeq()).toBe(0);
        expect(await store.articles.pendingIds()).toEqual([id]);
        expect((await store.analyses.get([id!], 1)).size).toBe(1);
      });
    });

    describe('rebuilding the derived rows beside the live ones (a recluster)', () => {
      /** Assigns the pending articles of `store` into one story `id` (as a clusterer starting at the floor would). */
      async function assignAllTo(store: StorePort, id: number): Promise<void> {
        await store.transaction(async (tx) => {
          const ids = await tx.articles.pendingIds();
          await tx.stories.upsert({ id, title: `Rebuilt ${id}`, size: ids.length, firstSeen: '2026-10-14', lastSeen: '2026-10-14', isActive: true }, NOW);
          for (const articleId of ids) {
            await tx.stories.insertAssignment({ articleId, storyId: id, isNew: articleId === ids[0], score: 1, reasons: ['rebuilt'], copyOf: null, clusterVersion: 1, assignedAt: NOW });
          }
          await tx.state.save('clusterer', { version: 1, seq: await tx.events.maxSeq(), data: JSON.stringify({ next: id + 1 }) }, NOW);
        });
      }

      it('builds on the live articles with no derived rows, while readers see the old stories; swaps in at the end, clearing sheets and entities', async () => {
        const { store } = await open();
        const ids = await store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.'), testArticle('The bridge closed.')]));
        await store.transaction((tx) => tx.factSheets.put({ storyId: 1, key: 'k', data: '{}' }, 1, [{ id: 'x', name: 'Festival', kind: 'event', mentions: 1 }], NOW));
        const epoch = await store.events.epoch();
        expect(await store.stories.idFloor()).toBe(1);
        await store.rebuildDerived(async (scratch) => {
          expect(await scratch.articles.pendingIds()).toEqual(ids);
          expect(await scratch.stories.list()).toEqual([]);
          expect(await scratch.factSheets.get(1)).toBeNull();
          expect(await scratch.stories.idFloor()).toBe(2);
          await assignAllTo(scratch, 2);
          // Not swapped in yet: the live store still shows the old story and its sheet.
          expect((await store.stories.list()).map((s) => s.id)).toEqual([1]);
          expect(await store.factSheets.get(1)).not.toBeNull();
        });
        expect((await store.stories.list()).map((s) => [s.id, s.articleCount])).toEqual([[2, 2]]);
        expect(await store.stories.ofArticle(ids[0]!)).toBe(2);
        expect(await store.stories.get(1)).toBeNull();
        expect(await store.factSheets.get(1)).toBeNull();
        expect(await store.stories.entities({ limit: 10 })).toEqual([]);
        expect(await store.events.epoch()).not.toBe(epoch);
        expect(await store.stories.idFloor()).toBe(2);
        expect((await store.state.load('clusterer'))?.data).toBe('{"next":3}');
        expect(await store.articles.pendingIds()).toEqual([]);
      });

      it('a rebuild that fails part way leaves the live rows as they were, and the next one starts clean', async () => {
        const { store } = await open();
        await store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.')]));
        const before = await store.stories.list();
        await expect(
          store.rebuildDerived(async (scratch) => {
            await assignAllTo(scratch, 2);
            throw new Error('stopped');
          }),
        ).rejects.toThrow('stopped');
        expect(await store.stories.list()).toEqual(before);
        expect(await store.stories.idFloor()).toBe(1);
        await store.rebuildDerived(async (scratch) => {
          expect(await scratch.stories.list()).toEqual([]);
          expect(await scratch.articles.pendingIds()).toHaveLength(1);
        });
      });

      it('a killed rebuild leaves the live rows: a reopened store has them, and nothing of the rebuild', async () => {
        const sut = await open();
        await sut.store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.')]));
        const before = await sut.store.stories.list();
        let reopened: StorePort | null = null;
        await expect(
          sut.store.rebuildDerived(async (scratch) => {
            await assignAllTo(scratch, 2);
            // Another process opening the store meanwhile sees the live rows only.
            const other = await sut.second();
            expect(await other.stories.list()).toEqual(before);
            throw new Error('killed');
          }),
        ).rejects.toThrow('killed');
        reopened = await sut.reopen();
        expect(await reopened.stories.list()).toEqual(before);
        expect(await reopened.articles.pendingIds()).toEqual([]);
      });

      it('never holds the write lock while it builds: another process writes meanwhile', async () => {
        const sut = await open();
        await sut.store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.')]));
        const other = await sut.second();
        await sut.store.rebuildDerived(async (scratch) => {
          await assignAllTo(scratch, 2);
          await scratch.transaction(async () => {
            await other.transaction((tx) => tx.articles.insert(testArticle('The market reopened.')), { deadlineMs: 2000 });
          });
        });
        // The article stored meanwhile is in no story after the swap: the pending articles are assigned after it.
        expect(await sut.store.articles.pendingIds()).toHaveLength(1);
      });

      it('story ids are never given again: the floor moves above every id, clearing too', async () => {
        const { store } = await open();
        await store.transaction((tx) => storyOf(tx, 5, [testArticle('The festival opened.')]));
        await store.transaction((tx) => tx.stories.clearDerived());
        expect(await store.stories.idFloor()).toBe(6);
        await store.transaction(async (tx) => {
          await tx.stories.upsert({ id: 6, title: 'Six', size: 0, firstSeen: null, lastSeen: null, isActive: true }, NOW);
        });
        await store.transaction((tx) => tx.stories.clearDerived());
        expect(await store.stories.idFloor()).toBe(7);
        await store.rebuildDerived((scratch) => assignAllTo(scratch, 7));
        await store.rebuildDerived(async (scratch) => {
          expect(await scratch.stories.idFloor()).toBe(8);
          await assignAllTo(scratch, 8);
        });
        expect(await store.stories.idFloor()).toBe(8);
      });

      it('moves the rebuilt ids above stories another writer made meanwhile, with the saved state shifted by the caller', async () => {
        const sut = await open();
        await sut.store.transaction((tx) => storyOf(tx, 1, [testArticle('The festival opened.')]));
        const other = await sut.second();
        const shifts: number[] = [];
        await sut.store.rebuildDerived(
          async (scratch) => {
            await assignAllTo(scratch, 2);
            // Another writer gives ids 2 and 3 in the live store meanwhile.
            await other.transaction((tx) => storyOf(tx, 3, [testArticle('The market reopened.')]));
            await other.transaction((tx) => tx.stories.upsert({ id: 2, title: 'Two', size: 0, firstSeen: null, lastSeen: null, isActive: true }, NOW));
          },
          {
            shiftState: (name, state, shift) => {
              shifts.push(shift);
              return { ...state, data: JSON.stringify({ name, next: (JSON.parse(state.data) as { next: number }).next + shift }) };
            },
          },
        );
        expect(shifts).toEqual([2]);
        const live = await sut.store.stories.list();
        expect(live.map((s) => s.id)).toEqual([4]);
        expect(await sut.store.stories.idFloor()).toBe(4);
        expect((await sut.store.state.load('clusterer'))?.data).toBe('{"name":"clusterer","next":5}');
        // The article the other writer assigned meanwhile waits to be assigned again.
        expect(await sut.store.articles.pendingIds()).toHaveLength(1);
        const [assigned] = await sut.store.stories.articleIds(4);
        expect(await sut.store.stories.ofArticle(assigned!)).toBe(4);
      });
    });

    describe('transactions, kill and resume', () => {
      it('a transaction that throws leaves nothing; the next one goes on', async () => {
        const { store } = await open();
        await expect(
          store.transaction(async (tx) => {
            await tx.articles.insert(testArticle('Half-written article.'));
            throw new Error('killed mid-way');
          }),
        ).rejects.toThrow('killed mid-way');
        expect(await store.articles.count()).toBe(0);
        await store.transaction((tx) => tx.articles.insert(testArticle('Whole article.')));
        expect(await store.articles.count()).toBe(1);
      });

      it('what was committed survives a restart; an article stored without its story is pending until assigned', async () => {
        const handle = await open();
        const { store } = handle;
        const [assigned] = await store.transaction((tx) => storyOf(tx, 1, [testArticle('Assigned before the kill.')]));
        const pending = (await store.transaction((tx) => tx.articles.insert(testArticle('Stored, then the process was killed.', { published: '2026-10-13' })))).id;
        await store.transaction((tx) => tx.state.save('clusterer', { version: 2, seq: 1, data: '{"stories":1}' }, NOW));
        await store.transaction((tx) => tx.feeds.put({ url: 'https://feeds.example/rss', title: 'Feed', etag: '"e"', lastModified: null, lastPolledAt: NOW, nextPollAt: NOW, lastSuccessAt: NOW, intervalMs: 60_000, consecutiveFailures: 0, lastError: null, articlesFound: 2, lastStatus: 200, isBlockedByRobots: false }));
        // The assignment of the pending article was under way when the process died.
        await expect(
          store.transaction(async (tx) => {
            await tx.stories.insertAssignment({ articleId: pending, storyId: 1, isNew: false, score: 1, reasons: [], copyOf: null, clusterVersion: 1, assignedAt: NOW });
            throw new Error('killed');
          }),
        ).rejects.toThrow('killed');
        const again = await handle.reopen();
        expect(await again.articles.count()).toBe(2);
        expect(await again.articles.pendingIds()).toEqual([pending]);
        expect(await again.stories.ofArticle(assigned!)).toBe(1);
        expect(await again.state.load('clusterer')).toEqual({ version: 2, seq: 1, data: '{"stories":1}' });
        expect(await again.state.load('nothing')).toBeNull();
        expect((await again.feeds.get('https://feeds.example/rss'))?.etag).toBe('"e"');
        expect((await again.feeds.list()).map((f) => f.url)).toEqual(['https://feeds.example/rss']);
        expect(await again.feeds.get('https://other.example/')).toBeUndefined();
      });

      it('keeps each feed\'s health: the HTTP status of its last answer and whether robots.txt blocks it', async () => {
        const { store } = await open();
        const feed = { url: 'https://feeds.example/a', title: null, etag: null, lastModified: null, lastPolledAt: NOW, nextPollAt: NOW, lastSuccessAt: null, intervalMs: 60_000, consecutiveFailures: 1, lastError: 'HTTP 503', articlesFound: 0, lastStatus: 503, isBlockedByRobots: false };
        await store.transaction((tx) => tx.feeds.put(feed));
        expect(await store.feeds.get(feed.url)).toEqual(feed);
        await store.transaction((tx) => tx.feeds.put({ ...feed, lastStatus: null, isBlockedByRobots: true }));
        expect(await store.feeds.get(feed.url)).toMatchObject({ lastStatus: null, isBlockedByRobots: true });
        expect((await store.feeds.list())[0]).toMatchObject({ lastStatus: null, isBlockedByRobots: true });
      });

      it('a writer waits for another handle holding the write lock, and gives up with store_busy after its deadline, writing nothing', async () => {
        const { store, second } = await open();
        const other = await second();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        const holder = other.transaction(async (tx) => {
          await tx.articles.insert(testArticle('Written by the slow writer.'));
          holding();
          await gate;
        });
        await held;
        const refused = await store.transaction((tx) => tx.articles.insert(testArticle('Refused while busy.')), { deadlineMs: 150 }).catch((error: unknown) => error);
        expect(isCrosscheckError(refused) && refused.code === 'store_busy').toBe(true);
        const waiting = store.transaction((tx) => tx.articles.insert(testArticle('Written after the wait.')), { deadlineMs: 60_000 });
        release();
        await holder;
        expect((await waiting).status).toBe('new');
        expect((await store.articles.list()).map((a) => a.text).sort()).toEqual(['Written after the wait.', 'Written by the slow writer.']);
      });

      it('the change token moves when another handle writes', async () => {
        const { store, second } = await open();
        const other = await second();
        const before = await store.events.changeToken();
        expect(await store.events.changeToken()).toBe(before);
        await other.transaction((tx) => tx.articles.insert(testArticle('Written elsewhere.')));
        expect(await store.events.changeToken()).not.toBe(before);
      });
    });
  });
}
