import { ADDRESSEE_CUES, ADVERBIAL_TAIL_RE, CHANNEL_RE, CUE_WORDS, PARTICIPLE_CUES, PRONOUNS, SPEAKER_NOUNS } from './lexicon.js';
import type { MarkedSpan } from './marks.js';
import type { SentenceSpan } from './sentences.js';

/** A cue verb and the words naming its speaker, found in one sentence. */
export interface Attribution {
  readonly cue: string;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly speakerStart: number;
  readonly speakerEnd: number;
  /** `before`: "Varga said"; `after`: "said Varga" / "according to Varga". */
  readonly placement: 'before' | 'after';
  readonly channel: string | null;
}

/** Stands in for quoted words so that attribution patterns only see the reporter's text. */
export const MASK_CHAR = '\uE000';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REGEXPS = {
  // "Said the minister:", "According to the report": a cue may open a sentence with a capital.
  cue: new RegExp(`\\b(?:${[...CUE_WORDS].sort((a, b) => b.length - a.length).map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${escape(w.slice(1))}`).join('|')})\\b`, 'g'),
  clauseBreak: /[;:—–―(\n]|\s-\s|\s--\s/g,
  clauseWord:
    /\b(?:and|but|that|which|who|whom|while|as|because|so|when|if|after|before|since|where|although|though|whether|than|what|how|why|then)\s/g,
  afterSpeaker: /^\s+([^,.;:!?\uE000"“”]{1,80}?)(?=\s*(?:[,.;:!?"“”]|$|\s(?:on|in|at|during|after|before|as|when|while|who|which|to|that|about|of|last|this|earlier|later)\s))/,
  possessive: /['’]s?$/,
  passiveBefore: /\b(?:is|was|were|are|been|being|be)\s+$/i,
  adverbialPiece: /^\s*(?:In|On|At|After|Before|During|Since|Until|By|For|From|With|Without|Under|Over|Earlier|Later|Last|This|Next|Yesterday|Today|Meanwhile|However|Still|Instead|Also|Then|Now)\b/,
  leadingConjunction: /^\s*(?:But|And|So|Yet|Or|Still|Then|Now|Also)\s+/,
  contraction: /['’](?:ll|re|ve|d|m)$/i,
  joinedVerbs: /(?:^|[\s,])((?:[A-Z][\w'’\uE001-]*\s+){0,3}[A-Z][\w'’\uE001-]*|he|she|they|we|I)\s+[a-z]+ed\s+and\s*$/,
  // The cue opens the quote: `said, “...`, `replied: “...`, `says of the plan, “...`.
  beforeQuote: /^[^\uE000.;!?]{0,40}?[,:]\s*[“"\uE000]/,
  capitalised: /^[A-Z\u00C0-\u00DE]/,
  word: /\S+/g,
};

/** Lower-case words allowed inside a speaker phrase ("the press office of the regional government"). */
const PHRASE_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'of', 'for', 'at', 'from', 'in', 'and', 'former', 'top', 'senior',
  'chief', 'regional', 'deputy', 'foreign', 'state', 'press', 'national', 'security', 'special', 'prime', 'vice',
  'presidential', 'host', 'anchor', 'several', 'some', 'many', 'two', 'three', 'other', 'local', 'federal',
  'military', 'defense', 'defence', 'interior', 'finance', 'treasury', 'another', 'one', 'unnamed', 'anonymous',
  'independent', 'longtime', 'current', 'acting', 'general', 'government', 'party',
  'campaign', 'economic', 'political', 'republican', 'democratic', 'conservative', 'liberal', 'new', 'recent',
  'public', 'private', 'polling', 'election', 'opposition', 'ruling', 'head', 'executive', 'managing', 'research',
  'policy', 'communications', 'media', 'council', 'union', 'majority', 'minority', 'leadership',
  'trade', 'energy', 'health', 'justice', 'legal', 'intelligence', 'police', 'senate', 'congressional', 'western', 'eastern', 'northern', 'southern', 'top-level', 'high-ranking', 'elected', 'appointed',
]);

/** True when `phrase` reads as the name of a speaker: a pronoun, a name, or a descriptive noun phrase. */
export function isSpeakerPhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12) return false;
  if (phrase.includes(MASK_CHAR) || /["“”]/.test(phrase)) return false;
  const last = words[words.length - 1]!.replace(/[,.]$/, '');
  if (words.length === 1 && PRONOUNS.has(last.toLowerCase())) return true;
  if (words.length === 1 && FUNCTION_WORD.test(last)) return false;
  if (words.some((w) => REGEXPS.contraction.test(w))) return false;
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
  return /^(?:the|a|an|one|his|her|their|my|our|your|[A-Z\u00C0-\u00DE]|\d)/.test(words[0]!) && !FUNCTION_WORD.test(phrase.trim()) || isSpeakerPhrase(phrase);
}

// A lone capitalised function word ("The", "This") names no one.
const FUNCTION_WORD = /^(?:The|A|An|This|That|These|Those|It|Its|There|Here|Then|But|And|So|When|If|As)$/;

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
function speakerBefore(masked: string, from: number, cueStart: number, isAfterQuote: boolean, isBeforeQuote = false): [number, number] | null {
  let seg = masked.slice(from, cueStart);
  // "I laughed and said": the subject of the first of two joined verbs.
  const joined = REGEXPS.joinedVerbs.exec(seg);
  if (joined !== null && isSpeakerPhrase(joined[1]!)) return [from + joined.index, from + joined.index + joined[1]!.length];
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
  // "Okafor, the mayor's envoy, said": the subject is the first piece that names a speaker.
  const order = endsWithComma ? pieces.filter(([s, e]) => masked.slice(s, e).trim() !== '') : [pieces[pieces.length - 1]!];
  for (const [s, e] of order) {
    let start = s;
    // "In May, the minister said": an opening adverbial names no one.
    if (endsWithComma && REGEXPS.adverbialPiece.test(masked.slice(s, e))) continue;
    // Keep what follows the last clause word ("a plan that the ministry said").
    for (const m of masked.slice(s, e).matchAll(REGEXPS.clauseWord)) start = s + m.index + m[0].length;
    const lead = REGEXPS.leadingConjunction.exec(masked.slice(start, e));
    if (lead !== null) start += lead[0].length;
    const [a, b] = trimSpan(masked, start, e);
    const isNextToQuote = (isAfterQuote || isBeforeQuote) && !endsWithComma;
    if (b > a && (isSpeakerPhrase(masked.slice(a, b)) || (isNextToQuote && isLooseSpeakerPhrase(masked.slice(a, b))))) return [a, b];
    if (!endsWithComma) break;
  }
  return null;
}

/** The speaker phrase right after a cue ("said Varga", "according to officials"), or null. */
function speakerAfter(masked: string, cueEnd: number, sentenceEnd: number, isLoose: boolean): [number, number] | null {
  const m = REGEXPS.afterSpeaker.exec(masked.slice(cueEnd, sentenceEnd));
  if (m === null) return null;
  const start = cueEnd + m[0].length - m[1]!.length;
  const [a, b] = trimSpan(masked, start, start + m[1]!.length);
  return b > a && (isSpeakerPhrase(masked.slice(a, b)) || (isLoose && isLooseSpeakerPhrase(masked.slice(a, b)))) ? [a, b] : null;
}

/**
 * The subject of the clause a participle cue ends: the first comma-separated piece that opens
 * with a name followed by a lower-case verb ("In a speech, Lind attacked the plan, saying").
 */
function clauseSubject(masked: string, from: number, cueStart: number): [number, number] | null {
  const seg = masked.slice(from, cueStart);
  let offset = 0;
  for (const piece of seg.split(',')) {
    const m = /^\s*((?:[A-Z][\w'’\uE001-]*\s+){0,3}[A-Z][\w'’\uE001-]*)\s+[a-z]/.exec(piece);
    if (m !== null && !LEADING_NON_SUBJECT.test(m[1]!) && isSpeakerPhrase(m[1]!)) {
      const start = from + offset + piece.indexOf(m[1]!);
      return [start, start + m[1]!.length];
    }
    offset += piece.length + 1;
  }
  return null;
}

/** The speaker phrase opening a sentence ("Hillary Clinton posted ..., saying"), or null. */
export function sentenceSubject(masked: string, sentence: SentenceSpan): [number, number] | null {
  const m = /^(?:(?:[A-Z][\w.'’\uE001-]*|of|the)\s)*(?:[A-Z][\w.'’\uE001-]*)(?=\s)|^(?:He|She|They|We|I)\b/.exec(masked.slice(sentence.start, sentence.end));
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
 * ("Varga said", "Okafor, the mayor's envoy, called") or after it ("said Varga", "according to ...").
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
    const cue = m[0].toLowerCase();
    // "X is told", "X was told": X is the listener; the speaker is not named here.
    if (ADDRESSEE_CUES.has(cue) && REGEXPS.passiveBefore.test(masked.slice(sentence.start, cueStart))) continue;
    const isAccordingTo = cue === 'according to';
    const from = clauseStart(masked, sentence, spans, cueStart);
    const isAfterQuote = spans.some((sp) => sp.close !== null && sp.close + 1 === from);
    const isBeforeQuote = REGEXPS.beforeQuote.test(masked.slice(cueEnd, sentence.end)) || REGEXPS.beforeQuote.test(text.slice(cueEnd - sentence.start));
    const isParticiple = PARTICIPLE_CUES.has(m[0].toLowerCase());
    // "Lind criticised the plan, saying ...": the participle's speaker is the clause's subject.
    const subject = isParticiple ? clauseSubject(masked, from, cueStart) : null;
    const before = isAccordingTo ? null : (subject ?? speakerBefore(masked, from, cueStart, isAfterQuote, isBeforeQuote));
    // "told reporters": the object of these cues is the listener, not the speaker.
    const after = before === null && !ADDRESSEE_CUES.has(cue) ? speakerAfter(masked, cueEnd, sentence.end, isAfterQuote || isAccordingTo) : null;
    // "said Varga" only right after a quote or at the clause start; "according to X" anywhere.
    const isInverted = after !== null && (isAccordingTo || masked.slice(from, cueStart).trim().replace(/^,/, '').trim() === '');
    const speaker = before ?? (isInverted ? after : null) ?? (isParticiple ? sentenceSubject(masked, sentence) : null);
    if (speaker === null) continue;
    return {
      cue,
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
