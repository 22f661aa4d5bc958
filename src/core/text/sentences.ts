/**
 * Sentence splitter: `Intl.Segmenter` sentence boundaries (UAX #29, which knows the terminators
 * of every script: "。", "।", "؟", "።"...), then rules ICU does not apply:
 *  - a period after an abbreviation of the language ("Mr.", "z. B.", "p. ej.") ends no sentence;
 *  - after an ambiguous abbreviation ("Inc.", "etc."), an initial ("J.") or a dotted acronym
 *    ("U.S.") a sentence ends only before a word that typically opens one ("The", "Der", "Il");
 *  - "3." before a month name, or after an article, is an ordinal where the language writes them
 *    so ("am 3. Oktober", "der 2. Weltkrieg");
 *  - "!" or "?" followed by a lower-case word goes on ("“Stop!” he shouted");
 *  - a closing mark set off by a space ("« C'est fini. » Il") stays with the sentence it closes;
 *  - in Thai and Lao, which have no sentence punctuation, a space between two words of the
 *    script separates sentences (that is how these languages write a sentence break);
 *  - line breaks always end a sentence.
 */
import type { TextSpan } from './words.js';

/** The rules of one language, compiled by the toolkit. */
export interface SentenceConfig {
  /** Locale for `Intl.Segmenter`. */
  readonly locale: string;
  /** Normalised keys ("mr", "z.b", "ee.uu") of abbreviations that never end a sentence. */
  readonly never: ReadonlySet<string>;
  /** Normalised keys of abbreviations that end one only before an opener. */
  readonly ambiguous: ReadonlySet<string>;
  /** First parts of abbreviations written in several parts ("ee" of "EE. UU.") → the parts that may follow. */
  readonly continuations: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lower-case words that open sentences. */
  readonly openers: ReadonlySet<string>;
  /** Lower-case month names (for ordinals), empty when the language writes no ordinal period. */
  readonly ordinalMonths: ReadonlySet<string>;
  /** Lower-case words before "N." that make it an ordinal. */
  readonly ordinalContext: ReadonlySet<string>;
  /** Closing marks that may be set off by a space and belong to the sentence before them. */
  readonly spacedClosers: ReadonlySet<string>;
  /** True for Thai and Lao: a space between two words of the script is a sentence break. */
  readonly isSpaceSeparated: boolean;
}

/** Normalised key of an abbreviation as written ("z. B." → "z.b", "Mr." → "mr"). */
export function abbreviationKey(abbreviation: string): string {
  return abbreviation.replace(/\s+/g, '').replace(/\.$/, '').toLowerCase();
}

/** For abbreviations in several parts ("EE. UU.", "p. ej."), each leading part (possibly dotted) → the parts that may follow it. */
export function abbreviationContinuations(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const parts = key.split('.');
    for (let i = 1; i < parts.length; i++) {
      const head = parts.slice(0, i).join('.');
      let next = out.get(head);
      if (!next) out.set(head, (next = new Set()));
      next.add(parts[i]!);
    }
  }
  return out;
}

const CLOSERS = new Set(['"', "'", '”', '’', '»', '«', '›', '‹', ')', ']', '}', '」', '』', '）', '“']);
const OPENING = /^[\s"'“‘„‚«»‹›(\[¿¡—–-]*/u;
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;
// The abbreviation-like word before a period: "Mr", "z. B", "EE. UU", "U.S", "p. ej", or a short number.
const WORD_BEFORE_PERIOD = /(?:^|[^\p{L}\p{N}.\-'’])((?:\p{L}{1,6}\.\s?){0,3}\p{L}+|\d{1,3})$/u;
const INITIAL_OR_ACRONYM = /^(?:\p{L}\.)*\p{L}$/u;
const SPACE_SEPARATED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}]/u;
const LOWER_START = /^\p{Ll}/u;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // ASCII first: the regular expression only for the rest.
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/u.test(ch);
}

/** The first word after `from`, past opening quotes and brackets. */
function nextWord(text: string, from: number): string {
  const lead = OPENING.exec(text.slice(from, from + 8))?.[0].length ?? 0;
  return /^[\p{L}\p{N}]+/u.exec(text.slice(from + lead, from + lead + 40))?.[0] ?? '';
}

/** True when the boundary at `boundary` (start of the next segment) is not a sentence end. */
function isFalseBoundary(text: string, start: number, boundary: number, config: SentenceConfig): boolean {
  let k = boundary;
  while (k > start && isSpace(text[k - 1])) k--;
  if (LINE_BREAK.test(text.slice(k, boundary))) return false;
  let p = k;
  let hasCloser = false;
  // Back over closing marks, and over the spaces French typography puts before them ("? » demanda").
  while (p > start && (CLOSERS.has(text[p - 1]!) || (hasCloser && isSpace(text[p - 1])))) {
    if (CLOSERS.has(text[p - 1]!)) hasCloser = true;
    p--;
  }
  const terminator = text[p - 1];
  const following = nextWord(text, boundary);
  if (LOWER_START.test(following) && (terminator === '!' || terminator === '?' || terminator === '.' || terminator === '…')) return true;
  // Only a bare period can belong to an abbreviation; "." then a closing quote ends the quoted sentence.
  if (terminator !== '.' || p !== k) return false;
  const match = WORD_BEFORE_PERIOD.exec(text.slice(Math.max(start, p - 40), p - 1));
  if (!match) return false;
  const word = match[1]!;
  const isOpener = config.openers.has(following.toLowerCase());
  if (/^\d+$/.test(word)) {
    if (config.ordinalMonths.size === 0) return false;
    if (config.ordinalMonths.has(following.toLowerCase())) return true;
    const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(start, p - 1 - word.length - 30), p - 1 - word.length))?.[1];
    return before !== undefined && config.ordinalContext.has(before.toLowerCase());
  }
  const key = abbreviationKey(word);
  // "EE. | UU.": the first part of a multi-part abbreviation, with its next part after the boundary.
  if (config.continuations.get(key)?.has(following.toLowerCase())) return true;
  // "Gen. Dr" → try "gen.dr", then "dr".
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    const suffix = parts.slice(i).join('.');
    if (config.never.has(suffix)) return true;
    if (config.ambiguous.has(suffix)) return !isOpener;
  }
  // An initial ("Dr. J." → "j") or a dotted acronym ("u.s").
  for (let i = 0; i < parts.length; i++) if (INITIAL_OR_ACRONYM.test(parts.slice(i).join('.'))) return !isOpener;
  return false;
}

/** Moves a boundary past a closing mark set off by spaces: "fini. » Il" ends after "»". */
function shiftPastSpacedCloser(text: string, boundary: number, end: number, config: SentenceConfig): number {
  if (config.spacedClosers.size === 0 || !isSpace(text[boundary - 1])) return boundary;
  let b = boundary;
  while (b < end && config.spacedClosers.has(text[b]!) && (b + 1 >= end || isSpace(text[b + 1]) || CLOSERS.has(text[b + 1]!))) {
    b++;
    while (b < end && isSpace(text[b])) b++;
  }
  return b;
}

function pushTrimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/**
 * `Intl.Segmenter` costs time quadratic in the length of the string it is given on Node 20 (a
 * 130,000-character text takes a second, 3,000 characters 0.1 ms), so text is segmented line by
 * line, and long lines in windows of this many characters: a window's last segment, which the
 * window may have cut, is segmented again at the start of the next one.
 */
export const SEGMENTER_WINDOW = 2_000;

/** Sentence boundaries of ICU (offsets where a sentence starts, after the first), line by line and window by window. */
function icuBoundaries(text: string, locale: string): number[] {
  const segmenter = sentenceSegmenter(locale);
  const out: number[] = [];
  let lineStart = 0;
  for (const m of text.matchAll(/\r\n|[\n\r\u2028\u2029\u0085]/g)) {
    windowBoundaries(segmenter, text, lineStart, m.index + m[0].length, out);
    lineStart = m.index + m[0].length;
    if (lineStart < text.length) out.push(lineStart);
  }
  windowBoundaries(segmenter, text, lineStart, text.length, out);
  return out;
}

function windowBoundaries(segmenter: Intl.Segmenter, text: string, start: number, end: number, out: number[]): void {
  let from = start;
  while (from < end) {
    const to = Math.min(end, from + SEGMENTER_WINDOW);
    const found: number[] = [];
    for (const segment of segmenter.segment(text.slice(from, to))) if (segment.index > 0) found.push(from + segment.index);
    if (to === end) {
      out.push(...found);
      return;
    }
    if (found.length === 0) {
      // No boundary in a whole window (a run-on line): cut after its last space so that memory and time stay bounded.
      let cut = to;
      while (cut > from + 1 && !isSpace(text[cut - 1])) cut--;
      if (cut <= from + 1) cut = to;
      if (cut > from && cut < end && /[\uDC00-\uDFFF]/.test(text[cut]!)) cut--;
      out.push(cut);
      from = cut;
      continue;
    }
    // The window's last segment may be cut short: keep the boundaries before it and segment again from its start.
    const last = found.at(-1)!;
    out.push(...found);
    from = last;
  }
}

/** Splits `text` into sentences (trimmed, never empty, with offsets). Deterministic for a given Node.js (ICU) version. */
export function splitSentences(text: string, config: SentenceConfig): TextSpan[] {
  const boundaries = icuBoundaries(text, config.locale);
  const out: TextSpan[] = [];
  let start = 0;
  for (const raw of boundaries) {
    const boundary = shiftPastSpacedCloser(text, raw, text.length, config);
    if (boundary >= text.length || isFalseBoundary(text, start, boundary, config)) continue;
    pushSentence(text, start, boundary, config, out);
    start = boundary;
  }
  pushSentence(text, start, text.length, config, out);
  return out;
}

function pushSentence(text: string, start: number, end: number, config: SentenceConfig, out: TextSpan[]): void {
  if (!config.isSpaceSeparated) {
    pushTrimmed(text, start, end, out);
    return;
  }
  let from = start;
  for (const m of text.slice(start, end).matchAll(/\s+/gu)) {
    const at = start + m.index;
    const before = text[at - 1];
    const after = text[at + m[0].length];
    if (before !== undefined && after !== undefined && SPACE_SEPARATED_SCRIPT.test(before) && SPACE_SEPARATED_SCRIPT.test(after)) {
      pushTrimmed(text, from, at, out);
      from = at + m[0].length;
    }
  }
  pushTrimmed(text, from, end, out);
}
