import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { clusterLanguage } from './lang.js';

describe('extractFeatures', () => {
  it('finds names, numbers and stemmed words', () => {
    const { counts } = extractFeatures(null, 'On Monday, singer Mara Velt opened the Corvane gallery in Istrel. Velt, 33, arrived with 1,000 fans watching.');
    expect(counts.get('@mara velt')).toBe(1);
    expect(counts.get('@velt')).toBe(2);
    expect(counts.get('@istrel')).toBe(1);
    expect(counts.has('@monday')).toBe(false);
    expect(counts.has('@on')).toBe(false);
    expect(counts.get('#33')).toBe(1);
    expect(counts.get('#1000')).toBe(1);
    expect(counts.get('open')).toBe(1);
    expect(counts.has('the')).toBe(false);
  });

  it('counts a sentence-initial word as a name only when seen capitalised mid-sentence', () => {
    const { counts } = extractFeatures(null, 'Officials met. Police said Lorvane was calm. Lorvane residents left.');
    expect(counts.has('@officials')).toBe(false);
    expect(counts.get('@lorvane')).toBe(2);
  });

  it('weighs title words double and gives a lead', () => {
    const f = extractFeatures('Flood hits Lorvane', 'Water rose fast. More text follows here.');
    expect(f.counts.get('flood')).toBe(2);
    expect(f.lead.startsWith('Water rose fast.')).toBe(true);
  });

  it('handles empty input', () => {
    expect(extractFeatures(null, '').counts.size).toBe(0);
  });

  it('stems with the toolkit: inflections and a verb with its nominalisation meet', () => {
    const en = clusterLanguage('en');
    expect(en.stem('injuries')).toBe(en.stem('injury'));
    expect(en.stem('summits')).toBe('summit');
    expect(en.stem('resignation')).toBe(en.stem('resigned'));
    expect(en.stem('arrested')).toBe(en.stem('arrest'));
  });

  it('keeps a lead sentence whole across abbreviations such as "p.m."', () => {
    const f = extractFeatures(null, 'It was 10:15 p.m. when the first call reached the Dornik harbour office. Boats put out at once from the pier to reach the grounded ship.');
    expect(f.lead.startsWith('It was 10:15 p.m. when')).toBe(true);
    // The lead runs on into the next sentence (at least LEAD_MIN_WORDS words): "grounded" is part of the happening.
    expect(f.happening.has(clusterLanguage('en').stem('grounded'))).toBe(true);
  });

  it('resolves weekdays against the publication date into date anchors', () => {
    // Thursday 2031-03-13: "on Tuesday" is 11 March, "on Thursday" the same day.
    const published = Date.UTC(2031, 2, 13, 9);
    const f = extractFeatures(null, 'The bridge at Velmar closed on Tuesday. Repairs began on Thursday.', 'en', { publishedMs: published });
    expect(f.counts.has('#d03-11')).toBe(true);
    expect(f.counts.has('#d03-13')).toBe(true);
    const es = extractFeatures(null, 'El puente de Velmar cerró el martes.', 'es', { publishedMs: published });
    expect(es.counts.has('#d03-11')).toBe(true);
    expect(extractFeatures(null, 'The bridge at Velmar closed on Tuesday.', 'en').counts.has('#d03-11')).toBe(false);
  });

  it('takes the happening from headline and lead, without names, numbers or reporting verbs', () => {
    const f = extractFeatures('Velmar suspends rocket tests', 'The government of Velmar said on Friday it would halt rocket tests at its Dornik site. Later text follows.');
    expect([...f.happening.keys()]).toEqual(expect.arrayContaining(['suspend', 'rocket', 'test', 'halt']));
    expect(f.happening.has('@velmar')).toBe(false);
    expect(f.happening.has('said')).toBe(false);
    expect(f.participants.has('@velmar')).toBe(true);
  });

  it('maps country names and abbreviations of several languages to one name, and date anchors too', () => {
    const es = extractFeatures(null, 'El acuerdo con Estados Unidos se firmó el 14 de octubre en Ginebra.', 'es');
    const it_ = extractFeatures(null, "L'accordo con gli Stati Uniti è stato firmato il 14 ottobre a Ginevra.", 'it');
    const en = extractFeatures(null, 'The deal with the US was signed on October 14 in Geneva.', 'en');
    for (const f of [es, it_, en]) {
      expect(f.counts.has('@united states')).toBe(true);
      expect(f.counts.has('#d10-14')).toBe(true);
    }
  });

  it('reads numbers in every format as one value', () => {
    const f = extractFeatures(null, 'Hubo 1.600 heridos y 2,5 millones de euros.', 'es');
    expect(f.counts.has('#1600')).toBe(true);
    expect(f.counts.has('#2.5')).toBe(true);
  });
});
