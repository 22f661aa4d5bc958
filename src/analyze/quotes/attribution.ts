import { ADVERBIAL_TAIL_RE, CHANNEL_RE, CUE_WORDS, PARTICIPLE_CUES, PRONOUNS, SPEAKER_NOUNS } from './lexicon.js';
import type { MarkedSpan } from './marks.js';
import type { SentenceSpan } from './sentences.js';

/** A cue verb and the words naming its speaker, found in one sentence. */
export interface Attribution {
  readonly cue: string;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly speakerStart: number;
  readonly speakerEnd: number;
  /** `before`: "Macron said"; `after`: "said Macron" / "according to Macron". */
  readonly placement: 'before' | 'after';
  readonly channel: string | null;
}

/** Stands in for quoted words so that attribution patterns only see the reporter's text. */
export const MASK_CHAR = '\uE000';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REGEXPS = {
  cue: new RegExp(`\\b(?:${[...CUE_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'g'),
  clauseBreak: /[;:—–(\n]|\s-\s|\s--\s/g,
  clauseWord:
    /\b(?:and|but|that|which|who|whom|while|as|because|so|when|if|after|before|since|where|although|though|whether|than|what|how|why|then)\s/g,
  afterSpeaker: /^\s+([^,.;:!?\uE000"“”]{1,80}?)(?=\s*(?:[,.;:!?"“”]|$|\s(?:on|in|at|during|after|before|as|when|while|who|which|to|that|about|of|last|this|earlier|later)\s))/,
  possessive: /['’]s?$/,
  capitalised: /^[A-Z\u00C0-\u00DE]/,
  word: /\S+/g,
};

/** Lower-case words allowed inside a speaker phrase ("the office of U.K. Prime Minister Keir Starmer"). */
const PHRASE_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'of', 'for', 'at', 'from', 'in', 'and', 'former', 'top', 'senior',
  'chief', 'regional', 'deputy', 'foreign', 'state', 'press', 'national', 'security', 'special', 'prime', 'vice',
  'presidential', 'host', 'anchor', 'several', 'some', 'many', 'two', 'three', 'other', 'local', 'federal',
  'military', 'defense', 'defence', 'interior', 'finance', 'treasury', 'another', 'one', 'unnamed', 'anonymous',
  'independent', 'longtime', 'current', 'acting', 'general', 'white', 'house', 'european', 'government', 'party',
  'campaign', 'economic', 'political', 'republican', 'democratic', 'conservative', 'liberal', 'new', 'recent',
  'public', 'private', 'polling', 'election', 'opposition', 'ruling', 'head', 'executive', 'managing', 'research',
  'policy', 'communications', 'media', 'council', 'union', 'majority', 'minority', 'leadership', 'ukrainian',
  'trade', 'energy', 'health', 'justice', 'legal', 'intelligence', 'police', 'senate', 'congressional', 'u.s.',
  'china', 'western', 'eastern', 'northern', 'southern', 'top-level', 'high-ranking', 'elected', 'appointed',
]);

/** True when `phrase` reads as the name of a speaker: a pronoun, a name, or a descriptive noun phrase. */
export function isSpeakerPhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12) return false;
  if (phrase.includes(MASK_CHAR) || /["“”]/.test(phrase)) return false;
  const last = words[words.length - 1]!.replace(/[,.]$/, '');
  if (words.length === 1 && PRONOUNS.has(last.toLowerCase())) return true;
  const isNameLast = REGEXPS.capitalised.test(last) && !PRONOUNS.has(last.toLowerCase());
  const isNounLast = SPEAKER_NOUNS.has(last.toLowerCase());
  if (!isNameLast && !isNounLast) return false;
  return words.every((w) => {
    const bare = w.replace(/[,.]$/, '');
    if (REGEXPS.capitalised.test(bare) || REGEXPS.possessive.test(bare)) return true;
    const lower = bare.toLowerCase();
    return PHRASE_WORDS.has(lower) || SPEAKER_NOUNS.has(lower) || /^\d/.test(bare);
  });
}

/** Looser test for a phrase right next to a quote (`,” the businessman replied`, `said the 46-year-old`). */
function isLooseSpeakerPhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 8 || phrase.includes(MASK_CHAR) || /["“”,;:]/.test(phrase)) return false;
  return /^(?:the|a|an|one|his|her|their|[A-Z\u00C0-\u00DE]|\d)/.test(words[0]!) || isSpeakerPhrase(phrase);
}

const LEADING_NON_SUBJECT = /^(?:But|And|So|Or|In|On|At|As|If|When|While|After|Before|Then|Yet|Still|Also|However|Meanwhile|Although|Though|Because|Since|During|For|From|With|Without|To|By|Of|Under|Over|This|That|These|Those|There|It|Its|Here|Now|Why|What|How|Where|Who)\b/;

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,]/.test(text[s]!)) s++;
  while (e > s && /[\s,]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Start of the clause the cue is in: after a closing mark, a semicolon or a dash. */
function clauseStart(masked: string, sentence: SentenceSpan, spans: readonly MarkedSpan[], cueStart: number): number {
  let start = sentence.start;
  for (const span of spans) if (span.close !== null && span.close < cueStart && span.close + 1 > start) start = span.close + 1;
  for (const m of masked.slice(start, cueStart).matchAll(REGEXPS.clauseBreak)) start = Math.max(start, start + m.index + m[0].length);
  return start;
}

/** The speaker phrase right before a cue, as `[start, end)`, or null. */
function speakerBefore(masked: string, from: number, cueStart: number, isAfterQuote: boolean): [number, number] | null {
  let seg = masked.slice(from, cueStart);
  const tail = ADVERBIAL_TAIL_RE.exec(seg);
  const isTailAfterComma = tail !== null && tail[0].trimStart().startsWith(',');
  if (tail !== null) seg = seg.slice(0, tail.index);
  if (seg.trim() === '') return null;
  const pieces: Array<[number, number]> = [];
  let pieceStart = 0;
  for (let i = 0; i <= seg.length; i++) {
    if (i === seg.length || seg[i] === ',') {
      pieces.push([from + pieceStart, from + i]);
      pieceStart = i + 1;
    }
  }
  const endsWithComma = seg.trimEnd().endsWith(',') || isTailAfterComma;
  // "Witkoff, Trump's envoy, said": the subject is the first piece that names a speaker.
  const order = endsWithComma ? pieces.filter(([s, e]) => masked.slice(s, e).trim() !== '') : [pieces[pieces.length - 1]!];
  for (const [s, e] of order) {
    let start = s;
    // Keep what follows the last clause word ("a deal that the White House said").
    for (const m of masked.slice(s, e).matchAll(REGEXPS.clauseWord)) start = s + m.index + m[0].length;
    const [a, b] = trimSpan(masked, start, e);
    if (b > a && (isSpeakerPhrase(masked.slice(a, b)) || (isAfterQuote && !endsWithComma && isLooseSpeakerPhrase(masked.slice(a, b))))) return [a, b];
    if (!endsWithComma) break;
  }
  return null;
}

/** The speaker phrase right after a cue ("said Macron", "according to officials"), or null. */
function speakerAfter(masked: string, cueEnd: number, sentenceEnd: number, isLoose: boolean): [number, number] | null {
  const m = REGEXPS.afterSpeaker.exec(masked.slice(cueEnd, sentenceEnd));
  if (m === null) return null;
  const start = cueEnd + m[0].length - m[1]!.length;
  const [a, b] = trimSpan(masked, start, start + m[1]!.length);
  return b > a && (isSpeakerPhrase(masked.slice(a, b)) || (isLoose && isLooseSpeakerPhrase(masked.slice(a, b)))) ? [a, b] : null;
}

/** The speaker phrase opening a sentence ("Hillary Clinton posted ..., saying"), or null. */
export function sentenceSubject(masked: string, sentence: SentenceSpan): [number, number] | null {
  const m = /^(?:(?:[A-Z][\w.'’-]*|of|the)\s)*?(?:[A-Z][\w.'’-]*)(?=\s)|^(?:He|She|They|We|I)\b/.exec(masked.slice(sentence.start, sentence.end));
  if (m === null || LEADING_NON_SUBJECT.test(m[0])) return null;
  const [a, b] = trimSpan(masked, sentence.start, sentence.start + m[0].length);
  return b > a && isSpeakerPhrase(masked.slice(a, b)) ? [a, b] : null;
}

/** Finds the channel (platform, interview, conference) named in the reporter's text of a sentence. */
export function findChannel(masked: string, sentence: SentenceSpan): string | null {
  const m = CHANNEL_RE.exec(masked.slice(sentence.start, sentence.end));
  if (m === null) return null;
  const group = m.slice(1).find((g) => g !== undefined);
  return group === undefined ? null : group.trim().replace(/[.,;:]+$/, '');
}

/**
 * Finds the first cue of a sentence, outside quotation marks, that has a speaker phrase before it
 * ("Macron said", "Witkoff, Trump's envoy, called") or after it ("said Macron", "according to ...").
 */
export function findAttribution(
  masked: string,
  sentence: SentenceSpan,
  spans: readonly MarkedSpan[],
): Attribution | null {
  const text = masked.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(REGEXPS.cue)) {
    const cueStart = sentence.start + m.index;
    const cueEnd = cueStart + m[0].length;
    const isAccordingTo = m[0] === 'according to';
    const from = clauseStart(masked, sentence, spans, cueStart);
    const isAfterQuote = spans.some((sp) => sp.close !== null && sp.close + 1 === from);
    const before = isAccordingTo ? null : speakerBefore(masked, from, cueStart, isAfterQuote);
    const after = before === null ? speakerAfter(masked, cueEnd, sentence.end, isAfterQuote || isAccordingTo) : null;
    // "said Macron" only right after a quote or at the clause start; "according to X" anywhere.
    const isInverted = after !== null && (isAccordingTo || masked.slice(from, cueStart).trim().replace(/^,/, '').trim() === '');
    const speaker = before ?? (isInverted ? after : null) ?? (PARTICIPLE_CUES.has(m[0]) ? sentenceSubject(masked, sentence) : null);
    if (speaker === null) continue;
    return {
      cue: m[0],
      cueStart,
      cueEnd,
      speakerStart: speaker[0],
      speakerEnd: speaker[1],
      placement: before !== null ? 'before' : 'after',
      channel: findChannel(masked, sentence),
    };
  }
  return null;
}
