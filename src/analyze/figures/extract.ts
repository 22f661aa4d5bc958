import type { ExtractFiguresOptions, Figure, FigureKind } from './types.js';
import { FRACTION_WORDS, MULTIPLIER_WORDS, TENS_WORDS, UNITS_WORDS, VAGUE_PLURALS, VAGUE_SCALES, isNumberWord, wordsToNumber } from './numbers.js';
import { isPluralWord, singularize, splitSentences, STOPWORDS } from './text.js';
import { CURRENCY_PREFIXES, GLUED_ONLY, SCALES, SHORT_SCALES, TIME_UNITS, UNIT_LEXICON, type UnitEntry } from './units.js';

/** Relative tolerance for hedged values: `about 30` is [27, 33], `nearly 30` is [27, 30). */
export const APPROXIMATE_TOLERANCE = 0.1;
/** Longest noun phrase read after a number, in words. */
const MAX_NOUN_WORDS = 4;
/** How far (tokens) a casualty verb may stand from its number. */
const CASUALTY_WINDOW = 8;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** No whitespace between this token and the previous one. */
  glued: boolean;
  isWord: boolean;
  isDigits: boolean;
}

const TOKEN_RE = /[A-Za-zÀ-ÿ]+|\d+(?:[.,]\d+)*|(?<![\w.])\.\d+|[^\sA-Za-zÀ-ÿ\d]/g;

function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of sentence.matchAll(TOKEN_RE)) {
    const start = m.index;
    const text = m[0];
    out.push({
      text,
      lower: text.toLowerCase(),
      start,
      end: start + text.length,
      glued: start === prevEnd,
      isWord: /^[A-Za-zÀ-ÿ]/.test(text),
      isDigits: /^\.?\d/.test(text),
    });
    prevEnd = start + text.length;
  }
  return out;
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'of', 'the', 'by', 'until', 'from', 'between', 'and', 'to', 'mid', 'early', 'late', 'before', 'after', 'during']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const TIME_SUFFIXES = new Set(['am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'est', 'edt', 'pst', 'pdt', 'hrs']);

type Bound = 'lower-incl' | 'lower-excl' | 'upper-incl' | 'upper-excl' | 'nearly' | 'about' | 'just-over';

/** Qualifiers written before a number, as token sequences. Longest match wins. */
const QUALIFIERS: Array<[string, Bound]> = [
  ['at least', 'lower-incl'], ['no fewer than', 'lower-incl'], ['no less than', 'lower-incl'], ['not less than', 'lower-incl'],
  ['a minimum of', 'lower-incl'], ['minimum of', 'lower-incl'], ['not fewer than', 'lower-incl'],
  ['more than', 'lower-excl'], ['over', 'lower-excl'], ['above', 'lower-excl'], ['in excess of', 'lower-excl'],
  ['upwards of', 'lower-excl'], ['upward of', 'lower-excl'], ['greater than', 'lower-excl'], ['exceeding', 'lower-excl'],
  ['well over', 'lower-excl'], ['well above', 'lower-excl'], ['some more than', 'lower-excl'],
  ['up to', 'upper-incl'], ['at most', 'upper-incl'], ['no more than', 'upper-incl'], ['not more than', 'upper-incl'],
  ['as many as', 'upper-incl'], ['as much as', 'upper-incl'], ['a maximum of', 'upper-incl'], ['maximum of', 'upper-incl'],
  ['fewer than', 'upper-excl'], ['less than', 'upper-excl'], ['under', 'upper-excl'], ['below', 'upper-excl'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'], ['just shy of', 'nearly'],
  ['not quite', 'nearly'], ['approaching', 'nearly'], ['just below', 'nearly'],
  ['about', 'about'], ['around', 'about'], ['some', 'about'], ['roughly', 'about'], ['approximately', 'about'],
  ['approx', 'about'], ['an estimated', 'about'], ['estimated', 'about'], ['circa', 'about'], ['more or less', 'about'],
  ['in the region of', 'about'], ['round about', 'about'], ['or so', 'about'], ['an approximate', 'about'],
  ['just over', 'just-over'], ['slightly more than', 'just-over'], ['just above', 'just-over'], ['a little over', 'just-over'],
  ['a little more than', 'just-over'],
];
const QUALIFIER_MAP = new Map(QUALIFIERS.map(([q, b]) => [q.split(' ').join(' '), b]));
const MAX_QUALIFIER_TOKENS = 4;

const PERSON_NOUNS = new Set([
  'people', 'person', 'civilian', 'child', 'resident', 'adult', 'woman', 'man', 'passenger', 'worker', 'student',
  'citizen', 'victim', 'patient', 'inhabitant', 'migrant', 'refugee', 'prisoner', 'hostage', 'protester', 'individual',
  'teenager', 'journalist', 'employee', 'villager', 'miner', 'pilgrim', 'tourist', 'casualty', 'family', 'member',
  'firefighter', 'rescuer', 'doctor', 'nurse', 'officer', 'policeman', 'boy', 'girl', 'baby', 'infant', 'pedestrian',
]);
const TROOP_NOUNS = new Set(['troop', 'soldier', 'serviceman', 'servicemember', 'peacekeeper', 'marine', 'paratrooper', 'reservist', 'conscript', 'recruit', 'personnel']);
const COUNTRY_NOUNS = new Set(['country', 'nation', 'delegation', 'government']);
const DRONE_NOUNS = new Map([['drone', 'drone'], ['uav', 'drone'], ['shahed', 'drone'], ['missile', 'missile'], ['rocket', 'rocket']]);
const KILLED_HEADS = new Set(['death', 'dead', 'fatality', 'body', 'killed']);
const INJURED_HEADS = new Set(['injury', 'injured', 'wounded', 'hurt']);
const INJURED_VERB = /^(?:injur\w*|wound\w*|hurt|hospitali[sz]\w*)$/;
const KILLED_VERB = /^(?:kill\w*|dead|die|died|dies|dying|death|deaths|murder\w*|slain|perished)$/;

interface NumberRead {
  value: number | null;
  low?: number;
  high?: number;
  /** First token after the number. */
  end: number;
  /** The number was glued to a scale (`bn`, `m`). */
  scaled: boolean;
  vague: boolean;
  spelled: boolean;
}

function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Reads a number starting at token `i` (digits or words), with its scale word. */
function readNumber(tokens: Token[], i: number, allowShortScale: boolean): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  let value: number;
  let end: number;
  let spelled = false;
  if (t.isDigits) {
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t.text) || /^\d*(?:\.\d+)?$/.test(t.text)) value = parseDigits(t.text);
    else return null; // "1,5" or "1.2.3": not a plain number
    end = i + 1;
  } else if (t.isWord) {
    const vague = readVague(tokens, i);
    if (vague) return vague;
    const words: string[] = [];
    let j = i;
    let lastNumber = -1;
    // "a dozen", "a hundred", "a half"
    if (t.lower === 'a' || t.lower === 'an') {
      const next = tokens[j + 1];
      if (!next || next.glued || !(MULTIPLIER_WORDS.has(next.lower) || next.lower === 'half')) return null;
      if (next.lower === 'half') return { value: 0.5, end: j + 2, scaled: false, vague: false, spelled: true };
      words.push('one');
      j += 1;
    }
    while (j < tokens.length) {
      const w = tokens[j];
      if (!w) break;
      if (w.isWord && isNumberWord(w.lower)) {
        words.push(w.lower);
        lastNumber = j;
        j += 1;
        continue;
      }
      // "twenty-one", "two hundred and fifty"
      if ((w.text === '-' || w.lower === 'and') && lastNumber === j - 1) {
        const n = tokens[j + 1];
        if (n && n.isWord && (UNITS_WORDS.has(n.lower) || TENS_WORDS.has(n.lower)) && (w.text === '-' ? TENS_WORDS.has(words[words.length - 1] ?? '') : MULTIPLIER_WORDS.has(words[words.length - 1] ?? ''))) {
          j += 1;
          continue;
        }
      }
      break;
    }
    if (lastNumber < 0) {
      if (t.lower === 'half') return readHalf(tokens, i);
      return null;
    }
    const v = wordsToNumber(words);
    if (v === null) return null;
    value = v;
    end = lastNumber + 1;
    spelled = true;
  } else {
    return null;
  }
  let scaled = false;
  // Scale word: "2 billion", "2bn", "$3m"
  const s = tokens[end];
  if (s && s.isWord && SCALES.has(s.lower) && !(spelled && MULTIPLIER_WORDS.has(s.lower))) {
    const short = SHORT_SCALES.has(s.lower) || ['mn', 'bn', 'tn'].includes(s.lower);
    if (!short || s.glued || (allowShortScale && s.lower !== 'k')) {
      if (!(SHORT_SCALES.has(s.lower) && !s.glued && !allowShortScale)) {
        value *= SCALES.get(s.lower) ?? 1;
        end += 1;
        scaled = true;
      }
    }
  }
  // Fractions: "one and a half", "two thirds"
  const a = tokens[end];
  const b = tokens[end + 1];
  const c = tokens[end + 2];
  if (a?.lower === 'and' && b?.lower === 'a' && c?.lower === 'half') {
    value += 0.5;
    end += 3;
  } else if (spelled && a && FRACTION_WORDS.has(a.lower) && !scaled && (a.lower.endsWith('s') ? value > 1 : value === 1)) {
    value *= FRACTION_WORDS.get(a.lower) ?? 1;
    end += 1;
  }
  return { value, end, scaled, vague: false, spelled };
}

/** `dozens`, `hundreds`, `tens of thousands`, `three dozen` is handled by wordsToNumber. */
function readVague(tokens: Token[], i: number): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  const range = VAGUE_PLURALS.get(t.lower);
  const scale2 = tokens[i + 2];
  if (VAGUE_SCALES.has(t.lower) && tokens[i + 1]?.lower === 'of' && scale2 && MULTIPLIER_WORDS.has(singularize(scale2.lower)) && scale2.lower.endsWith('s')) {
    const unit = VAGUE_SCALES.get(t.lower) ?? 10;
    const mult = MULTIPLIER_WORDS.get(singularize(scale2.lower)) ?? 1;
    return { value: null, low: 2 * unit * mult, high: 10 * unit * mult - 1, end: i + 3, scaled: false, vague: true, spelled: true };
  }
  if (!range) return null;
  return { value: null, low: range.low, high: range.high, end: i + 1, scaled: false, vague: true, spelled: true };
}

/** `half a month`, `half of the budget`. */
function readHalf(tokens: Token[], i: number): NumberRead | null {
  const next = tokens[i + 1];
  if (next && (next.lower === 'a' || next.lower === 'an')) return { value: 0.5, end: i + 2, scaled: false, vague: false, spelled: true };
  return null;
}

function matchQualifier(tokens: Token[], before: number): { text: string; bound: Bound; start: number } | null {
  for (let n = MAX_QUALIFIER_TOKENS; n >= 1; n--) {
    const start = before - n;
    if (start < 0) continue;
    const seq = tokens.slice(start, before);
    if (seq.some((t) => !t.isWord)) continue;
    const key = seq.map((t) => t.lower).join(' ');
    const bound = QUALIFIER_MAP.get(key);
    if (bound) return { text: key, bound, start };
  }
  return null;
}

function matchCurrencyPrefix(tokens: Token[], i: number): { entry: UnitEntry; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const n = tokens[i + 1];
  // "US$", "HK$", "C$": a word glued to "$"
  if (t.isWord && n?.text === '$' && t.text === t.text.toUpperCase()) {
    const entry = CURRENCY_PREFIXES.get(`${t.lower}$`);
    if (entry) return { entry, end: i + 2 };
  }
  // "$US113 trillion"
  if (t.text === '$' && n?.glued && n.isWord && n.text === n.text.toUpperCase() && tokens[i + 2]?.isDigits) {
    const entry = CURRENCY_PREFIXES.get(`${n.lower}$`);
    if (entry) return { entry, end: i + 2 };
  }
  const entry = CURRENCY_PREFIXES.get(t.lower);
  if (!entry) return null;
  // Codes such as "EUR", "Rs" must be upper-case or symbols, so words like "rub" stay words.
  if (t.isWord && t.text !== t.text.toUpperCase() && t.lower !== 'rs') return null;
  return { entry, end: i + 1 };
}

function matchUnitAfter(tokens: Token[], i: number): { entry: UnitEntry; end: number } | null {
  for (let n = UNIT_LEXICON.maxTokens; n >= 1; n--) {
    const seq = tokens.slice(i, i + n);
    if (seq.length < n) continue;
    // Multi-token spellings must be written contiguously or with single spaces, not across punctuation.
    const key = seq.map((t) => t.lower).join(' ');
    const entry = UNIT_LEXICON.byKey.get(key);
    if (!entry) continue;
    const first = seq[0];
    if (!first) continue;
    if (GLUED_ONLY.has(key) && !first.glued) continue;
    // A single letter glued to the number must not continue into a word ("5G" is fine only as unit "g" if known).
    const after = tokens[i + n];
    if (after && after.glued && after.isWord && seq[n - 1]?.isWord) continue;
    return { entry, end: i + n };
  }
  return null;
}

/** `per barrel`, `a day`, `/h`. */
function matchPer(tokens: Token[], i: number): { unit: string; end: number } | null {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (!t || !n || !n.isWord) return null;
  const isRate = (t.lower === 'a' || t.lower === 'an') && TIME_UNITS.has(singularize(n.lower)) && !RELATIVE_AFTER.has(tokens[i + 2]?.lower ?? '');
  if (t.lower === 'per' || t.text === '/' || isRate) {
    const unit = matchUnitAfter(tokens, i + 1);
    if (unit && !unit.entry.currency) return { unit: unit.entry.unit, end: unit.end };
    if (t.lower === 'per' && !STOPWORDS.has(n.lower)) return { unit: singularize(n.lower), end: i + 2 };
  }
  return null;
}

// "a year earlier" is a date, not a rate.
const RELATIVE_AFTER = new Set(['earlier', 'ago', 'later', 'before', 'after', 'since', 'from']);
// Words that make "X to Y" a change rather than a range.
const CHANGE_WORDS = new Set([
  'rose', 'rise', 'rises', 'risen', 'fell', 'fall', 'falls', 'fallen', 'up', 'down', 'increased', 'decreased', 'increase',
  'decrease', 'gained', 'gain', 'gains', 'lost', 'jumped', 'dropped', 'climbed', 'slid', 'edged', 'grew', 'surged', 'plunged',
  'tumbled', 'declined', 'added', 'shed', 'slipped', 'soared', 'sank', 'by', 'advanced', 'eased', 'cut', 'raised', 'lowered',
]);

interface NounPhrase {
  words: Token[];
  head: Token;
  end: number;
}

const CASUALTY_ADJECTIVES = new Set(['injured', 'wounded', 'dead', 'killed', 'hurt']);

/** Reads the counted noun phrase after a number: `Ukrainian troops`, `people`, `Shahed drones`. */
function readNoun(tokens: Token[], i: number, allowOf: boolean): NounPhrase | null {
  let j = i;
  // "dozens of people", "one of the students", "a third of those screened"
  if (allowOf && tokens[j]?.lower === 'of') {
    j += 1;
    if (tokens[j]?.lower === 'the' || tokens[j]?.lower === 'those' || tokens[j]?.lower === 'these' || tokens[j]?.lower === 'their') j += 1;
  }
  const words: Token[] = [];
  while (j < tokens.length && words.length < MAX_NOUN_WORDS) {
    const t = tokens[j];
    if (!t) break;
    // Hyphenated compounds "full-scale" count as one modifier.
    if (t.text === '-' && t.glued && words.length > 0 && tokens[j + 1]?.isWord && tokens[j + 1]?.glued) {
      j += 1;
      continue;
    }
    if (!t.isWord || STOPWORDS.has(t.lower) || MONTHS.has(t.lower) || isNumberWord(t.lower)) break;
    if (words.length === 0 && CASUALTY_ADJECTIVES.has(t.lower)) return { words: [t], head: t, end: j + 1 };
    words.push(t);
    j += 1;
    if (isPluralWord(t.lower) && !/(?:ing|ed|ly)$/.test(t.lower)) return { words, head: t, end: j };
  }
  // No plural head: a singular noun phrase, cut before verbs and adverbs.
  const cut: Token[] = [];
  for (const w of words) {
    if (/(?:ed|ly)$/.test(w.lower) || (w.lower.endsWith('ing') && cut.length === 0)) break;
    cut.push(w);
    if (cut.length >= 3) break;
  }
  const head = cut[cut.length - 1];
  if (!head) return null;
  return { words: cut, head, end: i + (tokens.slice(i).indexOf(head) + 1) };
}

function kindOf(unitHead: string, currency: string | undefined, tokens: Token[], numStart: number, numEnd: number): { kind: FigureKind; unit: string } {
  if (currency) return { kind: 'money', unit: unitHead };
  if (KILLED_HEADS.has(unitHead)) return { kind: 'casualties-killed', unit: 'people' };
  if (INJURED_HEADS.has(unitHead)) return { kind: 'casualties-injured', unit: 'people' };
  const isPerson = PERSON_NOUNS.has(unitHead);
  const isTroop = TROOP_NOUNS.has(unitHead);
  if (isPerson || isTroop) {
    const verb = nearestCasualtyVerb(tokens, numStart, numEnd);
    const unit = isTroop ? 'troop' : unitHead === 'person' ? 'people' : unitHead;
    if (verb === 'injured') return { kind: 'casualties-injured', unit: isTroop ? 'troop' : 'people' };
    if (verb === 'killed') return { kind: 'casualties-killed', unit: isTroop ? 'troop' : 'people' };
    return { kind: isTroop ? 'troops' : 'people', unit };
  }
  if (COUNTRY_NOUNS.has(unitHead)) return { kind: 'countries', unit: 'country' };
  const drone = DRONE_NOUNS.get(unitHead);
  if (drone) return { kind: 'drones', unit: drone };
  return { kind: 'other', unit: unitHead };
}

function nearestCasualtyVerb(tokens: Token[], start: number, end: number): 'injured' | 'killed' | null {
  let best: { d: number; kind: 'injured' | 'killed' } | null = null;
  const consider = (idx: number, d: number): void => {
    const t = tokens[idx];
    if (!t || !t.isWord) return;
    const kind = INJURED_VERB.test(t.lower) ? 'injured' : KILLED_VERB.test(t.lower) ? 'killed' : null;
    if (kind && (!best || d < best.d)) best = { d, kind };
  };
  for (let d = 1; d <= CASUALTY_WINDOW; d++) {
    const before = start - d;
    if (before >= 0 && tokens[before]?.text !== ';') consider(before, d);
    consider(end - 1 + d, d + 0.5);
  }
  return (best as { d: number; kind: 'injured' | 'killed' } | null)?.kind ?? null;
}

function boundsFor(bound: Bound | null, value: number): Pick<Figure, 'low' | 'high' | 'lowInclusive' | 'highInclusive' | 'approximate'> {
  const tol = APPROXIMATE_TOLERANCE;
  switch (bound) {
    case null:
      return { low: value, high: value, lowInclusive: true, highInclusive: true, approximate: false };
    case 'lower-incl':
      return { low: value, high: null, lowInclusive: true, highInclusive: false, approximate: false };
    case 'lower-excl':
      return { low: value, high: null, lowInclusive: false, highInclusive: false, approximate: false };
    case 'upper-incl':
      return { low: null, high: value, lowInclusive: false, highInclusive: true, approximate: false };
    case 'upper-excl':
      return { low: null, high: value, lowInclusive: false, highInclusive: false, approximate: false };
    case 'nearly':
      return { low: round(value * (1 - tol)), high: value, lowInclusive: true, highInclusive: false, approximate: true };
    case 'about':
      return { low: round(value * (1 - tol)), high: round(value * (1 + tol)), lowInclusive: true, highInclusive: true, approximate: true };
    case 'just-over':
      return { low: value, high: round(value * (1 + tol)), lowInclusive: false, highInclusive: true, approximate: true };
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function isCapitalized(t: Token | undefined): boolean {
  return !!t && t.isWord && /^[A-Z]/.test(t.text);
}

interface Candidate {
  figure: Omit<Figure, 'sentence' | 'paragraph'>;
  end: number;
}

/** Tries to read one figure whose first token (qualifier aside) is `i`. */
function matchAt(tokens: Token[], i: number, sentence: string, opts: ExtractFiguresOptions): Candidate | null {
  const first = tokens[i];
  if (!first) return null;
  let j = i;
  const prefix = matchCurrencyPrefix(tokens, j);
  if (prefix) j = prefix.end;
  const num = readNumber(tokens, j, !!prefix);
  if (!num) return null;
  const numTok = tokens[j];
  if (!numTok) return null;
  if (prefix && num.spelled && !num.vague) {
    // "$ two" is unusual; accept only digits after a currency symbol.
    return null;
  }

  // Exclusions for bare digits: names (G7, COVID-19, Section 427), ordinals, times, dates.
  const prev = tokens[i - 1];
  const next = tokens[num.end];
  if (numTok.isDigits && !prefix) {
    if (numTok.glued && prev?.isWord) return null;
    if (prev?.text === '-' && prev.glued && numTok.glued && isCapitalized(tokens[i - 2])) return null;
    if (next && next.glued && ORDINAL_SUFFIXES.has(next.lower)) return null;
    if (next && (next.text === ':' || next.text === '/') && next.glued && tokens[num.end + 1]?.isDigits) return null;
    if (prev && (prev.text === ':' || prev.text === '/' || prev.text === '#') && prev.glued) return null;
    if (next && TIME_SUFFIXES.has(next.lower)) return null;
    if (next && (next.lower === 'a' || next.lower === 'p') && tokens[num.end + 1]?.text === '.' && tokens[num.end + 2]?.lower === 'm') return null;
    if ((prev && MONTHS.has(prev.lower)) || (prev?.text === '.' && MONTHS.has(tokens[i - 2]?.lower ?? ''))) return null;
    if (next && MONTHS.has(next.lower) && next.text !== 'may') return null;
    if (next?.lower === 'of' && MONTHS.has(tokens[num.end + 1]?.lower ?? '')) return null;
    if (prev?.lower === 'no' && prev.text === 'No') return null;
  }

  // Qualifier before the number (or before the currency symbol).
  const qual = matchQualifier(tokens, i);

  let end = num.end;
  let unitEntry: UnitEntry | null = prefix?.entry ?? null;
  let low = num.low ?? num.value;
  let high: number | null = num.high ?? num.value;
  let isRange = false;

  // Unit directly after: "20 %", "2 billion euros", "256GB".
  let after = matchUnitAfter(tokens, end);
  if (after && prefix && after.entry.currency) after = null;
  if (after && !unitEntry) {
    // "per cent" etc. A unit that is also a common word ("in", "m") is filtered by GLUED_ONLY.
    unitEntry = after.entry;
    end = after.end;
  }

  // Ranges: "10,000 to 30,000", "10-20", "between 10 and 20", "from 252 miles to 287 miles".
  const between = tokens[i - 1]?.lower === 'between' || (qual === null && prev?.lower === 'between');
  const from = tokens[i - 1]?.lower === 'from' || (qual?.text === 'up to' && tokens[(qual?.start ?? 0) - 1]?.lower === 'from');
  const sep = tokens[end];
  if (num.value !== null && sep && (sep.lower === 'to' || sep.text === '-' || sep.text === '–' || (between && sep.lower === 'and'))) {
    let k = end + 1;
    const p2 = matchCurrencyPrefix(tokens, k);
    if (p2) k = p2.end;
    const n2 = readNumber(tokens, k, !!p2 || !!prefix);
    if (n2 && n2.value !== null) {
      let v1 = num.value;
      const v2 = n2.value;
      // "10 to 20 million": the scale of the second applies to the first.
      if (n2.scaled && !num.scaled) {
        const scaleTok = tokens[n2.end - 1];
        v1 *= SCALES.get(scaleTok?.lower ?? '') ?? 1;
      }
      const changeBefore = tokens.slice(Math.max(0, (qual?.start ?? i) - 3), qual?.start ?? i).some((t) => CHANGE_WORDS.has(t.lower));
      const u2peek = matchUnitAfter(tokens, n2.end);
      const sameUnit = !after || (u2peek !== null && u2peek.entry.unit === after.entry.unit) || (!!prefix && !!p2);
      const okSep = sep.lower === 'to' ? sameUnit && !changeBefore : sep.text === '-' || sep.text === '–' ? numTok.isDigits : between;
      if (okSep && v2 > v1 && (sep.lower !== 'to' || between || from || tokens[n2.end] !== undefined)) {
        low = v1;
        high = v2;
        isRange = true;
        end = n2.end;
        const u2 = matchUnitAfter(tokens, end);
        if (u2 && !(unitEntry?.currency && u2.entry.currency) && (!unitEntry || u2.entry.unit === unitEntry.unit)) {
          unitEntry = u2.entry;
          end = u2.end;
        }
        if (!unitEntry && p2) unitEntry = p2.entry;
      }
    }
  }

  // Compound "per" units: "$58.24 per barrel", "19 cents a share".
  let unitName = unitEntry?.unit ?? null;
  if (unitEntry) {
    const per = matchPer(tokens, end);
    if (per) {
      unitName = `${unitName} per ${per.unit}`;
      end = per.end;
    }
  }

  // Ages: "15-year-old", "15 years old", "aged 15".
  const isAge =
    (tokens[end - 1]?.lower === 'year' || tokens[end - 1]?.lower === 'years' || tokens[num.end]?.text === '-') &&
    (/^-?\s*years?\s*-?\s*olds?\b/i.test(sentence.slice(tokens[num.end]?.start ?? sentence.length)) ||
      /^-month-old/i.test(sentence.slice(tokens[num.end]?.start ?? sentence.length)));
  const aged = prev?.lower === 'aged' || prev?.lower === 'age';
  if (isAge || aged) {
    if (!opts.includeAges) return null;
    const m = /^-?\s*(?:years?|months?)\s*-?\s*olds?/i.exec(sentence.slice(tokens[num.end]?.start ?? sentence.length));
    const ageEnd = m ? sentence.indexOf(m[0], tokens[num.end]?.start ?? 0) + m[0].length : numTok.end;
    const unit = m && /month/i.test(m[0]) ? 'month of age' : 'year of age';
    const startTok = qual ? tokens[qual.start] : first;
    return {
      figure: {
        value: num.value, ...boundsFor(qual?.bound ?? null, num.value ?? 0), qualifier: qual?.text ?? null,
        unit, noun: null, kind: 'other', attributive: false,
        text: sentence.slice(startTok?.start ?? first.start, ageEnd), offset: startTok?.start ?? first.start,
      },
      end: Math.max(num.end, tokens.findIndex((t) => t.start >= ageEnd)),
    };
  }

  // Attributive compounds: "27-nation European Union", "three-year war".
  let attributive = false;
  let noun: NounPhrase | null = null;
  if (!unitEntry && tokens[num.end]?.text === '-' && tokens[num.end + 1]?.isWord && tokens[num.end + 1]?.glued) {
    const w = tokens[num.end + 1];
    if (w) {
      const lex = matchUnitAfter(tokens, num.end + 1);
      if (lex && !lex.entry.currency) {
        unitName = lex.entry.unit;
        end = lex.end;
      } else {
        noun = { words: [w], head: w, end: num.end + 2 };
        end = num.end + 2;
      }
      attributive = true;
    }
  } else if (!unitEntry) {
    noun = readNoun(tokens, end, num.spelled);
    if (noun) {
      end = noun.end;
      // "517 rushing yards": the head is a measurement unit.
      const lex = matchUnitAfter(tokens, tokens.indexOf(noun.head));
      if (lex && !lex.entry.currency && !GLUED_ONLY.has(noun.head.lower) && lex.end === noun.end) {
        unitName = lex.entry.unit;
        noun = null;
      }
    }
  }

  // Word numbers need something counted: "one" alone is a pronoun ("if Moscow launched one").
  if (num.spelled && !unitName && !noun) return null;
  if (num.spelled && noun && num.value === 1 && (prev?.lower === 'no' || noun.head.lower === 'another' || noun.head.lower === 'way')) return null;

  // Calendar years: a bare 4-digit number from 1800 to 2100 with nothing counted after it.
  if (numTok.isDigits && !prefix && !unitName && /^\d{4}$/.test(numTok.text) && !isRange) {
    const v = num.value ?? 0;
    const countedAfter = noun && isPluralWord(noun.head.lower) && noun.words.every((w) => !isCapitalized(w));
    if (v >= 1800 && v <= 2100 && (!countedAfter || YEAR_PREPOSITIONS.has(prev?.lower ?? ''))) return null;
  }
  if (numTok.isDigits && !prefix && isRange && /^\d{4}$/.test(numTok.text) && (num.value ?? 0) >= 1800 && (num.value ?? 0) <= 2100 && !unitName && !(noun && isPluralWord(noun.head.lower))) return null;

  // Parts of names: "Section 427", "Big 12", "iPhone 11" (a capitalised word right before, nothing counted after).
  if (numTok.isDigits && !prefix && !unitName && isCapitalized(prev) && i - 1 > 0 && !qual && !STOPWORDS.has(prev?.lower ?? '')) return null;
  if (numTok.isDigits && !prefix && prev?.text === '-' && prev.glued && numTok.glued && tokens[i - 2]?.isWord) return null;
  if (numTok.isDigits && !prefix && !unitName && !noun && prev && /^[A-Z]/.test(prev.text) && prev.glued === false && i - 1 > 0 && !qual && !STOPWORDS.has(prev.lower)) return null;

  const unitHead = unitName ?? (noun ? singularize(noun.head.lower) : '');
  const { kind, unit } = kindOf(unitHead, unitEntry?.currency, tokens, j, end);

  let bounds = boundsFor(qual?.bound ?? null, num.value ?? 0);
  if (num.vague && low !== null && high !== null) {
    bounds = { low, high, lowInclusive: true, highInclusive: true, approximate: true };
    if (qual && (qual.bound === 'lower-incl' || qual.bound === 'lower-excl')) bounds = { ...bounds, high: null, highInclusive: false };
  } else if (isRange && low !== null && high !== null) {
    bounds = { low, high, lowInclusive: true, highInclusive: true, approximate: qual?.bound === 'about' };
  } else if (num.value !== null && qual) {
    bounds = boundsFor(qual.bound, num.value);
  }

  const startTok = qual && !isRange ? tokens[qual.start] : between || (from && isRange) ? tokens[i - 1] : first;
  const textStart = startTok?.start ?? first.start;
  const lastTok = tokens[end - 1];
  const figure: Omit<Figure, 'sentence' | 'paragraph'> = {
    value: isRange || num.vague ? null : num.value,
    ...bounds,
    qualifier: qual?.text ?? (between && isRange ? 'between' : null),
    unit,
    noun: noun ? sentence.slice(noun.words[0]?.start ?? 0, noun.head.end) : null,
    kind,
    attributive,
    text: sentence.slice(textStart, lastTok?.end ?? numTok.end),
    offset: textStart,
  };
  if (unitEntry?.currency) figure.currency = unitEntry.currency;
  return { figure, end };
}

/** Attaches a bracketed conversion: `2 billion euros ($2.15 billion)`. */
function takeConversion(tokens: Token[], at: number, sentence: string, opts: ExtractFiguresOptions, base: Candidate): number {
  if (tokens[at]?.text !== '(' || !base.figure.currency) return at;
  let k = at + 1;
  const q = matchQualifier(tokens, k + 1);
  if (q && q.start === k) k = k + q.text.split(' ').length;
  const conv = matchAt(tokens, k, sentence, opts);
  if (!conv || !conv.figure.currency || conv.figure.currency === base.figure.currency) return at;
  if (tokens[conv.end]?.text !== ')') return at;
  const value = conv.figure.value ?? conv.figure.low;
  if (value === null) return at;
  base.figure.conversion = { value, currency: conv.figure.currency };
  return conv.end + 1;
}

/**
 * "injured at least 18 people in Kharkiv and three people in Dnipro": a count of people joined by
 * "and" to a casualty count in the same sentence shares its verb.
 */
function inheritCasualtyKind(fig: Omit<Figure, 'sentence' | 'paragraph'>, prev: Figure | undefined, sentence: string, paragraph: number): void {
  if (!prev || prev.sentence !== sentence || prev.paragraph !== paragraph || fig.kind !== 'people') return;
  if (prev.kind !== 'casualties-injured' && prev.kind !== 'casualties-killed') return;
  if (prev.unit !== fig.unit) return;
  const between = sentence.slice(prev.offset + prev.text.length, fig.offset);
  if (between.length > 80 || !/\band\b|,/.test(between) || /[;:]/.test(between)) return;
  if (/\b(?:injur|wound|hurt|kill|dead|died|death)/i.test(between)) return;
  fig.kind = prev.kind;
}

/** "eight or nine euros", "one to two years": a bare number takes the unit of the next one. */
function shareUnitBackwards(prev: Figure | undefined, fig: Omit<Figure, 'sentence' | 'paragraph'>, sentence: string, paragraph: number): void {
  if (!prev || prev.sentence !== sentence || prev.paragraph !== paragraph || prev.unit !== '' || fig.unit === '') return;
  const between = sentence.slice(prev.offset + prev.text.length, fig.offset);
  if (!/^\s*(?:or|to|and|-|–)\s*$/.test(between)) return;
  prev.unit = fig.unit;
  prev.noun = fig.noun;
  prev.kind = fig.kind;
  if (fig.currency) prev.currency = fig.currency;
}

/**
 * Extracts every quantity from an article's paragraphs. Pure and deterministic.
 */
export function extractFigures(paragraphs: readonly string[], opts: ExtractFiguresOptions = {}): Figure[] {
  const out: Figure[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const { text: sentence } of splitSentences(paragraph)) {
      const tokens = tokenize(sentence);
      let i = 0;
      while (i < tokens.length) {
        const c = matchAt(tokens, i, sentence, opts);
        if (!c) {
          i += 1;
          continue;
        }
        const next = takeConversion(tokens, c.end, sentence, opts, c);
        inheritCasualtyKind(c.figure, out[out.length - 1], sentence, p);
        shareUnitBackwards(out[out.length - 1], c.figure, sentence, p);
        out.push({ ...c.figure, sentence, paragraph: p });
        i = Math.max(next, i + 1);
      }
    }
  });
  return out;
}
