/**
 * Names that mean the same across languages meet under one key: accents folded ("Zürich" and
 * "Zurich"), country names in every language the clusterer knows mapped to one name through the
 * runtime's own tables (`Intl.DisplayNames`: "Stati Uniti", "Estados Unidos", "Verenigde Staten"
 * → "united states"), and the usual abbreviations of countries and international bodies.
 */

const LOCALES = ['en', 'es', 'it', 'nl', 'de', 'fr', 'pt'] as const;

/** Lower case, accents removed, hyphens and dots as in the tokenizer's keys. */
export function foldName(name: string): string {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // "U.N" and "UN", "F.B.I" and "FBI": an abbreviation is the same with or without its dots.
  return DOTTED.test(folded) ? folded.replace(/\./g, '') : folded;
}

const DOTTED = /^(?:\p{L}\.)+\p{L}\.?$/u;

/**
 * Abbreviations a reader of each language knows, with the bodies' names in those languages:
 * general knowledge of news writing, not of any data set.
 */
const ABBREVIATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['united states', ['us', 'u.s', 'u.s.a', 'usa', 'eeuu', 'ee.uu', 'eua']],
  ['united kingdom', ['uk', 'u.k', 'gran bretaña', 'gran bretagna', 'groot-brittannie', 'grossbritannien', 'grande-bretagne', 'great britain', 'britain']],
  ['european union', ['eu', 'e.u', 'ue', 'unión europea', 'unione europea', 'europese unie', 'europäische union', 'union européenne', 'união europeia']],
  ['united nations', ['un', 'u.n', 'onu', 'naciones unidas', 'nazioni unite', 'verenigde naties', 'vereinte nationen', 'nations unies', 'nações unidas']],
  ['nato', ['otan', 'navo']],
  ['world health organization', ['who', 'oms', 'wereldgezondheidsorganisatie', 'weltgesundheitsorganisation']],
];

let canonical: Map<string, string> | null = null;

function build(): Map<string, string> {
  const out = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const displays = LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = english.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      const target = keyOf(name);
      for (const d of displays) {
        const local = d.of(code);
        if (local && local !== code) out.set(keyOf(local), target);
      }
    }
  }
  for (const [target, forms] of ABBREVIATIONS) for (const f of forms) out.set(keyOf(f), target);
  return out;
}

/** A display name as the tokenizer would key it: folded, words separated by one space. */
function keyOf(name: string): string {
  return foldName(name)
    .replace(/[-‐–]/g, ' ')
    .replace(/[^\p{L}\p{N}.' ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical form of a folded name key (without `@`): a country or body's English name, else the key itself. */
export function canonicalName(folded: string): string {
  canonical ??= build();
  return canonical.get(folded) ?? folded;
}
