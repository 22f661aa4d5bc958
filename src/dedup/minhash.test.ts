import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BIN, SIGNATURE_SIZE, estimateJaccard, minhashSignature } from './minhash.js';
import { classicMinHash, exactJaccard, referenceShingles, referenceSignature } from './minhash.reference.js';
import { normalizeText } from './normalize.js';
import { measureOverlap, shingleSet, shingleText } from './shingle.js';

const WORDS = ['the', 'u.s.', 'US', 'talks', 'Paris', '“peace”', 'deal', '10,000', 'troops', 'é', 'naïve', 'Kyiv', '—', 'x'];
const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((w) => w.join(' '));
const setArb = fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 200 });

function sortedSet(values: readonly number[]): Uint32Array {
  return Uint32Array.from(new Set(values)).sort();
}

describe('fast path agrees with the naive reference', () => {
  it('shingles and signature are bit-identical on random texts', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const fast = shingleSet(text);
        const reference = referenceShingles(normalizeText(text));
        expect([...fast]).toEqual(reference);
        expect([...minhashSignature(fast)]).toEqual(referenceSignature(reference));
      }),
      { numRuns: 50 },
    );
  });

  it('signature is bit-identical on random sets, given in any order', () => {
    fc.assert(
      fc.property(setArb, (values) => {
        expect([...minhashSignature(sortedSet(values))]).toEqual(referenceSignature(values));
      }),
      { numRuns: 50 },
    );
  });
});

describe('signature properties', () => {
  it('identical sets estimate 1', () => {
    fc.assert(
      fc.property(setArb, (values) => {
        const sig = minhashSignature(sortedSet(values));
        expect(estimateJaccard(sig, minhashSignature(sortedSet([...values].reverse())))).toBe(1);
      }),
    );
  });

  it('estimates are symmetric', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const sa = minhashSignature(sortedSet(a));
        const sb = minhashSignature(sortedSet(b));
        expect(estimateJaccard(sa, sb)).toBe(estimateJaccard(sb, sa));
        expect(measureOverlap(sortedSet(a), sortedSet(b))).toEqual(measureOverlap(sortedSet(b), sortedSet(a)));
      }),
    );
  });

  it('estimates Jaccard within 4.5 standard errors, on average as well as classic MinHash', () => {
    const rng = fc.sample(fc.integer({ min: 0, max: 0xffffffff }), { numRuns: 40 * 600, seed: 7 });
    let next = 0;
    let fastError = 0;
    let classicError = 0;
    const pairs = 30;
    for (let p = 0; p < pairs; p++) {
      const shared = 20 + (p * 13) % 300;
      const onlyA = (p * 37) % 200;
      const onlyB = (p * 53) % 250;
      const take = (n: number): number[] => rng.slice(next, (next += n));
      const common = take(shared);
      const a = [...new Set([...common, ...take(onlyA)])];
      const b = [...new Set([...common, ...take(onlyB)])];
      const truth = exactJaccard(a, b);
      const estimate = estimateJaccard(minhashSignature(sortedSet(a)), minhashSignature(sortedSet(b)));
      const sigma = Math.sqrt((truth * (1 - truth)) / SIGNATURE_SIZE);
      expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(4.5 * sigma + 0.02);
      const ca = classicMinHash(a);
      const cb = classicMinHash(b);
      const classic = ca.filter((v, i) => v === cb[i]).length / SIGNATURE_SIZE;
      fastError += Math.abs(estimate - truth);
      classicError += Math.abs(classic - truth);
    }
    expect(fastError / pairs).toBeLessThan(0.05);
    expect(fastError).toBeLessThan(classicError * 1.5);
  });
});

describe('empty input rows', () => {
  const empty = shingleText('');
  const punctuation = shingleText(' — “ ” ... ');
  const some = shingleText('troops arrived in Paris on Thursday');

  it.each([
    ['empty text has no shingles', empty.shingles.length, 0],
    ['punctuation only has no shingles', punctuation.shingles.length, 0],
    ['empty and punctuation-only hash alike', punctuation.textHash === empty.textHash, true],
    ['a short text has one shingle', shingleSet('Paris talks').length, 1],
    ['both empty estimate 1', estimateJaccard(minhashSignature(empty.shingles), minhashSignature(empty.shingles)), 1],
    ['empty vs non-empty estimates 0', estimateJaccard(minhashSignature(empty.shingles), minhashSignature(some.shingles)), 0],
    ['both empty overlap 1', measureOverlap(empty.shingles, empty.shingles).jaccard, 1],
    ['empty vs non-empty overlap 0', measureOverlap(empty.shingles, some.shingles).containment, 0],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('the empty signature is EMPTY_BIN everywhere', () => {
    expect(minhashSignature(empty.shingles).every((v) => v === EMPTY_BIN)).toBe(true);
  });
});
