import type { FigureLanguage, PersonRole } from '../lang/index.js';
import type { NumberRead } from '../numbers.js';
import type { Token } from '../tokens.js';
import type { ExtractFiguresOptions, FigureKind } from '../types.js';
import type { Bound } from '../lang/index.js';
import type { UnitEntry } from '../units.js';

/** What one read step sees: the sentence, its tokens, the language, the caller's options. */
export interface ReadContext {
  readonly tokens: readonly Token[];
  readonly sentence: string;
  readonly lang: FigureLanguage;
  readonly opts: ExtractFiguresOptions;
}

/** The counted noun phrase after a number: its words and head. */
export interface NounPhrase {
  readonly words: readonly Token[];
  readonly head: Token;
  /** Token index after the phrase. */
  readonly end: number;
}

/**
 * A figure being read at one place of a sentence. The first step fills the number; each later
 * step adds what it recognises (a qualifier, a unit, a range, the counted noun, the kind) or
 * rejects the reading (a date, an ordinal, part of a name).
 */
export interface Draft {
  /** Token index where the figure's own text starts (the currency sign or the number). */
  readonly first: number;
  /** Token index of the number. */
  readonly numberAt: number;
  readonly prefix: { readonly entry: UnitEntry; readonly end: number } | null;
  readonly num: NumberRead;
  qualifier: { readonly text: string; readonly bound: Bound; readonly start: number } | null;
  /** Token index after the figure read so far. */
  end: number;
  unitEntry: UnitEntry | null;
  /** Normalised unit once known (`percentage`, `dollar per barrel`). */
  unitName: string | null;
  /** The unit written right after the first number (`20 %` in `20 % to 30 %`). */
  unitAfterFirst: UnitEntry | null;
  low: number | null;
  high: number | null;
  isRange: boolean;
  /** `between 10 and 20`, `from 10 to 20`: the figure's text starts one token earlier. */
  opener: 'between' | 'from' | null;
  noun: NounPhrase | null;
  attributive: boolean;
  /** An age (`15-year-old`): the figure ends at `ageEnd` (a character offset). */
  age: { readonly unit: string; readonly ageEnd: number } | null;
  kind: FigureKind | null;
  role: PersonRole | null;
  unit: string;
}

/**
 * One rule of figure reading: returns false to reject the reading at this place. Rules run in
 * the order of {@link READ_STEPS}; a new rule is a new step, not a branch inside another.
 */
export interface ReadStep {
  readonly name: string;
  read(draft: Draft, ctx: ReadContext): boolean;
}
