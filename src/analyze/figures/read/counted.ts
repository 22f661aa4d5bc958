import type { FigureLanguage } from '../lang/index.js';
import { isNumberWord } from '../numbers.js';
import type { Token } from '../tokens.js';
import { GLUED_ONLY, matchUnitAfter } from '../units.js';
import type { NounPhrase, ReadStep } from './draft.js';

const PARTITIVE_DETERMINERS = new Set(['the', 'those', 'these', 'their', 'its', 'his', 'her', 'our', 'them', 'us']);
/** Longest noun phrase read after a number, in words. */
const MAX_NOUN_WORDS = 4;
// Participles and adverbs end a counted noun phrase ("20 people injured", "30 nations quickly").
const VERB_LIKE = /(?:ing|ed|ly)$/;

/**
 * Numbers that modify another noun: `27-nation bloc`, `three-year war`, `5-km race`. The figure is
 * attributive (it names a kind of thing, it does not count one) and is never compared.
 */
export const readAttributive: ReadStep = {
  name: 'attributive',
  read(d, { tokens, lang }) {
    if (d.unitEntry || d.age || tokens[d.num.end]?.text !== '-') return true;
    const w = tokens[d.num.end + 1];
    if (!w?.isWord || !w.glued) return true;
    const lex = matchUnitAfter(tokens, d.num.end + 1, lang);
    if (lex && !lex.entry.currency) {
      d.unitName = lex.entry.unit;
      d.end = lex.end;
    } else {
      d.noun = { words: [w], head: w, end: d.num.end + 2 };
      d.end = d.num.end + 2;
    }
    d.attributive = true;
    return true;
  },
};

/** The counted noun phrase after a number: `reserve troops`, `people`, `dozens of homes`. */
export const readCountedNoun: ReadStep = {
  name: 'counted-noun',
  read(d, { tokens, lang }) {
    if (d.unitEntry || d.age || d.attributive) return true;
    const noun = readNoun(tokens, d.end, d.num.spelled, lang);
    if (!noun) return true;
    d.noun = noun;
    // "two of the victims": a part of a group, not a count of it; never compared.
    if (!d.num.vague && lang.of.has(tokens[d.end]?.lower ?? '') && PARTITIVE_DETERMINERS.has(tokens[d.end + 1]?.lower ?? '')) d.attributive = true;
    d.end = noun.end;
    // "40 metres of track" reads the unit: the head is a unit.
    const lex = matchUnitAfter(tokens, tokens.indexOf(noun.head), lang);
    if (lex && !lex.entry.currency && !GLUED_ONLY.has(noun.head.lower) && lex.end === noun.end) {
      d.unitName = lex.entry.unit;
      d.noun = null;
    }
    return true;
  },
};

/** Reads the counted noun phrase starting at token `i`. */
export function readNoun(tokens: readonly Token[], i: number, allowOf: boolean, lang: FigureLanguage): NounPhrase | null {
  let j = i;
  // "dozens of people", "one of the students", "a third of those asked"
  if (allowOf && lang.of.has(tokens[j]?.lower ?? '')) {
    j += 1;
    if (tokens[j] && ['the', 'those', 'these', 'their', 'its', 'his', 'her'].includes(tokens[j]!.lower)) j += 1;
  }
  const start = j;
  const words: Token[] = [];
  while (j < tokens.length && words.length < MAX_NOUN_WORDS) {
    const t = tokens[j]!;
    // Hyphenated compounds ("full-scale") count as one modifier.
    if (t.text === '-' && t.glued && words.length > 0 && tokens[j + 1]?.isWord && tokens[j + 1]?.glued) {
      j += 1;
      continue;
    }
    if (!t.isWord || lang.isStopword(t.lower) || lang.months.has(t.lower) || isNumberWord(t.lower, lang)) break;
    // "20 injured", "three dead": the role adjective is the counted thing.
    if (words.length === 0 && lang.roleNouns.has(t.lower)) return { words: [t], head: t, end: j + 1 };
    words.push(t);
    j += 1;
    if (lang.isPlural(t.lower) && !VERB_LIKE.test(t.lower)) return { words, head: t, end: j };
  }
  // No plural head: a singular noun phrase, cut before verbs and adverbs.
  const cut: Token[] = [];
  for (const w of words) {
    if (/(?:ed|ly)$/.test(w.lower) || (w.lower.endsWith('ing') && cut.length === 0)) break;
    cut.push(w);
    if (cut.length >= 3) break;
  }
  const head = cut[cut.length - 1];
  if (!head) return null;
  return { words: cut, head, end: start + tokens.slice(start).indexOf(head) + 1 };
}
