import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrosscheckError } from '../core/errors.js';
import type { Origin } from '../core/types.js';
import { ingestError, toIngestError } from './fault.js';
import { formatFromPath } from './formats.js';
import { isArcName } from './sniff.js';

/** Why a path met during a walk was passed over without an error. */
export type SkipReason = 'hidden' | 'unsupported_extension' | 'not_a_file' | 'already_visited';

/** One thing found while walking the inputs. */
export type WalkEntry =
  | {
      readonly kind: 'file';
      readonly path: string;
      /** True when the user named the file itself (then an unknown extension is sniffed, not skipped). */
      readonly isExplicit: boolean;
      /** Size on disk in bytes (0 for files whose size the system does not know, as in /proc). */
      readonly size: number;
    }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: SkipReason }
  | { readonly kind: 'error'; readonly origin: Origin; readonly error: CrosscheckError };

function fileKey(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function byCodePoint(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Walks one input: a file yields itself; a folder yields its files recursively in sorted
 * (code point) order, passing over hidden entries (`.git`, `.DS_Store`), files with an
 * extension we do not read, and anything that is not a file or folder. Symbolic links are
 * followed, but every folder is entered once at most (by device and inode), so link loops
 * end. Never throws: a missing or unreadable path is an `error` entry.
 */
export async function* walkInput(input: string): AsyncGenerator<WalkEntry> {
  let stats: Stats;
  try {
    stats = await stat(input);
  } catch (error) {
    yield { kind: 'error', origin: { input }, error: toIngestError(error, { input }) };
    return;
  }
  if (stats.isDirectory()) {
    yield* walkFolder(input, stats, new Set());
  } else if (stats.isFile()) {
    yield { kind: 'file', path: input, isExplicit: true, size: stats.size };
  } else {
    const error = ingestError('unreadable', { input }, 'not a regular file or folder (socket, pipe or device)');
    yield { kind: 'error', origin: { input }, error };
  }
}

async function* walkFolder(folder: string, folderStats: Stats, visited: Set<string>): AsyncGenerator<WalkEntry> {
  visited.add(fileKey(folderStats));
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', origin: { input: folder }, error: toIngestError(error, { input: folder }) };
    return;
  }
  entries.sort(byCodePoint);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.name.startsWith('.')) {
      yield { kind: 'skipped', path, reason: 'hidden' };
      continue;
    }
    // A plain file with an extension we do not read needs no stat call.
    // ARC archives are not read, but are named in the failures rather than skipped in silence.
    if (entry.isFile() && formatFromPath(path).format === null && !isArcName(path)) {
      yield { kind: 'skipped', path, reason: 'unsupported_extension' };
      continue;
    }
    let stats: Stats;
    try {
      stats = await stat(path);
    } catch (error) {
      // A broken link named like an input is worth an error; any other one is noise.
      if (entry.isSymbolicLink() && formatFromPath(path).format === null) {
        yield { kind: 'skipped', path, reason: 'unsupported_extension' };
      } else {
        const origin = { input: path };
        const isBrokenLink = entry.isSymbolicLink() && (error as { code?: unknown }).code === 'ENOENT';
        const failure = isBrokenLink ? ingestError('not_found', origin, 'broken symbolic link', error) : toIngestError(error, origin);
        yield { kind: 'error', origin, error: failure };
      }
      continue;
    }
    if (stats.isDirectory()) {
      if (visited.has(fileKey(stats))) {
        yield { kind: 'skipped', path, reason: 'already_visited' };
      } else {
        yield* walkFolder(path, stats, visited);
      }
    } else if (!stats.isFile()) {
      yield { kind: 'skipped', path, reason: 'not_a_file' };
    } else if (formatFromPath(path).format === null && !isArcName(path)) {
      yield { kind: 'skipped', path, reason: 'unsupported_extension' };
    } else {
      yield { kind: 'file', path, isExplicit: false, size: stats.size };
    }
  }
}
