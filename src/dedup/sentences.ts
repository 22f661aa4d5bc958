import { textToolkit } from '../core/index.js';

/**
 * A rule-based sentence splitter for news English. compromise's splitter (installed) misses
 * boundaries after a closing quote (`… it.” He said`) and after dotted acronyms (`the U.S. The`),
 * both frequent in wire copy, hence these few rules.
 */

// Abbreviations that precede a name or number, so a period after them never ends a sentence.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'maj', 'sgt', 'cpl', 'pvt', 'capt', 'cmdr',
  'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mt', 'ft', 'fr', 'gov', 'atty', 'amb',
  'vs', 'v', 'cf', 'approx', 'dept', 'est', 'fig', 'vol', 'pp', 'ave', 'blvd', 'rd', 'sq', 'e.g', 'i.e', 'al',
]);
// Abbreviations that may also end a sentence: split only before a typical sentence opener.
const AMBIGUOUS = new Set([
  'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'p', 'a.m', 'p.m',
]);
// Words that commonly open a sentence; after an ambiguous abbreviation they signal a boundary.
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'but', 'and', 'or',
  'so', 'yet', 'in', 'on', 'at', 'for', 'after', 'before', 'when', 'while', 'as', 'if', 'this', 'that', 'these',
  'those', 'there', 'here', 'some', 'many', 'most', 'officials', 'however', 'meanwhile', 'still', 'also', 'both',
  'no', 'not', 'one', 'two', 'what', 'who', 'why', 'how', 'then', 'since', 'although', 'despite', 'according',
]);
const CLOSERS = '"\'”’»)]';
const OPENING = '"\'“‘«([';

function isUpperOrDigit(ch: string): boolean {
  return /^[\p{Lu}\p{Lt}\p{N}]$/u.test(ch);
}

/** The word that ends at `end` (exclusive, the position of the period), without leading punctuation. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, end).replace(/^[^\p{L}\p{N}]+/u, '');
}

function wordAfter(text: string, start: number): string {
  const match = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(text.slice(start, start + 40));
  return match?.[1] ?? '';
}

/** True when the period at `dot` (followed by whitespace and an opener) ends a sentence. */
function isBoundaryAfterPeriod(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  const following = wordAfter(text, next);
  const opensSentence = OPENERS.has(following.toLowerCase());
  if (AMBIGUOUS.has(lower)) {
    // "No. 5" is a number; "… said no. The …" ends a sentence.
    if (lower === 'no' || lower === 'nos') return !/^\d/.test(following);
    return opensSentence;
  }
  // An initial ("J. K. Rowling") or a dotted acronym ("U.S.", "U.N.") ends a sentence only
  // before a typical opener ("… in the U.S. The president …").
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return opensSentence;
  return true;
}

/**
 * Splits text into sentences. Line breaks always end a sentence. Otherwise a sentence ends at
 * `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by whitespace and a capital,
 * digit or opening quote, except after titles (Mr., Dr., Gen.), initials, and dotted acronyms or
 * abbreviations (U.S., Inc., Jan.) that are not followed by a typical sentence opener. Sentences
 * are trimmed; empty ones are dropped. Deterministic.
 *
 * With a `language` (ISO 639-1, or null when unknown) the text toolkit's splitter for that
 * language is used instead (`textToolkit(language).sentences`): its abbreviations, and the
 * terminators of every script; these rules remain the default for callers that give none.
 *
 * @example splitSentences('Dr. Lind flew to the U.K. at dawn. “We are ready.” She waved.')
 *   // ['Dr. Lind flew to the U.K. at dawn.', '“We are ready.”', 'She waved.']
 */
export function splitSentences(text: string, language?: string | null): string[] {
  if (language !== undefined) return textToolkit(language).sentences(text).map((s) => s.text);
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
      let end = i + 1;
      while (end < line.length && (line[end] === '.' || line[end] === '!' || line[end] === '?')) end++;
      while (end < line.length && CLOSERS.includes(line[end]!)) end++;
      if (end >= line.length || !/\s/.test(line[end]!)) continue;
      let next = end;
      while (next < line.length && /\s/.test(line[next]!)) next++;
      let first = next;
      while (first < line.length && OPENING.includes(line[first]!)) first++;
      if (first >= line.length || !isUpperOrDigit(line[first]!)) continue;
      if (ch === '.' && end === i + 1 && !isBoundaryAfterPeriod(line, i, next)) continue;
      const sentence = line.slice(start, end).trim();
      if (sentence !== '') sentences.push(sentence);
      start = next;
      i = next - 1;
    }
    const rest = line.slice(start).trim();
    if (rest !== '') sentences.push(rest);
  }
  return sentences;
}
