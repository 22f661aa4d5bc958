import { describe, expect, it } from 'vitest';
import { ANCHOR_RATE, CONTAINMENT_THRESHOLD, CopyIndex, MIN_SHARED_SHINGLES, NEAR_IDENTICAL_JACCARD, classify } from './copy-index.js';
import { measureOverlap } from './shingle.js';
import { fingerprint } from './fingerprint.js';
import { EDIT_KINDS, ZipfVocabulary, applyEdit, createRng, generateArticle, generateSentence, randomInt } from '../../test/helpers/copy-edits.js';
import type { EditKind } from '../../test/helpers/copy-edits.js';

const rng = createRng(99);
const vocab = new ZipfVocabulary(rng, 3000);
const article = (words = 400): string[] => generateArticle(rng, vocab, { words });
const text = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');

describe('CopyIndex', () => {
  it('finds identical texts despite editorial variants', () => {
    const index = new CopyIndex();
    const base = text(article());
    index.add(1, fingerprint(base));
    const variant = base.replace(/\./g, '. ').replace(/ /g, '  ');
    expect(index.add(2, fingerprint(variant))).toEqual([{ other: 1, kind: 'identical', jaccard: 1, containment: 1 }]);
  });

  it('classifies near-identical, contained and containing texts', () => {
    const index = new CopyIndex();
    const original = article(600);
    index.add(1, fingerprint(text(original)));
    const retitled = index.add(2, fingerprint(text(['A new headline for it', ...original])));
    expect(retitled.map((m) => [m.other, m.kind])).toEqual([[1, 'near-identical']]);
    const cut = index.add(3, fingerprint(text(original.slice(0, 2))));
    expect(cut.map((m) => [m.other, m.kind])).toEqual([
      [1, 'contained'],
      [2, 'contained'],
    ]);
    const extended = index.add(4, fingerprint(text([...original.slice(0, 2), ...article(1200)])));
    expect(extended.find((m) => m.other === 3)?.kind).toBe('contains');
    expect(extended.find((m) => m.other === 3)?.containment).toBe(1);
  });

  it('does not relate unrelated or same-topic articles', () => {
    const index = new CopyIndex();
    const topic = vocab.words.slice(300, 340);
    const quote = generateSentence(rng, vocab, 25);
    for (let id = 0; id < 40; id++) {
      const paragraphs = generateArticle(rng, vocab, { words: 200 + randomInt(rng, 400), topic, topicRate: 0.3, quotes: [quote] });
      expect(index.add(id, fingerprint(text(paragraphs)))).toEqual([]);
    }
    expect(index.size).toBe(40);
  });

  it('finds every generated edit kind', () => {
    const index = new CopyIndex();
    const originals = Array.from({ length: 30 }, () => article(250 + randomInt(rng, 500)));
    originals.forEach((paragraphs, id) => index.add(id, fingerprint(text(paragraphs))));
    const missed: Array<[number, EditKind]> = [];
    originals.forEach((paragraphs, source) => {
      for (const kind of EDIT_KINDS) {
        const matches = index.query(fingerprint(text(applyEdit(rng, paragraphs, kind))));
        if (!matches.some((m) => m.other === source)) missed.push([source, kind]);
        if (matches.some((m) => m.other !== source)) throw new Error(`false match for a copy of ${source} (${kind})`);
      }
    });
    expect(missed).toEqual([]);
  });

  it('skips empty texts, rejects a repeated id and forgets removed texts', () => {
    const index = new CopyIndex();
    expect(index.add(1, fingerprint(' — '))).toEqual([]);
    expect(index.has(1)).toBe(false);
    const base = fingerprint(text(article()));
    index.add(2, base);
    expect(() => index.add(2, base)).toThrow(/already indexed/);
    expect(index.remove(2)).toBe(true);
    expect(index.remove(2)).toBe(false);
    expect(index.add(3, base)).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('is deterministic', () => {
    const texts = Array.from({ length: 20 }, (_, i) => (i % 3 === 2 ? text(article().slice(0, 1)) : text(article())));
    const runOnce = (): unknown[] => {
      const index = new CopyIndex();
      return texts.map((t, i) => index.add(i, fingerprint(t)));
    };
    expect(runOnce()).toEqual(runOnce());
  });
});

describe('CopyIndex at scale', () => {
  it('stores a key shared by very many texts (a footer) a bounded number of times, and still finds copies', () => {
    const index = new CopyIndex();
    const footer = generateSentence(rng, vocab, 40);
    const originals: string[] = [];
    for (let id = 1; id <= 600; id++) {
      const paragraphs = article(400);
      originals.push(text(paragraphs));
      index.add(id, fingerprint(text([...paragraphs, footer])));
    }
    const before = index.stats().postings;
    const fp = fingerprint(text([...article(400), footer]));
    index.add(601, fp);
    const footerShingles = new Set(fingerprint(footer).shingles);
    const anchors = [...fp.shingles].filter((h) => h < 2 ** 32 / ANCHOR_RATE);
    const ownAnchors = anchors.filter((h) => !footerShingles.has(h));
    // Its own anchors are stored; the footer's, held by 600 texts already, are not.
    expect(ownAnchors.length).toBeLessThan(anchors.length);
    expect(index.stats().postings - before).toBe(ownAnchors.length);
    const copy = index.add(602, fingerprint(`${originals[599]!}\n\n${footer}`));
    expect(copy.map((m) => m.other)).toContain(600);
  });

  it('classifies a pair as the full comparison would, stopping early only when it cannot pass', () => {
    const r = createRng(5);
    for (let n = 0; n < 200; n++) {
      const base = article(100 + randomInt(r, 400));
      const kind = EDIT_KINDS[randomInt(r, EDIT_KINDS.length)]!;
      const other = r() < 0.5 ? applyEdit(r, base, kind) : article(100 + randomInt(r, 400));
      const a = fingerprint(text(base)).shingles;
      const b = fingerprint(text(other)).shingles;
      const got = classify(b, a, 1);
      const reference = referenceClassify(b, a);
      expect(got?.kind ?? null).toBe(reference);
    }
  });
});

function referenceClassify(own: Uint32Array, other: Uint32Array): string | null {
  const { jaccard, containment, shared } = measureOverlap(own, other);
  if (jaccard >= NEAR_IDENTICAL_JACCARD) return 'near-identical';
  if (containment >= CONTAINMENT_THRESHOLD && shared >= MIN_SHARED_SHINGLES) return own.length <= other.length ? 'contained' : 'contains';
  return null;
}
