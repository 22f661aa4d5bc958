/**
 * Entities: the people, places and organisations an article names, and one canonical name for
 * each across a story. Pure and deterministic; no I/O.
 *
 * @example
 * const mentions = extractEntities(['Finance Minister Ines Varga said ...', 'Varga added ...']);
 * const entities = canonicalizeEntities([{ articleId: 1, source: 'AP', mentions }]);
 * // → [{ id: 'person:ines-varga', name: 'Ines Varga', aliases: ['Ines Varga', 'Varga'], ... }]
 */
export { extractEntities } from './extract.js';
export { canonicalizeEntities, createEntityResolver, foldName, isSameSurname } from './canonicalize.js';
export { isDemonym, placeOfDemonym } from './lexicon-access.js';
export type { ArticleKey, ArticleMentions, Entity, EntityKind, EntityMention } from './types.js';
