import { describe, expect, it } from 'vitest';
import { tokenizeWords } from './words.js';

const NO_ELISIONS = new Set<string>();

/** Invented prose in several scripts, free of the few shapes where the scanner and ICU differ on purpose (see below). */
const PROSE = [
  "The mayor's office didn't confirm the U.S.-brokered deal, worth $1,600.50 (about €1.480) on 3.5 acres.",
  'Die Bundesregierung zahlt 2,15 Mrd. Euro; „Das ist ein Erfolg“, sagte Dr. Müller am 3. Oktober.',
  "L’accord de Bruxelles coûte 12,5 millions d’euros — selon le porte-parole.",
  'Ο υπουργός είπε ότι 1.600 άνθρωποι απομακρύνθηκαν από το λιμάνι.',
  'Министр заявил, что 1 600 человек эвакуированы из порта.',
  'قال الوزير إن ١٦٠٠ شخص أُجلوا من الميناء.',
  'מנהל הנמל אמר כי 1,600 איש פונו.',
  'बंदरगाह से 1,600 लोगों को निकाला गया।',
  '시장은 수요일에 새로운 교통 계획을 발표했다.',
  '市政府周三宣布了新的交通计划，居民表示欢迎。',
  '市長は水曜日に新しい交通計画を発表した。',
  'นายกเทศมนตรีประกาศแผนการจราจรใหม่ เมื่อวันพุธ',
];

function icuWords(text: string): string[] {
  return [...new Intl.Segmenter('und', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

describe('tokenizeWords', () => {
  it('gives the words Intl.Segmenter gives on prose in many scripts', () => {
    for (const text of PROSE) {
      expect(tokenizeWords(text, 'und', NO_ELISIONS).filter((w) => w.isWordLike).map((w) => w.text), text).toEqual(icuWords(text));
    }
  });

  it('keeps exact offsets and drops only whitespace', () => {
    for (const text of PROSE) {
      const tokens = tokenizeWords(text, 'und', NO_ELISIONS);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(tokens.map((t) => t.text).join('')).toBe(text.replace(/\s+/gu, ''));
    }
  });

  it('joins across apostrophes and periods between letters, periods and commas between digits, never across hyphens', () => {
    const words = (text: string) => tokenizeWords(text, 'und', NO_ELISIONS).filter((w) => w.isWordLike).map((w) => w.text);
    expect(words("don't U.S. 1,600 2.15 well-known 'quoted' dogs'")).toEqual(["don't", 'U.S', '1,600', '2.15', 'well', 'known', 'quoted', 'dogs']);
    expect(words('col·lecció')).toEqual(['col·lecció']);
    // A soft hyphen (as pages often carry) stays inside its word.
    expect(words('Bundes\u00adregierung')).toEqual(['Bundes\u00adregierung']);
  });

  it('splits elided articles off when given them', () => {
    const elisions = new Set(["l'", "d'", "qu'", "dell'"]);
    const words = (text: string) => tokenizeWords(text, 'fr', elisions).map((w) => w.text);
    expect(words("l'homme d’État qu'aujourd'hui dell'anno")).toEqual(["l'", 'homme', 'd’', 'État', "qu'", "aujourd'hui", "dell'", 'anno']);
  });

  it('reads emoji and other astral characters without splitting surrogate pairs', () => {
    const tokens = tokenizeWords('Fire 🔥 in 𝐁old', 'und', NO_ELISIONS);
    for (const t of tokens) expect(t.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});
