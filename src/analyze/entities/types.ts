/** The kinds of named entity crosscheck tracks. */
export type EntityKind = 'person' | 'place' | 'organisation';

/** One mention of a named entity in one article, with offsets into its paragraph. */
export interface EntityMention {
  /** The text as written, titles included ("French President Emmanuel Macron"). */
  readonly text: string;
  /** The name with titles and country qualifiers stripped ("Emmanuel Macron"); places in canonical form. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Index of the paragraph. */
  readonly paragraph: number;
  /** Char offsets of `name` within the paragraph, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Title words that preceded a person's name ("President", "Prime Minister"), lower-cased. */
  readonly title?: string;
  /** Country the title was qualified with ("French President" → "France"). */
  readonly qualifier?: string;
  /** True when written as a possessive ("Trump's"): rarely the subject of its sentence. */
  readonly isPossessive?: boolean;
}

/** Key of an article within a story: the caller's article id. */
export type ArticleKey = string | number;

/** One article's mentions, as handed to {@link canonicalizeEntities}. */
export interface ArticleMentions {
  readonly articleId: ArticleKey;
  /** Outlet name; null when unknown. */
  readonly source: string | null;
  readonly mentions: readonly EntityMention[];
}

/** An entity with one canonical name across a story. */
export interface Entity {
  /** Stable id: `<kind>:<slug of canonical name>`. */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** Every distinct surface name seen for it (titles stripped), sorted. */
  readonly aliases: readonly string[];
  /** Mentions per article, in input order. */
  readonly articles: ReadonlyArray<{ readonly articleId: ArticleKey; readonly source: string | null; readonly count: number }>;
  /** Mentions per outlet (articles with no source are counted under `null`'s key `"(unknown)"`), sorted by count. */
  readonly outlets: ReadonlyArray<{ readonly source: string; readonly count: number }>;
  /** Total number of mentions. */
  readonly count: number;
}
