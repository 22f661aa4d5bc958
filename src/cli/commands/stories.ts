import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { alignPassages, type Passage } from '../../dedup/index.js';
import { renderMarkdown, renderTerminal } from '../../analyze/index.js';
import { stripControlsDeep } from '../../core/index.js';
import { reclusterAll, storyFactSheet, storyGroupCoverage } from '../../pipeline/index.js';
import type { Store, StoryRow } from '../../store/index.js';
import { parseSearch } from '../../core/search.js';
import { CliExit, openExistingStore } from '../context.js';
import { displayTitle, sourceLabel, sourceLocation } from '../../core/labels.js';
import { formatTable, plural, printJson, println, status, truncate } from '../output.js';
import { groupCoverageLines } from './outlets.js';

function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new CliExit(2, `${what} must be a positive whole number, got "${value}"`);
  return id;
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('list stories, newest first')
    .option('--db <path>', 'store path')
    .option('--limit <n>', 'at most n stories', '50')
    .option('--largest', 'largest first instead of newest')
    .option(
      '--search <query>',
      'only stories matching a search: words (all required, "quoted phrases") and operators outlet:NAME, entity:NAME, quote:"words", lang:xx, from:DATE, to:DATE, date:DATE..DATE',
    )
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; limit: string; largest?: boolean; search?: string; json?: boolean }) => {
      const limit = parseId(flags.limit, '--limit');
      const problems = flags.search === undefined ? [] : parseSearch(flags.search).problems;
      if (problems.length > 0) throw new CliExit(2, `--search: ${problems.join('; ')}`);
      const store = await openExistingStore(flags.db);
      try {
        const stories: FoundStory[] = flags.search === undefined ? await store.stories.list({ limit, order: flags.largest ? 'largest' : 'newest' }) : await searchStories(store, flags.search, limit, flags.largest === true);
        if (flags.json) {
          printJson(stories);
          return;
        }
        if (stories.length === 0) {
          println(flags.search === undefined ? 'no stories yet: ingest some articles first' : `no story matches ${JSON.stringify(flags.search)}`);
          return;
        }
        println(
          formatTable(
            ['ID', 'ARTICLES', 'OUTLETS', 'FIRST SEEN', 'LAST SEEN', 'TITLE'],
            stories.map((s) => [
              String(s.id),
              String(s.articleCount),
              String(s.outletCount),
              s.firstSeen?.slice(0, 10) ?? '-',
              s.lastSeen?.slice(0, 10) ?? '-',
              truncate(s.title, 70),
            ]),
          ),
        );
        for (const s of stories) {
          const match = s.match;
          if (match) println(`#${s.id} ${match.label}: ${truncate(match.text, 150)}`);
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('story')
    .description("show one story's fact sheet (summary, quotes, figures, timeline, coverage), then its articles with copy groups and shared and own passages")
    .argument('<id>', 'story id (as listed by `crosscheck stories`)')
    .option('--db <path>', 'store path')
    .option('--format <format>', 'text (terminal), md (a Markdown report) or json (the fact sheet, schema in docs/fact-sheet-schema.md)', 'text')
    .option('--passages-only', 'only the articles, copy groups and passages')
    .option('--json', "the story's articles, copy groups and passages as JSON")
    .action(async (value: string, flags: { db?: string; format: string; passagesOnly?: boolean; json?: boolean }) => {
      if (!['text', 'md', 'json'].includes(flags.format)) throw new CliExit(2, `--format must be text, md or json, got "${flags.format}"`);
      const id = parseId(value, 'story id');
      const store = await openExistingStore(flags.db);
      try {
        const view = await storyView(store, id);
        // Coverage by the labels of the outlets file, when one was imported.
        const groups = await storyGroupCoverage(store, view.id);
        if (flags.json) {
          printJson({ ...view, groups });
          return;
        }
        if (flags.passagesOnly) {
          printStory(view);
          return;
        }
        const sheet = await storyFactSheet(store, view.id);
        if (!sheet) throw new CliExit(1, `no story #${id} in ${store.location}`);
        if (flags.format === 'json') printJson(sheet);
        // Rows stored before extraction removed control characters are neutralised where shown.
        else if (flags.format === 'md') {
          process.stdout.write(renderMarkdown(stripControlsDeep(sheet)));
          if (groups) process.stdout.write(`\n## Coverage by group\n\n${groupCoverageLines(groups).slice(1).map((l) => `- ${l.trim()}`).join('\n')}\n`);
        }
        else {
          const width = Math.max(60, Math.min(120, process.stdout.columns || 100));
          process.stdout.write(renderTerminal(stripControlsDeep(sheet), { width, color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
          println();
          if (groups) {
            for (const line of groupCoverageLines(groups)) println(line);
            println();
          }
          println('━'.repeat(Math.min(width, 100)));
          printStory(view);
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('export')
    .description('write one line per article with its story and copy group')
    .option('--db <path>', 'store path')
    .option('--format <format>', 'output format (jsonl)', 'jsonl')
    .option('--out <path>', 'write to a file instead of stdout')
    .action(async (flags: { db?: string; format: string; out?: string }) => {
      if (flags.format !== 'jsonl') throw new CliExit(2, `--format must be jsonl, got "${flags.format}"`);
      const store = await openExistingStore(flags.db);
      const out: NodeJS.WritableStream = flags.out ? createWriteStream(flags.out) : process.stdout;
      try {
        for await (const row of store.stories.exportRows()) {
          const line = JSON.stringify({
            id: row.externalId ?? row.articleId,
            article: row.articleId,
            story: row.storyId,
            copyGroup: row.copyGroup,
            source: row.source,
            published: row.published,
            title: row.title,
          });
          if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
      } finally {
        await store.close();
        if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
      }
    });

  program
    .command('recluster')
    .description('rebuild copies and stories from the stored articles, in order of publication')
    .option('--db <path>', 'store path')
    .option('--json', 'machine-readable output')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openExistingStore(flags.db);
      try {
        const started = Date.now();
        const summary = await reclusterAll(store);
        const stories = (await store.stories.list()).length;
        const seconds = (Date.now() - started) / 1000;
        if (flags.json) printJson({ articles: summary.processed, stories, withCopies: summary.copies, merges: summary.merges, seconds });
        else status(`${plural(summary.processed, 'article')} → ${plural(stories, 'story', 'stories')} (${summary.copies} with copies, ${plural(summary.merges, 'merge')}) in ${seconds.toFixed(1)} s`);
      } finally {
        await store.close();
      }
    });
}

/** A story found by a search, with what matched (an excerpt of its best-matching article). */
type FoundStory = StoryRow & { match?: { articleId: number; label: string; text: string; highlights: Array<[number, number]> } };

/** The stories matching a search (most relevant first, or largest), as `stories` lists them. */
async function searchStories(store: Store, search: string, limit: number, largest: boolean): Promise<FoundStory[]> {
  const { rows } = await store.stories.page({ q: search, limit, offset: 0, ...(largest ? { order: 'largest' as const } : {}) });
  const snippets = new Map((await store.stories.snippets(rows.map((r) => r.id), search)).map((m) => [m.storyId, m]));
  const found: FoundStory[] = [];
  for (const row of rows) {
    const story = await store.stories.get(row.id);
    if (!story) continue;
    const m = snippets.get(row.id);
    found.push(m ? { ...story, match: { articleId: m.articleId, label: sourceLabel({ id: m.articleId, source: m.source, url: m.url, origin: m.origin }), text: m.text, highlights: m.highlights } } : story);
  }
  return found;
}

export interface StoryView {
  id: number;
  title: string;
  firstSeen: string | null;
  lastSeen: string | null;
  outlets: string[];
  /** Distinct source labels: the outlet count every view shows. */
  outletCount: number;
  articles: Array<{
    id: number;
    inputId: string | null;
    title: string | null;
    /** How it is named everywhere: outlet, else host, else file name. */
    label: string;
    /** Its title, else its first sentence cut at a word. */
    displayTitle: string;
    source: string | null;
    url: string | null;
    origin: string | null;
    published: string | null;
    copyGroup: number;
    copies: Array<{ other: number; kind: string; jaccard: number; containment: number }>;
    passages: Array<{ paragraph: number; text: string; sharedWith: Array<{ article: number; similarity: number }> }>;
    ownShare: number;
  }>;
  merges: Array<{ fromStory: number; articleId: number; mergedAt: string }>;
}

/** Everything `crosscheck story` shows, as data. */
export async function storyView(store: Store, id: number): Promise<StoryView> {
  const story = await store.stories.get(id);
  if (!story) throw new CliExit(1, `no story #${id} in ${store.location}`);
  const members = await store.stories.members(story.id);
  const articles = await store.articles.getMany(members.map((m) => m.articleId));
  const byId = new Map(articles.map((a) => [Number(a.id), a]));
  const aligned = alignPassages(articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs })));
  const copies = await store.copies.among(members.map((m) => m.articleId));
  const merges = await store.stories.merges();
  return {
    id: story.id,
    title: story.title,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    outlets: story.outlets,
    outletCount: story.outletCount,
    articles: members.map((m) => {
      const stored = byId.get(m.articleId);
      const identity = { id: m.articleId, source: m.source, url: stored?.url ?? stored?.canonicalUrl ?? null, origin: stored?.origin ?? null };
      const passages: Passage[] = aligned.get(m.articleId) ?? [];
      const words = (p: Passage): number => p.text.split(/\s+/).filter(Boolean).length;
      const total = passages.reduce((n, p) => n + words(p), 0);
      const own = passages.filter((p) => p.sharedWith.length === 0).reduce((n, p) => n + words(p), 0);
      return {
        id: m.articleId,
        inputId: m.externalId,
        title: m.title,
        label: sourceLabel(identity),
        displayTitle: displayTitle({ ...identity, title: m.title, paragraphs: stored?.paragraphs }),
        source: m.source,
        url: identity.url,
        origin: identity.origin,
        published: m.published,
        copyGroup: m.copyGroup,
        copies: copies
          .filter((c) => c.articleId === m.articleId || c.otherId === m.articleId)
          .map((c) => ({ other: c.articleId === m.articleId ? c.otherId : c.articleId, kind: c.kind, jaccard: c.jaccard, containment: c.containment })),
        passages: passages.map((p) => ({
          paragraph: p.paragraph,
          text: p.text,
          sharedWith: p.sharedWith.map((s) => ({ article: s.articleId, similarity: s.similarity })),
        })),
        ownShare: total ? own / total : 0,
      };
    }),
    merges: merges
      .filter((x) => x.intoStory === story.id)
      .map((x) => ({ fromStory: x.fromStory, articleId: x.articleId, mergedAt: x.mergedAt })),
  };
}

function printStory(view: StoryView): void {
  println(`Story #${view.id}: ${view.title}`);
  println(`${plural(view.articles.length, 'article')} from ${plural(view.outletCount, 'outlet')}, ${view.firstSeen?.slice(0, 10) ?? '?'} to ${view.lastSeen?.slice(0, 10) ?? '?'}`);
  const label = (id: number): string => {
    const a = view.articles.find((x) => x.id === id);
    return a ? `${a.label} (#${id})` : `#${id}`;
  };
  for (const article of view.articles) {
    println();
    println(`── #${article.id}  ${article.label}  ${article.published?.slice(0, 16) ?? 'undated'}`);
    println(`   ${truncate(article.displayTitle, 90)}`);
    const where = sourceLocation(article);
    if (where) println(`   ${where.kind === 'url' ? 'url' : 'file'}: ${where.value}`);
    const group = article.copyGroup === article.id ? (article.copies.length ? 'first to publish its text' : 'no copies') : `copy group of ${label(article.copyGroup)} (published first)`;
    println(`   copy group: ${group}`);
    for (const c of article.copies) println(`   ${c.kind.padEnd(14)} ${label(c.other)}  jaccard ${c.jaccard.toFixed(2)}  containment ${c.containment.toFixed(2)}`);
    println(`   own text: ${(article.ownShare * 100).toFixed(0)}%`);
    for (const p of article.passages) {
      const tag = p.sharedWith.length ? `shared with ${p.sharedWith.map((s) => label(s.article)).join(', ')}` : 'own';
      println(`   [${tag}] ${truncate(p.text, 110)}`);
    }
  }
  if (view.merges.length) {
    println();
    for (const m of view.merges) println(`merged story #${m.fromStory} into this one on ${m.mergedAt} (article #${m.articleId})`);
  }
}
