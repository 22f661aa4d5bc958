/** Collapses runs of whitespace (including NBSP and zero-width spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\u2060]+/g, ' ').trim();
}

/** Scripts written without spaces between words: each character counts as half a word. */
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Approximate word count: runs of letters/digits in spaced scripts, plus half a word per
 * character of scripts written without spaces (Chinese, Japanese, Thai...).
 */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_CHAR)?.length ?? 0;
  const spaced = text.replace(UNSPACED_CHAR, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return spaced + Math.floor(unspaced / 2);
}
