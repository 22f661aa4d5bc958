import { languageBundle, normalizeLanguage } from '../lang/index.js';
import type { LanguageBundle } from '../lang/index.js';

/** A number read from text, with its separators interpreted by the language's conventions. */
export interface ParsedNumber {
  /**
   * The value (scale and sign applied; a percentage stays 12.5, not 0.125), or null when the
   * text reads two ways and the language does not decide: "1.600" with no known language is
   * 1.6 or 1600. Then `readings` holds both.
   */
  readonly value: number | null;
  /** Every reading the text allows, ascending: one when `value` is set, two when it is null. */
  readonly readings: readonly number[];
  /** True when a per-cent sign or word followed ("12,5 %", "12 Prozent"). */
  readonly isPercent: boolean;
  /** The multiplier of a scale word that followed ("millones" → 1e6, "Mrd." → 1e9), 1 when none. */
  readonly scale: number;
}

/** Options of {@link parseNumber}. */
export interface ParseNumberOptions {
  /**
   * Also read the language's short scales glued to the number ("5m", "10k"), which are letters
   * or units elsewhere ("5m" is also five metres): set it only after a currency ("$5m"). Default false.
   */
  readonly shortScales?: boolean;
}

const SPACE_SEPARATORS = new Set([' ', '\u00a0', '\u202f', '\u2009']);
const APOSTROPHES = new Set(["'", '’']);
const UNKNOWN_DECIMALS = ['.', ','] as const;
// Digits, then separators each followed by digits; a space separates groups only before exactly three digits.
const CORE_RE = /^\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*/;
const SIGN_RE = /^[+\-\u2212]/;
const PERCENT_RE = /^\s?[%\u066a\uff05]/;

type Separator = '.' | ',' | ' ' | "'";

interface NumberShape {
  /** Digit runs between separators. */
  parts: string[];
  /** Separator kinds between them (spaces and apostrophes unified). */
  seps: Separator[];
}

function shapeOf(core: string): NumberShape {
  const parts: string[] = [];
  const seps: Separator[] = [];
  let run = '';
  for (const ch of core) {
    if (ch >= '0' && ch <= '9') {
      run += ch;
      continue;
    }
    parts.push(run);
    run = '';
    seps.push(SPACE_SEPARATORS.has(ch) ? ' ' : APOSTROPHES.has(ch) ? "'" : (ch as '.' | ','));
  }
  parts.push(run);
  return { parts, seps };
}

/** Groups of thousands: 1–3 digits without a leading zero, then groups of exactly 3 (or the Indian 2-digit lakh groups). */
function isGrouped(parts: readonly string[], allowLakh: boolean): boolean {
  const first = parts[0]!;
  if (first.length > 3 || (first.length > 1 && first.startsWith('0')) || first === '0') return false;
  if (parts.slice(1).every((p) => p.length === 3)) return true;
  // 12,34,567 (India): the last group has three digits, the ones before it two.
  return allowLakh && first.length <= 2 && parts.length >= 3 && parts.at(-1)!.length === 3 && parts.slice(1, -1).every((p) => p.length === 2);
}

interface Convention {
  decimal: '.' | ',';
  groups: ReadonlySet<Separator>;
  allowLakh: boolean;
}

/** The integer and fraction digit strings this convention reads, or null when the shape breaks it. */
function readWith(shape: NumberShape, c: Convention): [string, string] | null {
  const { parts, seps } = shape;
  if (seps.length === 0) return [parts[0]!, ''];
  const last = seps.at(-1)!;
  // Reading with a decimal separator: the last separator, every earlier one a group separator.
  if (last === c.decimal) {
    const intParts = parts.slice(0, -1);
    const intSeps = seps.slice(0, -1);
    if (intSeps.length === 0) return [intParts[0]!, parts.at(-1)!];
    if (intSeps.every((s) => s === intSeps[0] && c.groups.has(s)) && isGrouped(intParts, c.allowLakh)) {
      return [intParts.join(''), parts.at(-1)!];
    }
    return null;
  }
  // Reading without one: every separator is the same group separator.
  if (seps.every((s) => s === seps[0] && c.groups.has(s)) && isGrouped(parts, c.allowLakh)) return [parts.join(''), ''];
  return null;
}

function conventionsOf(bundle: LanguageBundle | null, language: string | null): Convention[] {
  const allowLakh = language === 'en' || language === 'hi';
  if (bundle) {
    const groups = new Set<Separator>();
    for (const g of bundle.numbers.groupSeparators) groups.add(SPACE_SEPARATORS.has(g) ? ' ' : APOSTROPHES.has(g) ? "'" : (g as '.' | ','));
    return [{ decimal: bundle.numbers.decimalSeparator, groups, allowLakh }];
  }
  // No known conventions: either mark may be the decimal separator, the other (or a space) groups.
  return UNKNOWN_DECIMALS.map((decimal) => ({
    decimal,
    groups: new Set<Separator>([decimal === '.' ? ',' : '.', ' ', "'"]),
    allowLakh,
  }));
}

function toValue([intDigits, fraction]: [string, string], scale: number): number {
  const exponent = Math.round(Math.log10(scale));
  // Scaling through the exponent keeps "2,15 Mrd." at exactly 2150000000.
  if (10 ** exponent === scale) return Number(`${intDigits}${fraction ? `.${fraction}` : ''}e${exponent}`);
  return Number(`${intDigits}${fraction ? `.${fraction}` : ''}`) * scale;
}

function lookupScale(rest: string, bundle: LanguageBundle | null, isGlued: boolean, options: ParseNumberOptions): number | null {
  if (rest === '') return 1;
  if (!bundle) return null;
  const key = rest.toLowerCase().replace(/\s+/g, ' ');
  const scale = bundle.numbers.scales[key];
  if (scale !== undefined && Object.hasOwn(bundle.numbers.scales, key)) return scale;
  if (isGlued && options.shortScales === true && Object.hasOwn(bundle.numbers.shortScales, key)) return bundle.numbers.shortScales[key]!;
  return null;
}

/**
 * Reads a number as written in a language: "1.600" is 1600 in es/de/it/nl/pt and 1.6 in en;
 * "2,15" is 2.15 in de; "1,600" is 1600 in en; "1 000 000" with ordinary, no-break, narrow
 * no-break or thin spaces; "12,5 %" (`isPercent`); a sign; and a scale word of the language
 * after it ("1.600 millones", "2,15 Mrd.", "40 mil millones", "3 Milliarden"). Fullwidth digits
 * are read (NFKC).
 *
 * When the language is null or has no bundle, a text that reads two ways is not guessed:
 * "1.600" and "1,600" give `value: null` with `readings: [1.6, 1600]`; shapes that read one way
 * only ("1.600.000", "2,15", "1.600,5", "0,600") still get their value; scale words, which belong
 * to a language, are then not read.
 *
 * Returns null when the text is not one number (with at most a per-cent mark and a scale word),
 * or breaks the language's conventions ("2,15" in English, "1.5" in German). Deterministic.
 *
 * @example parseNumber('1.600 millones', 'es')?.value === 1.6e9
 * @example parseNumber('1.600', null) // { value: null, readings: [1.6, 1600], ... }
 */
export function parseNumber(text: string, language: string | null | undefined, options: ParseNumberOptions = {}): ParsedNumber | null {
  const code = normalizeLanguage(language);
  const bundle = languageBundle(code);
  let s = text.normalize('NFKC').trim();
  let sign = 1;
  if (SIGN_RE.test(s)) {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1);
  }
  const core = CORE_RE.exec(s)?.[0];
  if (core === undefined) return null;
  let rest = s.slice(core.length);
  const isGlued = rest !== '' && !/^\s/.test(rest);
  let isPercent = false;
  const percentMark = PERCENT_RE.exec(rest);
  if (percentMark) {
    isPercent = true;
    rest = rest.slice(percentMark[0].length);
  }
  rest = rest.trim();
  if (!isPercent && bundle) {
    const word = rest.toLowerCase().replace(/\s+/g, ' ');
    if (bundle.numbers.percentWords.includes(word)) {
      isPercent = true;
      rest = '';
    }
  }
  if (/^[\d.,]/.test(rest)) return null;
  const scale = isPercent ? (rest === '' ? 1 : null) : lookupScale(rest, bundle, isGlued, options);
  if (scale === null) return null;
  const shape = shapeOf(core);
  const readings: number[] = [];
  for (const convention of conventionsOf(bundle, code)) {
    const digits = readWith(shape, convention);
    if (digits === null) continue;
    const value = sign * toValue(digits, scale);
    if (!readings.includes(value)) readings.push(value);
  }
  if (readings.length === 0) return null;
  readings.sort((a, b) => a - b);
  return { value: readings.length === 1 ? readings[0]! : null, readings, isPercent, scale };
}
