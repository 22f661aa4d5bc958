/** What a figure counts, coarsely: the classes a fact sheet compares across outlets. */
export type FigureKind =
  | 'casualties-injured'
  | 'casualties-killed'
  | 'countries'
  | 'troops'
  | 'drones'
  | 'money'
  | 'people'
  | 'other';

/** A converted amount an outlet adds in brackets: `2 billion euros ($2.15 billion)`. */
export interface Conversion {
  value: number;
  /** ISO 4217 code (`USD`). */
  currency: string;
}

/**
 * One quantity found in an article.
 *
 * Bounds: `low`/`high` are the interval the text commits to (`null` = unbounded), with
 * `lowInclusive`/`highInclusive`. An exact `31` is [31, 31]; `at least 18` is [18, ∞);
 * `nearly 30` is [27, 30); a range `10,000 to 30,000` has `value: null`.
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
  /** Normalised unit: singular lemma (`country`, `troop`, `euro`, `percentage`, `mile per hour`). */
  unit: string;
  /** The counted noun phrase as written, with modifiers (`Ukrainian troops`), or `null` for pure units. */
  noun: string | null;
  kind: FigureKind;
  /** ISO 4217 code for money. */
  currency?: string;
  conversion?: Conversion;
  /** True when the number modifies another noun (`27-nation European Union`, `three-year war`). */
  attributive: boolean;
  /** The surface text of the figure (`at least 18 people`). */
  text: string;
  /** The sentence the figure was found in. */
  sentence: string;
  /** Index of the paragraph (0-based). */
  paragraph: number;
  /** Character offset of `text` inside `sentence`. */
  offset: number;
}

/** Options for {@link extractFigures}. */
export interface ExtractFiguresOptions {
  /** Publication date (ISO); reserved for date-relative figures, not needed for counting. */
  published?: string;
  /** Keep ages (`15-year-old`) as figures with unit `year of age`. Default false. */
  includeAges?: boolean;
}

/** One article's figures, as given to {@link groupFigures}. */
export interface ArticleFigures {
  articleId: string | number;
  source: string | null;
  published: string | null;
  figures: Figure[];
}

/** One outlet's reading inside a group: a figure, or the sum of parts in one sentence. */
export interface FigureReport {
  articleId: string | number;
  source: string | null;
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
 * How a group's readings compare, worst pair first:
 * - `agree`: every pair reports the same value within rounding or the hedge's tolerance
 *   (`$2.15 billion` / `$2.1 billion`; `some 30` / `31`), or a vague reading covers the other;
 * - `differ`: the bounds can all be true at once but the outlets report different counts
 *   (`at least 11` / `more than 20`; `dozens` / `more than 20`);
 * - `conflict`: some pair cannot both be true (`nearly 30` / `31`).
 */
export type FigureVerdict = 'agree' | 'differ' | 'conflict';

/** Figures about the same thing across outlets, with a verdict. */
export interface FigureGroup {
  kind: FigureKind;
  unit: string;
  /** Content words shared by the group's sentences (why they were grouped). */
  keywords: string[];
  reports: FigureReport[];
  /** The worst comparison among the reports' pairs; see {@link FigureVerdict}. */
  verdict: FigureVerdict;
  /** True for `differ` and `conflict`: outlets report this figure differently, worth flagging. */
  isDisagreement: boolean;
  /** Index pairs into `reports` that cannot both be true; one pair (the first reports) per two distinct readings. */
  conflicts: FigureConflict[];
  /** Index pairs into `reports` whose bounds are compatible but whose counts differ beyond rounding; one per two distinct readings. */
  differences: FigureConflict[];
}
