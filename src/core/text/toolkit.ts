import { calendarWords, languageBundle, normalizeLanguage } from '../lang/index.js';
import type { LanguageBundle } from '../lang/index.js';
import { parseNumber, type ParsedNumber, type ParseNumberOptions } from './numbers.js';
import { abbreviationContinuations, abbreviationKey, splitSentences, type SentenceConfig } from './sentences.js';
import { loadStemmer } from './stemmers.js';
import { stopWordList } from './stop-words.js';
import { tokenizeWords, type TextSpan, type WordToken } from './words.js';

/** Options of {@link TextToolkit.terms}. */
export interface TermsOptions {
  /** Stem each term with the language's stemmer. Default false. */
  readonly stem?: boolean;
}

/**
 * Sentences, words, stop words and stems of one language. Get one with {@link textToolkit};
 * every method is deterministic (for a given Node.js and ICU version) and safe to call on any
 * text, however long or hostile (no regular expression backtracks on it).
 */
export interface TextToolkit {
  /** ISO 639-1 code, or null for text of unknown language (language-neutral rules). */
  readonly language: string | null;
  /** The language's bundle, or null when it has none: quotes and figures are then not analysed. */
  readonly bundle: LanguageBundle | null;
  /** True when the language has a stop-word list (stopwords-iso). */
  readonly hasStopWords: boolean;
  /** True when the language has a stemmer; otherwise `stem` returns the normalised word. */
  readonly hasStemmer: boolean;
  /**
   * Sentences with offsets into `text`, trimmed, never empty. Abbreviations, initials, dotted
   * acronyms and ordinals of the language do not end a sentence; line breaks always do.
   *
   * @example textToolkit('en').sentences('Mr. Lee left the U.S. on Monday. He returned.').map((s) => s.text)
   *   // ['Mr. Lee left the U.S. on Monday.', 'He returned.']
   */
  sentences(text: string): TextSpan[];
  /**
   * Words and punctuation marks with offsets (whitespace dropped). Words of Chinese, Japanese,
   * Thai, Lao, Khmer and Myanmar text come from `Intl.Segmenter`; elided articles are split off
   * where the language elides ("l'homme" → "l'", "homme").
   */
  words(text: string): WordToken[];
  /**
   * Content words: the word-like tokens, normalised (see `normalize`), without stop words and
   * elided articles; stemmed when `options.stem`. Numbers written in digits are kept.
   */
  terms(text: string, options?: TermsOptions): string[];
  /** Lookup form of a word: NFKC, lower case (Turkish, Azeri and Lithuanian casing where they differ), apostrophes unified to "'", soft hyphens and joiners removed. */
  normalize(word: string): string;
  /** The stem of a word (normalised first); the normalised word where the language has no stemmer. */
  stem(word: string): string;
  /** True for a stop word of the language (after `normalize`) or an elided article ("l'"); always false without a list. */
  isStopWord(word: string): boolean;
  /** {@link parseNumber} in this language. */
  parseNumber(text: string, options?: ParseNumberOptions): ParsedNumber | null;
}

// Above this many distinct words the stem cache is emptied: bounded memory, same results.
const MAX_CACHED_STEMS = 50_000;
const LOCALE_CASING = new Set(['tr', 'az', 'lt']);
// Latin-1 letters are already in NFKC: only compatibility characters, marks and other scripts need the work.
const NEEDS_CLEANING = /[^\x00-\xff]|[\xaa\xb2\xb3\xb5\xb9\xba\xbc-\xbe\xad`\xb4]/;
const SPACED_CLOSERS_UNKNOWN = ['»', '”', '›'];

function compileSentenceRules(language: string | null, bundle: LanguageBundle | null, stopWords: ReadonlySet<string>): SentenceConfig {
  const rules = bundle?.sentences;
  const spacedClosers = new Set<string>();
  if (bundle) {
    const opens = new Set(bundle.quotes.pairs.map((p) => p.open));
    if (bundle.quotes.spacedMarks) for (const p of bundle.quotes.pairs) if (!opens.has(p.close)) spacedClosers.add(p.close);
  } else {
    for (const c of SPACED_CLOSERS_UNKNOWN) spacedClosers.add(c);
  }
  const months = rules?.ordinalPeriod ? [...(calendarWords(language)?.months.keys() ?? [])] : [];
  const never = new Set((rules?.abbreviations ?? []).map(abbreviationKey));
  const ambiguous = new Set((rules?.ambiguousAbbreviations ?? []).map(abbreviationKey));
  return {
    locale: language ?? 'und',
    never,
    ambiguous,
    continuations: abbreviationContinuations([...never, ...ambiguous]),
    // Without a bundle, the stop words are the best guess at sentence openers.
    openers: rules ? new Set(rules.openers) : stopWords,
    ordinalMonths: new Set(months),
    ordinalContext: new Set(rules?.ordinalContext ?? []),
    spacedClosers,
    isSpaceSeparated: language === 'th' || language === 'lo',
  };
}

function createToolkit(language: string | null): TextToolkit {
  const bundle = languageBundle(language);
  const casing = language !== null && LOCALE_CASING.has(language) ? language : null;
  const normalize = (word: string): string => {
    let w = casing ? word.toLocaleLowerCase(casing) : word.toLowerCase();
    if (NEEDS_CLEANING.test(w)) w = w.normalize('NFKC').replace(/[\u2019\u2018\u02bc\u0060\u00b4]/g, "'").replace(/[\u00ad\u200b-\u200d\u2060]/g, '');
    return w;
  };
  const list = language === null ? null : stopWordList(language);
  const stopWords: ReadonlySet<string> = new Set((list ?? []).map(normalize));
  const stemmer = language === null ? null : loadStemmer(language);
  const sentenceConfig = compileSentenceRules(language, bundle, stopWords);
  const elisions = new Set((bundle?.sentences.elisions ?? []).map(normalize));
  const locale = language ?? 'und';
  const stems = new Map<string, string>();
  const stem = (word: string): string => {
    let w = normalize(word);
    if (!stemmer) return w;
    // Porter's algorithm leaves the English possessive ("mayor's"); Porter2 would drop it.
    if (language === 'en') w = w.replace(/'s?$/, '');
    let s = stems.get(w);
    if (s === undefined) {
      s = stemmer(w);
      if (stems.size >= MAX_CACHED_STEMS) stems.clear();
      stems.set(w, s);
    }
    return s;
  };
  const words = (text: string): WordToken[] => tokenizeWords(text, locale, elisions);
  return {
    language,
    bundle,
    hasStopWords: stopWords.size > 0,
    hasStemmer: stemmer !== null,
    sentences: (text) => splitSentences(text, sentenceConfig),
    words,
    terms(text, options = {}) {
      const out: string[] = [];
      for (const token of words(text)) {
        if (!token.isWordLike) continue;
        const w = normalize(token.text);
        if (stopWords.has(w) || elisions.has(w)) continue;
        out.push(options.stem === true ? stem(w) : w);
      }
      return out;
    },
    normalize,
    stem,
    isStopWord: (word) => {
      const w = normalize(word);
      return stopWords.has(w) || elisions.has(w);
    },
    parseNumber: (text, options) => parseNumber(text, language, options),
  };
}

const toolkits = new Map<string | null, TextToolkit>();

/**
 * The text toolkit of a language: any tag `normalizeLanguage` reads (`en`, `en-GB`, `EN`, `eng`).
 * Null, undefined or an unknown tag give the language-neutral toolkit: `Intl.Segmenter` rules,
 * no abbreviations, no stop words, no stemming (never English rules on text of another
 * language). Built once per language and cached; deterministic.
 *
 * @example
 * const es = textToolkit('es');
 * es.terms('Los heridos fueron trasladados al hospital.', { stem: true }); // ['her', 'traslad', 'hospital']
 */
export function textToolkit(language: string | null | undefined): TextToolkit {
  const code = normalizeLanguage(language);
  let toolkit = toolkits.get(code);
  if (!toolkit) {
    toolkit = createToolkit(code);
    toolkits.set(code, toolkit);
  }
  return toolkit;
}
