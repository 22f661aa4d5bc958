/** How a qualifier written before a number bounds it. */
export type { FigureBound as Bound } from '../../../core/lang/index.js';
import type { FigureBound as Bound } from '../../../core/lang/index.js';

/**
 * What a person count says happened to the people counted (the bundles' classes). General classes
 * that fit any story: a fact sheet compares killed with killed, never killed with injured.
 */
export type { PersonRole } from '../../../core/lang/index.js';
import type { PersonRole } from '../../../core/lang/index.js';

/**
 * The words the figure reader needs in one language. Everything language-specific sits here, so
 * that reading figures in another language is a matter of another table, never of English rules
 * applied to other text.
 */
export interface FigureLanguage {
  /** BCP 47 primary language subtag (`en`). */
  readonly code: string;
  /** Qualifiers written before a number (`at least`), lower-case, words joined by one space. */
  readonly qualifiers: ReadonlyMap<string, Bound>;
  /** Articles between a qualifier and its number ("casi el 30"), and contractions read as their preposition ("del" → "de"). */
  readonly determiners: ReadonlySet<string>;
  readonly contractions: ReadonlyMap<string, string>;
  /** Number words: units (`one`..`nineteen`), tens, multipliers inside a spelled number. */
  readonly unitWords: ReadonlyMap<string, number>;
  readonly tensWords: ReadonlyMap<string, number>;
  readonly multiplierWords: ReadonlyMap<string, number>;
  /** Fractions after a count or an article (`a third`, `two thirds`). */
  readonly fractionWords: ReadonlyMap<string, number>;
  /** The word for one half ('' when the language has none listed) and the articles that may precede a number word (`a dozen`). */
  readonly halfWord: string;
  readonly articles: ReadonlySet<string>;
  /** Connectors inside spelled numbers (`two hundred and fifty`, `treinta y dos`). */
  readonly numberAnd: ReadonlySet<string>;
  /** Vague plurals as bounds (`dozens` → [24, 99]) and the ones that scale (`tens of thousands`). */
  readonly vaguePlurals: ReadonlyMap<string, { low: number; high: number }>;
  readonly vagueScales: ReadonlyMap<string, number>;
  /** `several`, `a few` before a multiplier (`several dozen`): the least count they mean. */
  readonly fewWords: ReadonlyMap<string, number>;
  /** The preposition of `tens of thousands`, `dozens of people`. */
  readonly of: ReadonlySet<string>;
  /** Scale words after a number (`2 billion`, `5bn`). */
  readonly scales: ReadonlyMap<string, number>;
  /** Scale spellings that count only glued to the number or after a currency (`$3m`, `10k`). */
  readonly shortScales: ReadonlySet<string>;
  /** Month names and abbreviations, lower-case; `ambiguousMonths` are also common words (`may`). */
  readonly months: ReadonlySet<string>;
  readonly ambiguousMonths: ReadonlySet<string>;
  /** Words before a bare 4-digit number that make it a calendar year (`in 2014`). */
  readonly yearPrepositions: ReadonlySet<string>;
  /** Ordinal suffixes glued to digits (`27th`) and clock suffixes (`11 pm`). */
  readonly ordinalSuffixes: ReadonlySet<string>;
  readonly timeSuffixes: ReadonlySet<string>;
  /** Range separators: `10 to 20`, `between 10 and 20`, `from 10 to 20`. */
  readonly rangeTo: ReadonlySet<string>;
  readonly rangeBetween: ReadonlySet<string>;
  readonly rangeAnd: ReadonlySet<string>;
  readonly rangeFrom: ReadonlySet<string>;
  /** Words that make `X to Y` a change (`rose from 10 to 20`), not a range. */
  readonly changeWords: ReadonlySet<string>;
  /** `per barrel`, `a day`; words after `a year` that make it a date (`a year earlier`). */
  readonly perWords: ReadonlySet<string>;
  readonly relativeAfter: ReadonlySet<string>;
  /** Words after a duration that make it a date (`two years ago`, `three days later`). */
  readonly relativeTimeAfter: ReadonlySet<string>;
  /** Words before a duration that make it a date (`in two weeks`). */
  readonly relativeTimeBefore: ReadonlySet<string>;
  /** Age phrases: `15-year-old`, `aged 15`. */
  readonly agePattern: RegExp;
  readonly ageBefore: ReadonlySet<string>;
  /** `no` as in `No 10` (a name, not a count). */
  readonly numberSign: string;
  /** Function words: not part of a counted noun phrase, not content. */
  readonly isStopword: (word: string) => boolean;
  /** Nouns naming people (`people`, `residents`), as singular lemmas. */
  readonly personNouns: ReadonlySet<string>;
  /** Words that state a person role (`killed`, `wounded`, `dead`, `missing`), lower-case. */
  readonly roleWords: ReadonlyMap<string, PersonRole>;
  /** Nouns that are themselves a role count (`deaths`, `injuries`, `arrests`), as singular lemmas. */
  readonly roleNouns: ReadonlyMap<string, PersonRole>;
  /**
   * Words of the predicates news figures go with, lower-case form → class (`spent` → `spend`,
   * `investment` → `invest`). Two figures with different known predicates measure different things.
   */
  readonly predicates: ReadonlyMap<string, string>;
  /** Head nouns that name the same counted thing (`nation` and `country`), as singular lemmas. */
  readonly synonyms: ReadonlyMap<string, string>;
  /** Words that open a clause around a figure (`while`, `but`): its measure does not reach past them. */
  readonly clauseWords: ReadonlySet<string>;
  /** Prepositions that introduce whom or where a figure is about (`in Leeds`, `for Smith`, `among voters`). */
  readonly aboutPrepositions: ReadonlySet<string>;
  /** Prepositions that link an amount to what it is of or for (`$5 million in fees`, `20% of voters`). */
  readonly linkWords: ReadonlySet<string>;
  /** `worth`, `valued at`: the amount belongs to the noun before. */
  readonly worthWords: ReadonlySet<string>;
  /** Verbs of saying: an attribution clause (`, officials said`) is not what the figure is about. */
  readonly speechVerbs: ReadonlySet<string>;
  /** Words that name a figure as an earlier, superseded value (`up from`, `an earlier toll of`). */
  readonly earlier: import('./earlier.js').EarlierWords;
  /** Demonyms and other capitalised adjectives that do not name whom or where (`Danish`). */
  readonly isDemonym: (word: string) => boolean;
  /** Singular lemma of a lower-case word (a stem where the language has no rule): heads compare by it. */
  readonly singularize: (word: string) => string;
  /** True for words that look plural. */
  readonly isPlural: (word: string) => boolean;
  /**
   * True where the counted noun comes first and its modifiers after ("20 personas heridas"): the
   * head of the noun phrase after a number is its first word; else its last ("20 injured people").
   */
  readonly nounFirst: boolean;
  /** Units and currencies written after a number, in this language. */
  readonly units: import('../units.js').UnitLexicon;
  /** Reads a number written in digits ("1,600.5" in English, "1.600,5" in Spanish); null when it is not one. */
  readonly parseDigits: (text: string) => number | null;
  /** Longest phrase (in words) of `qualifiers`, `worthWords`, `roleWords`, `scales` and `vaguePlurals`. */
  readonly maxPhraseWords: number;
}
