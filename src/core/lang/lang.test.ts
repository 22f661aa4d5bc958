import { describe, expect, it } from 'vitest';
import {
  BUNDLED_LANGUAGES,
  CURRENCY_SYMBOLS,
  PERSON_ROLES,
  calendarWords,
  chronoFor,
  countryCodes,
  countryName,
  countryOfDemonym,
  findCountry,
  hasAnalysisBundle,
  languageBundle,
  normalizeLanguage,
} from './index.js';

describe('normalizeLanguage', () => {
  it.each([
    ['en', 'en'], ['EN', 'en'], ['en-GB', 'en'], ['en_US', 'en'], ['eng', 'en'], ['deu', 'de'], ['ger', 'de'], ['fre', 'fr'],
    ['spa', 'es'], ['zh-Hant-TW', 'zh'], ['iw', 'he'], ['nb', 'no'], ['nn-NO', 'no'], ['fil', 'tl'], [' pt-BR ', 'pt'],
  ])('%s → %s', (tag, code) => expect(normalizeLanguage(tag)).toBe(code));

  it.each(['und', 'mul', 'zxx', 'x-default', 'xx', 'qaa', '', '12', 'english', 'en--GB', null, undefined])('%s → null', (tag) => {
    expect(normalizeLanguage(tag)).toBeNull();
  });
});

describe('language bundles', () => {
  it('bundles at least English, German, French, Spanish, Italian, Dutch and Portuguese', () => {
    expect(BUNDLED_LANGUAGES).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt']));
    for (const code of BUNDLED_LANGUAGES) expect(languageBundle(code)?.code).toBe(code);
    expect(languageBundle('es-AR')?.code).toBe('es');
    expect(languageBundle('ja')).toBeNull();
    expect(languageBundle(null)).toBeNull();
    expect(hasAnalysisBundle('it')).toBe(true);
    expect(hasAnalysisBundle('sv')).toBe(false);
  });

  for (const code of BUNDLED_LANGUAGES) {
    describe(code, () => {
      const bundle = languageBundle(code)!;

      it('has every part filled, lower-case word lists and no duplicates', () => {
        const lists: Array<[string, readonly string[]]> = [
          ['speech.verbs', bundle.speech.verbs], ['speech.according', bundle.speech.according], ['speech.pronouns', bundle.speech.pronouns],
          ['speech.speakerNouns', bundle.speech.speakerNouns], ['titles.roles', bundle.titles.roles], ['sentences.openers', bundle.sentences.openers],
          ['people.nouns', bundle.people.nouns], ['numbers.percentWords', bundle.numbers.percentWords],
          ...PERSON_ROLES.map((role): [string, readonly string[]] => [`people.roles.${role}`, bundle.people.roles[role]]),
        ];
        for (const [name, list] of lists) {
          expect(list.length, name).toBeGreaterThan(0);
          for (const w of list) expect(w, `${name}: ${w}`).toBe(w.toLocaleLowerCase(code));
          expect(new Set(list).size, `${name} has duplicates`).toBe(list.length);
        }
        for (const name of ['abbreviations', 'ambiguousAbbreviations'] as const) {
          for (const a of bundle.sentences[name]) expect(a, `${name}: ${a}`).toMatch(/\.$/);
        }
        const never = new Set(bundle.sentences.abbreviations.map((a) => a.toLowerCase()));
        for (const a of bundle.sentences.ambiguousAbbreviations) expect(never.has(a.toLowerCase()), `${a} is in both abbreviation lists`).toBe(false);
        expect(bundle.quotes.pairs.length).toBeGreaterThan(0);
        expect(bundle.titles.honorifics.length).toBeGreaterThan(0);
        for (const kind of Object.keys(bundle.boilerplate) as Array<keyof typeof bundle.boilerplate>) expect(bundle.boilerplate[kind].length).toBeGreaterThan(0);
      });

      it('writes numbers with distinct decimal and group separators, and knows its number and scale words', () => {
        expect(bundle.numbers.groupSeparators).not.toContain(bundle.numbers.decimalSeparator);
        const values = Object.values(bundle.numbers.words);
        for (const v of [1, 2, 3, 10, 20, 100, 1000, 12]) expect(values, `number word for ${v}`).toContain(v);
        const scales = Object.values(bundle.numbers.scales);
        for (const v of [1e6, 1e9]) expect(scales, `scale word for ${v}`).toContain(v);
        for (const [word, bounds] of Object.entries(bundle.numbers.vague)) expect(bounds.low, word).toBeLessThan(bounds.high);
      });

      it('names currencies and units, and shares the currency symbols', () => {
        const codes = bundle.currencies.map((c) => c.code);
        expect(codes).toEqual(expect.arrayContaining(['USD', 'EUR']));
        for (const c of bundle.currencies) expect(c.code).toMatch(/^[A-Z]{3}$/);
        expect(bundle.units.map((u) => u.unit)).toEqual(expect.arrayContaining(['kilometre', 'metric ton', 'percentage']));
        expect(CURRENCY_SYMBOLS['€']).toBe('EUR');
      });

      it('resolves relative dates with its chrono locale', () => {
        const chrono = chronoFor(code)!;
        const yesterday = { en: 'yesterday', de: 'gestern', fr: 'hier', es: 'ayer', it: 'ieri', nl: 'gisteren', pt: 'ontem' }[code]!;
        const ref = new Date(Date.UTC(2026, 2, 4, 12));
        expect(chrono.parseDate(`${yesterday}`, ref)?.getUTCDate()).toBe(3);
      });

      it('finds its countries by name, alias and demonym', () => {
        expect(findCountry(countryName('DE', code)!, code)).toBe('DE');
        for (const [country, aliases] of Object.entries(bundle.countries.aliases)) {
          for (const alias of aliases) expect(findCountry(alias, code), alias).toBe(country);
        }
        for (const [country, forms] of Object.entries(bundle.countries.demonyms)) {
          for (const form of forms) expect(countryOfDemonym(form, code), form).toBe(country);
        }
      });

      it('has month and weekday names from Intl', () => {
        const words = calendarWords(code)!;
        expect(new Set(words.months.values()).size).toBe(12);
        expect(new Set(words.weekdays.values()).size).toBe(7);
      });
    });
  }
});

describe('countries', () => {
  it('names every current country and refuses groupings and withdrawn codes', () => {
    const codes = countryCodes();
    expect(codes.length).toBeGreaterThan(240);
    expect(codes).not.toContain('EU');
    expect(codes).not.toContain('YU');
    expect(countryName('ES', 'de')).toBe('Spanien');
    expect(countryName('EU', 'en')).toBeNull();
    expect(countryName('DE', null)).toBeNull();
  });

  it('finds countries by their names across spellings', () => {
    expect(findCountry('Alemania', 'es')).toBe('DE');
    expect(findCountry('EEUU', 'es')).toBe('US');
    expect(findCountry('EE. UU.', 'es')).toBe('US');
    expect(findCountry('Stati Uniti', 'it')).toBe('US');
    expect(findCountry('Mexico', 'es')).toBe('MX');
    // English names are read in every language (news quote them).
    expect(findCountry('Germany', 'nl')).toBe('DE');
    expect(findCountry('Atlantis', 'en')).toBeNull();
    expect(findCountry('Germany', null)).toBeNull();
    expect(countryOfDemonym('francesa', 'es')).toBe('FR');
    expect(countryOfDemonym('francesa', 'sv')).toBeNull();
  });

  it('gives chrono locales for languages chrono knows, and never the English parser for others', () => {
    expect(chronoFor('ja')).not.toBeNull();
    expect(chronoFor('sw')).toBeNull();
    expect(chronoFor(null)).toBeNull();
    expect(chronoFor('de')).not.toBe(chronoFor('en'));
  });
});
