import { attachConversion } from './conversion.js';
import { inheritRole, shareNounForwards, shareUnitBackwards } from './ellipsis.js';
import type { SentenceRefiner } from './refiner.js';

export type { SentenceContext, SentenceRefiner } from './refiner.js';
export { measureOf } from './measure.js';

/** The sentence refiners, in order: conversions first (they remove a figure), then shared nouns and roles. */
export const SENTENCE_REFINERS: readonly SentenceRefiner[] = [attachConversion, shareUnitBackwards, shareNounForwards, inheritRole];
