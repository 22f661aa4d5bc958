/**
 * One table per bundled language, on invented sentences: sentence splitting with the language's
 * abbreviations, tokenisation, stop words, stems, number formats and scale words.
 */
import { describe, expect, it } from 'vitest';
import { textToolkit } from './toolkit.js';

interface LanguageCase {
  /** Text and the sentences it must split into. */
  split: { text: string; sentences: string[] };
  /** Text and its word-like tokens. */
  words: { text: string; tokens: string[] };
  stopWords: string[];
  notStopWords: string[];
  /** Inflected forms that must share one stem. */
  sameStem: string[][];
  /** Number texts and their values. */
  numbers: Array<[string, number]>;
  /** Number texts the language must refuse (null). */
  refused: string[];
}

const CASES: Record<string, LanguageCase> = {
  en: {
    split: {
      text: 'Sen. Ana Ruiz met Gov. Tom Park in the U.S. capital on Jan. 5. They spoke for 2.5 hours. The talks, e.g. on trade, went well. Talks end at 5 p.m. Officials said so. J. R. Doyle of Acme Inc. The firm agreed.',
      sentences: [
        'Sen. Ana Ruiz met Gov. Tom Park in the U.S. capital on Jan. 5.',
        'They spoke for 2.5 hours.',
        'The talks, e.g. on trade, went well.',
        'Talks end at 5 p.m.',
        'Officials said so.',
        'J. R. Doyle of Acme Inc.',
        'The firm agreed.',
      ],
    },
    words: { text: "The mayor's office didn't say how 1,600.5 tonnes arrived.", tokens: ['The', "mayor's", 'office', "didn't", 'say', 'how', '1,600.5', 'tonnes', 'arrived'] },
    stopWords: ['the', 'which', 'were', 'The'],
    notStopWords: ['ferry', 'harbour', 'minister'],
    sameStem: [['negotiation', 'negotiations'], ['hospital', 'hospitals'], ['injured', 'injure'], ['injury', 'injuries'], ['mayor', "mayor's"]],
    numbers: [['1,600', 1600], ['1.600', 1.6], ['1,600,000', 1_600_000], ['2.15 billion', 2.15e9], ['1 000 000', 1e6], ['3 million', 3e6], ['12,34,567', 1_234_567], ['7.5 bn', 7.5e9]],
    refused: ['2,15', '1,60', '1.600,5', 'three'],
  },
  de: {
    split: {
      text: 'Frau Dr. Kern traf am 3. Oktober den Minister. Es ging z. B. um Steuern, Renten usw. Der Bund zahlt 2,5 Mrd. Euro. Prof. Weber widersprach. Die Zahl stieg auf 15. Danach sank sie. Der 2. Weltkrieg prägte die Stadt.',
      sentences: [
        'Frau Dr. Kern traf am 3. Oktober den Minister.',
        'Es ging z. B. um Steuern, Renten usw.',
        'Der Bund zahlt 2,5 Mrd. Euro.',
        'Prof. Weber widersprach.',
        'Die Zahl stieg auf 15.',
        'Danach sank sie.',
        'Der 2. Weltkrieg prägte die Stadt.',
      ],
    },
    words: { text: 'Die Bundesregierung zahlt 2,15 Mrd. Euro für 1.600 Häuser.', tokens: ['Die', 'Bundesregierung', 'zahlt', '2,15', 'Mrd', 'Euro', 'für', '1.600', 'Häuser'] },
    stopWords: ['der', 'und', 'nicht', 'Die'],
    notStopWords: ['fähre', 'hafen', 'ministerin'],
    sameStem: [['Verhandlung', 'Verhandlungen'], ['Krankenhaus', 'Krankenhäuser'], ['verletzt', 'verletzten'], ['Regierung', 'Regierungen']],
    numbers: [['1.600', 1600], ['2,15', 2.15], ['2,15 Mrd.', 2.15e9], ['3 Milliarden', 3e9], ['4 Billionen', 4e12], ['12,5 Mio.', 12.5e6], ["1'000", 1000], ['1 000 000', 1e6]],
    refused: ['1.5', '1,600.5', '2 Millionär'],
  },
  fr: {
    split: {
      text: "M. Martin a rencontré Mme Roux lundi. « Nous avons avancé. » Elle a ajouté : « C'est un début ! » L'accord, p. ex. sur l'eau, sera signé. « Quoi ? » demanda-t-il.",
      sentences: ['M. Martin a rencontré Mme Roux lundi.', '« Nous avons avancé. »', "Elle a ajouté : « C'est un début ! »", "L'accord, p. ex. sur l'eau, sera signé.", '« Quoi ? » demanda-t-il.'],
    },
    words: { text: "L'accord d'hier qu'elle a signé coûte 12,5 millions.", tokens: ["L'", 'accord', "d'", 'hier', "qu'", 'elle', 'a', 'signé', 'coûte', '12,5', 'millions'] },
    stopWords: ['le', 'et', 'dans', "l'", 'l’'],
    notStopWords: ['ferry', 'port', 'ministre'],
    sameStem: [['négociation', 'négociations'], ['blessé', 'blessés'], ['hôpital', 'hôpitaux'], ['présidentiel', 'présidentielle']],
    numbers: [['1 000 000', 1e6], ['1\u202f000\u202f000', 1e6], ['1\u00a0600', 1600], ['12,5', 12.5], ['3 milliards', 3e9], ['2 billions', 2e12], ['40 millions', 4e7]],
    refused: ['1,600.5', '1.5'],
  },
  es: {
    split: {
      text: 'El Sr. Pérez y la Dra. Gómez llegaron a EE. UU. El lunes hablaron con la prensa. El coste, p. ej. en energía, subió un 12,5 %. ¿Habrá acuerdo? Nadie lo sabe.',
      sentences: ['El Sr. Pérez y la Dra. Gómez llegaron a EE. UU.', 'El lunes hablaron con la prensa.', 'El coste, p. ej. en energía, subió un 12,5 %.', '¿Habrá acuerdo?', 'Nadie lo sabe.'],
    },
    words: { text: 'El Gobierno destinó 1.600 millones de euros, según dijo.', tokens: ['El', 'Gobierno', 'destinó', '1.600', 'millones', 'de', 'euros', 'según', 'dijo'] },
    stopWords: ['el', 'de', 'que', 'Los'],
    notStopWords: ['transbordador', 'puerto', 'ministra'],
    sameStem: [['negociación', 'negociaciones'], ['herido', 'heridos'], ['hospital', 'hospitales'], ['presidente', 'presidentes']],
    numbers: [['1.600', 1600], ['1.600 millones', 1.6e9], ['40.000 millones', 4e10], ['2 mil millones', 2e9], ['3 billones', 3e12], ['12,5', 12.5], ['12,5 %', 12.5], ['20 mil', 2e4]],
    refused: ['1,600.5', '1.5'],
  },
  it: {
    split: {
      text: "Il Sig. Rossi e la Dott.ssa Bianchi sono arrivati lunedì. «Abbiamo trovato un accordo», ha detto il premier. Il costo è di 2,5 mld. Secondo l'Istat, i prezzi salgono.",
      sentences: ['Il Sig. Rossi e la Dott.ssa Bianchi sono arrivati lunedì.', '«Abbiamo trovato un accordo», ha detto il premier.', 'Il costo è di 2,5 mld.', "Secondo l'Istat, i prezzi salgono."],
    },
    words: { text: "L'Istat ha detto che dell'anno scorso restano 1.600 euro.", tokens: ["L'", 'Istat', 'ha', 'detto', 'che', "dell'", 'anno', 'scorso', 'restano', '1.600', 'euro'] },
    stopWords: ['il', 'di', 'che', 'Gli'],
    notStopWords: ['traghetto', 'porto', 'ministra'],
    sameStem: [['negoziato', 'negoziati'], ['ferito', 'feriti'], ['ospedale', 'ospedali'], ['governo', 'governi']],
    numbers: [['1.600', 1600], ['40 miliardi', 4e10], ['2,5 mld', 2.5e9], ['3 mln', 3e6], ['10 mila', 1e4], ['12,5 per cento', 12.5]],
    refused: ['1,600.5', '1.5'],
  },
  nl: {
    split: {
      text: 'Dhr. Jansen sprak met mevr. De Vries. Het ging o.a. over de begroting. Volgens het kabinet kost het 2,5 mld. euro. De Kamer stemt dinsdag.',
      sentences: ['Dhr. Jansen sprak met mevr. De Vries.', 'Het ging o.a. over de begroting.', 'Volgens het kabinet kost het 2,5 mld. euro.', 'De Kamer stemt dinsdag.'],
    },
    words: { text: 'De regering trekt 1.600 miljoen euro uit, zei de minister.', tokens: ['De', 'regering', 'trekt', '1.600', 'miljoen', 'euro', 'uit', 'zei', 'de', 'minister'] },
    stopWords: ['de', 'het', 'een', 'Het'],
    notStopWords: ['veerboot', 'haven', 'minister'],
    sameStem: [['onderhandeling', 'onderhandelingen'], ['gewonde', 'gewonden'], ['regering', 'regeringen']],
    numbers: [['1.600', 1600], ['1.600 miljoen', 1.6e9], ['3 miljard', 3e9], ['2,5 mld.', 2.5e9], ['4 biljoen', 4e12], ['12,5 procent', 12.5]],
    refused: ['1,600.5', '1.5'],
  },
  pt: {
    split: {
      text: 'O Sr. Silva e a Dra. Costa chegaram na segunda-feira. “Fechamos um acordo”, disse o ministro. O custo, p. ex. em energia, subiu 12,5%. Segundo o governo, tudo correu bem.',
      sentences: ['O Sr. Silva e a Dra. Costa chegaram na segunda-feira.', '“Fechamos um acordo”, disse o ministro.', 'O custo, p. ex. em energia, subiu 12,5%.', 'Segundo o governo, tudo correu bem.'],
    },
    words: { text: 'O governo destinou 1.600 milhões, segundo o ministro.', tokens: ['O', 'governo', 'destinou', '1.600', 'milhões', 'segundo', 'o', 'ministro'] },
    stopWords: ['o', 'de', 'que', 'Os'],
    notStopWords: ['balsa', 'porto', 'ministra'],
    sameStem: [['negociação', 'negociações'], ['ferido', 'feridos'], ['governo', 'governos']],
    numbers: [['1.600', 1600], ['1.600 milhões', 1.6e9], ['3 bilhões', 3e9], ['3 biliões', 3e12], ['2 mil milhões', 2e9], ['12,5%', 12.5]],
    refused: ['1,600.5', '1.5'],
  },
};

for (const [language, c] of Object.entries(CASES)) {
  describe(`text toolkit: ${language}`, () => {
    const tk = textToolkit(language);

    it('splits sentences, keeping abbreviations, initials and ordinals inside them', () => {
      const sentences = tk.sentences(c.split.text);
      expect(sentences.map((s) => s.text)).toEqual(c.split.sentences);
      for (const s of sentences) expect(c.split.text.slice(s.start, s.end)).toBe(s.text);
    });

    it('tokenises words with offsets', () => {
      const words = tk.words(c.words.text);
      expect(words.filter((w) => w.isWordLike).map((w) => w.text)).toEqual(c.words.tokens);
      for (const w of words) expect(c.words.text.slice(w.start, w.end)).toBe(w.text);
    });

    it('knows its stop words', () => {
      expect(tk.hasStopWords).toBe(true);
      for (const w of c.stopWords) expect(tk.isStopWord(w), w).toBe(true);
      for (const w of c.notStopWords) expect(tk.isStopWord(w), w).toBe(false);
    });

    it('stems inflected forms to one stem', () => {
      expect(tk.hasStemmer).toBe(true);
      for (const forms of c.sameStem) expect(new Set(forms.map((f) => tk.stem(f))).size, forms.join(' / ')).toBe(1);
    });

    it('reads numbers in its formats, with scale words', () => {
      for (const [text, value] of c.numbers) expect(tk.parseNumber(text)?.value, text).toBe(value);
      for (const text of c.refused) expect(tk.parseNumber(text), text).toBeNull();
    });

    it('gives content terms without stop words', () => {
      const terms = tk.terms(c.words.text);
      for (const t of terms) expect(tk.isStopWord(t), t).toBe(false);
      expect(terms.length).toBeGreaterThan(2);
    });
  });
}

describe('text toolkit: languages without spaces', () => {
  it('segments Chinese, Japanese and Thai words with Intl.Segmenter', () => {
    expect(textToolkit('zh').words('市政府周三宣布新的交通计划。').filter((w) => w.isWordLike).length).toBeGreaterThan(4);
    const ja = textToolkit('ja').words('市長は水曜日に新しい交通計画を発表した。');
    expect(ja.filter((w) => w.isWordLike).length).toBeGreaterThan(5);
    expect(ja.find((w) => w.text === '。')?.isWordLike).toBe(false);
    const th = textToolkit('th').words('นายกเทศมนตรีประกาศแผนการจราจรใหม่');
    expect(th.length).toBeGreaterThan(3);
    expect(th.map((w) => w.text).join('')).toBe('นายกเทศมนตรีประกาศแผนการจราจรใหม่');
  });

  it('splits Chinese and Japanese at their full stops, Thai at spaces between sentences', () => {
    expect(textToolkit('zh').sentences('市政府宣布了计划。居民表示欢迎！会议持续两小时。').map((s) => s.text)).toEqual(['市政府宣布了计划。', '居民表示欢迎！', '会议持续两小时。']);
    expect(textToolkit('ja').sentences('市長が計画を発表した。住民は歓迎した。').length).toBe(2);
    expect(textToolkit('th').sentences('นายกเทศมนตรีประกาศแผนใหม่ ประชาชนต่างยินดี').length).toBe(2);
  });

  it('keeps segmenting very long unspaced runs, in pieces, with exact offsets', () => {
    const text = '市政府周三宣布新的交通计划，居民表示欢迎'.repeat(300);
    const words = textToolkit('zh').words(text);
    expect(words.map((w) => w.text).join('')).toBe(text);
    for (const w of words.slice(0, 50)) expect(text.slice(w.start, w.end)).toBe(w.text);
  });
});

describe('text toolkit: unknown languages', () => {
  const tk = textToolkit(null);

  it('applies no stop words, no stems and no abbreviation list', () => {
    expect(tk.language).toBeNull();
    expect(tk.bundle).toBeNull();
    expect(tk.isStopWord('the')).toBe(false);
    expect(tk.stem('Running')).toBe('running');
    expect(tk.terms('The injured were taken away')).toEqual(['the', 'injured', 'were', 'taken', 'away']);
    // Without a language, "Dr." is just a period; initials still do not end a sentence.
    expect(tk.sentences('Dr. Who left. J. Doe stayed.').map((s) => s.text)).toEqual(['Dr.', 'Who left.', 'J. Doe stayed.']);
  });

  it('treats unknown and malformed tags as unknown, and reads known tags in any form', () => {
    expect(textToolkit('xx').language).toBeNull();
    expect(textToolkit('').language).toBeNull();
    expect(textToolkit(undefined).language).toBeNull();
    expect(textToolkit('EN-gb').language).toBe('en');
    expect(textToolkit('deu')).toBe(textToolkit('de'));
  });

  it('uses stopwords-iso and a stemmer for a language without a bundle', () => {
    const sv = textToolkit('sv');
    expect(sv.bundle).toBeNull();
    expect(sv.isStopWord('och')).toBe(true);
    expect(sv.stem('regeringen')).not.toBe('regeringen');
    // Thai has a stop list but no stemmer.
    expect(textToolkit('th').hasStemmer).toBe(false);
  });
});

describe('text toolkit: hostile input', () => {
  it('handles long lines without sentence ends, and text that is only punctuation', () => {
    const runOn = 'word '.repeat(20_000);
    const sentences = textToolkit('en').sentences(runOn);
    expect(sentences.map((s) => s.text).join(' ')).toBe(runOn.trim());
    expect(textToolkit('en').words('…!?«»—').every((w) => !w.isWordLike)).toBe(true);
    expect(textToolkit('de').sentences('')).toEqual([]);
    expect(textToolkit('de').terms('   ')).toEqual([]);
  });

  it('gives the same sentences for a long text as for each of its lines', () => {
    const line = 'The council met on Monday. Mr. Lee spoke first, then Dr. Ames. The vote was 7 to 2.';
    const text = Array.from({ length: 200 }, () => line).join(' ');
    const sentences = textToolkit('en').sentences(text).map((s) => s.text);
    expect(sentences).toEqual(Array.from({ length: 200 }, () => textToolkit('en').sentences(line).map((s) => s.text)).flat());
  });
});
