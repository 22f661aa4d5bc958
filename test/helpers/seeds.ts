import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from './cli.js';

/** One file of ../shared/seeds as a user hands it over. */
export interface SeedFile {
  /** `000` … `004`. */
  id: string;
  /** The leading ` date YYYY-MM-DD` token, or null when the file has none. */
  published: string | null;
  /** Paragraphs split on blank lines, or on single newlines when the file has none. */
  paragraphs: string[];
}

/** Reads the seed files (sorted), stripping the date token the way `crosscheck ingest` reads it. */
export function readSeeds(): SeedFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(SEEDS_DIR, f), 'utf8');
      const m = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
      const text = m ? raw.slice(m[0].length) : raw;
      const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
      return { id: f.slice(0, 3), published: m?.[1] ?? null, paragraphs: parts.map((p) => p.trim()).filter(Boolean) };
    });
}
