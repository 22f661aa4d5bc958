import { calendarWords, countryOfDemonym, type LanguageBundle } from '../../../core/lang/index.js';
import { textToolkit } from '../../../core/text/index.js';
import { buildUnitLexicon } from '../units.js';
import { earlierWordsOf } from './earlier.js';
import type { FigureLanguage, PersonRole } from './types.js';

/**
 * What a language adds to its bundle for the figure reader: its morphology and the few rules a
 * bundle does not state. Every field is optional; the defaults fit a language the reader knows
 * only through its bundle.
 */
export interface FigureMorphology {
  /** Singular lemma of a lower-case word; default: the language's stemmer. */
  readonly singularize?: (word: string) => string;
  readonly isPlural?: (word: string) => boolean;
  /** The counted noun comes first ("20 personas heridas"); default false. */
  readonly nounFirst?: boolean;
  readonly stopwords?: ReadonlySet<string>;
  readonly personNouns?: readonly string[];
  readonly roleWords?: ReadonlyArray<readonly [string, PersonRole]>;
  readonly roleNouns?: ReadonlyArray<readonly [string, PersonRole]>;
  readonly fractionWords?: ReadonlyMap<string, number>;
  readonly halfWord?: string;
  readonly vagueScales?: ReadonlyMap<string, number>;
  readonly ambiguousMonths?: ReadonlySet<string>;
  readonly yearPrepositions?: ReadonlySet<string>;
  readonly ordinalSuffixes?: ReadonlySet<string>;
  readonly timeSuffixes?: ReadonlySet<string>;
  readonly relativeAfter?: ReadonlySet<string>;
  readonly agePattern?: RegExp;
  readonly ageBefore?: ReadonlySet<string>;
  readonly numberSign?: string;
  /** English: the full English unit list. */
  readonly isEnglish?: boolean;
  readonly parseDigits?: (text: string) => number | null;
}

const NEVER = /(?!)/;

function lower(words: readonly string[]): string[] {
  return words.map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** Builds the figure words of a language from its bundle and its morphology. Deterministic. */
export function buildFigureLanguage(bundle: LanguageBundle, morph: FigureMorphology = {}): FigureLanguage {
  const toolkit = textToolkit(bundle.code);
  const rules = bundle.figures;
  const articles = new Set(lower(rules.articles));
  const multipliers = new Set(lower(rules.multipliers));
  const unitWords = new Map<string, number>();
  const tensWords = new Map<string, number>();
  const multiplierWords = new Map<string, number>();
  for (const [word, value] of Object.entries(bundle.numbers.words)) {
    const w = word.toLowerCase();
    if (articles.has(w) && value === 1) continue;
    if (multipliers.has(w)) multiplierWords.set(w, value);
    else if (value >= 20 && value < 100 && value % 10 === 0) tensWords.set(w, value);
    else unitWords.set(w, value);
  }
  const scales = new Map<string, number>();
  for (const [k, v] of Object.entries(bundle.numbers.scales)) scales.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(bundle.numbers.shortScales)) if (!scales.has(k.toLowerCase())) scales.set(k.toLowerCase(), v);
  const roleWords = new Map<string, PersonRole>();
  for (const [role, words] of Object.entries(bundle.people.roles) as Array<[PersonRole, readonly string[]]>) {
    for (const w of lower(words)) if (!roleWords.has(w)) roleWords.set(w, role);
  }
  for (const [w, role] of morph.roleWords ?? []) roleWords.set(w, role);
  const roleNouns = new Map<string, PersonRole>(morph.roleNouns ?? [...roleWords].filter(([w]) => !w.includes(' ')));
  const predicates = new Map<string, string>();
  for (const [cls, words] of Object.entries(rules.predicates)) for (const w of lower(words)) if (!predicates.has(w)) predicates.set(w, cls);
  const calendar = calendarWords(bundle.code);
  const singularize = morph.singularize ?? ((w: string) => toolkit.stem(w));
  const stopwords = morph.stopwords;
  const phrases = [
    ...Object.keys(rules.qualifiers), ...rules.worthWords, ...roleWords.keys(), ...scales.keys(), ...Object.keys(bundle.numbers.vague),
    ...rules.relativeTimeBefore, ...rules.relativeTimeAfter, ...Object.keys(rules.few),
  ];
  return {
    code: bundle.code,
    qualifiers: new Map(Object.entries(rules.qualifiers).map(([k, v]) => [k.toLowerCase(), v] as const)),
    determiners: new Set(lower(rules.determiners)),
    contractions: new Map(Object.entries(rules.contractions).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()] as const)),
    unitWords,
    tensWords,
    multiplierWords,
    fractionWords: morph.fractionWords ?? new Map(),
    halfWord: morph.halfWord ?? '',
    articles,
    numberAnd: new Set(lower(bundle.numbers.wordJoiners).filter((w) => w !== '-')),
    vaguePlurals: new Map(Object.entries(bundle.numbers.vague).map(([k, v]) => [k.toLowerCase(), v] as const)),
    vagueScales: morph.vagueScales ?? new Map(),
    fewWords: new Map(Object.entries(rules.few).map(([k, v]) => [k.toLowerCase(), v] as const)),
    of: new Set(lower(rules.of)),
    scales,
    shortScales: new Set(Object.keys(bundle.numbers.shortScales).map((k) => k.toLowerCase())),
    months: new Set(calendar?.months.keys() ?? []),
    ambiguousMonths: morph.ambiguousMonths ?? new Set(),
    yearPrepositions: morph.yearPrepositions ?? new Set([...lower(rules.aboutPrepositions), ...lower(rules.from)]),
    ordinalSuffixes: morph.ordinalSuffixes ?? new Set(),
    timeSuffixes: morph.timeSuffixes ?? new Set(),
    rangeTo: new Set(lower(rules.rangeTo)),
    rangeBetween: new Set(lower(rules.between)),
    rangeAnd: new Set(lower(rules.betweenAnd)),
    rangeFrom: new Set(lower(rules.from)),
    changeWords: new Set(lower(rules.changeWords)),
    perWords: new Set(lower(rules.perWords)),
    relativeAfter: morph.relativeAfter ?? new Set(lower(rules.relativeTimeAfter)),
    relativeTimeAfter: new Set(lower(rules.relativeTimeAfter)),
    relativeTimeBefore: new Set(lower(rules.relativeTimeBefore)),
    agePattern: morph.agePattern ?? NEVER,
    ageBefore: morph.ageBefore ?? new Set(),
    numberSign: morph.numberSign ?? 'No',
    isStopword: stopwords ? (w) => stopwords.has(w.toLowerCase()) : (w) => toolkit.isStopWord(w),
    personNouns: new Set([...lower(bundle.people.nouns), ...lower(morph.personNouns ?? [])].map(singularize)),
    roleWords,
    roleNouns,
    predicates,
    synonyms: new Map(Object.entries(rules.synonyms).map(([k, v]) => [singularize(k.toLowerCase()), singularize(v.toLowerCase())] as const)),
    clauseWords: new Set(lower(rules.clauseWords)),
    linkWords: new Set(lower(rules.linkWords)),
    aboutPrepositions: new Set(lower(rules.aboutPrepositions)),
    worthWords: new Set(lower(rules.worthWords)),
    speechVerbs: new Set(lower([...bundle.speech.verbs, ...bundle.speech.according])),
    earlier: earlierWordsOf(bundle.code),
    isDemonym: (word) => countryOfDemonym(word, bundle.code) !== null,
    singularize,
    isPlural: morph.isPlural ?? ((w) => /(?:s|en|i|e)$/.test(w.toLowerCase())),
    nounFirst: morph.nounFirst ?? false,
    units: buildUnitLexicon(bundle, morph.isEnglish === true),
    parseDigits: morph.parseDigits ?? ((text) => toolkit.parseNumber(text)?.value ?? null),
    maxPhraseWords: Math.max(1, ...phrases.map((p) => p.trim().split(/\s+/).length)),
  };
}
