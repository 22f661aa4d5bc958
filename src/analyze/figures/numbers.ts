import type { FigureLanguage } from './lang/index.js';
import type { Token } from './tokens.js';

/** A number read at some token: its value (or bounds for vague plurals) and where it ends. */
export interface NumberRead {
  value: number | null;
  low?: number;
  high?: number;
  /** First token after the number. */
  end: number;
  /** A scale word followed (`2 billion`, `5bn`). */
  scaled: boolean;
  /** `dozens`, `tens of thousands`. */
  vague: boolean;
  /** Written in words. */
  spelled: boolean;
}

/** True when the word is part of a spelled number. */
export function isNumberWord(word: string, lang: FigureLanguage): boolean {
  const w = word.toLowerCase();
  return lang.unitWords.has(w) || lang.tensWords.has(w) || lang.multiplierWords.has(w);
}

/**
 * Value of a sequence of number words (`twenty one`, `three hundred fifty`, `two million`), or
 * null when the words do not form a number.
 */
export function wordsToNumber(words: readonly string[], lang: FigureLanguage): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    const unit = lang.unitWords.get(w) ?? lang.tensWords.get(w);
    if (unit !== undefined) {
      current += unit;
      seen = true;
      continue;
    }
    const mult = lang.multiplierWords.get(w);
    if (mult === undefined) return null;
    if (!seen && current === 0) current = 1;
    if (mult >= 1000) {
      total += current * mult;
      current = 0;
    } else {
      current *= mult;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

/** Reads a number starting at token `i` (digits or words), with its scale word and fraction. */
export function readNumber(tokens: readonly Token[], i: number, allowShortScale: boolean, lang: FigureLanguage): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  let read: NumberRead | null;
  if (t.isDigits) {
    const value = lang.parseDigits(t.text);
    read = value === null ? null : { value, end: i + 1, scaled: false, vague: false, spelled: false };
  } else if (t.isWord) {
    read = readVague(tokens, i, lang) ?? readWords(tokens, i, lang);
    if (read?.vague) return read;
  } else {
    read = null;
  }
  if (read === null || read.value === null) return read;
  return readFraction(tokens, readScale(tokens, read, allowShortScale, lang), lang);
}

function readWords(tokens: readonly Token[], i: number, lang: FigureLanguage): NumberRead | null {
  const t = tokens[i]!;
  const words: string[] = [];
  let j = i;
  let lastNumber = -1;
  // "a dozen", "a hundred", "a half"
  if (lang.articles.has(t.lower)) {
    const next = tokens[j + 1];
    if (!next || next.glued || !(lang.multiplierWords.has(next.lower) || next.lower === lang.halfWord)) return null;
    if (next.lower === lang.halfWord) return { value: 0.5, end: j + 2, scaled: false, vague: false, spelled: true };
    words.push([...lang.unitWords].find(([, v]) => v === 1)?.[0] ?? 'one');
    j += 1;
  }
  while (j < tokens.length) {
    const w = tokens[j]!;
    if (w.isWord && isNumberWord(w.lower, lang)) {
      words.push(w.lower);
      lastNumber = j;
      j += 1;
      continue;
    }
    // "twenty-one", "two hundred and fifty"
    if ((w.text === '-' || lang.numberAnd.has(w.lower)) && lastNumber === j - 1) {
      const n = tokens[j + 1];
      const previous = words[words.length - 1] ?? '';
      const isTail = n !== undefined && n.isWord && (lang.unitWords.has(n.lower) || lang.tensWords.has(n.lower));
      if (isTail && (w.text === '-' ? lang.tensWords.has(previous) : lang.multiplierWords.has(previous))) {
        j += 1;
        continue;
      }
    }
    break;
  }
  if (lastNumber < 0) {
    // "half a month"
    const next = tokens[i + 1];
    if (t.lower === lang.halfWord && next && lang.articles.has(next.lower)) return { value: 0.5, end: i + 2, scaled: false, vague: false, spelled: true };
    return null;
  }
  const value = wordsToNumber(words, lang);
  return value === null ? null : { value, end: lastNumber + 1, scaled: false, vague: false, spelled: true };
}

/** `dozens`, `hundreds`, `tens of thousands`, `several dozen` (`three dozen` is a spelled number). */
function readVague(tokens: readonly Token[], i: number, lang: FigureLanguage): NumberRead | null {
  const t = tokens[i]!;
  // "several dozen", "a few hundred": a few to nine of the unit.
  const few = lang.fewWords.get(t.lower) ?? (lang.articles.has(t.lower) ? lang.fewWords.get(`${t.lower} ${tokens[i + 1]?.lower ?? ''}`) : undefined);
  if (few !== undefined) {
    const at = lang.fewWords.has(t.lower) ? i + 1 : i + 2;
    const mult = lang.multiplierWords.get(tokens[at]?.lower ?? '');
    if (mult !== undefined) return { value: null, low: few * mult, high: 9 * mult, end: at + 1, scaled: false, vague: true, spelled: true };
  }
  const scale = tokens[i + 2];
  const unit = lang.vagueScales.get(t.lower);
  if (unit !== undefined && lang.of.has(tokens[i + 1]?.lower ?? '') && scale) {
    const mult = lang.multiplierWords.get(lang.singularize(scale.lower));
    if (mult !== undefined && lang.isPlural(scale.lower)) {
      return { value: null, low: 2 * unit * mult, high: 10 * unit * mult - 1, end: i + 3, scaled: false, vague: true, spelled: true };
    }
  }
  const range = lang.vaguePlurals.get(t.lower);
  if (!range) return null;
  return { value: null, low: range.low, high: range.high, end: i + 1, scaled: false, vague: true, spelled: true };
}

/** Scale word after the number: `2 billion`, `2bn`, `$3m` (short forms glued or after a currency). */
function readScale(tokens: readonly Token[], read: NumberRead, allowShortScale: boolean, lang: FigureLanguage): NumberRead {
  const s = tokens[read.end];
  if (!s || !s.isWord || read.value === null) return read;
  const factor = lang.scales.get(s.lower) ?? lang.scales.get(`${s.lower}.`);
  if (factor === undefined || (read.spelled && lang.multiplierWords.has(s.lower))) return read;
  const isShort = lang.shortScales.has(s.lower);
  // "5bn", "$5 bn", "$3m"; never "3 m" (metres) or "10 k" on their own.
  if (isShort && !s.glued && !(allowShortScale && s.lower !== 'k')) return read;
  // "2,15 Mrd. Euro": an abbreviated scale takes its period.
  const period = tokens[read.end + 1];
  const end = period?.text === '.' && period.glued && lang.scales.has(`${s.lower}.`) ? read.end + 2 : read.end + 1;
  return { ...read, value: read.value * factor, end, scaled: true };
}

/** `one and a half`, `two thirds`. */
function readFraction(tokens: readonly Token[], read: NumberRead, lang: FigureLanguage): NumberRead {
  if (read.value === null) return read;
  const a = tokens[read.end];
  const b = tokens[read.end + 1];
  const c = tokens[read.end + 2];
  if (lang.numberAnd.has(a?.lower ?? '') && b && lang.articles.has(b.lower) && c?.lower === lang.halfWord) {
    return { ...read, value: read.value + 0.5, end: read.end + 3 };
  }
  const fraction = a ? lang.fractionWords.get(a.lower) : undefined;
  if (read.spelled && fraction !== undefined && !read.scaled && (lang.isPlural(a!.lower) ? read.value > 1 : read.value === 1)) {
    return { ...read, value: read.value * fraction, end: read.end + 1 };
  }
  return read;
}
