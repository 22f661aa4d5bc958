/** Language codes: what every stage passes around is an ISO 639-1 code or null. */

// Codes that name no language: undetermined, multiple, no linguistic content, private use.
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);
// CLDR canonicalises a few ISO 639-1 codes to others; the two-letter form is what we store.
const TWO_LETTER: Readonly<Record<string, string>> = { fil: 'tl', nb: 'no', nn: 'no' };
const MAX_CACHED_TAGS = 1_000;

const cache = new Map<string, string | null>();
let displayNames: Intl.DisplayNames | null = null;

/**
 * The ISO 639-1 code (lower case, two letters) of a language tag, or null when the tag names no
 * known language. Accepts BCP 47 tags in any case (`en-GB`, `EN`, `zh-Hant-TW`), underscores
 * (`en_US`), ISO 639-2/3 codes (`eng`, `deu`, `ger`, `fre`) and deprecated codes (`iw` → `he`);
 * Norwegian Bokmål and Nynorsk become `no`. Deterministic.
 *
 * @example normalizeLanguage('en-GB') === 'en'; normalizeLanguage('deu') === 'de'; normalizeLanguage('x-default') === null
 */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  if (tag === null || tag === undefined) return null;
  const cached = cache.get(tag);
  if (cached !== undefined) return cached;
  const code = readLanguage(tag);
  if (cache.size >= MAX_CACHED_TAGS) cache.clear();
  cache.set(tag, code);
  return code;
}

function readLanguage(tag: string): string | null {
  const trimmed = tag.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return null;
  let language: string;
  try {
    language = new Intl.Locale(trimmed).language.toLowerCase();
  } catch {
    return null;
  }
  if (NOT_A_LANGUAGE.has(language)) return null;
  language = TWO_LETTER[language] ?? language;
  if (language.length !== 2) return null;
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return displayNames.of(language) === undefined ? null : language;
}
