import { calendarWords } from '../../core/lang/index.js';
import { analysisLanguage, contentTerms, stemOf } from '../text.js';
import { isoDay, latestExplicitDate, parseIsoDay, resolveDates, type ResolvedDate } from './resolve.js';
import type { ArticleReference, DatedMention, PrecomputedDates, Timeline, TimelineArticle, TimelineEntry, TimelineVariant } from './types.js';
import { createUnionFind } from '../../core/union-find.js';

/**
 * Similarity of two clauses = the summed inverse document frequency, ln(N / df) over the story's
 * dated clauses, of the content words they share. Words common to the whole story (the country's
 * name, `said`) weigh little; rare shared words (a town's name, `levee`) tie clauses together.
 */
export const MIN_SCORE_OVERLAP = 8;
/** Lower bar for mentions resolved to the very same day. */
export const MIN_SCORE_SAME_DAY = 6;
/** Mentions on disjoint dates are the same event told differently only with this score... */
export const MIN_SCORE_OTHER_DATE = 12;
/** ...and when the shared words carry this share of the shorter clause's weight. */
const MIN_SHARE_OTHER_DATE = 0.4;
// Date words say when, not what: they must not make two clauses look alike. English adds the
// words of relative dates; every language its month and weekday names.
const ENGLISH_DATE_WORDS = 'week month year day today yesterday tomorrow overnight night morning afternoon evening earlier later last next ago eve weekend'.split(' ');
const dateWordCache = new Map<string, Set<string>>();

function dateWordsOf(language: string | null | undefined): Set<string> {
  const lang = analysisLanguage(language);
  let words = dateWordCache.get(lang);
  if (!words) {
    const calendar = calendarWords(lang);
    const all = [...(calendar?.months.keys() ?? []), ...(calendar?.weekdays.keys() ?? []), ...(lang === 'en' ? ENGLISH_DATE_WORDS : [])];
    words = new Set(all.map((w) => stemOf(w, lang)));
    dateWordCache.set(lang, words);
  }
  return words;
}
/** A date inferred from the text may lie at most this many days after the story's other articles. */
const MAX_INFERRED_LEAD_DAYS = 7;

interface Mention extends DatedMention {
  stems: Set<string>;
}

/**
 * Builds a story's timeline from its articles.
 *
 * 1. Reference dates: the publication date; else the latest full date the article names in
 *    past-tense sentences; else the latest publication date of the story's other articles.
 * 2. Every date expression is resolved against its article's reference (see `resolveDates`).
 * 3. Mentions are merged into events by single link: overlapping dates and at least
 *    {@link MIN_SHARED_SAME_DATE} shared content words of the clause around the expression (one
 *    fewer on the very same day), or disjoint dates and at least {@link MIN_SHARED_OTHER_DATE}
 *    making up 40% of the shorter clause (the same event dated differently). Words common to the
 *    whole story do not count; two clauses of one sentence never merge.
 * 4. Inside an event, mentions with overlapping dates form one variant; more than one variant
 *    marks the event as disputed. Entries are sorted by date. Deterministic.
 *
 * An article's `resolved` dates ({@link articleDates}, cached per article) skip step 2 when they
 * were resolved against the reference picked in step 1.
 */
export function buildTimeline(perArticle: readonly TimelineArticle[]): Timeline {
  const references = inferReferences(perArticle);
  const mentions: Mention[] = [];
  perArticle.forEach((article, a) => {
    const ref = references[a];
    const day = ref?.published ? parseIsoDay(ref.published) : null;
    const reference = day ? isoDay(day) : null;
    const dates = article.resolved && article.resolved.reference === reference ? article.resolved.dates : resolveDates(article.paragraphs, day, article.language);
    const inferredReference = ref?.from !== 'published';
    for (const c of clausesOf(dates, article.language)) {
      mentions.push({ articleId: article.articleId, source: article.source, ...c.mention, inferredReference, stems: c.stems });
    }
  });
  const idf = inverseFrequencies(mentions);
  const parent = mergeEvents(mentions, idf);

  const clusters = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const root = parent(i);
    const list = clusters.get(root) ?? [];
    list.push(m);
    clusters.set(root, list);
  });

  const entries: TimelineEntry[] = [];
  for (const list of clusters.values()) entries.push(toEntry(list));
  entries.sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end) || x.description.localeCompare(y.description));
  return { entries, references };
}

/**
 * The date expressions of one article resolved against its publication day, for
 * {@link TimelineArticle.resolved}: cacheable per article (JSON), so a story's timeline does not
 * run chrono over every article at every build. Articles without a usable publication date keep
 * only years (the timeline resolves them again against the reference it infers).
 */
export function articleDates(paragraphs: readonly string[], published: string | null, language?: string | null): PrecomputedDates {
  const day = published ? parseIsoDay(published) : null;
  return { reference: day ? isoDay(day) : null, dates: resolveDates(paragraphs, day, language) };
}

interface Clause {
  mention: Pick<DatedMention, 'start' | 'end' | 'granularity' | 'expression' | 'sentence' | 'paragraph'>;
  stems: Set<string>;
}

// Clauses depend only on an article's resolved dates: reuse them while the same array is given.
const clauseCache = new WeakMap<readonly ResolvedDate[], Clause[]>();

/** One clause per mention: from its expression to the next expression in the same sentence. */
function clausesOf(resolved: readonly ResolvedDate[], language: string | null | undefined): Clause[] {
  const cached = clauseCache.get(resolved);
  const dateWords = dateWordsOf(language);
  if (cached) return cached;
  const bySentence = new Map<string, ResolvedDate[]>();
  for (const r of resolved) {
    const key = `${r.paragraph}\u0000${r.sentence}`;
    const list = bySentence.get(key) ?? [];
    list.push(r);
    bySentence.set(key, list);
  }
  const out: Clause[] = [];
  for (const list of bySentence.values()) {
    list.sort((x, y) => x.index - y.index);
    list.forEach((r, k) => {
      const next = list[k + 1];
      const from = k === 0 ? 0 : r.index;
      const clause = r.sentence.slice(from, next ? next.index : r.sentence.length);
      out.push({
        mention: { start: r.start, end: r.end, granularity: r.granularity, expression: r.expression, sentence: r.sentence, paragraph: r.paragraph },
        stems: new Set([...contentTerms(clause, language)].filter((w) => !dateWords.has(w))),
      });
    });
  }
  clauseCache.set(resolved, out);
  return out;
}

/** Mentions alike for merging: same dating and the same clause words. */
interface MentionClass {
  rep: Mention;
  members: number[];
  weight: number;
}

/**
 * Single-link merging of mentions into events; returns the root of each mention. Gives the
 * partition of comparing every pair of mentions with {@link isSameEvent}, without doing so:
 * identical mentions (same dating and clause words: wire copies, repeated phrasing) are compared
 * once as a class, and only classes sharing a word that could reach the lowest score bar are
 * compared at all (prefix filtering: words sorted by weight, the light tail that cannot reach
 * the bar on its own is not indexed).
 */
function mergeEvents(mentions: readonly Mention[], idf: Map<string, number>): (i: number) => number {
  const { find, union } = createUnionFind(mentions.length);
  const sentenceIds = new Map<string, number>();
  const sentenceOf = mentions.map((m) => {
    const key = `${m.articleId}\u0000${m.paragraph}\u0000${m.sentence}`;
    let id = sentenceIds.get(key);
    if (id === undefined) {
      id = sentenceIds.size;
      sentenceIds.set(key, id);
    }
    return id;
  });
  const weightOf = (w: string): number => idf.get(w) ?? 0;

  const byKey = new Map<string, MentionClass>();
  const classes: MentionClass[] = [];
  mentions.forEach((m, i) => {
    const key = `${m.start}|${m.end}|${m.granularity}|${[...m.stems].sort().join(' ')}`;
    const c = byKey.get(key);
    if (c) {
      c.members.push(i);
    } else {
      const created = { rep: m, members: [i], weight: [...m.stems].reduce((t, w) => t + weightOf(w), 0) };
      byKey.set(key, created);
      classes.push(created);
    }
  });

  // Two mentions of one class: alike when the class is alike with itself, unless in one sentence.
  for (const c of classes) {
    if (c.members.length < 2 || !isSameEvent(c.rep, c.rep, idf, c.weight, c.weight)) continue;
    const first = c.members[0]!;
    const other = c.members.find((i) => sentenceOf[i] !== sentenceOf[first]);
    // With two sentences or more, every member is linked to a member of another sentence.
    if (other === undefined) continue;
    for (const i of c.members) union(i, sentenceOf[i] === sentenceOf[first] ? other : first);
  }

  // Candidate classes through an inverted index of their heavy words.
  const threshold = Math.min(MIN_SCORE_SAME_DAY, MIN_SCORE_OVERLAP, MIN_SCORE_OTHER_DATE) - 1e-6;
  const postings = new Map<string, number[]>();
  const prefixes = classes.map((c, k) => {
    const words = [...c.rep.stems].sort((x, y) => weightOf(x) - weightOf(y) || (x < y ? -1 : 1));
    for (const w of words) {
      const list = postings.get(w) ?? [];
      list.push(k);
      postings.set(w, list);
    }
    // Drop the light tail whose total weight stays below the lowest bar.
    let tail = 0;
    let cut = 0;
    while (cut < words.length && tail + weightOf(words[cut]!) < threshold) tail += weightOf(words[cut++]!);
    return words.slice(cut);
  });
  const seen = new Int32Array(classes.length).fill(-1);
  classes.forEach((a, k) => {
    for (const w of prefixes[k] ?? []) {
      for (const l of postings.get(w) ?? []) {
        if (l <= k || seen[l] === k) continue;
        seen[l] = k;
        const b = classes[l]!;
        if (a.rep.granularity === 'year' && b.rep.granularity === 'year' && a.rep.start !== b.rep.start) continue;
        if (!isSameEvent(a.rep, b.rep, idf, a.weight, b.weight)) continue;
        for (const i of a.members) {
          for (const j of b.members) {
            if (sentenceOf[i] !== sentenceOf[j]) union(i, j);
          }
        }
      }
    }
  });
  return find;
}

function inferReferences(perArticle: readonly TimelineArticle[]): ArticleReference[] {
  const known = perArticle
    .map((a) => (a.published ? parseIsoDay(a.published) : null))
    .filter((d): d is Date => d !== null)
    .map(isoDay)
    .sort();
  const storyLatest = known[known.length - 1] ?? null;
  return perArticle.map((a) => {
    const given = a.published ? parseIsoDay(a.published) : null;
    if (given) return { articleId: a.articleId, published: isoDay(given), from: 'published' };
    const hint = storyLatest ? parseIsoDay(storyLatest) : null;
    if (hint) {
      const fromText = latestExplicitDate(a.paragraphs, hint, a.language);
      const limit = isoDay(new Date(hint.getTime() + MAX_INFERRED_LEAD_DAYS * 86_400_000));
      if (fromText && fromText <= limit) return { articleId: a.articleId, published: fromText, from: 'text' };
      return { articleId: a.articleId, published: storyLatest, from: 'story' };
    }
    return { articleId: a.articleId, published: null, from: 'none' };
  });
}

function inverseFrequencies(mentions: Mention[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of mentions) for (const s of m.stems) df.set(s, (df.get(s) ?? 0) + 1);
  // At least 8 documents, so a tiny story does not make every word rare.
  const n = Math.max(mentions.length, 8);
  return new Map([...df].map(([w, d]) => [w, Math.log(n / d)]));
}

function isSameEvent(a: Mention, b: Mention, idf: Map<string, number>, weightA: number, weightB: number): boolean {
  let score = 0;
  for (const w of a.stems) if (b.stems.has(w)) score += idf.get(w) ?? 0;
  if (overlaps(a, b)) {
    const sameDay = a.start === b.start && a.end === b.end && a.granularity === 'day';
    return score >= (sameDay ? MIN_SCORE_SAME_DAY : MIN_SCORE_OVERLAP);
  }
  return score >= MIN_SCORE_OTHER_DATE && score >= MIN_SHARE_OTHER_DATE * Math.min(weightA, weightB);
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function toEntry(list: Mention[]): TimelineEntry {
  // Variants: connected components of overlapping date ranges.
  const sorted = [...list].sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end));
  const variants: TimelineVariant[] = [];
  for (const m of sorted) {
    const v = variants.find((x) => x.mentions.some((y) => overlaps(y, m)));
    const mention = stripStems(m);
    if (v) {
      v.mentions.push(mention);
    } else {
      variants.push({ start: m.start, end: m.end, granularity: m.granularity, mentions: [mention] });
    }
  }
  for (const v of variants) Object.assign(v, commonDating(v.mentions));
  variants.sort((x, y) => y.mentions.length - x.mentions.length || x.start.localeCompare(y.start));
  const main = variants[0];
  const all = list.map(stripStems);
  const description = all.map((m) => m.sentence).sort((x, y) => x.length - y.length || x.localeCompare(y))[0] ?? '';
  const sources = [...new Set(all.map((m) => m.source ?? m.articleId))];
  return {
    start: main?.start ?? '',
    end: main?.end ?? '',
    granularity: main?.granularity ?? 'day',
    description,
    sources,
    mentions: all,
    isDisputed: variants.length > 1,
    variants,
  };
}

/** The dating most mentions of a variant give; ties go to the narrowest. */
function commonDating(mentions: DatedMention[]): Pick<TimelineVariant, 'start' | 'end' | 'granularity'> {
  const counts = new Map<string, { n: number; m: DatedMention }>();
  for (const m of mentions) {
    const key = `${m.start}|${m.end}|${m.granularity}`;
    const c = counts.get(key);
    if (c) c.n += 1;
    else counts.set(key, { n: 1, m });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || daysOf(a.m) - daysOf(b.m) || a.m.start.localeCompare(b.m.start))[0];
  const m = best?.m ?? mentions[0];
  return { start: m?.start ?? '', end: m?.end ?? '', granularity: m?.granularity ?? 'day' };
}

function daysOf(r: { start: string; end: string }): number {
  return (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
}

function stripStems(m: Mention): DatedMention {
  const { stems: _stems, ...rest } = m;
  return rest;
}
