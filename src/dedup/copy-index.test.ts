import { describe, expect, it } from 'vitest';
import { CopyIndex } from './copy-index.js';
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
