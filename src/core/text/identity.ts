import { createHash } from 'node:crypto';

/**
 * Normalises article text for exact-copy identity: Unicode NFKC, lower case, quotes and dashes
 * unified, whitespace collapsed. Two texts with the same normal form are the same article.
 */
export function normalizeForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** SHA-256 (hex) of the identity normal form: deterministic, stable across versions of crosscheck. */
export function textIdentityHash(text: string): string {
  return createHash('sha256').update(normalizeForIdentity(text)).digest('hex');
}
