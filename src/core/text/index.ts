/**
 * The text toolkit: one sentence splitter, one word tokenizer, one stop-word list and one
 * stemmer per language, for every stage. Start from {@link textToolkit}; numbers are read with
 * {@link parseNumber}. Language data (abbreviations, number formats, quotes, verbs...) lives in
 * the language bundles of `src/core/lang/<code>/`.
 */
export { textToolkit, type TextToolkit, type TermsOptions } from './toolkit.js';
export { parseNumber, type ParsedNumber, type ParseNumberOptions } from './numbers.js';
export { UNSPACED_SCRIPT_RE, type TextSpan, type WordToken } from './words.js';
export { STEMMED_LANGUAGES } from './stemmers.js';
export { normalizeForIdentity, textIdentityHash } from './identity.js';
export { cleanLabel, stripControls, stripControlsDeep } from './controls.js';
