import type { FactSheet, SheetFigureGroup } from '../analyze/index.js';
import type { FollowEventRow, FollowEventType, FollowRow, StorePort, StoreTx } from '../store/index.js';
import { ApiError } from './errors.js';
import type { NewFollowBody } from './schemas.js';
import { toFtsQuery } from './story-query.js';

/** Events of one follow shown by its feeds and by `GET /api/follows/{id}` unless asked otherwise. */
export const DEFAULT_FOLLOW_EVENTS = 50;

/** A follow as the API shows it, with where feed readers subscribe. */
export interface FollowView {
  id: number;
  kind: FollowRow['kind'];
  target: string;
  label: string;
  createdAt: string;
  /** Paths of its feeds on this server. */
  feeds: { json: string; rss: string };
}

export interface FollowsOptions {
  store: StorePort;
  now: () => Date;
  /** The fact sheet of a live story (built or cached), or null. */
  factSheet: (storyId: number) => Promise<FactSheet | null>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The outlets of a figure value, each once, in citation order. */
function outletsOf(value: SheetFigureGroup['values'][number]): string[] {
  return [...new Set(value.citations.map((c) => c.source ?? `#${c.articleId}`))];
}

/** A figure group's identity across rebuilds of the sheet: what is measured, not the values. */
export function disagreementKey(group: SheetFigureGroup): string {
  return [group.kind, group.unit, group.measure.counted ?? '', group.measure.predicate ?? '', [...group.measure.about].sort().join(',')].join('|');
}

/** "people injured: at least 12 (Northwind News, Bay Courier) vs 20 (Harbourton Herald)": a disagreement as one line. */
export function disagreementDigest(group: SheetFigureGroup): string {
  return `${group.caption}: ${group.values.map((v) => `${v.text} (${outletsOf(v).join(', ')})`).join(' vs ')}`;
}

/**
 * Follows: saved searches, followed stories and entities. When an article joins a story, every
 * follow matching the story is told what changed, as events (the items of its JSON Feed and RSS
 * feed and the payloads of its webhooks): a story it had not seen (`new_story`), a figure on
 * which outlets now disagree (`new_disagreement`, as the fact sheet flags it), new article or
 * outlet counts (`updated_counts`). A follow starts from what matches when it is made: nothing
 * old is told as new. A search matches as the story list's `q` does, an entity as its `entity=`.
 *
 * After a recluster (the store's epoch moves on, story ids are new) a follow takes what matches
 * as seen again, silently, at its next look.
 */
export class Follows {
  constructor(private readonly options: FollowsOptions) {}

  view(follow: FollowRow): FollowView {
    return {
      id: follow.id,
      kind: follow.kind,
      target: follow.target,
      label: follow.label,
      createdAt: follow.createdAt,
      feeds: { json: `/api/follows/${follow.id}/feed.json`, rss: `/api/follows/${follow.id}/feed.xml` },
    };
  }

  /** Creates a follow and takes what it matches now as seen. Throws ApiError 400/404 for a bad target. */
  async create(body: NewFollowBody): Promise<FollowView> {
    const { store } = this.options;
    const target = String(body.target).trim();
    let label = body.label;
    if (body.kind === 'story') {
      if (!/^\d+$/.test(target)) throw new ApiError(400, 'bad_request', `target: a story id, got "${target}"`);
      const story = await store.stories.get(Number(target));
      if (story === null) throw new ApiError(404, 'not_found', `no story #${target}`);
      label ??= `story #${story.id}: ${story.title}`;
    } else if (body.kind === 'search') {
      if (toFtsQuery(target) === null) throw new ApiError(400, 'bad_request', `target: no words to search for in "${target}"`);
      label ??= `search: ${target}`;
    } else {
      label ??= `entity: ${target}`;
    }
    // A story follow knows its story's disagreements now; a wider one takes them at its next look.
    const matched = await this.matchingStories({ kind: body.kind, target });
    const sheets = body.kind === 'story' ? await this.sheetsOf(matched) : new Map<number, FactSheet | null>();
    const epoch = await store.events.epoch();
    const follow = await store.transaction(async (tx) => {
      const created = await tx.follows.create({ kind: body.kind, target, label: label ?? target, epoch, createdAt: this.options.now().toISOString() });
      for (const storyId of matched) await this.markSeen(tx, created.id, storyId, sheets.get(storyId) ?? null);
      return created;
    });
    return this.view(follow);
  }

  async list(): Promise<FollowView[]> {
    return (await this.options.store.follows.list()).map((f) => this.view(f));
  }

  async get(id: number): Promise<FollowView | null> {
    const follow = await this.options.store.follows.get(id);
    return follow ? this.view(follow) : null;
  }

  delete(id: number): Promise<boolean> {
    return this.options.store.transaction((tx) => tx.follows.delete(id));
  }

  events(id: number, limit = DEFAULT_FOLLOW_EVENTS): Promise<FollowEventRow[]> {
    return this.options.store.follows.events(id, limit);
  }

  async hasFollows(): Promise<boolean> {
    return (await this.options.store.follows.count()) > 0;
  }

  /**
   * Tells every follow matching `storyId` (a story an article just joined, followed to the live
   * one) what changed; returns the new events, oldest first. Deterministic for a given store and clock.
   */
  async storyChanged(storyId: number): Promise<FollowEventRow[]> {
    const { store } = this.options;
    const follows = await store.follows.list();
    if (follows.length === 0) return [];
    const live = await store.stories.liveId(storyId);
    if (live === null) return [];
    const epoch = await store.events.epoch();
    const stale = follows.filter((f) => f.epoch !== epoch);
    for (const follow of stale) await this.rebaseline(follow, epoch);
    const matching: FollowRow[] = [];
    for (const follow of follows) if (!stale.includes(follow) && (await this.matchingStories(follow, [live])).length > 0) matching.push(follow);
    if (matching.length === 0) return [];
    const sheet = await this.options.factSheet(live);
    return store.transaction(async (tx) => {
      const events: FollowEventRow[] = [];
      for (const follow of matching) events.push(...(await this.compare(tx, follow, live, sheet)));
      return events;
    });
  }

  private async matchingStories(follow: Pick<FollowRow, 'kind' | 'target'>, among?: readonly number[]): Promise<number[]> {
    const { stories } = this.options.store;
    switch (follow.kind) {
      case 'story': {
        const live = await stories.liveId(Number(follow.target));
        return live === null || (among !== undefined && !among.includes(live)) ? [] : [live];
      }
      case 'search':
        return stories.matching({ q: follow.target }, among);
      case 'entity':
        return stories.matching({ entity: follow.target }, among);
    }
  }

  private async sheetsOf(storyIds: readonly number[]): Promise<Map<number, FactSheet | null>> {
    const sheets = new Map<number, FactSheet | null>();
    for (const id of storyIds) sheets.set(id, await this.options.factSheet(id));
    return sheets;
  }

  /** The stories were rebuilt (a recluster): what matches now is taken as seen, nothing told. */
  private async rebaseline(follow: FollowRow, epoch: number): Promise<void> {
    const matched = await this.matchingStories(follow);
    const sheets = follow.kind === 'story' ? await this.sheetsOf(matched) : new Map<number, FactSheet | null>();
    await this.options.store.transaction(async (tx) => {
      await tx.follows.resetSeen(follow.id, epoch);
      for (const storyId of matched) await this.markSeen(tx, follow.id, storyId, sheets.get(storyId) ?? null);
    });
  }

  /** Records a story as seen by a follow: its counts now, its disagreements when the sheet is given (else taken at the next look). */
  private async markSeen(tx: StoreTx, followId: number, storyId: number, sheet: FactSheet | null): Promise<void> {
    const story = await tx.stories.get(storyId);
    if (!story) return;
    await tx.follows.markSeen({
      followId,
      storyId,
      articleCount: story.articleCount,
      outletCount: story.outletCount,
      disagreements: sheet ? sheet.figures.filter((g) => g.isDisagreement).map(disagreementKey) : null,
    });
  }

  private async compare(tx: StoreTx, follow: FollowRow, storyId: number, sheet: FactSheet | null): Promise<FollowEventRow[]> {
    const story = await tx.stories.get(storyId);
    if (!story) return [];
    const prior = await tx.follows.seen(follow.id, storyId);
    const groups = sheet ? sheet.figures.filter((g) => g.isDisagreement) : [];
    const keys = groups.map(disagreementKey);
    const now = this.options.now().toISOString();
    const about = { id: storyId, title: story.title, articleCount: story.articleCount, outletCount: story.outletCount };
    const events: FollowEventRow[] = [];
    const add = async (type: FollowEventType, title: string, text: string, data: Record<string, unknown>): Promise<void> => {
      const payload = { type, follow: { id: follow.id, kind: follow.kind, label: follow.label }, story: about, ...data };
      events.push(await tx.follows.addEvent({ followId: follow.id, type, storyId, title, text, data: payload, createdAt: now }));
    };
    const counts = `${plural(story.articleCount, 'article')} from ${plural(story.outletCount, 'outlet')}`;
    if (!prior) {
      await add('new_story', `New story: ${story.title}`, `${story.title}: ${counts}.`, {});
    } else if (prior.articleCount !== story.articleCount || prior.outletCount !== story.outletCount) {
      const was = `${plural(prior.articleCount, 'article')} from ${plural(prior.outletCount, 'outlet')}`;
      await add('updated_counts', `${story.title}: now ${counts}`, `${story.title}: ${counts}, was ${was}.`, {
        previous: { articleCount: prior.articleCount, outletCount: prior.outletCount },
      });
    }
    // Disagreements not known yet (a follow made over many stories) are taken as seen, not told.
    const told = new Set(prior?.disagreements ?? (prior ? keys : []));
    for (const [i, group] of groups.entries()) {
      const key = keys[i] ?? disagreementKey(group);
      if (told.has(key)) continue;
      told.add(key);
      const digest = disagreementDigest(group);
      await add('new_disagreement', `Outlets disagree on ${group.caption}: ${story.title}`, `${digest}. Story: ${story.title}.`, {
        disagreement: {
          caption: group.caption,
          verdict: group.verdict,
          digest,
          values: group.values.map((v) => ({ text: v.text, outlets: outletsOf(v) })),
          reasons: group.disagreements.map((d) => d.reason),
        },
      });
    }
    await tx.follows.markSeen({ followId: follow.id, storyId, articleCount: story.articleCount, outletCount: story.outletCount, disagreements: [...told] });
    return events;
  }
}
