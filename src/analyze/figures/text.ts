/** Sentence splitting, tokens and crude lemmas shared by the figure and timeline analysers. */
import { isPluralEnglish, singularizeEnglish } from './lang/en.js';

// Abbreviations whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj',
  'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'no', 'vs', 'etc', 'approx', 'est', 'fig', 'dept', 'mt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** A sentence with its character offset inside the paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
}

/** Splits a paragraph into sentences; deterministic, keeps offsets. */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /[.!?]+["”’)\]]*(?=\s+["“‘(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && isAbbreviationBefore(paragraph, m.index)) continue;
    pushSpan(out, paragraph, start, end);
    start = end;
  }
  pushSpan(out, paragraph, start, paragraph.length);
  return out;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "U.S.", "a.m.", "J."
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushSpan(out: SentenceSpan[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) out.push({ text: trimmed, start: start + lead });
}

/** Crude English singular of one lower-case word (`countries` → `country`). */
export const singularize = singularizeEnglish;
/** True for words that look plural (`nations`, `people`). */
export const isPluralWord = isPluralEnglish;

/** Function words skipped when comparing sentences and when reading noun phrases. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without into onto upon over under about ' +
    'as than then that this these those there here which who whom whose what when where why how ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'it its it’s it\'s he him his she her hers they them their theirs we us our ours you your yours i me my mine ' +
    'not no yes also just only even still very too more most less least much many some any all each every both either neither ' +
    'said says say told according after before during since until while if because though although whether ' +
    'up down out off again further once other another such own same new per via plus amid among against between ' +
    'around near across through throughout toward towards behind beyond within along including'
  ).split(/\s+/),
);

/** Crude stem for overlap measures: lower-case, singular, common verb endings removed. */
export function stem(word: string): string {
  let w = singularize(word.toLowerCase().replace(/['’]s$/, ''));
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Stems of the content words of a text (no stopwords, no numbers, length ≥ 3). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*/g)) {
    const word = m[0].toLowerCase();
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    for (const part of word.split('-')) if (part.length >= 3 && !STOPWORDS.has(part)) out.add(stem(part));
  }
  return out;
}
