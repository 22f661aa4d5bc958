import type { FigureLanguage } from '../lang/index.js';
import type { ReadFigure } from '../read/index.js';
import { isCapitalized, type Token } from '../tokens.js';
import type { FigureDate, FigureMeasure } from '../types.js';

/** How far (tokens) the predicate of a figure may stand from it. */
const PREDICATE_WINDOW = 6;
/** How far (tokens) a name may stand from a figure to say whom or where it is about. */
const ABOUT_WINDOW = 8;
/** How far (tokens) an unlisted verb (`misused`) is taken as the predicate. */
const RAW_VERB_WINDOW = 3;
/** Words of a noun phrase read before `worth` or after an amount. */
const MAX_COUNTED_WORDS = 4;

const CLAUSE_BREAK = new Set([';', ':', '(', ')', '—', '–', '[', ']']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** The token range `[from, to)` of the clause a figure belongs to. */
function clauseOf(k: number, figures: readonly ReadFigure[], tokens: readonly Token[], lang: FigureLanguage): [number, number] {
  const f = figures[k]!;
  let from = k > 0 ? figures[k - 1]!.tokenEnd : 0;
  let to = k + 1 < figures.length ? figures[k + 1]!.tokenStart : tokens.length;
  // "18 in one town and 3 in another": the second clause starts at the conjunction.
  for (let i = f.tokenStart - 1; i >= from && k > 0; i--) {
    if (tokens[i]!.lower === 'and' || tokens[i]!.lower === 'or' || tokens[i]!.text === ',') {
      from = i + 1;
      break;
    }
  }
  for (let i = f.tokenStart - 1; i >= from; i--) {
    const t = tokens[i]!;
    // "X said (that) ...": the speaker is not what the figure is about.
    if (CLAUSE_BREAK.has(t.text) || lang.clauseWords.has(t.lower) || lang.speechVerbs.has(t.lower)) {
      from = i + 1;
      break;
    }
  }
  for (let i = f.tokenEnd; i < to; i++) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.has(t.text) || lang.clauseWords.has(t.lower)) {
      to = i;
      break;
    }
    // ", officials said": the attribution ends the clause.
    if (t.text === ',' && tokens.slice(i + 1, i + 6).some((x) => lang.speechVerbs.has(x.lower))) {
      to = i;
      break;
    }
  }
  return [from, to];
}

function isVerbLike(t: Token, lang: FigureLanguage): boolean {
  return t.isWord && !isCapitalized(t) && t.lower.length > 4 && t.lower.endsWith('ed') && !lang.isStopword(t.lower);
}

/** The predicate nearest to the figure in its clause: a listed word, else an `-ed` verb right next to it. */
function predicateOf(f: ReadFigure, [from, to]: [number, number], tokens: readonly Token[], lang: FigureLanguage): { cls: string; text: string; at: number } | null {
  const classOf = (t: Token | undefined): string | null => {
    if (!t || !t.isWord) return null;
    return lang.roleWords.get(t.lower) ?? lang.predicates.get(t.lower) ?? null;
  };
  if (f.figure.role !== null) {
    for (let d = 1; d <= PREDICATE_WINDOW * 2; d++) {
      for (const i of [f.tokenStart - d, f.tokenEnd - 1 + d]) {
        if (i < from || i >= to) continue;
        const t = tokens[i]!;
        if (lang.roleWords.get(t.lower) === f.figure.role || lang.roleNouns.get(lang.singularize(t.lower)) === f.figure.role) return { cls: f.figure.role, text: t.text, at: i };
      }
    }
    return { cls: f.figure.role, text: f.figure.role, at: -1 };
  }
  // After the figure, a conjunction starts another verb phrase ("20 people and could cost ...").
  let stop = to;
  for (let i = f.tokenEnd; i < to; i++) {
    if (['and', 'or', ',', 'which', 'who', 'that'].includes(tokens[i]!.lower) || lang.rangeAnd.has(tokens[i]!.lower)) {
      stop = i;
      break;
    }
  }
  for (let d = 1; d <= PREDICATE_WINDOW; d++) {
    for (const i of [f.tokenStart - d, f.tokenEnd - 1 + d]) {
      if (i < from || i >= stop) continue;
      const cls = classOf(tokens[i]);
      if (cls !== null) return { cls, text: tokens[i]!.text, at: i };
    }
  }
  for (let d = 1; d <= RAW_VERB_WINDOW; d++) {
    for (const i of [f.tokenStart - d, f.tokenEnd - 1 + d]) {
      if (i < from || i >= stop) continue;
      const t = tokens[i]!;
      // An unlisted verb has no class: it names the predicate but never tells two apart.
      if (isVerbLike(t, lang)) return { cls: '', text: t.text, at: i };
    }
  }
  return null;
}

/**
 * Whom or where a figure is about: names near it introduced by a place or group preposition (`in
 * Leeds`, `for Smith`, `among Democrats`), and the subject right before its predicate (`Smith won
 * 40 percent`). Other names of the clause (the speaker, the setting) say nothing about the quantity.
 */
function aboutOf(f: ReadFigure, [from, to]: [number, number], predicateAt: number | null, tokens: readonly Token[], lang: FigureLanguage): string[] {
  const names: string[] = [];
  const isName = (i: number): boolean => {
    const t = tokens[i]!;
    return i > 0 && isCapitalized(t) && !lang.isStopword(t.lower) && !lang.months.has(t.lower) && !WEEKDAYS.has(t.lower) && !lang.isDemonym(t.text);
  };
  const lo = Math.max(from, f.tokenStart - ABOUT_WINDOW);
  const hi = Math.min(to, f.tokenEnd + ABOUT_WINDOW);
  for (let i = lo; i < hi; i++) {
    if (i >= f.tokenStart && i < f.tokenEnd) continue;
    if (!isName(i) || (i > lo && isName(i - 1))) continue;
    let end = i;
    while (end + 1 < hi && (isName(end + 1) || (tokens[end + 1]!.text === '.' && tokens[end + 1]!.glued && end + 2 < hi && isName(end + 2)))) end++;
    let before = i - 1;
    while (before >= from && ['the', 'a', 'an'].includes(tokens[before]!.lower)) before--;
    const isIntroduced = before >= from && lang.aboutPrepositions.has(tokens[before]!.lower);
    const isSubject = predicateAt !== null && end + 1 === predicateAt && predicateAt < f.tokenStart;
    if (isIntroduced || isSubject) names.push(tokens.slice(i, end + 1).filter((t) => t.isWord).map((t) => t.text).join(' '));
    i = end;
  }
  return [...new Set(names)];
}

/** A possessive name right before a counted phrase (`Smith's`, `the Smiths'`), or null. */
function ownerOf(words: readonly Token[], from: number, tokens: readonly Token[], lang: FigureLanguage): string | null {
  const first = words[0];
  if (!first) return null;
  let i = tokens.indexOf(first) - 1;
  // The possessive mark and any modifiers between it and the noun.
  while (i >= from && (tokens[i]!.text === "'" || tokens[i]!.text === '’' || tokens[i]!.lower === 's')) i--;
  const t = tokens[i];
  if (!t || i < from || i === 0 || !isCapitalized(t) || lang.isStopword(t.lower) || lang.isDemonym(t.text)) return null;
  const mark = tokens[i + 1];
  return mark && (mark.text === "'" || mark.text === '’') ? t.text : null;
}

/** A noun phrase of content words from `i` on (stopping at function words, verbs, punctuation). */
function phraseAfter(tokens: readonly Token[], i: number, to: number, lang: FigureLanguage): Token[] {
  const words: Token[] = [];
  for (let j = i; j < to && words.length < MAX_COUNTED_WORDS; j++) {
    const t = tokens[j]!;
    if (!t.isWord || lang.isStopword(t.lower) || isVerbLike(t, lang) || /ly$/.test(t.lower) || lang.months.has(t.lower) || WEEKDAYS.has(t.lower)) break;
    words.push(t);
    if (lang.isPlural(t.lower)) break;
  }
  return words;
}

// Nouns that only say "an amount" ("to the tune of", "a total of"): the counted thing lies beyond them.
const LIGHT_NOUNS = new Set(['amount', 'sum', 'total', 'tune', 'figure', 'value', 'tally', 'record', 'estimated']);
// Words skipped between an amount's noun and `worth` ("a package that he said was worth").
const LINKING_WORDS = new Set(['was', 'is', 'are', 'were', 'be', 'been', 'being', 'that', 'which', 'he', 'she', 'it', 'they', 'said', 'says', 'reportedly', 'now', 'then', 'also', 'to', 'the', 'a', 'an']);
const CHAIN_PREPOSITIONS = new Set(['of', 'for']);

/**
 * The noun phrase an amount belongs to, read backwards from token `end`: `a package of aid for
 * the army that he said was worth` → `package of aid for the army` (its head: `package`).
 */
function chainBefore(tokens: readonly Token[], end: number, from: number, lang: FigureLanguage): Token[] {
  let j = end;
  while (j - 1 >= from && LINKING_WORDS.has(tokens[j - 1]!.lower)) j--;
  let chain: Token[] = [];
  for (let links = 0; links < 3; links++) {
    const np = phraseBefore(tokens, j, from, lang);
    if (np.length === 0) break;
    chain = [...np, ...chain];
    j -= np.length;
    let k = j - 1;
    while (k >= from && ['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(tokens[k]!.lower)) k--;
    if (k < from || !CHAIN_PREPOSITIONS.has(tokens[k]!.lower)) break;
    chain = [...tokens.slice(k, j), ...chain];
    j = k;
  }
  // Leading light nouns ("the total of") carry nothing.
  while (chain.length > 0 && (LIGHT_NOUNS.has(chain[0]!.lower) || !chain[0]!.isWord || lang.isStopword(chain[0]!.lower))) chain = chain.slice(1);
  return chain;
}

/** A noun phrase of content words ending right before token `end`. */
function phraseBefore(tokens: readonly Token[], end: number, from: number, lang: FigureLanguage): Token[] {
  const words: Token[] = [];
  for (let j = end - 1; j >= from && words.length < MAX_COUNTED_WORDS; j--) {
    const t = tokens[j]!;
    if (!t.isWord || lang.isStopword(t.lower) || isVerbLike(t, lang)) break;
    words.unshift(t);
  }
  return words;
}

/** What an amount (money, a share, a measurement) is of: `$5 million in fees`, `a package worth $5 million`. */
function countedOfAmount(f: ReadFigure, [from, to]: [number, number], outer: number, tokens: readonly Token[], lang: FigureLanguage): Token[] {
  const next = tokens[f.tokenEnd];
  if (next && f.tokenEnd < to) {
    if (lang.linkWords.has(next.lower)) {
      let j = f.tokenEnd + 1;
      while (j < to && ['the', 'a', 'an', 'its', 'their', 'his', 'her', 'those'].includes(tokens[j]!.lower)) j++;
      const words = phraseAfter(tokens, j, to, lang);
      if (words.length > 0) return words;
    }
    // "$200 million investment", "a 5% decline in sales"
    const words = phraseAfter(tokens, f.tokenEnd, to, lang);
    if (words.length > 0) {
      const last = words[words.length - 1]!;
      const after = tokens[tokens.indexOf(last) + 1];
      const afterNext = tokens[tokens.indexOf(last) + 2];
      if (after && afterNext && lang.linkWords.has(after.lower) && tokens.indexOf(last) + 2 < to) {
        const tail = phraseAfter(tokens, tokens.indexOf(last) + 2, to, lang);
        if (tail.length > 0) return [...words, after, ...tail];
      }
      return words;
    }
  }
  const before = tokens[f.tokenStart - 1];
  if (before && f.tokenStart - 1 >= from && (lang.worthWords.has(before.lower) || lang.of.has(before.lower ?? ''))) {
    // "a package that he said was worth": the noun may stand before an attribution.
    return chainBefore(tokens, f.tokenStart - 1, outer, lang);
  }
  return [];
}

/** The head of an amount's noun phrase: the last word before its first `of`/`for`/`in`, unless a light noun. */
function amountHead(words: readonly Token[], lang: FigureLanguage): string | null {
  const cut = words.findIndex((w) => CHAIN_PREPOSITIONS.has(w.lower) || lang.linkWords.has(w.lower));
  const first = cut < 0 ? words : words.slice(0, cut);
  const last = first[first.length - 1];
  if (!last || LIGHT_NOUNS.has(last.lower)) return null;
  return lang.singularize(last.lower);
}

function spanText(sentence: string, words: readonly Token[]): string | null {
  if (words.length === 0) return null;
  return sentence.slice(words[0]!.start, words[words.length - 1]!.end);
}

/**
 * What one figure measures: the counted thing, the predicate, whom or where, when, and a caption.
 * Reads only the figure's own clause (between its neighbours, without an attribution).
 */
export function measureOf(
  k: number,
  figures: readonly ReadFigure[],
  tokens: readonly Token[],
  sentence: string,
  lang: FigureLanguage,
  dates: readonly FigureDate[],
): FigureMeasure {
  const f = figures[k]!;
  const fig = f.figure;
  const clause = clauseOf(k, figures, tokens, lang);
  const isAmount = fig.kind === 'money' || fig.kind === 'percentage' || fig.kind === 'measure' || fig.kind === 'duration';
  let outer = k > 0 ? figures[k - 1]!.tokenEnd : 0;
  for (let i = f.tokenStart - 1; i > outer; i--) if (CLAUSE_BREAK.has(tokens[i]!.text)) outer = i + 1;
  const countedWords = isAmount ? countedOfAmount(f, clause, outer, tokens, lang) : [];
  const counted = isAmount ? spanText(sentence, countedWords) : fig.noun;
  const head = isAmount ? amountHead(countedWords, lang) : fig.unit || null;
  const predicate = predicateOf(f, clause, tokens, lang);
  const about = aboutOf(f, clause, predicate && predicate.at >= 0 ? predicate.at : null, tokens, lang);
  // "The Smiths' tax rate was 40 percent": the owner of the counted thing is whom it is about.
  const owner = ownerOf(countedWords, outer, tokens, lang);
  if (owner !== null && !about.includes(owner)) about.push(owner);
  const clauseStart = tokens[clause[0]]?.start ?? 0;
  const clauseEnd = tokens[clause[1] - 1]?.end ?? sentence.length;
  const date = dates
    .filter((d) => d.index >= clauseStart && d.index < clauseEnd)
    .sort((a, b) => Math.abs(a.index - fig.offset) - Math.abs(b.index - fig.offset))[0];
  return {
    counted,
    head,
    predicate: predicate?.cls || null,
    predicateText: predicate?.text ?? null,
    about,
    time: date ? { start: date.start, end: date.end, expression: date.expression } : null,
    caption: captionOf(fig, counted, predicate?.text ?? null, lang),
    isEarlier: isEarlierValue(f, clause, tokens, lang),
  };
}

/** Most report words between an earlier-value word and its figure (`an earlier official toll of`). */
const MAX_EARLIER_GAP = 4;
/** How far (tokens) a change verb may stand before `from` (`had risen sharply from`). */
const MAX_CHANGE_GAP = 3;
/** How far (tokens) after a figure a report participle with an earlier-value adverb may come (`14 injuries reported earlier`). */
const MAX_AFTER_GAP = 3;

/**
 * Whether the sentence names a figure as an earlier value: `up from the 14 ...`, `rose from 9 to
 * 14` (the value after `from` next to a change verb), `an earlier toll of 9`, `the previously
 * reported 9`, `9 injuries reported earlier`. Reads only the figure's clause.
 */
export function isEarlierValue(f: ReadFigure, [from, to]: [number, number], tokens: readonly Token[], lang: FigureLanguage): boolean {
  const words = lang.earlier;
  const isDeterminer = (t: Token): boolean => lang.determiners.has(t.lower) || lang.articles.has(t.lower) || (words.between.has(t.lower) && t.lower.length <= 3);
  // "up from the 14", "rose from 9 to 14", "revised from 9".
  let i = f.tokenStart - 1;
  while (i >= 0 && isDeterminer(tokens[i]!) && !lang.rangeFrom.has(tokens[i]!.lower)) i--;
  if (i >= 0 && lang.rangeFrom.has(tokens[i]!.lower)) {
    for (let j = i - 1; j >= Math.max(0, i - MAX_CHANGE_GAP); j--) {
      const t = tokens[j]!;
      if (!t.isWord) break;
      if (lang.changeWords.has(t.lower) || words.fromChange.has(t.lower)) return true;
    }
  }
  // "an earlier toll of 9", "the previously reported 9", "the initial 9".
  let gap = 0;
  for (let j = f.tokenStart - 1; j >= from && gap <= MAX_EARLIER_GAP; j--) {
    const t = tokens[j]!;
    if (!t.isWord) break;
    if (words.before.has(t.lower)) return true;
    if (!words.between.has(t.lower) && !lang.determiners.has(t.lower) && !lang.articles.has(t.lower)) break;
    gap++;
  }
  // "9 injuries reported earlier", "the 9 given previously".
  // The figure's own last word may be the participle ("14 reported earlier").
  for (let j = Math.max(f.tokenStart, f.tokenEnd - 1); j < Math.min(to, f.tokenEnd + MAX_AFTER_GAP); j++) {
    const t = tokens[j]!;
    if (!t.isWord) break;
    if (!words.reportParticiples.has(t.lower)) continue;
    const prev = tokens[j - 1];
    const next = tokens[j + 1];
    if ((prev && words.after.has(prev.lower)) || (next && j + 1 < to && words.after.has(next.lower))) return true;
  }
  return false;
}

/** A readable phrase for what a figure measures, from the text. */
export function captionOf(fig: ReadFigure['figure'], counted: string | null, predicateText: string | null, lang: FigureLanguage): string {
  if (fig.role !== null) {
    // "14 injuries", "12 dead": the counted noun already names the role.
    const last = counted?.split(/\s+/).pop()?.toLowerCase() ?? '';
    if (counted !== null && (lang.roleNouns.get(lang.singularize(last)) === fig.role || lang.roleWords.get(last) === fig.role)) return counted;
    return `${counted ?? 'people'} ${fig.role}`;
  }
  if (fig.kind === 'people' || fig.kind === 'count') return counted ?? fig.unit;
  if (counted !== null) return counted;
  if (predicateText !== null && fig.kind === 'money') return `amount ${predicateText}`;
  return fig.unit || 'number';
}
