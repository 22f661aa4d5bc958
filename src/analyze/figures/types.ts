import type { PersonRole } from './lang/index.js';

export type { PersonRole } from './lang/index.js';

/**
 * What a figure counts or measures, as a general class that fits any story:
 * - people by role (`killed`, `injured`, `missing`, `arrested`, `displaced`, `evacuated`,
 *   `rescued`), or `people` when the text gives no role;
 * - `money` (a currency), `percentage` (shares: percent, percentage points, basis points),
 *   `duration` (time units), `measure` (any other unit: km, tonnes, mph);
 * - `count`: a counted noun of any kind (`plants`, `votes`, `countries`);
 * - `age` (only with `includeAges`), `number` (a bare number: what it measures is not said).
 */
export type FigureKind =
  | PersonRole
  | 'people'
  | 'money'
  | 'percentage'
  | 'duration'
  | 'measure'
  | 'count'
  | 'age'
  | 'number';

/** A converted amount an outlet adds in brackets: `5 million euros ($5.4 million)`. */
export interface Conversion {
  value: number;
  /** ISO 4217 code (`USD`). */
  currency: string;
}

/** What a figure measures, read from its sentence: two figures are compared only when these match. */
export interface FigureMeasure {
  /** What is counted or measured, as written (`people`, `reserve troops`, `legal fees`), or null. */
  counted: string | null;
  /** Lemma of its head noun (`person` → `people`, `nation` → `country`), or null. */
  head: string | null;
  /** Class of the predicate the figure goes with (`kill`, `spend`, `close`, `rise`), or null. */
  predicate: string | null;
  /** The predicate as written (`wounded`, `spent`), or null. */
  predicateText: string | null;
  /** Whom or where it is about: the names in its clause, as written (`Leeds`, `Smith`). */
  about: string[];
  /** When it refers to, when its clause says so (resolved against the publication day). */
  time: { start: string; end: string; expression: string } | null;
  /** A readable phrase from the text for what is measured (`people injured`, `legal fees`). */
  caption: string;
  /**
   * True when the sentence names the value as earlier or superseded (`up from the 12 reported on
   * Monday`, `an earlier toll of 9`, `rose from 9 to 14`): shown as earlier, never compared as a
   * current report.
   */
  isEarlier: boolean;
}

/**
 * One quantity found in an article.
 *
 * Bounds: `low`/`high` are the interval the text commits to (`null` = unbounded), with
 * `lowInclusive`/`highInclusive`. An exact `31` is [31, 31]; `at least 18` is [18, ∞);
 * `nearly 30` is [27, 30); a range `10,000 to 30,000` is one value [10000, 30000] with `value: null`.
 */
export interface Figure {
  /** The stated number (`30` in `nearly 30`), or `null` for ranges and vague plurals (`dozens`). */
  value: number | null;
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** True for hedged values (`about`, `nearly`, `dozens`). */
  approximate: boolean;
  /** The qualifier as written, lower-cased (`at least`, `nearly`), or `null`. */
  qualifier: string | null;
  /** Normalised unit: singular lemma (`country`, `euro`, `percentage`, `mile per hour`), `''` for bare numbers. */
  unit: string;
  /** The counted noun phrase right after the number, as written (`reserve troops`), or `null`. */
  noun: string | null;
  kind: FigureKind;
  /** The role of the people counted, for people counts (`injured`), else null. */
  role: PersonRole | null;
  /** ISO 4217 code for money. */
  currency?: string;
  conversion?: Conversion;
  /** True when the number modifies another noun (`27-nation bloc`, `three-year war`): never compared. */
  attributive: boolean;
  /** The surface text of the figure (`at least 18 people`). */
  text: string;
  /** The sentence the figure was found in. */
  sentence: string;
  /** Index of the paragraph (0-based). */
  paragraph: number;
  /** Character offset of `text` inside `sentence`. */
  offset: number;
  measure: FigureMeasure;
}

/** A date expression already resolved in the article (the timeline's), to date figures. */
export interface FigureDate {
  paragraph: number;
  sentence: string;
  /** Character offset of the expression in the sentence. */
  index: number;
  expression: string;
  start: string;
  end: string;
}

/** Options for {@link extractFigures}. */
export interface ExtractFiguresOptions {
  /** Publication date (ISO), when known. */
  published?: string;
  /** The article's language (BCP 47); figures of a language without figure words are not read. */
  language?: string | null;
  /** The article's resolved date expressions, to say when each figure refers to. */
  dates?: readonly FigureDate[];
  /** Keep ages (`15-year-old`) as figures of kind `age`. Default false. */
  includeAges?: boolean;
}

/** One article's figures, as given to {@link groupFigures}. */
export interface ArticleFigures {
  articleId: string | number;
  source: string | null;
  /** Publication day (ISO) or null. */
  published: string | null;
  /**
   * Publication instant (ISO date-time) when the time of day is known: orders two reports of one
   * day (a toll that grew between a morning and an evening report is an update).
   */
  publishedAt?: string | null;
  /**
   * The article's copy group (syndicated copies of one text share it): one source. Defaults to
   * the article itself.
   */
  copyGroup?: string | number | null;
  /** The article's language (its sentences' content words are compared in it). */
  language?: string | null;
  figures: Figure[];
}

/** One outlet's reading inside a group: a figure, or the sum of parts in one sentence. */
export interface FigureReport {
  articleId: string | number;
  source: string | null;
  /** The independent source it belongs to (copy group, else the article). */
  sourceKey: string;
  /** The day the reading refers to: the figure's own time, else the article's publication day. */
  asOf: string | null;
  /** True when its sentence names it as an earlier, superseded value (`up from 12`): never compared as current. */
  isEarlier: boolean;
  /** The figures behind this reading: several when one sentence splits a count by place. */
  figures: Figure[];
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** Human-readable bounds, e.g. `[21, ∞)`. */
  bounds: string;
}

/** Two readings that disagree: they cannot both be true (`conflicts`), or they report different counts (`differences`). */
export interface FigureConflict {
  /** Index into the group's `reports`. */
  a: number;
  b: number;
  reason: string;
}

/**
 * How a group's readings compare, worst first:
 * - `conflict`: two independent sources give values that cannot both be true (`nearly 30` / `31`);
 * - `differ`: two independent sources give compatible bounds but different counts (`at least 11` / `more than 20`);
 * - `update`: the value changed between reports made at different times (a toll rising from 14 to
 *   20 a day later): a series, not a disagreement;
 * - `agree`: at least two independent sources, the same value within rounding or the hedge's
 *   tolerance, conversions aside (`$2.15 billion` / `$2.1 billion`);
 * - `single`: one source only (copies of one wire text are one source): nothing to compare.
 */
export type FigureVerdict = 'conflict' | 'differ' | 'update' | 'agree' | 'single';

/** Figures about the same quantity across outlets, with a verdict. */
export interface FigureGroup {
  kind: FigureKind;
  unit: string;
  /** A readable phrase from the text for what is measured. */
  caption: string;
  /** The measure shared by the group (its most frequent counted thing, predicate, whom or where). */
  measure: Pick<FigureMeasure, 'counted' | 'head' | 'predicate' | 'about'>;
  reports: FigureReport[];
  /** Distinct independent sources among the reports. */
  sources: number;
  verdict: FigureVerdict;
  /** True for `differ` and `conflict`: independent sources report this figure differently. */
  isDisagreement: boolean;
  /** Index pairs into `reports` (independent sources, same time) that cannot both be true. */
  conflicts: FigureConflict[];
  /** Index pairs into `reports` (independent sources, same time) whose counts differ beyond rounding. */
  differences: FigureConflict[];
  /** The readings in time order when the value changed between reports at different times (index into `reports`); else empty. */
  series: number[];
}
