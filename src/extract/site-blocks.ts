/**
 * Blocks a site repeats on every page (the "About us" paragraph of press releases, a standing
 * disclaimer, a newsletter pitch), learnt from the pages of one host as they are extracted.
 * A block seen at the edge of the article on `MIN_OTHER_PAGES` other pages of the same host
 * is furniture there too. Memory is bounded: hashes only, a fixed number of hosts and of
 * blocks per host, the least recently seen forgotten first.
 */

/** A block must have been seen on this many other pages of the host to count as repeated. */
export const MIN_OTHER_PAGES = 2;
/** Hosts remembered (least recently used forgotten first). */
const MAX_HOSTS = 500;
/** Block hashes remembered per host. */
const MAX_BLOCKS_PER_HOST = 1_000;
/** Only blocks this short are site furniture; longer repeats are article text (or a copy of an article). */
const MAX_BLOCK_WORDS = 120;
/** Characters of a block hashed: enough to tell blocks apart, bounded work. */
const MAX_HASHED_CHARS = 400;

/** Memory of the blocks seen on the pages of each host. Not thread-safe; one per worker. */
export interface SiteBlocks {
  /** How many other pages of the host carried this block. */
  pagesWith(host: string | null, text: string): number;
  /** Records the blocks of one extracted page. */
  record(host: string | null, paragraphs: readonly string[]): void;
}

/** 32-bit FNV-1a of the block's letters and digits, lower-cased. */
function blockHash(text: string): number {
  let h = 0x811c9dc5;
  const n = Math.min(text.length, MAX_HASHED_CHARS);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Letters and digits only, so punctuation and spacing changes do not matter.
    if (c < 48 || (c > 57 && c < 65) || (c > 90 && c < 97 && c !== 95) || (c > 122 && c < 128)) continue;
    h ^= c >= 65 && c <= 90 ? c + 32 : c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const isSpace = text.charCodeAt(i) <= 32;
    if (!isSpace && !inWord) n++;
    inWord = !isSpace;
  }
  return n;
}

/** A new, empty memory. */
export function createSiteBlocks(): SiteBlocks {
  const hosts = new Map<string, Map<number, number>>();
  const blocksOf = (host: string, create: boolean): Map<number, number> | undefined => {
    let blocks = hosts.get(host);
    if (blocks) {
      // Refresh the host's place in the least-recently-used order.
      hosts.delete(host);
      hosts.set(host, blocks);
    } else if (create) {
      blocks = new Map();
      hosts.set(host, blocks);
      if (hosts.size > MAX_HOSTS) hosts.delete(hosts.keys().next().value as string);
    }
    return blocks;
  };
  return {
    pagesWith(host, text) {
      if (!host || wordCount(text) > MAX_BLOCK_WORDS) return 0;
      return hosts.get(host)?.get(blockHash(text)) ?? 0;
    },
    record(host, paragraphs) {
      if (!host) return;
      const blocks = blocksOf(host, true) as Map<number, number>;
      const seen = new Set<number>();
      for (const p of paragraphs) {
        if (wordCount(p) > MAX_BLOCK_WORDS) continue;
        const h = blockHash(p);
        if (seen.has(h)) continue;
        seen.add(h);
        const count = blocks.get(h) ?? 0;
        blocks.delete(h);
        blocks.set(h, count + 1);
        if (blocks.size > MAX_BLOCKS_PER_HOST) blocks.delete(blocks.keys().next().value as number);
      }
    },
  };
}

/** Site repeats are looked for in the first and last blocks only: where sites put their furniture. */
const HEAD_BLOCKS = 3;
const TAIL_BLOCKS = 5;
/** A page whose blocks are mostly repeats is another copy of a known article: nothing is dropped. */
const MAX_REPEATED_SHARE = 0.5;

/**
 * Splits an article's paragraphs into those kept and the site's repeats at its edges, then
 * records the page (all of it, so repeats stay known). Nothing is dropped from a page whose
 * paragraphs are mostly repeats (another copy of an article already seen).
 */
export function applySiteBlocks(site: SiteBlocks, host: string | null, paragraphs: readonly string[]): { kept: string[]; repeats: string[] } {
  const isRepeat = paragraphs.map((p) => site.pagesWith(host, p) >= MIN_OTHER_PAGES);
  const repeated = isRepeat.filter(Boolean).length;
  site.record(host, paragraphs);
  if (repeated === 0 || repeated / paragraphs.length > MAX_REPEATED_SHARE) return { kept: [...paragraphs], repeats: [] };
  const kept: string[] = [];
  const repeats: string[] = [];
  paragraphs.forEach((p, i) => {
    const atEdge = i < HEAD_BLOCKS || i >= paragraphs.length - TAIL_BLOCKS;
    (isRepeat[i] && atEdge ? repeats : kept).push(p);
  });
  return { kept, repeats };
}

/** The host a page's blocks are remembered under (`www.` dropped), or null. */
export function siteHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}
