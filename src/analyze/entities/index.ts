/**
 * Entities: the people, places and organisations an article names, and one canonical name for
 * each across a story. Pure and deterministic; no I/O.
 *
 * @example
 * const mentions = extractEntities(['French President Emmanuel Macron said ...', 'Macron added ...']);
 * const entities = canonicalizeEntities([{ articleId: 1, source: 'AP', mentions }]);
 * // → [{ id: 'person:emmanuel-macron', name: 'Emmanuel Macron', aliases: ['Emmanuel Macron', 'Macron'], ... }]
 */
export { extractEntities } from './extract.js';
export { canonicalizeEntities, createEntityResolver, foldName, isSameSurname } from './canonicalize.js';
export { isDemonym, placeOfDemonym } from './lexicon-access.js';
export type { ArticleKey, ArticleMentions, Entity, EntityKind, EntityMention } from './types.js';
