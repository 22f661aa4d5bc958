import type { ArticleId, DocumentHints, StoredArticle } from '../core/types.js';

/** An article ready to be stored: extracted fields plus the raw input it came from. */
export type NewArticle = Omit<StoredArticle, 'id'> & {
  /** The decoded input document; stored gzip-compressed so it can be re-extracted later. */
  raw: string;
  hints: DocumentHints;
};

export type InsertResult =
  | { status: 'new'; id: ArticleId }
  | { status: 'known'; id: ArticleId; by: 'text' | 'canonical_url' };

export interface ArticleFilter {
  source?: string;
  /** Inclusive lower bound on the publication date (ISO). */
  since?: string;
  /** Inclusive upper bound on the publication date (a date covers the whole day). */
  until?: string;
  ids?: number[];
  limit?: number;
  order?: 'published' | 'id';
}
