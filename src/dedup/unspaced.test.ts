import { describe, expect, it } from 'vitest';
import { CopyIndex } from './copy-index.js';
import { fingerprint } from './fingerprint.js';
import { UNSPACED_CASES } from './fixtures/unspaced.js';
import { splitUnspaced, normalizeText, tokenize } from './normalize.js';
import { alignPassages } from './passages.js';
import { shingleText } from './shingle.js';
import { splitSentences } from './sentences.js';

const join = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');

describe('copies in scripts without spaces', () => {
  for (const c of UNSPACED_CASES) {
    it(`${c.language}: finds the edited copy and its cut, and not the independent report`, () => {
      const index = new CopyIndex();
      expect(index.add(1, fingerprint(join(c.original), c.language))).toEqual([]);
      const copy = index.add(2, fingerprint(join(c.copy), c.language));
      expect(copy.map((m) => m.other)).toEqual([1]);
      expect(['near-identical', 'contained', 'contains']).toContain(copy[0]!.kind);
      const cut = index.add(3, fingerprint(join(c.copy.slice(0, 2)), c.language));
      expect(cut.map((m) => m.other).sort()).toEqual([1, 2]);
      expect(['contained', 'near-identical']).toContain(cut.find((m) => m.other === 1)?.kind);
      expect(index.add(4, fingerprint(join(c.other), c.language))).toEqual([]);
    });

    it(`${c.language}: works with an unknown language too (characters, not a dictionary)`, () => {
      const index = new CopyIndex();
      index.add(1, fingerprint(join(c.original), null));
      expect(index.add(2, fingerprint(join(c.copy), null)).map((m) => m.other)).toEqual([1]);
      expect(index.add(3, fingerprint(join(c.other), null))).toEqual([]);
    });

    it(`${c.language}: aligns the shared sentences of the copy`, () => {
      const passages = alignPassages([
        { id: 1, paragraphs: c.original, language: c.language },
        { id: 2, paragraphs: c.copy, language: c.language },
        { id: 3, paragraphs: c.other, language: c.language },
      ]);
      const copyPassages = passages.get(2)!;
      const shared = copyPassages.filter((p) => p.sharedWith.some((s) => s.articleId === 1));
      // Every paragraph of the copy shares at least one sentence with the original...
      expect(new Set(shared.map((p) => p.paragraph)).size).toBe(c.copy.length);
      // ...and the added sentence is the copy's own.
      expect(copyPassages.some((p) => p.sharedWith.length === 0)).toBe(true);
      // The independent report shares no sentence with either.
      expect(passages.get(3)!.every((p) => p.sharedWith.length === 0)).toBe(true);
    });
  }

  it('shingles Chinese by characters only when a language is given, as DEDUP_VERSION 1 did otherwise', () => {
    const text = join(UNSPACED_CASES[0]!.original);
    expect(shingleText(text).shingles.length).toBeLessThan(15);
    expect(shingleText(text, 'zh').shingles.length).toBeGreaterThan(100);
  });

  it('gives spaced text the same fingerprint with or without a language', () => {
    const text = 'The U.S.-brokered deal — worth $2.15 billion — was signed on Monday, officials said. “It is done.”';
    for (const language of ['en', 'de', null]) {
      const a = fingerprint(text);
      const b = fingerprint(text, language);
      expect(b.textHash).toBe(a.textHash);
      expect([...b.shingles]).toEqual([...a.shingles]);
    }
  });

  it('sets unspaced characters apart as words, leaving other scripts alone', () => {
    expect(splitUnspaced(normalizeText('河源市政府 2026 年 Bridge'))).toBe('河 源 市 政 府 2026 年 bridge');
    expect(tokenize('市政府 said', 'zh')).toEqual(['市', '政', '府', 'said']);
    expect(tokenize('市政府 said')).toEqual(['市政府', 'said']);
    expect(splitUnspaced('plain text')).toBe('plain text');
  });

  it('splits sentences with the toolkit when a language is given', () => {
    expect(splitSentences('市政府宣布了计划。居民表示欢迎。', 'zh')).toEqual(['市政府宣布了计划。', '居民表示欢迎。']);
    expect(splitSentences('市政府宣布了计划。居民表示欢迎。')).toEqual(['市政府宣布了计划。居民表示欢迎。']);
    expect(splitSentences('Frau Dr. Kern kam am 3. Oktober. Sie blieb.', 'de')).toEqual(['Frau Dr. Kern kam am 3. Oktober.', 'Sie blieb.']);
  });
});
