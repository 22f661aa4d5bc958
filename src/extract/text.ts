import { stripControls } from '../core/text/controls.js';

/**
 * Collapses runs of whitespace (including NBSP and zero-width spaces) to one space and trims;
 * control and bidirectional formatting characters go first (see `stripControls`).
 */
export function collapseWhitespace(text: string): string {
  return stripControls(text).replace(/[\s\u200b\u200c\u200d\u2060]+/g, ' ').trim();
}

/** Scripts written without spaces between words: each character counts as half a word. */
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Approximate word count: runs of letters/digits in spaced scripts, plus half a word per
 * character of scripts written without spaces (Chinese, Japanese, Thai...).
 */
export function countWords(text: string): number {
  // Fast path for text without characters of unspaced scripts (or astral ones, checked the slow way).
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e00 && (c <= 0x0eff || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f))) {
      simple = false;
      break;
    }
  }
  if (!simple) {
    const unspaced = text.match(UNSPACED_CHAR)?.length ?? 0;
    const spaced = text.replace(UNSPACED_CHAR, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    return spaced + Math.floor(unspaced / 2);
  }
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWordChar = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : WORD_CHAR.test(text[i] as string);
    if (isWordChar && !inWord) words++;
    inWord = isWordChar;
  }
  return words;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
