import { eld } from 'eld/small';

/** Below this many letters a detector only guesses; we say "unknown" instead. */
const MIN_LETTERS_FOR_DETECTION = 40;
/** Enough text to decide; more only costs time. */
const MAX_CHARS_FOR_DETECTION = 300;

/**
 * ISO 639-1 code of the text's language, or null when the text is too short or the guess
 * unreliable. Deterministic. Uses ELD (Efficient Language Detector, n-gram model bundled in the
 * package, 60 languages): several times faster than tinyld on article-length samples.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > MAX_CHARS_FOR_DETECTION ? text.slice(0, MAX_CHARS_FOR_DETECTION) : text;
  let letters = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) letters++;
    if (letters >= MIN_LETTERS_FOR_DETECTION) break;
  }
  if (letters < MIN_LETTERS_FOR_DETECTION) return null;
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return null;
  return normalizeLanguageTag(result.language);
}

/**
 * `en-US`, `EN_gb`, `fr` → the ISO 639-1 primary subtag (`en`, `fr`); null for values that are
 * not a two-letter language (`x-default`, `und`, empty).
 */
export function normalizeLanguageTag(tag: string): string | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}
