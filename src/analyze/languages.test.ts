import { describe, expect, it } from 'vitest';
import { buildFactSheet, renderMarkdown, renderTerminal } from './index.js';
import { extractFigures } from './figures/index.js';
import { extractQuotes } from './quotes/index.js';
import { resolveDates } from './timeline/index.js';

// Invented sentences, one set per bundled language: quotes with the language's marks and verbs,
// numbers in its formats, a relative date.
const CASES: Array<{
  language: string;
  quote: string;
  said: string;
  speaker: string;
  figure: string;
  figureIs: { value?: number | null; low?: number | null; high?: number | null; currency?: string; unit?: string };
  date: string;
  dateIs: string;
}> = [
  {
    language: 'en', quote: '“We will not give in,” Minister Anna Lind said on Monday.', said: 'We will not give in', speaker: 'Anna Lind',
    figure: 'The fund lost 1,600.5 million dollars last year.', figureIs: { value: 1.6005e9, currency: 'USD' },
    date: 'The talks ended on Friday.', dateIs: '2026-05-08',
  },
  {
    language: 'es', quote: '«No vamos a ceder», dijo la ministra Ana Ruiz en Madrid.', said: 'No vamos a ceder', speaker: 'Ana Ruiz',
    figure: 'La empresa perdió 1.600 millones de dólares el año pasado.', figureIs: { value: 1.6e9, currency: 'USD' },
    date: 'Las conversaciones terminaron el viernes.', dateIs: '2026-05-08',
  },
  {
    language: 'de', quote: '„Wir werden nicht nachgeben“, sagte Ministerin Anna Lind.', said: 'Wir werden nicht nachgeben', speaker: 'Anna Lind',
    figure: 'Der Konzern verlor 2,15 Mrd. Euro.', figureIs: { value: 2.15e9, currency: 'EUR' },
    date: 'Die Gespräche endeten am Freitag.', dateIs: '2026-05-08',
  },
  {
    language: 'fr', quote: '« Nous ne céderons pas », a déclaré la ministre Anne Martin.', said: 'Nous ne céderons pas', speaker: 'Anne Martin',
    figure: 'Le groupe a perdu plus de 12,5 % de sa valeur.', figureIs: { low: 12.5, unit: 'percentage' },
    date: 'Les discussions ont pris fin vendredi.', dateIs: '2026-05-08',
  },
  {
    language: 'it', quote: '«Non cederemo», ha detto il ministro Paolo Rossi.', said: 'Non cederemo', speaker: 'Paolo Rossi',
    figure: 'Il gruppo ha perso 40 miliardi di dollari.', figureIs: { value: 4e10, currency: 'USD' },
    date: 'I colloqui si sono conclusi venerdì.', dateIs: '2026-05-08',
  },
  {
    language: 'nl', quote: '“We geven niet toe”, zei minister Jan de Vries.', said: 'We geven niet toe', speaker: 'Jan de Vries',
    figure: 'Het bedrijf verloor bijna 30 procent van zijn waarde.', figureIs: { high: 30, unit: 'percentage' },
    date: 'De gesprekken eindigden vrijdag.', dateIs: '2026-05-08',
  },
  {
    language: 'pt', quote: '“Não vamos ceder”, disse a ministra Ana Costa.', said: 'Não vamos ceder', speaker: 'Ana Costa',
    figure: 'A empresa perdeu pelo menos 1.500 empregos.', figureIs: { low: 1500, high: null },
    date: 'As conversas terminaram na sexta-feira.', dateIs: '2026-05-08',
  },
];
// Saturday 9 May 2026.
const SATURDAY = new Date(Date.UTC(2026, 4, 9, 12));

describe('every bundled language', () => {
  for (const c of CASES) {
    it(`${c.language}: a quote with its marks and verb`, () => {
      const [q] = extractQuotes([c.quote], { language: c.language });
      expect(q).toMatchObject({ text: c.said, kind: 'direct' });
      expect(q?.speaker).toContain(c.speaker);
    });

    it(`${c.language}: a number in its format`, () => {
      const figures = extractFigures([c.figure], { language: c.language });
      expect(figures[0]).toMatchObject(c.figureIs);
    });

    it(`${c.language}: a weekday against a Saturday report`, () => {
      const dates = resolveDates([c.date], SATURDAY, c.language);
      expect(dates.map((d) => d.start)).toContain(c.dateIs);
    });
  }

  it('reads nothing of a language without a bundle, and says so on the sheet', () => {
    expect(extractQuotes(['“Sinua en jätä”, sanoi ministeri.'], { language: 'fi' })).toEqual([]);
    expect(extractFigures(['Yhtiö menetti 40 miljoonaa euroa.'], { language: 'fi' })).toEqual([]);
    const sheet = buildFactSheet({ id: 1, title: 't' }, [{ id: 1, title: null, source: 'A', published: '2026-05-09', paragraphs: ['Yhtiö menetti 40 miljoonaa euroa.'], language: 'fi' }]);
    expect(sheet.figures).toEqual([]);
    expect(sheet.notAnalysed).toEqual([{ language: 'fi', articles: [1] }]);
  });

  it('lets one figure told in two languages agree, and never flags a difference across languages', () => {
    const sheet = buildFactSheet({ id: 1, title: 't' }, [
      { id: 1, title: null, source: 'en', published: '2026-05-09', paragraphs: ['Northwind Airways ordered aircraft worth $3.7 billion from Skyline Aero.'], language: 'en' },
      { id: 2, title: null, source: 'es', published: '2026-05-09', paragraphs: ['Northwind Airways encargó aviones por valor de 3.700 millones de dólares a Skyline Aero.'], language: 'es' },
      { id: 3, title: null, source: 'it', published: '2026-05-09', paragraphs: ['Northwind Airways ha ordinato aerei per oltre 3,7 miliardi di dollari a Skyline Aero.'], language: 'it' },
    ]);
    const money = sheet.figures.find((g) => g.kind === 'money');
    expect(money?.values.flatMap((v) => v.citations.map((c) => c.articleId)).sort()).toEqual([1, 2, 3]);
    expect(sheet.figures.every((g) => !g.isDisagreement)).toBe(true);
  });

  describe('a story told in two languages', () => {
    // Two English reports and one Spanish report of one invented event; the Spanish one comes first.
    const es = [
      'Las autoridades de Porto Velha evacuaron el martes a 3.000 vecinos de la orilla del río tras las lluvias torrenciales.',
      'El alcalde Rui Alves dijo que los refugios de la ciudad estaban llenos y que se abrirían dos escuelas más.',
      'Los servicios meteorológicos prevén más lluvias para el fin de semana en toda la región del norte.',
    ];
    const en1 = [
      'Authorities in Porto Velha evacuated 3,000 residents from the riverbank on Tuesday after torrential rain.',
      'Mayor Rui Alves said the city shelters were full and that two more schools would be opened as shelters.',
      'Forecasters expect more rain over the weekend across the whole northern region of the country.',
    ];
    const en2 = [
      'About 3,000 people living along the river in Porto Velha were moved to shelters on Tuesday, officials said.',
      'Rescue teams used boats to reach families cut off by the water in the lower districts of the city.',
      'The regional government said it would release emergency funds for the families who lost their homes.',
    ];
    const sheet = buildFactSheet({ id: 1, title: 'Porto Velha floods' }, [
      { id: 1, title: 'Inundaciones', source: 'Diario', published: '2026-05-05T08:00:00Z', paragraphs: es, language: 'es' },
      { id: 2, title: 'Floods', source: 'Wire', published: '2026-05-05T10:00:00Z', paragraphs: en1, language: 'en' },
      { id: 3, title: 'Shelters', source: 'Herald', published: '2026-05-05T12:00:00Z', paragraphs: en2, language: 'en' },
    ]);

    it('lists its languages, most articles first, and each article\'s language', () => {
      expect(sheet.languages).toEqual([
        { language: 'en', articles: [2, 3] },
        { language: 'es', articles: [1] },
      ]);
      expect(sheet.articles.map((a) => [a.id, a.language])).toEqual([
        [1, 'es'],
        [2, 'en'],
        [3, 'en'],
      ]);
    });

    it('writes its summary in the main language and says so', () => {
      expect(sheet.summary.length).toBeGreaterThan(0);
      expect(sheet.summary.every((s) => s.language === 'en')).toBe(true);
      expect(sheet.summary.some((s) => s.articleId === 1)).toBe(false);
      const md = renderMarkdown(sheet);
      expect(md).toContain('Languages: English (en) 2, Spanish (es) 1 (articles); summary in English');
      expect(renderTerminal(sheet)).toContain('summary in English');
    });

    it('tags a source in another language than the main one where it is cited', () => {
      const md = renderMarkdown(sheet);
      expect(md).toContain('Diario (es)');
      expect(md).not.toContain('Wire (en)');
    });

    it('says nothing of languages in a story of one, and falls back to other languages when the main one has no sentence', () => {
      const one = buildFactSheet({ id: 2, title: 't' }, [{ id: 1, title: null, source: 'A', published: '2026-05-05', paragraphs: en1, language: 'en' }]);
      expect(one.languages).toEqual([{ language: 'en', articles: [1] }]);
      expect(renderMarkdown(one)).not.toContain('Languages:');
      const mixed = buildFactSheet({ id: 3, title: 't' }, [
        { id: 1, title: null, source: 'A', published: '2026-05-05', paragraphs: ['Short.'], language: 'en' },
        { id: 2, title: null, source: 'B', published: '2026-05-05', paragraphs: ['Brief.'], language: 'en' },
        { id: 3, title: null, source: 'C', published: '2026-05-05', paragraphs: es, language: 'es' },
      ]);
      expect(mixed.summary.length).toBeGreaterThan(0);
      expect(mixed.summary.every((s) => s.language === 'es')).toBe(true);
    });
  });
});
