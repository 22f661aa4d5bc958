import { NAME_CONNECTORS, NON_NAME_CAPITALS, STOPWORDS } from './word-lists.js';

/**
 * Feature keys share one namespace, told apart by their first character:
 *   `stem`     a vocabulary word (lower-case, light-stemmed)
 *   `@name`    a name: a whole capitalised sequence (`@tara reid`) and its last word (`@reid`)
 *   `#number`  a number written with digits (`#6.1`, `#2009`, `#160`)
 */
export type FeatureKind = 'term' | 'name' | 'number';

export function featureKind(key: string): FeatureKind {
  const c = key.charCodeAt(0);
  if (c === 64 /* @ */) return 'name';
  if (c === 35 /* # */) return 'number';
  return 'term';
}

/** Raw counts of an article's features. Title words count TITLE_REPEAT times. */
export interface ArticleFeatures {
  /** feature key → occurrence count (≥ 1). Insertion order is text order (deterministic). */
  readonly counts: Map<string, number>;
  /** First sentence of the text (or the title), for a fallback story title. */
  readonly lead: string;
}

/** A headline says what the story is about in few words: its words count this many times. */
const TITLE_REPEAT = 2;
/** Long texts add little identity after the first few thousand characters and cost time. */
const MAX_TEXT_CHARS = 12_000;
/** A sentence where most words are capitalised is a headline or a byline, not prose. */
const TITLE_CASE_SHARE = 0.6;
const MAX_LEAD_CHARS = 160;

// Defined up here so they are not rebuilt in loops. A word: letters/digits joined by an inner
// apostrophe, period or comma ("Reid's", "U.S", "6.1", "1,000"); hyphens split words.
const REGEXPS = {
  word: /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu,
  upperStart: /^\p{Lu}/u,
  hasDigit: /\p{N}/u,
  firstSentence: /^[\s\S]*?[.!?](?=\s|$)/,
} as const;

interface Token {
  readonly raw: string;
  readonly lower: string;
  readonly isCapital: boolean;
  readonly isSentenceStart: boolean;
  /** Only spaces between this token and the previous one. */
  readonly isJoined: boolean;
  readonly hasDigit: boolean;
  /** Normalised number ("1,000" → "1000") for digit-only words of 2+ characters, else null. */
  readonly num: string | null;
}

/** Light suffix stripping so "injured/injuries/injury" and "summit/summits" meet. */
export function stemWord(w: string): string {
  const n = w.length;
  if (n <= 3) return w;
  if (w.endsWith('ies') && n > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && n > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && n > 4 && !w.endsWith('eed')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** Characters in the gap before a word that start a sentence: . ! ? : ; quotes, brackets, newline. */
function isSentenceBreak(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 34 || code === 10 ||
    code === 40 || code === 41 || code === 0x201c || code === 0x201d
  );
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(REGEXPS.word)) {
    const start = m.index;
    let isBreak = out.length === 0;
    let isJoined = true;
    for (let i = prevEnd; i < start; i++) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 9) isJoined = false;
      if (isSentenceBreak(code)) isBreak = true;
    }
    let raw = m[0];
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019)) {
      raw = raw.slice(0, -2);
    }
    const first = raw.charCodeAt(0);
    // Fast path for ASCII; the regex only for other scripts.
    const isCapital = first < 128 ? first >= 65 && first <= 90 : REGEXPS.upperStart.test(raw);
    let digits = 0;
    let letters = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (c !== 44 && c !== 46 && c !== 39 && c !== 0x2019) letters++;
    }
    const hasDigit = digits > 0 || (first >= 128 && REGEXPS.hasDigit.test(raw));
    out.push({ raw, lower: raw.toLowerCase(), isCapital, isSentenceStart: isBreak, isJoined, hasDigit, num: digits > 0 && letters === 0 ? normaliseNumber(raw) : null });
    prevEnd = start + m[0].length;
  }
  return out;
}

/** Digit-only words ("2nd", "F-16", "COVID19" are treated as words, not numbers). */
function normaliseNumber(raw: string): string | null {
  const plain = raw.replace(/,/g, '');
  // Single digits ("3 people") are too common to identify anything.
  if (plain.length < 2) return null;
  return plain;
}

function add(counts: Map<string, number>, key: string, times: number): void {
  counts.set(key, (counts.get(key) ?? 0) + times);
}

/**
 * Names by capitalised-sequence heuristic (fast; compromise costs ~17 ms on a 2-paragraph head).
 * A capitalised word opening a sentence counts only when the same word is also capitalised
 * mid-sentence somewhere in the article; in title-case sentences the same rule applies to all.
 */
function collectNames(tokens: readonly Token[], repeat: number, confirmed: ReadonlySet<string>, counts: Map<string, number>): void {
  let i = 0;
  // Title-case detection per sentence.
  const titleCase = new Uint8Array(tokens.length);
  for (let s = 0; s < tokens.length; ) {
    let e = s + 1;
    while (e < tokens.length && !tokens[e]!.isSentenceStart) e++;
    let caps = 0;
    let words = 0;
    for (let k = s; k < e; k++) {
      const t = tokens[k]!;
      if (STOPWORDS.has(t.lower) && !t.isCapital) continue;
      words++;
      if (t.isCapital) caps++;
    }
    if (words >= 4 && caps / words >= TITLE_CASE_SHARE) titleCase.fill(1, s, e);
    s = e;
  }
  const isNameWord = (k: number): boolean => {
    const t = tokens[k]!;
    if (!t.isCapital || NON_NAME_CAPITALS.has(t.lower)) return false;
    if (t.isSentenceStart || titleCase[k] === 1) return confirmed.has(t.lower) && !STOPWORDS.has(t.lower);
    return true;
  };
  while (i < tokens.length) {
    if (!isNameWord(i)) {
      i++;
      continue;
    }
    const parts: string[] = [tokens[i]!.lower];
    let last = tokens[i]!.lower;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.isJoined && !tokens[j]!.isSentenceStart) {
      if (isNameWord(j)) {
        parts.push(tokens[j]!.lower);
        last = tokens[j]!.lower;
        j++;
      } else if (NAME_CONNECTORS.has(tokens[j]!.raw) && j + 1 < tokens.length && tokens[j + 1]!.isJoined && isNameWord(j + 1)) {
        parts.push(tokens[j]!.lower);
        j++;
      } else break;
    }
    if (parts.length > 1) add(counts, '@' + parts.join(' '), repeat);
    if (last.length > 1) add(counts, '@' + last, repeat);
    i = j;
  }
}

function collectWords(tokens: readonly Token[], repeat: number, counts: Map<string, number>): void {
  for (const t of tokens) {
    if (t.num !== null) {
      add(counts, '#' + t.num, repeat);
      continue;
    }
    if (t.hasDigit) continue;
    // "U.S" → "us" would collide with the pronoun; keep dotted abbreviations whole.
    const w = t.lower;
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    add(counts, w.includes('.') ? w : stemWord(w), repeat);
  }
}

/**
 * Extracts the features of one article. Deterministic; linear in the text length (the text is
 * cut at MAX_TEXT_CHARS).
 */
export function extractFeatures(title: string | null, text: string): ArticleFeatures {
  const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const bodyTokens = tokenize(body);
  const titleTokens = title ? tokenize(title) : [];
  const confirmed = new Set<string>();
  for (const t of bodyTokens) if (t.isCapital && !t.isSentenceStart) confirmed.add(t.lower);
  const counts = new Map<string, number>();
  collectWords(titleTokens, TITLE_REPEAT, counts);
  collectWords(bodyTokens, 1, counts);
  collectNames(titleTokens, TITLE_REPEAT, confirmed, counts);
  collectNames(bodyTokens, 1, confirmed, counts);
  const leadSource = body.trim();
  const sentence = REGEXPS.firstSentence.exec(leadSource)?.[0] ?? leadSource;
  const lead = sentence.replace(/\s+/g, ' ').slice(0, MAX_LEAD_CHARS).trim();
  return { counts, lead };
}
