/**
 * What crosscheck knows about one language, as plain data: one folder per language
 * (`src/core/lang/<code>/`), written from general knowledge of the language and of news writing.
 * Every word list is lower case unless it says otherwise; matching is case-insensitive.
 */

/** A pair of quotation marks as one language uses them. */
export interface QuotePair {
  readonly open: string;
  readonly close: string;
}

/** Quotation conventions. */
export interface QuoteRules {
  /** Pairs in order of use: the main pair first, then nested and alternative pairs. */
  readonly pairs: readonly QuotePair[];
  /**
   * Dashes that open quoted speech or dialogue ("— No lo sé —dijo."), empty where the language
   * does not use them that way. A dash alone never proves a quote: callers need a speech verb too.
   */
  readonly dialogueDashes: readonly string[];
  /** True where typography puts a (no-break or thin) space inside the marks: French « oui ». */
  readonly spacedMarks: boolean;
}

/** Speech and attribution. */
export interface SpeechRules {
  /**
   * Inflected forms (and compound tenses, as phrases) of verbs that attribute words to a speaker:
   * "said", "told", "has said" / "sagte", "erklärte" / "a déclaré" / "dijo" / "ha detto" / "zei" / "disse".
   */
  readonly verbs: readonly string[];
  /** Participles and gerunds that attribute speech to the subject of the clause: "saying", "añadiendo". */
  readonly participles: readonly string[];
  /** Phrases that introduce a source before the claim: "according to", "laut", "selon", "según". */
  readonly according: readonly string[];
  /** Words that follow the source they cite: German "zufolge" ("dem Minister zufolge"). */
  readonly accordingAfter: readonly string[];
  /** Subject pronouns that may stand for a speaker (he, she, they...). */
  readonly pronouns: readonly string[];
  /** Nouns for speakers without a name: spokesman, official, source, police... (singular and plural). */
  readonly speakerNouns: readonly string[];
  /** Words that open reported speech after a speech verb: "that", "que", "dass", "che". */
  readonly complementizers: readonly string[];
}

/** Titles before names. Case as usually written. */
export interface TitleRules {
  /** Honorifics before a name, as written (with their period where the language writes one): "Mr.", "Frau", "Mme". */
  readonly honorifics: readonly string[];
  /** Role titles used before a name, lower case, singular and plural, both genders: "president", "minister". */
  readonly roles: readonly string[];
}

/** Sentence-boundary rules used by the splitter. */
export interface SentenceRules {
  /** Abbreviations whose period never ends a sentence (titles before a name, "z. B.", "p. ej."), as written. */
  readonly abbreviations: readonly string[];
  /** Abbreviations that may end a sentence ("Inc.", "etc.", month abbreviations): a boundary only before an opener. */
  readonly ambiguousAbbreviations: readonly string[];
  /**
   * Words that typically open a sentence (articles, pronouns, conjunctions): after an ambiguous
   * abbreviation, an initial or a dotted acronym ("U.S."), a following opener means a new sentence.
   */
  readonly openers: readonly string[];
  /** True where "3." is an ordinal ("am 3. Oktober"): then a number's period before a month name does not end a sentence. */
  readonly ordinalPeriod: boolean;
  /** Words before "N." that make it an ordinal ("der 2. Weltkrieg", "zum 3. Mal"). */
  readonly ordinalContext: readonly string[];
  /**
   * Elided articles and prepositions glued to the next word by an apostrophe ("l'", "d'", "dell'"):
   * the word tokenizer splits them off. Empty where the language does not elide.
   */
  readonly elisions: readonly string[];
}

/** Lower and upper bound of a vague quantity ("dozens" means 24 to 99). */
export interface QuantityBounds {
  readonly low: number;
  readonly high: number;
}

/** How numbers are written. */
export interface NumberRules {
  /** Decimal separator in running text ("2,15" in German, "2.15" in English). */
  readonly decimalSeparator: '.' | ',';
  /**
   * Group separators ("1.600" in Spanish, "1,600" in English); spaces (U+0020, no-break U+00A0,
   * narrow no-break U+202F, thin U+2009) are listed where the language groups with them.
   */
  readonly groupSeparators: readonly string[];
  /** Cardinal number words with their values: one..twenty, the tens, hundred, thousand, dozen. */
  readonly words: Readonly<Record<string, number>>;
  /** Words that join number words ("and" in "one hundred and five", "y" in "treinta y dos"). */
  readonly wordJoiners: readonly string[];
  /** Vague quantity words with their bounds: "dozens", "Hunderte", "des milliers", "decenas". */
  readonly vague: Readonly<Record<string, QuantityBounds>>;
  /**
   * Scale words and abbreviations after a number, with their multiplier: "million", "Mrd.",
   * "mil millones", "miliardi", "mln". Long-scale languages: German "Billion" is 10^12.
   * Keys are lower case, multi-word keys separated by single spaces, abbreviations with their period.
   */
  readonly scales: Readonly<Record<string, number>>;
  /** Short scale forms that are also units or letters ("m", "k"): valid only glued to a number or after a currency. */
  readonly shortScales: Readonly<Record<string, number>>;
  /** Words for per cent: "per cent", "Prozent", "pour cent", "por ciento". */
  readonly percentWords: readonly string[];
}

/** A currency as one language names it. */
export interface CurrencyNames {
  /** ISO 4217 code. */
  readonly code: string;
  /** Names, singular and plural, lower case ("dólar", "dólares", "dollari"). */
  readonly names: readonly string[];
}

/** A unit of measure as one language names it. */
export interface UnitNames {
  /** Normalised English unit name shared by every language ("kilometre", "metric ton"), as the figure analyser names units. */
  readonly unit: string;
  /** Names, singular and plural, lower case ("Kilometer", "kilomètres", "chilometri"). Symbols are shared: see `UNIT_SYMBOLS`. */
  readonly names: readonly string[];
}

/** What a counted person underwent, for casualty and arrest counts. */
export type PersonRole = 'killed' | 'injured' | 'missing' | 'arrested' | 'displaced' | 'evacuated' | 'rescued' | 'hospitalized';

/** Every person role, in a fixed order. */
export const PERSON_ROLES: readonly PersonRole[] = ['killed', 'injured', 'missing', 'arrested', 'displaced', 'evacuated', 'rescued', 'hospitalized'];

/** People counted in a role. */
export interface PeopleRules {
  /** Nouns for people: "people", "persons", "Menschen", "personas" (singular and plural). */
  readonly nouns: readonly string[];
  /** Per role, the words (participles, adjectives, nouns, phrases) that say it: killed → "killed", "dead", "Tote", "muertos". */
  readonly roles: Readonly<Record<PersonRole, readonly string[]>>;
}

/** How a qualifier written before a number bounds it ("at least 18" → [18, ∞), "nearly 30" → [27, 30)). */
export type FigureBound = 'lower-incl' | 'lower-excl' | 'upper-incl' | 'upper-excl' | 'nearly' | 'about' | 'just-over';

/**
 * What the figure reader needs beyond numbers and units: hedges, ranges, the words that make a
 * duration a date, and the predicates news figures go with. Lower case; phrases with single spaces.
 */
export interface FigureRules {
  /** Hedges and bounds written before a number: "at least" → lower-incl, "más de" → lower-excl, "rund" → about. */
  readonly qualifiers: Readonly<Record<string, FigureBound>>;
  /** Articles that may stand between a hedge and its number ("casi el 30 %", "fast die Hälfte"). */
  readonly determiners: readonly string[];
  /** Preposition and article written as one word ("del" = "de el"), as their preposition: "más del 15 %" reads "más de". */
  readonly contractions: Readonly<Record<string, string>>;
  /** Articles that also mean "one" ("a", "un", "ein"): a number only before a multiplier ("a dozen", "un millón"). */
  readonly articles: readonly string[];
  /** Number words that multiply the number before them ("three dozen", "deux cents"); others add up. */
  readonly multipliers: readonly string[];
  /** Words before a multiplier meaning a few of it ("several dozen", "varias docenas"), with the least count. */
  readonly few: Readonly<Record<string, number>>;
  /** The preposition of "dozens of people", "decenas de miles". */
  readonly of: readonly string[];
  /** Range separators between two numbers ("10 to 20", "10 bis 20"), and "between ... and", "from ... to". */
  readonly rangeTo: readonly string[];
  readonly between: readonly string[];
  readonly betweenAnd: readonly string[];
  readonly from: readonly string[];
  /** Words before a range that make it a change ("rose from 10 to 20"). */
  readonly changeWords: readonly string[];
  /** Words before ("in two weeks", "hace dos años", "vor zwei Jahren") and after ("two years ago") a duration that make it a date. */
  readonly relativeTimeBefore: readonly string[];
  readonly relativeTimeAfter: readonly string[];
  /** "per barrel", "pro Tag", "por día". */
  readonly perWords: readonly string[];
  /** Prepositions linking an amount to what it is of or for ("$5 million in fees", "5 millones en multas"). */
  readonly linkWords: readonly string[];
  /** Prepositions introducing whom or where a figure is about ("in Leeds", "en Madrid"). */
  readonly aboutPrepositions: readonly string[];
  /** "worth", "valued at": the amount belongs to the noun before. */
  readonly worthWords: readonly string[];
  /** Words opening another clause ("while", "mientras"): a figure's measure does not reach past them. */
  readonly clauseWords: readonly string[];
  /**
   * Predicate classes (English names shared by every language: spend, pay, invest, lose, cut, rise,
   * fall, win, close...) → the words that say them in this language. Two figures with different
   * known predicates measure different things.
   */
  readonly predicates: Readonly<Record<string, readonly string[]>>;
  /** Head nouns that name one counted thing ("nation" → "country"). */
  readonly synonyms: Readonly<Record<string, string>>;
}

/** Country aliases and demonyms beyond what `Intl.DisplayNames` gives. Keys are ISO 3166-1 alpha-2 codes. */
export interface CountryRules {
  /** Other names and abbreviations of a country, as written ("EE. UU.", "USA", "Stati Uniti"). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** Demonyms and country adjectives, lower case, all inflected forms ("francés", "francesa", "franceses"). */
  readonly demonyms: Readonly<Record<string, readonly string[]>>;
}

/** Kinds of boilerplate lines news sites add around an article. */
export type BoilerplateKind = 'comments' | 'related' | 'newsletter' | 'readMore' | 'copyright' | 'advertising' | 'share';

/** Names of the chrono-node locales that exist in chrono-node 2. */
export type ChronoLocaleName = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'ja' | 'zh' | 'ru' | 'sv' | 'uk' | 'fi' | 'id' | 'vi' | 'ar';

/** Everything the analysers and the extractor need about one language. */
export interface LanguageBundle {
  /** ISO 639-1 code. */
  readonly code: string;
  /** English name of the language. */
  readonly name: string;
  /** chrono-node locale for dates and relative dates (see `chronoFor`). */
  readonly chronoLocale: ChronoLocaleName;
  readonly sentences: SentenceRules;
  readonly quotes: QuoteRules;
  readonly speech: SpeechRules;
  readonly titles: TitleRules;
  readonly numbers: NumberRules;
  readonly currencies: readonly CurrencyNames[];
  readonly units: readonly UnitNames[];
  readonly people: PeopleRules;
  readonly figures: FigureRules;
  readonly countries: CountryRules;
  /** Lower-case phrases that mark boilerplate lines, per kind ("read more", "weiterlesen", "lire aussi"). */
  readonly boilerplate: Readonly<Record<BoilerplateKind, readonly string[]>>;
}
