import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CopyIndex, alignPassages, fingerprint } from '../src/dedup/index.js';
import type { CopyMatch, Passage } from '../src/dedup/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

function readSeeds(): Array<{ id: number; paragraphs: string[] }> {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, id) => ({
      id,
      paragraphs: readFileSync(path.join(seedsDir, file), 'utf8')
        .replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '')
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    }));
}

describe.skipIf(!existsSync(seedsDir))('dedup on the seed reports', () => {
  const seeds = existsSync(seedsDir) ? readSeeds() : [];
  const passages = alignPassages(seeds);
  const sharedWith = (passage: Passage): number[] => passage.sharedWith.map((s) => s.articleId);
  const passageWith = (article: number, fragment: string): Passage | undefined =>
    passages.get(article)?.find((p) => p.text.includes(fragment));

  it('has five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it('finds 000 and 001 as copies of one wire text, and no other copies', () => {
    const index = new CopyIndex();
    const relations: Array<[number, CopyMatch]> = [];
    for (const seed of seeds) {
      for (const match of index.add(seed.id, fingerprint(seed.paragraphs.join('\n\n')))) relations.push([seed.id, match]);
    }
    expect(relations.map(([id, m]) => [id, m.other])).toEqual([[1, 0]]);
    expect(['contained', 'near-identical']).toContain(relations[0]![1].kind);
  });

  it('aligns the wire passages of 000 and 001 despite small edits', () => {
    const shared = passages.get(1)!.filter((p) => sharedWith(p).includes(0));
    expect(shared.length).toBeGreaterThanOrEqual(6);
    expect(sharedWith(passageWith(1, 'France and the United Kingdom are pushing')!)).toContain(0);
    expect(sharedWith(passageWith(1, 'UK officials have talked')!)).toContain(0);
  });

  it('finds the Macron quotes and the U.S.-brokered agreements shared by 002 and 003', () => {
    expect(sharedWith(passageWith(2, 'generalised aggression')!)).toEqual(expect.arrayContaining([0, 3]));
    expect(sharedWith(passageWith(3, 'generalised aggression')!)).toEqual(expect.arrayContaining([0, 2]));
    expect(sharedWith(passageWith(3, 'US-brokered agreements')!)).toEqual(expect.arrayContaining([0, 1]));
    expect(sharedWith(passageWith(0, 'U.S.-brokered agreements')!)).toEqual(expect.arrayContaining([1, 3]));
  });

  it('leaves 004 mostly on its own', () => {
    const own = passages.get(4)!;
    const sentences = own.reduce((n, p) => n + p.sentenceEnd - p.sentenceStart, 0);
    const shared = own.filter((p) => p.sharedWith.length > 0).reduce((n, p) => n + p.sentenceEnd - p.sentenceStart, 0);
    expect(shared / sentences).toBeLessThan(0.1);
  });
});
