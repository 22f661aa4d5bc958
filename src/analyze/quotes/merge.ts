import { canonicalizeEntities, createEntityResolver, foldName, type Entity, type EntityMention } from '../entities/index.js';
import type { ArticleKey } from '../entities/index.js';
import type { ArticleQuotes, Quote, QuoteKind, QuoteVariant, StoryQuote } from './types.js';

/** Share of the shorter quote's words that must appear, in order, in the longer one. */
const MIN_CONTAINMENT = 0.8;
/** Words this long may differ by one edit and still match ("generalized" / "generalised"). */
const MIN_FUZZY_WORD_CHARS = 5;
/**
 * Partial quotes this short ("simplistic", "open skies") share a phrase, not a statement: they
 * attach to a longer quote only beside a longer piece of the same sentence that does.
 */
const MAX_SHORT_PARTIAL_WORDS = 3;

const KIND_RANK: Readonly<Record<QuoteKind, number>> = { direct: 0, unmarked: 1, indirect: 2, partial: 3 };

/** Options of {@link mergeQuotes}. */
export interface MergeQuotesOptions {
  /** Story entities used to canonicalise speakers; built from the speaker names when absent. */
  readonly entities?: readonly Entity[];
}

function words(text: string): string[] {
  return foldName(text)
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

function isSameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < MIN_FUZZY_WORD_CHARS || Math.abs(a.length - b.length) > 1) return false;
  let diff = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++diff > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return diff + (a.length - i) + (b.length - j) <= 1;
}

/** Longest common subsequence of words, with fuzzy word equality. */
function commonWords(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = isSameWord(a[i - 1]!, b[j - 1]!) ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

interface Item {
  readonly articleId: ArticleKey;
  readonly source: string | null;
  readonly quote: Quote;
  readonly words: string[];
  readonly speaker: string | null;
  readonly order: number;
}

interface Group {
  readonly head: Item;
  readonly members: Item[];
}

function isSameSentence(a: Item, b: Item): boolean {
  return a.articleId === b.articleId && a.quote.paragraph === b.quote.paragraph && a.quote.sentence === b.quote.sentence;
}

function isCompatibleSpeaker(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Merges the quotes of a story's articles: the same quote carried by several outlets, with small
 * differences (spelling, a cut, curly or straight marks, a translation variant) becomes one quote
 * with all its sources. Two quotes are the same when at least 80% of the shorter one's words
 * appear in order in the longer one (words of 5+ letters may differ by one edit) and their
 * speakers agree or one is unknown; short partial quotes ("simplistic") need the same speaker and a
 * longer piece of their sentence in the same quote.
 * Longer quotes are placed first, so partial quotes attach to the full one they are cut from.
 * Speakers are canonicalised with the entities module. Deterministic; quotes come in order of
 * first appearance.
 */
export function mergeQuotes(perArticle: readonly ArticleQuotes[], opts: MergeQuotesOptions = {}): StoryQuote[] {
  const entities =
    opts.entities ??
    canonicalizeEntities(
      perArticle.map((a) => ({
        articleId: a.articleId,
        source: a.source,
        mentions: a.quotes
          .filter((q) => q.speaker !== null && q.speakerKind === 'person')
          .map((q): EntityMention => ({ text: q.speaker!, name: q.speaker!, kind: 'person', paragraph: q.paragraph, start: 0, end: 0 })),
      })),
    );
  const resolve = createEntityResolver(entities);
  // The entity's kind, read from all its mentions, beats a kind read from one sentence.
  const kindOf = (q: Quote, speaker: string | null): Quote['speakerKind'] => {
    if (speaker === null || q.speakerKind === 'unknown') return q.speakerKind;
    const entity = resolve(speaker);
    return entity === null ? q.speakerKind : entity.kind === 'person' ? 'person' : 'organisation';
  };
  const canonical = (q: Quote): string | null => {
    if (q.speaker === null) return null;
    if (q.speakerKind === 'unknown') return q.speaker;
    const entity = resolve(q.speaker);
    if (entity !== null) return entity.name;
    // "office of Lena Park": canonicalise the name inside.
    const of = /^(\w+) of (.+)$/.exec(q.speaker);
    return of === null ? q.speaker : `${of[1]} of ${resolve(of[2]!)?.name ?? of[2]}`;
  };
  let order = 0;
  const items: Item[] = perArticle.flatMap((a) =>
    a.quotes.map((quote) => ({ articleId: a.articleId, source: a.source, quote, words: words(quote.text), speaker: canonical(quote), order: order++ })),
  );
  const sorted = [...items].sort((a, b) => b.words.length - a.words.length || KIND_RANK[a.quote.kind] - KIND_RANK[b.quote.kind] || a.order - b.order);
  const groups: Group[] = [];
  for (const item of sorted) {
    if (item.words.length === 0) continue;
    let best: { group: Group; score: number } | null = null;
    for (const group of groups) {
      const isShort = item.words.length <= MAX_SHORT_PARTIAL_WORDS;
      if (isShort ? item.speaker === null || item.speaker !== group.head.speaker : !isCompatibleSpeaker(item.speaker, group.head.speaker)) continue;
      if (isShort && item.quote.kind === 'partial' && !group.members.some((m) => isSameSentence(m, item) && m.words.length > MAX_SHORT_PARTIAL_WORDS)) continue;
      const score = commonWords(item.words, group.head.words) / item.words.length;
      if (score >= MIN_CONTAINMENT && (best === null || score > best.score)) best = { group, score };
    }
    if (best === null) groups.push({ head: item, members: [item] });
    else best.group.members.push(item);
  }
  const result = groups
    .map((group) => {
      const members = [...group.members].sort((a, b) => a.order - b.order);
      const first = Math.min(...members.map((m) => m.order));
      const speakers = new Map<string, number>();
      for (const m of members) if (m.speaker !== null) speakers.set(m.speaker, (speakers.get(m.speaker) ?? 0) + 1);
      const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
      const withSpeaker = members.find((m) => m.speaker === speaker);
      const variants: QuoteVariant[] = [group.head, ...members.filter((m) => m !== group.head)].map((m) => ({
        articleId: m.articleId,
        source: m.source,
        quote: m.quote,
      }));
      return {
        first,
        quote: {
          text: group.head.quote.text,
          kind: members.map((m) => m.quote.kind).sort((a, b) => KIND_RANK[a] - KIND_RANK[b])[0]!,
          speaker,
          speakerKind: withSpeaker ? kindOf(withSpeaker.quote, speaker) : 'unknown',
          channel: members.find((m) => m.quote.channel !== null)?.quote.channel ?? null,
          articleIds: [...new Set(members.map((m) => m.articleId))],
          sources: [...new Set(members.map((m) => m.source).filter((s): s is string => s !== null))],
          variants,
        },
      };
    })
    .sort((a, b) => a.first - b.first);
  return result.map((r, i): StoryQuote => ({ id: `q${i + 1}`, ...r.quote }));
}
