import type { TextToolkit } from '../core/text/index.js';
import { dateAnchorKey, monthOf, weekdayOf } from './dates.js';
import { clusterLanguage, type ClusterLanguage } from './lang.js';
import { canonicalName, foldName } from './names.js';

/**
 * Feature keys share one namespace, told apart by their first character:
 *   `stem`     a vocabulary word (lower-case, stemmed in the article's language)
 *   `@name`    a name: a whole capitalised sequence (`@mara velt`), its last word (`@velt`) and the
 *              acronym of a long one (`@gao`); accents folded, countries under one name
 *   `#number`  a number written with digits (`#4.7`, `#2031`, `#250`) or a date anchor (`#d10-14`)
 */
export type FeatureKind = 'term' | 'name' | 'number';

export function featureKind(key: string): FeatureKind {
  const c = key.charCodeAt(0);
  if (c === 64 /* @ */) return 'name';
  if (c === 35 /* # */) return 'number';
  return 'term';
}

/** 0 term, 1 name, 2 number: index of a kind in per-kind arrays. */
export function kindIndex(key: string): 0 | 1 | 2 {
  const c = key.charCodeAt(0);
  return c === 64 ? 1 : c === 35 ? 2 : 0;
}

/** Raw counts of an article's features. Title words count TITLE_REPEAT times. */
export interface ArticleFeatures {
  /** feature key → occurrence count (≥ 1). Insertion order is text order (deterministic). */
  readonly counts: Map<string, number>;
  /**
   * The happening: vocabulary words (same keys as in `counts`, never names or numbers) of the
   * headline and the lead, what the article says happened; key → weight.
   */
  readonly happening: Map<string, number>;
  /** The participants: name keys of the headline and the lead (who it happened to, and where). */
  readonly participants: Map<string, number>;
  /** The lead (first prose sentences of the text), for a fallback story title and reasons. */
  readonly lead: string;
  /** The language whose rules were used (ISO 639-1). */
  readonly language: string;
  /** Key → the words as first written, for happening words and names (reasons are read by people). */
  readonly labels: Map<string, string>;
}

/** A headline says what the story is about in few words: its words count this many times. */
const TITLE_REPEAT = 2;
/** Long texts add little identity after the first few thousand characters and cost time. */
const MAX_TEXT_CHARS = 12_000;
/** A sentence where most words are capitalised is a headline or a byline, not prose. */
const TITLE_CASE_SHARE = 0.6;
const MAX_LEAD_CHARS = 200;
/**
 * The lead: the first prose sentence, extended by the next ones to at least LEAD_MIN_WORDS words
 * (at most LEAD_MAX_WORDS): a report that opens on a scene ("It was late when the first call
 * came") says what happened in its second sentence. Chosen on the development parts (12 words:
 * B-cubed F1 0.951 BASIL, 0.861 ECB+; 30: 0.958, 0.879).
 */
const LEAD_MIN_WORDS = 30;
const LEAD_MAX_WORDS = 60;
/** A prose sentence has at least this many words, a share of them lower case, and no web address. */
const PROSE_MIN_WORDS = 5;
const PROSE_LOWER_SHARE = 0.3;
/** Names of this many words or more also give their acronym ("Government Accountability Office" → "@gao"). */
const ACRONYM_MIN_WORDS = 3;
const MS_PER_DAY = 86_400_000;

const UPPER_START = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;
const WEB_ADDRESS = /https?\s*:|www\s*\./i;

interface Token {
  readonly raw: string;
  readonly lower: string;
  readonly isCapital: boolean;
  /** All letters upper case, two or more of them ("NATO", "GAO"). */
  readonly isUpper: boolean;
  /**
   * First word of a sentence (the toolkit's sentences), or after a quotation mark, colon or
   * bracket: a capital here does not by itself make a name.
   */
  readonly isSentenceStart: boolean;
  /** Index of the toolkit sentence the word is in. */
  readonly sentence: number;
  /** Only spaces (or one hyphen) between this token and the previous one. */
  readonly isJoined: boolean;
  readonly hasDigit: boolean;
  /** Normalised number ("1,000" → "1000", "1.600" → "1600", "2,5" → "2.5"); null if not digits. */
  readonly num: string | null;
  /** Index of the first character in the text. */
  readonly start: number;
}

/**
 * Characters in the gap before a word after which a capital is sentence-initial: quotation
 * marks, colon, semicolon, brackets, line break (periods and other terminators are the
 * toolkit's sentence boundaries, which know abbreviations such as "p.m." or "Dr.").
 */
function isSentenceBreak(code: number): boolean {
  return (
    code === 58 || code === 59 || code === 34 || code === 10 || code === 40 || code === 41 ||
    code === 0x201c || code === 0x201d || code === 0xab || code === 0xbb || code === 0x201e
  );
}

/** The words of `text` (the toolkit's tokenizer and sentence splitter) with what the feature rules need. */
function tokenize(text: string, kit: TextToolkit): Token[] {
  const out: Token[] = [];
  if (text.length === 0) return out;
  const starts = kit.sentences(text).map((s) => s.start);
  let sentence = -1;
  let next = 0;
  let prevEnd = 0;
  for (const w of kit.words(text)) {
    if (!w.isWordLike) continue;
    const start = w.start;
    let isBreak = out.length === 0;
    while (next < starts.length && starts[next]! <= start) {
      next++;
      sentence = next - 1;
      isBreak = true;
    }
    let isJoined = true;
    let hyphens = 0;
    for (let i = prevEnd; i < start; i++) {
      const code = text.charCodeAt(i);
      if (code === 45 || code === 0x2010) hyphens++;
      else if (code !== 32 && code !== 9) isJoined = false;
      if (isSentenceBreak(code)) isBreak = true;
    }
    if (hyphens > 1) isJoined = false;
    prevEnd = w.end;
    let raw = w.text;
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019)) {
      raw = raw.slice(0, -2);
    }
    const first = raw.charCodeAt(0);
    // Fast path for ASCII; the regex only for other scripts.
    const isCapital = first < 128 ? first >= 65 && first <= 90 : UPPER_START.test(raw);
    let digits = 0;
    let letters = 0;
    let uppers = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (c !== 44 && c !== 46 && c !== 39 && c !== 0x2019) {
        letters++;
        if (c >= 65 && c <= 90) uppers++;
      }
    }
    const hasDigit = digits > 0 || (first >= 128 && HAS_DIGIT.test(raw));
    out.push({
      raw,
      lower: kit.normalize(raw),
      isCapital,
      isUpper: letters >= 2 && uppers === letters,
      isSentenceStart: isBreak,
      sentence: Math.max(0, sentence),
      isJoined,
      hasDigit,
      num: digits > 0 && letters === 0 ? normaliseNumber(raw) : null,
      start,
    });
  }
  return out;
}

/**
 * Digit-only words, one form in every language: a separator followed by exactly three digits
 * groups thousands ("1,600" and "1.600" → "1600"); a comma before one or two digits is a decimal
 * comma ("2,5" → "2.5"). Single digits ("3 people") are too common to identify anything.
 */
function normaliseNumber(raw: string): string | null {
  let plain = raw;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw)) plain = raw.replace(/[.,]/g, '');
  else if (/^\d+,\d{1,2}$/.test(raw)) plain = raw.replace(',', '.');
  else plain = raw.replace(/,/g, '');
  if (plain.length < 2) return null;
  return plain;
}

function add(counts: Map<string, number>, key: string, times: number): void {
  counts.set(key, (counts.get(key) ?? 0) + times);
}

/** Title-case sentences (most words capitalised: headlines, bylines) as a per-token mask. */
function titleCaseMask(tokens: readonly Token[], lang: ClusterLanguage): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let s = 0; s < tokens.length; ) {
    let e = s + 1;
    while (e < tokens.length && !tokens[e]!.isSentenceStart) e++;
    let caps = 0;
    let words = 0;
    for (let k = s; k < e; k++) {
      const t = tokens[k]!;
      if (lang.isStopWord(t.lower) && !t.isCapital) continue;
      words++;
      if (t.isCapital) caps++;
    }
    if (words >= 4 && caps / words >= TITLE_CASE_SHARE) mask.fill(1, s, e);
    s = e;
  }
  return mask;
}

/** The name key of a folded sequence: countries and bodies under their canonical name. */
function nameKey(folded: string): string {
  return '@' + canonicalName(folded);
}

/**
 * Names by capitalised-sequence heuristic (fast; a part-of-speech tagger costs milliseconds per
 * lead). A capitalised word opening a sentence counts only when the same word is also capitalised
 * mid-sentence somewhere in the article; in title-case sentences the same rule applies to all.
 * Returns a mask of the tokens that were taken as names.
 */
function collectNames(
  tokens: readonly Token[],
  repeat: number,
  confirmed: ReadonlySet<string>,
  lang: ClusterLanguage,
  counts: Map<string, number>,
  labels: Map<string, string>,
): Uint8Array {
  const isName = new Uint8Array(tokens.length);
  const titleCase = titleCaseMask(tokens, lang);
  const isNameWord = (k: number): boolean => {
    const t = tokens[k]!;
    if (!t.isCapital || t.hasDigit || lang.nonNameCapitals.has(t.lower)) return false;
    if (t.isSentenceStart || titleCase[k] === 1) return (confirmed.has(t.lower) || t.isUpper) && !lang.isStopWord(t.lower);
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(i)) {
      i++;
      continue;
    }
    const parts: string[] = [tokens[i]!.lower];
    const raws: string[] = [tokens[i]!.raw];
    const initials: string[] = [tokens[i]!.lower[0]!];
    let last = tokens[i]!.lower;
    isName[i] = 1;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.isJoined && !tokens[j]!.isSentenceStart) {
      if (isNameWord(j)) {
        parts.push(tokens[j]!.lower);
        raws.push(tokens[j]!.raw);
        initials.push(tokens[j]!.lower[0]!);
        last = tokens[j]!.lower;
        isName[j] = 1;
        j++;
      } else if (lang.nameConnectors.has(tokens[j]!.raw) && j + 1 < tokens.length && tokens[j + 1]!.isJoined && isNameWord(j + 1)) {
        parts.push(tokens[j]!.lower);
        raws.push(tokens[j]!.raw);
        j++;
      } else break;
    }
    const whole = foldName(parts.join(' '));
    const canonical = nameKey(whole);
    if (parts.length > 1) {
      add(counts, canonical, repeat);
      if (!labels.has(canonical)) labels.set(canonical, raws.join(' '));
    }
    // The last word stands for the whole ("Velt" for "Mara Velt") unless the whole is a country
    // or body whose name was mapped.
    if ((canonical === '@' + whole && !lang.genericNameHeads.has(last)) || parts.length === 1) {
      const tail = foldName(last);
      if (tail.length > 1) {
        const key = nameKey(tail);
        add(counts, key, repeat);
        if (!labels.has(key)) labels.set(key, raws[raws.length - 1]!);
      }
    }
    if (initials.length >= ACRONYM_MIN_WORDS) add(counts, '@' + foldName(initials.join('')), repeat);
    i = j;
  }
  return isName;
}

function collectWords(tokens: readonly Token[], repeat: number, lang: ClusterLanguage, counts: Map<string, number>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.num !== null) {
      add(counts, '#' + t.num, repeat);
      continue;
    }
    if (t.hasDigit) continue;
    const month = monthOf(t.lower);
    if (month > 0) {
      const day = dayNear(tokens, i);
      if (day > 0) add(counts, dateAnchorKey(month, day), repeat);
      continue;
    }
    const key = termKey(t, lang);
    if (key !== null) add(counts, key, repeat);
  }
}

/** A day of the month written next to a month name ("14 October", "October 14", "14 de octubre"). */
function dayNear(tokens: readonly Token[], i: number): number {
  for (const j of [i - 1, i + 1, i - 2]) {
    const t = tokens[j];
    if (!t || !/^\d{1,2}$/.test(t.raw)) continue;
    if (j === i - 2 && !/^(?:de|di|del)$/.test(tokens[i - 1]!.lower)) continue;
    const d = Number(t.raw);
    if (d >= 1 && d <= 31) return d;
  }
  return 0;
}

/** The vocabulary key of a word, or null for function words and one-letter words. */
function termKey(t: Token, lang: ClusterLanguage): string | null {
  const w = t.lower;
  if (w.length < 2 || lang.isStopWord(w)) return null;
  // "U.S" → "us" would collide with the pronoun; keep dotted abbreviations whole.
  return w.includes('.') ? w : lang.stem(w);
}

function isProse(tokens: readonly Token[], from: number, to: number, text: string): boolean {
  if (to - from < PROSE_MIN_WORDS) return false;
  let lower = 0;
  for (let k = from; k < to; k++) if (!tokens[k]!.isCapital && !tokens[k]!.hasDigit) lower++;
  if (lower / (to - from) < PROSE_LOWER_SHARE) return false;
  const end = to < tokens.length ? tokens[to]!.start : text.length;
  return !WEB_ADDRESS.test(text.slice(tokens[from]!.start, end));
}

/** Token ranges [from, to) of the toolkit's sentences. */
function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let k = 1; k <= tokens.length; k++) {
    if (k === tokens.length || tokens[k]!.sentence !== tokens[k - 1]!.sentence) {
      out.push([from, k]);
      from = k;
    }
  }
  return out;
}

/** Token range [from, to) of the lead: the first prose sentence, extended when very short. */
function leadRange(tokens: readonly Token[], sentences: ReadonlyArray<readonly [number, number]>, text: string): [number, number] {
  for (let s = 0; s < sentences.length; s++) {
    const [from, end] = sentences[s]!;
    if (!isProse(tokens, from, end, text)) continue;
    let to = end;
    for (let t = s + 1; to - from < LEAD_MIN_WORDS && t < sentences.length; t++) to = sentences[t]![1];
    return [from, Math.min(to, from + LEAD_MAX_WORDS)];
  }
  return [0, Math.min(tokens.length, LEAD_MAX_WORDS)];
}

/**
 * Weekday anchors: "on Tuesday" in an article published on a Thursday is the Tuesday before, so
 * that a report of the next day and one of the same day give the event one date anchor. A
 * weekday is the publication day itself or one of the six days before it.
 */
function collectWeekdays(tokens: readonly Token[], repeat: number, language: string, publishedMs: number, counts: Map<string, number>): void {
  const published = new Date(publishedMs);
  const day = published.getUTCDay();
  for (const t of tokens) {
    const weekday = weekdayOf(t.lower, language);
    if (weekday < 0) continue;
    const back = (day - weekday + 7) % 7;
    const date = new Date(publishedMs - back * MS_PER_DAY);
    add(counts, dateAnchorKey(date.getUTCMonth() + 1, date.getUTCDate()), repeat);
  }
}

function collectHappening(
  tokens: readonly Token[],
  from: number,
  to: number,
  isName: Uint8Array,
  lang: ClusterLanguage,
  out: Map<string, number>,
  labels: Map<string, string>,
): void {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (isName[k] === 1 || t.hasDigit || t.lower.length < 3 || t.isUpper) continue;
    if (lang.notHappening.has(t.lower) || lang.nonNameCapitals.has(t.lower) || monthOf(t.lower) > 0) continue;
    // A capitalised word mid-sentence that was not taken as a name is still a name-like word
    // (a title, a brand): what happened is told in lower-case words.
    if (t.isCapital && !t.isSentenceStart) continue;
    const key = termKey(t, lang);
    if (key === null || lang.notHappening.has(key)) continue;
    add(out, key, 1);
    if (!labels.has(key)) labels.set(key, t.lower);
  }
}

/** Options of {@link extractFeatures}. */
export interface FeatureOptions {
  /** Plausible publication time in ms: weekdays in the text become date anchors against it. */
  publishedMs?: number | null;
}

/**
 * Extracts the features of one article in its language (ISO 639-1; English rules when null), with
 * the text toolkit's sentences, words, stop words and stems. Deterministic; linear in the text
 * length (the text is cut at MAX_TEXT_CHARS).
 */
export function extractFeatures(title: string | null, text: string, language?: string | null, options: FeatureOptions = {}): ArticleFeatures {
  const lang = clusterLanguage(language);
  const kit = lang.kit;
  const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const bodyTokens = tokenize(body, kit);
  const titleTokens = title ? tokenize(title, kit) : [];
  const confirmed = new Set<string>();
  for (const t of bodyTokens) if (t.isCapital && !t.isSentenceStart) confirmed.add(t.lower);
  const counts = new Map<string, number>();
  collectWords(titleTokens, TITLE_REPEAT, lang, counts);
  collectWords(bodyTokens, 1, lang, counts);
  const publishedMs = options.publishedMs ?? null;
  if (publishedMs !== null && Number.isFinite(publishedMs)) {
    collectWeekdays(titleTokens, TITLE_REPEAT, lang.code, publishedMs, counts);
    collectWeekdays(bodyTokens, 1, lang.code, publishedMs, counts);
  }
  const labels = new Map<string, string>();
  const titleNames = collectNames(titleTokens, TITLE_REPEAT, confirmed, lang, counts, labels);
  const bodyNames = collectNames(bodyTokens, 1, confirmed, lang, counts, labels);
  const happening = new Map<string, number>();
  const sentences = sentenceRanges(bodyTokens);
  const [from, to] = leadRange(bodyTokens, sentences, body);
  if (titleTokens.length > 0) collectHappening(titleTokens, 0, titleTokens.length, titleNames, lang, happening, labels);
  collectHappening(bodyTokens, from, to, bodyNames, lang, happening, labels);
  const participants = new Map<string, number>();
  const scratch = new Map<string, string>();
  if (titleTokens.length > 0) collectNames(titleTokens, 1, confirmed, lang, participants, scratch);
  collectNames(bodyTokens.slice(from, to), 1, confirmed, lang, participants, scratch);
  let lead = '';
  if (from < to) {
    const end = to < bodyTokens.length ? bodyTokens[to]!.start : body.length;
    lead = body.slice(bodyTokens[from]!.start, end).replace(/\s+/g, ' ').trim();
    if (lead.length > MAX_LEAD_CHARS) lead = lead.slice(0, MAX_LEAD_CHARS).replace(/\s+\S*$/, '') + '…';
  }
  return { counts, happening, participants, lead, language: lang.code, labels };
}
