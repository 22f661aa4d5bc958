import { hasAnalysisBundle } from '../core/lang/index.js';
import { displayTitle, sourceLabel, type ArticleIdentity } from '../core/labels.js';
import { PassageAligner, splitSentences, type Passage } from '../dedup/index.js';
import { canonicalizeEntities, extractEntities, type Entity, type EntityKind } from './entities/index.js';
import { extractFigures, groupFigures, type Figure, type FigureGroup } from './figures/index.js';
import { analysisLanguage, contentTerms } from './text.js';
import { extractQuotes, isPrintedInMarks, mergeQuotes, type StoryQuote } from './quotes/index.js';
import { summarize } from './summary/index.js';
import { articleDates, buildTimeline, parseIsoDay, resolveDates, type Timeline } from './timeline/index.js';
import { buildCoverage } from './coverage.js';
import {
  FACT_SHEET_VERSION,
  MAX_ANALYSED_CHARS,
  STORY_CONTEXT_DAYS,
  type ArticleAnalysis,
  type Citation,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
  type SheetArticle,
  type SheetEntities,
  type SheetEntity,
  type SheetFigureDisagreement,
  type SheetFigureGroup,
  type SheetFigureValue,
  type SheetQuote,
  type SheetTimeline,
  type SpeakerQuotes,
  type SummarySentence,
} from './types.js';

/**
 * Version of the per-article analysis ({@link ArticleAnalysis}). Bump when an analyser's output
 * changes; cached analyses of another version are recomputed.
 */
export const ARTICLE_ANALYSIS_VERSION = 4;
/** Version of {@link FactSheetBuilderState}. */
export const FACT_SHEET_STATE_VERSION = 1;

/** What {@link FactSheetBuilder.exportState} returns: JSON-serialisable. */
export interface FactSheetBuilderState {
  version: number;
  story: FactSheetStory;
  articles: Array<{ article: FactSheetArticle; analysis: ArticleAnalysis }>;
}

/**
 * The per-article part of a fact sheet: sentences, entity mentions, quotes (with their speakers
 * resolved against the article's own mentions), figures and date expressions (resolved against
 * the publication day). Pure and deterministic; the costly
 * step (compromise tagging in entities) runs once per article. An article longer than
 * {@link MAX_ANALYSED_CHARS} is analysed up to there (see {@link boundedArticle}), as the sheet says.
 */
export function analyzeArticle(whole: FactSheetArticle): ArticleAnalysis {
  const article = boundedArticle(whole);
  const mentions = extractEntities(article.paragraphs, article.language);
  const language = article.language ?? null;
  const dates = articleDates(article.paragraphs, article.published, language);
  return {
    version: ARTICLE_ANALYSIS_VERSION,
    articleId: article.id,
    sentences: article.paragraphs.map((p) => splitSentences(p, analysisLanguage(language))),
    mentions,
    quotes: extractQuotes(article.paragraphs, { entities: mentions, language }),
    figures: extractFigures(article.paragraphs, { language, dates: dates.dates, ...(article.published === null ? {} : { published: article.published }) }),
    dates,
  };
}

/**
 * Builds a story's fact sheet from scratch. Equivalent to adding every article to a
 * {@link FactSheetBuilder} and calling `build()`. Pure and deterministic: the result does not
 * depend on the order of `articles`.
 */
export function buildFactSheet(story: FactSheetStory, articles: readonly FactSheetArticle[]): FactSheet {
  const builder = new FactSheetBuilder(story);
  for (const article of articles) builder.add(article);
  return builder.build();
}

interface Entry {
  article: FactSheetArticle;
  analysis: ArticleAnalysis;
}

/**
 * Incremental fact sheet: {@link add} analyses one article (entities, quotes, figures, sentences;
 * cached by article id and {@link ARTICLE_ANALYSIS_VERSION}) and aligns its passages with the
 * others; {@link build} re-runs only the cross-article steps (canonical entities, quote merging,
 * figure grouping, timeline, summary, coverage). The state (articles and their analyses) can be
 * exported as JSON and imported again, so a store can keep per-article analyses. `build()` gives
 * the same sheet as {@link buildFactSheet} on the same articles.
 */
export class FactSheetBuilder {
  private readonly story: FactSheetStory;
  private readonly entries = new Map<number, Entry>();
  private aligner = new PassageAligner();
  /**
   * Passages per article, kept between builds. Adding an article changes the passages of exactly
   * the articles it shares a sentence with (the aligner matches only the new sentences), so
   * those are dropped; the others stay valid.
   */
  private readonly passageCache = new Map<number, Passage[]>();
  /** Figures of undated articles read against an inferred day, by `id|day`. */
  private readonly inferredFigures = new Map<string, Figure[]>();
  /** Articles cut to {@link MAX_ANALYSED_CHARS}: how much was analysed of how much. */
  private readonly cuts = new Map<number, { analysedChars: number; totalChars: number }>();

  constructor(story: FactSheetStory) {
    this.story = { id: story.id, title: story.title };
  }

  /** Ids of the articles added, in the order added. */
  get articleIds(): number[] {
    return [...this.entries.keys()];
  }

  /**
   * Adds one article; `analysis` may be a cached {@link analyzeArticle} result (used when its
   * version and article id match, else recomputed).
   * @throws Error when an article with this id was already added.
   */
  add(whole: FactSheetArticle, analysis?: ArticleAnalysis): void {
    if (this.entries.has(whole.id)) throw new Error(`FactSheetBuilder.add: article ${whole.id} was already added`);
    const article = boundedArticle(whole);
    if (article !== whole) this.cuts.set(whole.id, { analysedChars: textLength(article.paragraphs), totalChars: textLength(whole.paragraphs) });
    // A cached analysis of other paragraphs (one made of a whole long article before analyses were bounded) is made again.
    const usable = analysis && analysis.version === ARTICLE_ANALYSIS_VERSION && analysis.articleId === article.id && analysis.sentences.length === article.paragraphs.length;
    const cached = usable ? analysis : analyzeArticle(article);
    this.entries.set(article.id, { article, analysis: cached });
    this.aligner.add({ id: article.id, paragraphs: article.paragraphs, language: analysisLanguage(article.language) });
    const own = this.aligner.passages(article.id);
    for (const p of own) for (const s of p.sharedWith) this.passageCache.delete(s.articleId);
    this.passageCache.set(article.id, own);
  }

  /**
   * An article's figures, dated against its publication day; an undated article's are read again
   * against the day the story infers for it (cached per inferred day), so "on Monday" dates its figures too.
   */
  private figuresOf(entry: Entry, inferredDay: string | null): Figure[] {
    if (entry.article.published !== null || inferredDay === null) return entry.analysis.figures;
    const key = `${entry.article.id}|${inferredDay}`;
    let figures = this.inferredFigures.get(key);
    if (!figures) {
      const day = parseIsoDay(inferredDay);
      const dates = day ? resolveDates(entry.article.paragraphs, day, entry.article.language) : [];
      figures = extractFigures(entry.article.paragraphs, { language: entry.article.language ?? null, dates, published: inferredDay });
      this.inferredFigures.set(key, figures);
    }
    return figures;
  }

  private passagesOf(id: number): Passage[] {
    let passages = this.passageCache.get(id);
    if (!passages) {
      passages = this.aligner.passages(id);
      this.passageCache.set(id, passages);
    }
    return passages;
  }

  /** Removes an article; returns false when it was not there. Realigns the rest (cheap). */
  remove(id: number): boolean {
    if (!this.entries.delete(id)) return false;
    for (const key of [...this.inferredFigures.keys()]) if (key.startsWith(`${id}|`)) this.inferredFigures.delete(key);
    this.aligner = new PassageAligner();
    this.passageCache.clear();
    for (const { article } of this.entries.values()) this.aligner.add({ id: article.id, paragraphs: article.paragraphs, language: analysisLanguage(article.language) });
    return true;
  }

  /** The cached analysis of one article, or undefined. */
  analysisOf(id: number): ArticleAnalysis | undefined {
    return this.entries.get(id)?.analysis;
  }

  exportState(): FactSheetBuilderState {
    return {
      version: FACT_SHEET_STATE_VERSION,
      story: { ...this.story },
      articles: [...this.entries.values()].map((e) => ({ article: e.article, analysis: e.analysis })),
    };
  }

  /**
   * Rebuilds a builder from {@link exportState}'s output. Analyses of another version are
   * recomputed; a state of another version is replayed from its articles.
   */
  static importState(state: FactSheetBuilderState): FactSheetBuilder {
    const builder = new FactSheetBuilder(state.story);
    const isCurrent = state.version === FACT_SHEET_STATE_VERSION;
    for (const { article, analysis } of state.articles) builder.add(article, isCurrent ? analysis : undefined);
    return builder;
  }

  /** The fact sheet of the articles added so far. Deterministic. */
  build(): FactSheet {
    const entries = [...this.entries.values()].sort((a, b) => compareArticles(a.article, b.article));
    const timeline = buildTimeline(
      entries.map((e) => ({
        articleId: e.article.id,
        source: e.article.source,
        published: e.article.published,
        paragraphs: e.article.paragraphs,
        language: e.article.language ?? null,
        resolved: e.analysis.dates,
      })),
    );
    const inferred = new Map(timeline.references.filter((r) => r.from === 'text' || r.from === 'story').map((r) => [Number(r.articleId), r]));
    const articles = entries.map((e) => toSheetArticle(e.article, inferred.get(e.article.id)));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const cite = (id: number): Citation => ({ articleId: id, source: byId.get(id)?.source ?? null });
    const order = new Map(articles.map((a, i) => [a.id, i]));
    const citeAll = citer(articles, order, cite);
    const passages = new Map(entries.map((e) => [e.article.id, this.passagesOf(e.article.id)]));

    const entities = canonicalizeEntities(entries.map((e) => ({ articleId: e.article.id, source: e.article.source, mentions: e.analysis.mentions })));
    const storyQuotes = mergeQuotes(
      entries.map((e) => ({ articleId: e.article.id, source: e.article.source, quotes: e.analysis.quotes })),
      { entities },
    );
    // Undated articles are dated for comparison by the timeline's inference (marked inferred there).
    const reference = new Map(timeline.references.map((r) => [Number(r.articleId), r.published]));
    const figureGroups = groupFigures(
      entries.map((e) => ({
        articleId: e.article.id,
        source: e.article.source,
        published: reference.get(e.article.id) ?? e.article.published,
        publishedAt: e.article.published,
        copyGroup: e.article.copyGroup ?? null,
        language: e.article.language ?? null,
        figures: this.figuresOf(e, reference.get(e.article.id) ?? null),
      })),
    );
    const quotes = toSpeakerQuotes(storyQuotes, this.entries, citeAll);
    const storyLanguages = languagesOf(articles);
    const figures = toFigureGroups(figureGroups, citeAll);
    return {
      version: FACT_SHEET_VERSION,
      story: { ...this.story },
      articles,
      summary: toSummary(entries, passages, citeAll, storyLanguages[0]?.language ?? null),
      entities: toEntities(entities, byId, citeAll),
      quotes,
      figures,
      timeline: toTimeline(timeline, citeAll, articles),
      notAnalysed: notAnalysedLanguages(entries.map((e) => e.article)),
      languages: storyLanguages,
      partlyAnalysed: entries.flatMap((e) => {
        const cut = this.cuts.get(e.article.id);
        return cut ? [{ article: e.article.id, ...cut }] : [];
      }),
      coverage: buildCoverage(
        entries.map((e) => ({
          article: byId.get(e.article.id)!,
          paragraphs: e.article.paragraphs,
          passages: passages.get(e.article.id) ?? [],
          sentenceCount: e.analysis.sentences.reduce((t, s) => t + s.length, 0),
        })),
        quotes,
        figures,
      ),
    };
  }
}

/**
 * Distinct ids in story order, as citations. Large stories cite hundreds of articles per figure
 * or event thousands of times: dedupe with a stamp per story position and sort positions
 * numerically. Ids outside the story (never from the builder) take the general path.
 */
function citer(articles: readonly SheetArticle[], order: Map<number, number>, cite: (id: number) => Citation): CiteAll {
  const stamp = new Int32Array(articles.length);
  let epoch = 0;
  return (ids) => {
    const list = [...ids];
    epoch += 1;
    const positions: number[] = [];
    for (const id of list) {
      const k = order.get(id);
      if (k === undefined) return [...new Set(list)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(cite);
      if (stamp[k] !== epoch) {
        stamp[k] = epoch;
        positions.push(k);
      }
    }
    return Array.from(Int32Array.from(positions).sort(), (k) => cite(articles[k]?.id ?? 0));
  };
}

/** Story order: published ascending (undated last), then id. */
function compareArticles(a: FactSheetArticle, b: FactSheetArticle): number {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  return pa < pb ? -1 : pa > pb ? 1 : a.id - b.id;
}

/** How to name an article everywhere: outlet, else host, else file name (see {@link sourceLabel}). */
export function labelOf(article: ArticleIdentity): string {
  return sourceLabel(article);
}

/** Total characters of an article's paragraphs (with the breaks between them). */
function textLength(paragraphs: readonly string[]): number {
  let total = Math.max(0, paragraphs.length - 1) * 2;
  for (const p of paragraphs) total += p.length;
  return total;
}

/**
 * The article cut to its first paragraphs totalling at most {@link MAX_ANALYSED_CHARS}
 * characters (a single longer paragraph is cut at a space); the article itself when shorter.
 */
export function boundedArticle(article: FactSheetArticle): FactSheetArticle {
  if (textLength(article.paragraphs) <= MAX_ANALYSED_CHARS) return article;
  const kept: string[] = [];
  let used = 0;
  for (const p of article.paragraphs) {
    const room = MAX_ANALYSED_CHARS - used - (kept.length ? 2 : 0);
    if (p.length <= room) {
      kept.push(p);
      used += p.length + (kept.length > 1 ? 2 : 0);
      continue;
    }
    if (kept.length === 0) {
      const space = p.lastIndexOf(' ', room);
      kept.push(p.slice(0, space > room / 2 ? space : room));
    }
    break;
  }
  return { ...article, paragraphs: kept };
}

/** The story's languages without a bundle, with their articles in story order. */
function notAnalysedLanguages(articles: readonly FactSheetArticle[]): FactSheet['notAnalysed'] {
  const byLanguage = new Map<string, number[]>();
  for (const a of articles) {
    if (a.language === null || a.language === undefined || a.language === '' || hasAnalysisBundle(a.language)) continue;
    byLanguage.set(a.language, [...(byLanguage.get(a.language) ?? []), a.id]);
  }
  return [...byLanguage].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([language, ids]) => ({ language, articles: ids }));
}

/** Language of unknown articles in {@link FactSheet.languages} (BCP 47 "undetermined"). */
const UNDETERMINED = 'und';

/** The story's languages, most articles first, ties by the earlier article (story order). */
function languagesOf(articles: readonly SheetArticle[]): FactSheet['languages'] {
  const byLanguage = new Map<string, number[]>();
  for (const a of articles) {
    const language = a.language ?? UNDETERMINED;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), a.id]);
  }
  // Map order is first appearance in story order, which breaks ties; a known language leads an unknown one.
  return [...byLanguage]
    .map(([language, ids], first) => ({ language, articles: ids, first }))
    .sort((x, y) => Number(x.language === UNDETERMINED) - Number(y.language === UNDETERMINED) || y.articles.length - x.articles.length || x.first - y.first)
    .map(({ language, articles: ids }) => ({ language, articles: ids }));
}

function toSheetArticle(a: FactSheetArticle, inferred: { published: string | null; from: string } | undefined): SheetArticle {
  const isInferred = inferred !== undefined && inferred.published !== null;
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    published: a.published,
    url: a.url ?? null,
    copyGroup: a.copyGroup ?? null,
    origin: a.origin ?? null,
    label: labelOf(a),
    displayTitle: displayTitle(a),
    inferredDate: isInferred ? inferred.published : null,
    inferredFrom: isInferred ? (inferred.from as 'text' | 'story') : null,
    language: a.language === undefined || a.language === '' ? null : a.language,
  };
}

type CiteAll = (ids: Iterable<number>) => Citation[];

// Content words of each sentence of an analysis, computed once per (cached) analysis object.
const sentenceStems = new WeakMap<ArticleAnalysis, Array<Set<string>>>();

function stemsOfSentences(analysis: ArticleAnalysis, flat: readonly string[], language: string | null | undefined): Array<Set<string>> {
  let stems = sentenceStems.get(analysis);
  if (!stems) {
    stems = flat.map((text) => contentTerms(text, language));
    sentenceStems.set(analysis, stems);
  }
  return stems;
}

// Ids sharing each passage, per passages array (the builder keeps an article's array while valid).
const passageIds = new WeakMap<readonly Passage[], number[][]>();

function sharedIdsOf(passages: readonly Passage[]): number[][] {
  let ids = passageIds.get(passages);
  if (!ids) {
    ids = passages.map((p) => p.sharedWith.map((s) => s.articleId));
    passageIds.set(passages, ids);
  }
  return ids;
}

function toSummary(entries: readonly Entry[], passages: Map<number, Passage[]>, citeAll: CiteAll, mainLanguage: string | null): SummarySentence[] {
  const languageOf = new Map(entries.map((e) => [e.article.id, e.article.language || null]));
  const input = entries.map((e) => {
    const flat = e.analysis.sentences.flat();
    const stems = stemsOfSentences(e.analysis, flat, e.article.language);
    const shared: Array<readonly number[]> = flat.map(() => []);
    const own = passages.get(e.article.id) ?? [];
    const ids = sharedIdsOf(own);
    own.forEach((p, k) => {
      for (let i = p.sentenceStart; i < p.sentenceEnd && i < shared.length; i++) shared[i] = ids[k] ?? [];
    });
    return {
      id: e.article.id,
      language: e.article.language || null,
      sentences: flat.map((text, i) => {
        const own = stems[i];
        return own ? { text, sharedWith: shared[i] ?? [], stems: own } : { text, sharedWith: shared[i] ?? [] };
      }),
    };
  });
  // With unknown languages only, there is nothing to prefer.
  const preferLanguage = mainLanguage === UNDETERMINED ? null : mainLanguage;
  return summarize(input, { preferLanguage }).map((p) => ({
    text: p.text,
    citations: citeAll(p.articleIds),
    articleId: p.articleId,
    language: languageOf.get(p.articleId) ?? null,
    sentence: p.sentence,
    score: p.score,
  }));
}

const ENTITY_GROUP: Readonly<Record<EntityKind, keyof SheetEntities>> = {
  person: 'people',
  place: 'places',
  organisation: 'organisations',
};

function toEntities(entities: readonly Entity[], byId: Map<number, SheetArticle>, citeAll: CiteAll): SheetEntities {
  const out: SheetEntities = { people: [], places: [], organisations: [] };
  for (const e of entities) {
    const counts = new Map<number, number>();
    for (const a of e.articles) if (typeof a.articleId === 'number') counts.set(a.articleId, (counts.get(a.articleId) ?? 0) + a.count);
    const outlets = new Map<string, number>();
    for (const [id, n] of counts) {
      const label = byId.get(id)?.label ?? `#${id}`;
      outlets.set(label, (outlets.get(label) ?? 0) + n);
    }
    const entity: SheetEntity = {
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [...e.aliases],
      count: e.count,
      mentions: citeAll(counts.keys()).map((c) => ({ ...c, count: counts.get(c.articleId) ?? 0 })),
      outlets: [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([outlet, count]) => ({ outlet, count })),
    };
    out[ENTITY_GROUP[e.kind]].push(entity);
  }
  for (const list of [out.people, out.places, out.organisations]) list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return out;
}

function toSpeakerQuotes(storyQuotes: readonly StoryQuote[], entries: Map<number, Entry>, citeAll: CiteAll): SpeakerQuotes[] {
  const bySpeaker = new Map<string, SpeakerQuotes>();
  for (const q of storyQuotes) {
    // Reported speech by no one the article names ("They believe ...", narration read as speech)
    // is the outlet's own text: without a speaker it tells the reader nothing about who said what.
    if (q.speaker === null && q.variants.every((v) => !isPrintedInMarks(v.quote.kind))) continue;
    const variants = q.variants.map((v) => {
      const id = Number(v.articleId);
      const entry = entries.get(id);
      return {
        articleId: id,
        source: entry?.article.source ?? null,
        text: v.quote.text,
        kind: v.quote.kind,
        sentence: entry ? quoteSentence(entry, v.quote) : v.quote.text,
      };
    });
    const quote = toSheetQuote(q, variants, citeAll);
    // "officials" and "Officials" are one speaker.
    const key = q.speaker === null ? '\u0000' : q.speaker.toLowerCase();
    const group = bySpeaker.get(key) ?? { speaker: q.speaker, speakerKind: q.speakerKind, quotes: [] };
    group.quotes.push(quote);
    bySpeaker.set(key, group);
  }
  // Most quoted first; the unattributed last.
  return [...bySpeaker.values()].sort(
    (a, b) =>
      Number(a.speaker === null) - Number(b.speaker === null) ||
      b.quotes.length - a.quotes.length ||
      (a.speaker ?? '').localeCompare(b.speaker ?? ''),
  );
}

/**
 * One quote as the sheet prints it. Quotation marks only around words an article has in
 * quotation marks: the fullest direct variant, else (all partial) the fullest partial one.
 * Partial pieces beside a fuller quote are listed as parts, cited apart; a statement only
 * reported without marks is printed as the outlet's sentence.
 */
function toSheetQuote(q: StoryQuote, variants: SheetQuote['variants'], citeAll: CiteAll): SheetQuote {
  const longest = (vs: SheetQuote['variants']): SheetQuote['variants'][number] | undefined =>
    [...vs].sort((a, b) => b.text.length - a.text.length)[0];
  const direct = variants.filter((v) => v.kind === 'direct');
  const partial = variants.filter((v) => v.kind === 'partial');
  const reportedVariants = variants.filter((v) => !isPrintedInMarks(v.kind));
  const markedVariants = direct.length > 0 ? direct : reportedVariants.length === 0 ? partial : [];
  const printed = longest(markedVariants);
  const marked = printed !== undefined;
  // Next to the marks, only the articles that have the whole printed passage in marks; an outlet
  // quoting a shorter cut of it is listed with its own words among the parts.
  const pieces = printed ? printed.text.split(' … ').map(foldQuote) : [];
  const carriesAll = (v: SheetQuote['variants'][number]): boolean => pieces.every((piece) => foldQuote(v.text).includes(piece));
  const fullVariants = markedVariants.filter((v) => v === printed || carriesAll(v));
  const cuts = markedVariants.filter((v) => !fullVariants.includes(v));
  const markedIds = new Set(fullVariants.map((v) => v.articleId));
  const cutIds = cuts.map((v) => v.articleId).filter((id) => !markedIds.has(id));
  const reportedIds = reportedVariants.map((v) => v.articleId).filter((id) => !markedIds.has(id));
  // A partial quote inside a reported sentence the sheet prints anyway is not listed twice.
  const isInPrintedSentence = (v: SheetQuote['variants'][number]): boolean =>
    !marked && reportedVariants.some((r) => r.articleId === v.articleId && r.sentence.includes(v.text));
  const partials = markedVariants === partial ? [] : partial.filter((v) => !isInPrintedSentence(v));
  const parts = [...cuts, ...partials].map((v) => ({ articleId: v.articleId, source: v.source, text: v.text }));
  const firstReported = reportedVariants[0];
  return {
    id: q.id,
    text: printed?.text ?? firstReported?.text ?? q.text,
    kind: printed?.kind ?? firstReported?.kind ?? q.kind,
    marked,
    reported: marked ? null : (firstReported?.sentence ?? null),
    channel: q.channel,
    sentence: printed?.sentence ?? variants[0]?.sentence ?? q.text,
    citations: citeAll([...markedIds, ...cutIds, ...reportedIds]),
    markedBy: citeAll(markedIds),
    reportedBy: citeAll(reportedIds),
    parts,
    variants,
  };
}

/** A quote's words folded for comparison: case, accents, quotation marks and spacing aside. */
function foldQuote(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}

/** The sentence(s) of the article a quote stands in, with its attribution when in the same paragraph. */
function quoteSentence(entry: Entry, q: { paragraph: number; start: number; end: number; endParagraph?: number; speakerSpan: { paragraph: number; start: number; end: number } | null }): string {
  const paragraph = entry.article.paragraphs[q.paragraph] ?? '';
  const sentences = entry.analysis.sentences[q.paragraph] ?? [];
  let from = q.start;
  let to = q.endParagraph !== undefined && q.endParagraph !== q.paragraph ? paragraph.length : q.end;
  if (q.speakerSpan && q.speakerSpan.paragraph === q.paragraph) {
    from = Math.min(from, q.speakerSpan.start);
    to = Math.max(to, q.speakerSpan.end);
  }
  const picked: string[] = [];
  let cursor = 0;
  for (const s of sentences) {
    const at = paragraph.indexOf(s, cursor);
    if (at < 0) continue;
    cursor = at + s.length;
    if (at < to && cursor > from) picked.push(s);
  }
  return picked.length > 0 ? picked.join(' ') : paragraph;
}

function toFigureGroups(groups: readonly FigureGroup[], citeAll: CiteAll): SheetFigureGroup[] {
  const out = groups.map((g): SheetFigureGroup => {
    const values: SheetFigureValue[] = [];
    const ids: number[][] = [];
    const indexOfReport: number[] = [];
    const keyOf = new Map<string, number>();
    const isSeries = g.series.length > 0;
    for (const r of g.reports) {
      const head = r.figures[0];
      const conversion = head?.conversion ? { value: head.conversion.value, currency: head.conversion.currency } : null;
      const key = `${r.bounds}|${head?.currency ?? ''}|${conversion ? `${conversion.value} ${conversion.currency}` : ''}|${isSeries ? (r.asOf ?? '') : ''}|${r.isEarlier ? 'earlier' : ''}`;
      let index = keyOf.get(key);
      if (index === undefined) {
        index = values.length;
        keyOf.set(key, index);
        values.push({
          text: r.figures.map((f) => f.text).join(' + '),
          value: r.figures.length === 1 ? (head?.value ?? null) : null,
          bounds: r.bounds,
          low: r.low,
          high: r.high,
          currency: head?.currency ?? null,
          conversion,
          asOf: r.asOf,
          isEarlier: r.isEarlier,
          sentence: head?.sentence ?? '',
          citations: [],
        });
        ids.push([]);
      }
      ids[index]?.push(Number(r.articleId));
      indexOfReport.push(index);
    }
    values.forEach((v, i) => (v.citations = citeAll(ids[i] ?? [])));
    const disagreements: SheetFigureDisagreement[] = [];
    const seen = new Set<string>();
    const addPairs = (pairs: typeof g.conflicts, level: SheetFigureDisagreement['level']): void => {
      for (const c of pairs) {
        const a = indexOfReport[c.a];
        const b = indexOfReport[c.b];
        if (a === undefined || b === undefined || a === b) continue;
        const key = `${Math.min(a, b)}|${Math.max(a, b)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        disagreements.push({ a: Math.min(a, b), b: Math.max(a, b), level, reason: c.reason });
      }
    };
    addPairs(g.conflicts, 'conflict');
    addPairs(g.differences, 'differ');
    const series = isSeries ? [...new Set(g.series.map((r) => indexOfReport[r]).filter((i): i is number => i !== undefined))] : [];
    return {
      kind: g.kind,
      unit: g.unit,
      caption: g.caption,
      measure: { counted: g.measure.counted, predicate: g.measure.predicate, about: g.measure.about },
      verdict: g.verdict,
      isDisagreement: g.isDisagreement,
      values,
      disagreements,
      series,
      articleCount: new Set(ids.flat()).size,
      sourceCount: g.sources,
    };
  });
  // Disagreements first, then figures reported by more sources; stable otherwise.
  return out
    .map((g, i) => ({ g, i }))
    .sort((x, y) => Number(y.g.isDisagreement) - Number(x.g.isDisagreement) || y.g.sourceCount - x.g.sourceCount || y.g.articleCount - x.g.articleCount || x.i - y.i)
    .map((x) => x.g);
}

/** Longest row label on a timeline chart, in characters. */
const MAX_LABEL_CHARS = 60;

function toTimeline(timeline: Timeline, citeAll: CiteAll, articles: readonly SheetArticle[]): SheetTimeline {
  const days = articles.map((a) => (a.published ?? a.inferredDate)?.slice(0, 10)).filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const range = days.length > 0 ? { start: days[0]!, end: days[days.length - 1]! } : null;
  const from = range ? shiftDay(range.start, -STORY_CONTEXT_DAYS) : null;
  const to = range ? shiftDay(range.end, STORY_CONTEXT_DAYS) : null;
  return {
    entries: timeline.entries.map((e) => ({
      start: e.start,
      end: e.end,
      granularity: e.granularity,
      description: e.description,
      citations: citeAll(e.mentions.map((m) => Number(m.articleId))),
      isDisputed: e.isDisputed,
      variants: e.variants.map((v) => ({
        start: v.start,
        end: v.end,
        granularity: v.granularity,
        expressions: [...new Set(v.mentions.map((m) => m.expression))],
        citations: citeAll(v.mentions.map((m) => Number(m.articleId))),
      })),
      label: shortLabel(e.description),
      isOutsideStory: from !== null && to !== null && (e.end < from || e.start > to),
    })),
    references: timeline.references.map((r) => ({ articleId: Number(r.articleId), published: r.published, from: r.from })),
    range,
  };
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The description cut at a word boundary to {@link MAX_LABEL_CHARS}. */
function shortLabel(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_LABEL_CHARS) return text;
  const cut = text.slice(0, MAX_LABEL_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LABEL_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}
