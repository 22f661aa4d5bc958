import { UNSPACED_SCRIPT_RE } from '../core/index.js';

/**
 * Text normalisation for copy detection. Chosen so that the editorial variants wire copies show
 * collapse to one form: typographic vs straight quotes, "U.S." vs "US", "10,000" vs "10000",
 * "U.S.-brokered" vs "US brokered", case, and runs of whitespace or punctuation.
 */

// Unicode categories L (letters), M (combining marks) and N (numbers) are word characters.
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
// Deleted outright, so the pieces they separate join: "u.s." → "us", "don't" → "dont",
// "10,000" → "10000", "2.15" → "215". Apostrophes in every typographic form.
const JOINERS = new Set([0x27, 0x2e, 0x2c, 0x60, 0xb4, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032]);
// 0 = separator, 1 = word character, 2 = joiner; filled lazily for non-ASCII code units.
const charClass = new Uint8Array(65536).fill(255);
for (let c = 0; c < 128; c++) {
  const isWord = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  charClass[c] = isWord ? 1 : 0;
}
for (const joiner of JOINERS) charClass[joiner] = 2;

/** Character class for normalisation: 0 separator, 1 word character, 2 joiner (deleted). */
export function classifyChar(code: number): number {
  let cls = charClass[code]!;
  if (cls === 255) {
    // Lone surrogates are word characters: astral letters (and emoji, harmlessly) stay whole.
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    cls = isSurrogate || WORD_CHAR_RE.test(String.fromCharCode(code)) ? 1 : 0;
    charClass[code] = cls;
  }
  return cls;
}

/**
 * Normalises text for comparison: Unicode NFKC, lower case, apostrophes/periods/commas removed,
 * every other run of characters that are not letters, marks or digits collapsed to one space,
 * trimmed. Deterministic.
 *
 * @example normalizeText('The U.S.-brokered “deal”') === 'the us brokered deal'
 */
export function normalizeText(text: string): string {
  const source = text.normalize('NFKC').toLowerCase();
  // Copies runs of word characters as slices (cheaper than building from char codes).
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  for (let i = 0; i < source.length; i++) {
    const cls = classifyChar(source.charCodeAt(i));
    if (cls === 1) {
      if (runStart < 0) {
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += source.slice(runStart, i);
      runStart = -1;
    }
    if (cls === 0) pendingSpace = true;
  }
  if (runStart >= 0) out += source.slice(runStart);
  return out;
}

/** Words of a text after {@link normalizeText}; empty text gives an empty array. See {@link splitUnspaced} for `language`. */
export function tokenize(text: string, language?: string | null): string[] {
  const normalized = language === undefined ? normalizeText(text) : splitUnspaced(normalizeText(text));
  return normalized === '' ? [] : normalized.split(' ');
}

// 1 when the code unit is a character of a script written without spaces; filled lazily.
const unspacedClass = new Uint8Array(65536).fill(255);

/**
 * True for a character of a script written without spaces between words (Han, Hiragana,
 * Katakana, Thai, Lao, Khmer, Myanmar), where each character is one token for copy detection.
 */
export function isUnspacedChar(code: number): boolean {
  if (code < 0x0e00) return false;
  let cls = unspacedClass[code]!;
  if (cls === 255) {
    cls = UNSPACED_SCRIPT_RE.test(String.fromCharCode(code)) ? 1 : 0;
    unspacedClass[code] = cls;
  }
  return cls === 1;
}

/**
 * Normalised text (from {@link normalizeText}) with every character of an unspaced script set
 * apart by spaces, so that each is one word: "总理周三" → "总 理 周 三". Text in other scripts
 * is returned as it is.
 *
 * Characters rather than dictionary words (Intl.Segmenter) because copy detection keeps its
 * shingles in the store: ICU's dictionaries change between Node.js versions, characters do not;
 * characters need no language (a Japanese text quoting Chinese names is read alike); and they
 * cost nothing, where the segmenter reads about a million characters a second.
 */
export function splitUnspaced(normalized: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < normalized.length; i++) {
    if (!isUnspacedChar(normalized.charCodeAt(i))) continue;
    out += normalized.slice(last, i);
    if (out.length > 0 && !out.endsWith(' ')) out += ' ';
    out += normalized[i];
    if (i + 1 < normalized.length && normalized[i + 1] !== ' ') out += ' ';
    last = i + 1;
  }
  return last === 0 ? normalized : out + normalized.slice(last);
}
