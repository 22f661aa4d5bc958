import {
  CALENDAR_WORDS,
  DEMONYM_PLACES,
  FUNCTION_WORDS,
  HEAD_TITLES,
  ORG_ACRONYMS,
  ORG_HEADS,
  PLACE_ALIASES,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './lexicon.js';
import { countryOfDemonym, languageBundle } from '../../core/lang/index.js';
import { analysisLanguage } from '../text.js';
import { tokenize, type Token } from './tokens.js';
import type { EntityKind, EntityMention } from './types.js';

const REGEXPS = {
  capitalised: /^[A-Z\u00C0-\u00DE]/,
  acronym: /^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$/,
  possessive: /['’]s?$/,
  nonSpace: /\S/,
  dots: /\./g,
};

/** Lower-case connectors allowed inside a name ("Bank of England", "Charles de Gaulle"). */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'du', 'da', 'del', 'von', 'van', 'der', 'bin', 'al', 'la', 'le']);
/** Abbreviated honorifics and titles written with a period before a name. */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr', 'rev', 'hon', 'supt', 'pres', 'st',
]);
/** Share of capitalised words above which a paragraph is read as a headline. */
const HEADLINE_CAPITAL_SHARE = 0.6;
const HEADLINE_BREAK_TAGS = ['Verb', 'Preposition', 'Conjunction', 'Determiner', 'Adverb'];
/** The longest place alias, in words ("United States of America"). */
const MAX_PLACE_WORDS = 4;

interface Word {
  readonly token: Token;
  /** The text without a possessive ending. */
  readonly text: string;
  readonly lower: string;
}

interface Candidate {
  readonly words: readonly Word[];
  readonly paragraph: number;
  readonly isPossessive: boolean;
  /** Token index right after the candidate, to look for a speech verb. */
  readonly next: Token | undefined;
  /** The token right before the run. */
  readonly prev: Token | undefined;
}

function toWord(token: Token, isLast: boolean, isPossessive: boolean): Word {
  const text = isLast && isPossessive ? token.text.replace(REGEXPS.possessive, '') : token.text;
  return { token, text, lower: text.toLowerCase() };
}

/** Splits a paragraph's tokens into runs of capitalised words, cut at punctuation. */
function capitalisedRuns(tokens: readonly Token[], paragraph: number): Candidate[] {
  const runs: Candidate[] = [];
  // In a headline every word is capitalised: cut runs at verbs and function words there.
  const capitals = tokens.filter((t) => REGEXPS.capitalised.test(t.text)).length;
  const isHeadline = tokens.length >= 4 && capitals / tokens.length > HEADLINE_CAPITAL_SHARE;
  let current: Token[] = [];
  const close = (next: Token | undefined, isPossessive: boolean): void => {
    if (current.length > 0) {
      const words = current.map((t, i) => toWord(t, i === current.length - 1, isPossessive));
      const firstAt = tokens.indexOf(current[0]!);
      runs.push({ words, paragraph, isPossessive, next, prev: firstAt > 0 ? tokens[firstAt - 1] : undefined });
    }
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const isCap =
      REGEXPS.capitalised.test(token.text) &&
      !(isHeadline && (FUNCTION_WORDS.has(token.text.toLowerCase()) || HEADLINE_BREAK_TAGS.some((t) => token.tags.has(t))));
    // "Bank of England", "Coalition of the Willing": lower-case connectors inside one name.
    const afterNext = tokens[i + 2];
    const isOfThe =
      (token.text === 'the' && current.length > 0 && current[current.length - 1]!.text === 'of') ||
      (token.text === 'of' && next?.text === 'the' && afterNext !== undefined && REGEXPS.capitalised.test(afterNext.text) &&
        current.length > 0 && ORG_HEADS.has(current[current.length - 1]!.text.toLowerCase()));
    const isConnector =
      current.length > 0 && ((CONNECTORS.has(token.text) && next !== undefined && REGEXPS.capitalised.test(next.text)) || isOfThe);
    if (REGEXPS.nonSpace.test(token.pre)) close(token, false);
    if (!isCap && !isConnector) {
      close(token, false);
      continue;
    }
    current.push(token);
    const isPossessive = REGEXPS.possessive.test(token.text) && token.text.length > 2 && isCap;
    // "Mr. Lind", "Sen. Ruiz": the period of an honorific does not end the name.
    const isHonorific = token.post.trim() === '.' && HONORIFICS.has(token.text.toLowerCase()) && next !== undefined && REGEXPS.capitalised.test(next.text);
    if (isPossessive || (REGEXPS.nonSpace.test(token.post) && !isHonorific)) close(next, isPossessive);
  }
  close(undefined, false);
  return runs;
}

function plain(word: Word): string {
  return word.lower.replace(REGEXPS.dots, '');
}

function spanText(paragraph: string, words: readonly Word[]): string {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return paragraph.slice(first.token.start, last.token.start + last.text.length);
}

/** Longest place alias starting at `from`, as [canonical, length]. */
function matchPlace(paragraph: string, words: readonly Word[], from: number): [string, number] | null {
  for (let len = Math.min(MAX_PLACE_WORDS, words.length - from); len >= 1; len--) {
    const canonical = PLACE_ALIASES.get(spanText(paragraph, words.slice(from, from + len)).toLowerCase());
    if (canonical !== undefined) return [canonical, len];
  }
  return null;
}

function hasTag(words: readonly Word[], ...tags: string[]): boolean {
  return words.some((w) => tags.some((t) => w.token.tags.has(t)));
}

function classifyName(words: readonly Word[]): EntityKind | 'candidate' | null {
  const last = words[words.length - 1]!;
  if (words.length === 1 && REGEXPS.acronym.test(last.text)) return 'organisation';
  if (ORG_HEADS.has(plain(last)) || hasTag(words, 'Organization')) return 'organisation';
  // "University of Leeds", "Coalition of the Willing": an institution's head noun, then "of".
  if (words.length >= 3 && ORG_HEADS.has(plain(words[0]!)) && words[1]!.lower === 'of') return 'organisation';
  if (hasTag(words, 'Person', 'FirstName', 'LastName')) return 'person';
  if (hasTag(words, 'Place', 'Country', 'City', 'Region')) return 'place';
  if (words.length === 1 && !hasTag(words, 'Date', 'Month', 'WeekDay', 'Pronoun')) return 'candidate';
  return null;
}

interface Draft extends EntityMention {
  readonly isCandidate?: boolean;
  readonly next?: Token | undefined;
}

/** Reads the mentions in one capitalised run: leading places and titles, then the name. */
function readRun(paragraph: string, run: Candidate, language: string | null | undefined): Draft[] {
  let words = run.words;
  // Sentence-initial capitals and calendar words are not names.
  let isAfterThe = run.prev !== undefined && run.prev.text.toLowerCase() === 'the';
  while (words.length > 0 && (FUNCTION_WORDS.has(words[0]!.lower) || CALENDAR_WORDS.has(plain(words[0]!)))) {
    isAfterThe = words[0]!.lower === 'the';
    words = words.slice(1);
  }
  while (words.length > 0 && CALENDAR_WORDS.has(plain(words[words.length - 1]!))) words = words.slice(0, -1);
  while (words.length > 0 && CONNECTORS.has(words[0]!.text)) words = words.slice(1);
  if (words.length === 0) return [];

  const drafts: Draft[] = [];
  const base = { paragraph: run.paragraph };
  const whole = matchPlace(paragraph, words, 0);
  if (whole !== null && whole[1] === words.length) {
    return [{ ...base, text: spanText(paragraph, words), name: whole[0], kind: 'place', start: words[0]!.token.start, end: words[0]!.token.start + spanText(paragraph, words).length, ...(run.isPossessive ? { isPossessive: true } : {}) }];
  }
  const acronymOrg = words.length === 1 ? ORG_ACRONYMS.get(plain(words[0]!)) : undefined;
  if (acronymOrg !== undefined && REGEXPS.acronym.test(words[0]!.text)) {
    const w = words[0]!;
    return [{ ...base, text: w.text, name: acronymOrg, kind: 'organisation', start: w.token.start, end: w.token.start + w.text.length }];
  }

  // "the Russians", "les Français": a people, neither a person nor an organisation.
  if (words.length === 1 && (DEMONYM_PLACES.has(words[0]!.lower) || countryOfDemonym(words[0]!.text, analysisLanguage(language)) !== null)) return [];
  // Leading qualifiers: places ("U.K."), demonyms ("French"), then title words; qualifiers count
  // only when a title follows ("European Union" is a name, "European Commission President" is not).
  let k = 0;
  let qualifier: string | undefined;
  const isTitleAt = (i: number): boolean => i < words.length - 1 && HEAD_TITLES.has(plain(words[i]!)) || (i < words.length - 2 && TITLE_WORDS.has(plain(words[i]!)) && isTitleAt(i + 1));
  while (k < words.length) {
    const place = matchPlace(paragraph, words, k);
    if (place !== null && isTitleAt(k + place[1])) {
      const span = words.slice(k, k + place[1]);
      const text = spanText(paragraph, span);
      drafts.push({ ...base, text, name: place[0], kind: 'place', start: span[0]!.token.start, end: span[0]!.token.start + text.length });
      qualifier = place[0];
      k += place[1];
      continue;
    }
    const demonym = DEMONYM_PLACES.get(words[k]!.lower);
    if (demonym !== undefined && isTitleAt(k + 1)) {
      qualifier = demonym;
      k++;
      continue;
    }
    break;
  }
  const titleStart = k;
  while (k < words.length - 1 && TITLE_WORDS.has(plain(words[k]!))) k++;
  let titleWords = words.slice(titleStart, k);
  if (!titleWords.some((w) => HEAD_TITLES.has(plain(w)))) {
    k = titleStart;
    titleWords = [];
    // "FBI Director Ana Ruiz", "County Prosecutor Ana Ruiz": the title after an organisation's
    // name; the name is what follows the last title word.
    for (let j = words.length - 2; j >= titleStart; j--) {
      if (!HEAD_TITLES.has(plain(words[j]!))) continue;
      const rest = words.slice(j + 1);
      if (rest.length >= 1 && rest.length <= 3 && hasTag(rest, 'Person', 'FirstName', 'LastName', 'ProperNoun')) {
        titleWords = words.slice(titleStart, j + 1);
        k = j + 1;
      }
      break;
    }
  }
  const name = words.slice(k);
  if (name.length === 0) return drafts;
  const text = spanText(paragraph, name);
  const start = name[0]!.token.start;
  const title = titleWords.length > 0 ? titleWords.map((w) => w.lower).join(' ') : undefined;
  let kind = classifyName(name);
  // "the Treasury said": a lone name after "the" is an institution, not a person.
  if (kind === 'candidate' && isAfterThe && title === undefined) kind = 'organisation';
  if (title !== undefined && kind !== 'organisation') kind = 'person';
  if (kind === null) return drafts;
  const namePlace = matchPlace(paragraph, name, 0);
  drafts.push({
    ...base,
    text: spanText(paragraph, words),
    name: kind === 'place' && namePlace !== null && namePlace[1] === name.length ? namePlace[0] : text,
    kind: kind === 'candidate' ? 'person' : kind,
    start,
    end: start + text.length,
    ...(title !== undefined ? { title } : {}),
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(run.isPossessive ? { isPossessive: true } : {}),
    ...(kind === 'candidate' ? { isCandidate: true, next: run.next } : {}),
  });
  return drafts;
}

/**
 * A paragraph that is a headline, as related-link lists and section titles put them in the body:
 * most words capitalised, no sentence punctuation at its end, short.
 */
export function isHeadlineLine(paragraph: string): boolean {
  const text = paragraph.trim();
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3 || words.length > 20 || /[.!?:"”’)]$/.test(text)) return false;
  const capitals = words.filter((w) => /^[\p{Lu}]/u.test(w) || FUNCTION_WORDS.has(w.toLowerCase())).length;
  return capitals / words.length >= 0.85 && words.filter((w) => /^[\p{Lu}]/u.test(w)).length >= words.length / 2;
}

/** A byline or credit line: "By Ana Ruiz", "Ana Ruiz in Lima contributed.", "Reporting by ...". */
export function isBylineLine(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.length > 200) return false;
  return (
    /^(?:By|Reporting by|Written by|Additional reporting by|Compiled by)\s+\p{Lu}/u.test(text) ||
    /\b(?:contributed|contributed reporting|contributed to this (?:report|story|article))\.?$/.test(text) ||
    /\b(?:Editing|Reporting|Writing) by\s+\p{Lu}/u.test(text)
  );
}

/** A party and state tag ("D-Ore."), a party or political label ("Democrat"): neither names one entity. */
function isTagOrLabel(d: Draft): boolean {
  if (/^[A-Z]-[A-Z][\w.]*$/.test(d.text.trim())) return true;
  return d.kind === 'person' && AFFILIATION_LABELS.has(d.name.toLowerCase());
}

const AFFILIATION_LABELS: ReadonlySet<string> = new Set([
  'democrat', 'democrats', 'republican', 'republicans', 'conservative', 'conservatives', 'liberal', 'liberals',
  'independent', 'independents', 'libertarian', 'socialist', 'progressive', 'progressives',
]);

function isSpeechVerb(token: Token | undefined, verbs: ReadonlySet<string>): boolean {
  return token !== undefined && verbs.has(token.text.toLowerCase());
}

/** Verbs of saying of a language: the English list, else the bundle's one-word verbs. */
function speechVerbsOf(language: string | null | undefined): ReadonlySet<string> {
  const lang = analysisLanguage(language);
  if (lang === 'en') return SPEECH_VERBS;
  return new Set((languageBundle(lang)?.speech.verbs ?? []).filter((v) => !v.includes(' ')).map((v) => v.toLowerCase()));
}

/**
 * Finds the people, places and organisations named in one article's paragraphs.
 *
 * Capitalised runs of words are cut at punctuation; country names and demonyms in front
 * ("U.K.", "French") and title words ("Prime Minister") are split off, and the rest is classified
 * with compromise's tags and general word lists. A lone unknown capitalised word counts as a person
 * when it is followed by a verb of saying or is the surname of a person named in the article.
 * Deterministic; mentions come in paragraph and offset order.
 */
export function extractEntities(paragraphs: readonly string[], language?: string | null): EntityMention[] {
  const speech = speechVerbsOf(language);
  const drafts: Draft[] = [];
  paragraphs.forEach((paragraph, index) => {
    // A related-link headline or a byline names no participant of the story.
    if (isHeadlineLine(paragraph) || isBylineLine(paragraph)) return;
    for (const run of capitalisedRuns(tokenize(paragraph, language), index)) drafts.push(...readRun(paragraph, run, language).filter((d) => !isTagOrLabel(d)));
  });
  const surnames = new Set<string>();
  for (const d of drafts) {
    if (d.kind === 'person' && d.isCandidate !== true) {
      const parts = d.name.toLowerCase().split(/\s+/);
      surnames.add(parts[parts.length - 1]!);
    }
  }
  const speakers = new Set(drafts.filter((d) => d.isCandidate === true && isSpeechVerb(d.next, speech)).map((d) => d.name.toLowerCase()));
  const mentions: EntityMention[] = [];
  for (const d of drafts) {
    if (d.isCandidate === true && !speakers.has(d.name.toLowerCase()) && !surnames.has(d.name.toLowerCase())) continue;
    const { isCandidate: _c, next: _n, ...mention } = d;
    mentions.push(mention);
  }
  return mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
