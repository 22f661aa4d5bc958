import { describe, expect, it } from 'vitest';
import { buildFactSheet } from './index.js';
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
});
