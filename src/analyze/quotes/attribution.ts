import type { QuoteLanguage } from './lang.js';
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

const REGEXPS = {
  clauseBreak: /[;:—–―(\n]|\s-\s|\s--\s/g,
  possessive: /['’]s?$/,
  contraction: /['’](?:ll|re|ve|d|m)$/i,
  // The cue opens the quote: `said, “...`, `replied: “...`, `says of the plan, “...`.
  beforeQuote: /^[^\uE000.;!?]{0,40}?[,:]\s*[“"„«»\uE000]/,
  capitalised: /^\p{Lu}/u,
  // A name (capitalised words) then a lower-case word, opening a clause.
  nameThenWord: /^\s*((?:\p{Lu}[\p{L}\p{N}_'’\uE001-]*\s+){0,3}\p{Lu}[\p{L}\p{N}_'’\uE001-]*)\s+\p{Ll}/u,
  subject: /^(?:(?:\p{Lu}[\p{L}\p{N}_.'’\uE001-]*|of|the)\s)*(?:\p{Lu}[\p{L}\p{N}_.'’\uE001-]*)(?=\s)|^(?:He|She|They|We|I)\b/u,
};


/** True when `phrase` reads as the name of a speaker: a pronoun, a name, or a descriptive noun phrase. */
export function isSpeakerPhrase(phrase: string, lang: QuoteLanguage): boolean {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 12) return false;
  if (phrase.includes(MASK_CHAR) || /["“”„«»]/.test(phrase)) return false;
  const last = words[words.length - 1]!.replace(/[,.]$/, '');
  if (words.length === 1 && lang.pronouns.has(last.toLowerCase())) return true;
  if (words.length === 1 && isFunctionWord(last, lang)) return false;
  if (lang.code === 'en' && words.some((w) => REGEXPS.contraction.test(w))) return false;
  const isNameLast = REGEXPS.capitalised.test(last) && !lang.pronouns.has(last.toLowerCase());
  const isNounLast = lang.speakerNouns.has(last.toLowerCase());
  if (!isNameLast && !isNounLast) return false;
  return words.every((w) => {
    const bare = w.replace(/[,.]$/, '');
    if (REGEXPS.capitalised.test(bare) || REGEXPS.possessive.test(bare)) return true;
    const lower = bare.toLowerCase();
    return lang.isPhraseWord(lower) || lang.speakerNouns.has(lower) || /^\d/.test(bare);
  });
}

/** A lone capitalised function word ("The", "This") names no one. */
function isFunctionWord(word: string, lang: QuoteLanguage): boolean {
  return lang.code === 'en' ? FUNCTION_WORD.test(word) : lang.isPhraseWord(word.toLowerCase()) && !lang.speakerNouns.has(word.toLowerCase());
}

/** Looser test for a phrase right next to a quote (`,” the businessman replied`, `said the 46-year-old`). */
function isLooseSpeakerPhrase(phrase: string, lang: QuoteLanguage): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 8 || phrase.includes(MASK_CHAR) || /["“”„«»,;:]/.test(phrase)) return false;
  const opens = lang.code === 'en' ? /^(?:the|a|an|one|his|her|their|my|our|your|\p{Lu}|\d)/u.test(words[0]!) : REGEXPS.capitalised.test(words[0]!) || lang.determinerRe.test(`${words[0]!} `);
  return (opens && !isFunctionWord(phrase.trim(), lang)) || isSpeakerPhrase(phrase, lang);
}

// A lone capitalised function word ("The", "This") names no one.
const FUNCTION_WORD = /^(?:The|A|An|This|That|These|Those|It|Its|There|Here|Then|But|And|So|When|If|As)$/;


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
function speakerBefore(masked: string, from: number, cueStart: number, isAfterQuote: boolean, isBeforeQuote: boolean, lang: QuoteLanguage): [number, number] | null {
  let seg = masked.slice(from, cueStart);
  // "I laughed and said": the subject of the first of two joined verbs.
  const joined = lang.joinedVerbsRe.exec(seg);
  if (joined !== null && isSpeakerPhrase(joined[1]!, lang)) return [from + joined.index, from + joined.index + joined[1]!.length];
  const tail = lang.adverbialTailRe.exec(seg);
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
    if (endsWithComma && lang.adverbialPieceRe.test(masked.slice(s, e))) continue;
    // Keep what follows the last clause word ("a plan that the ministry said").
    for (const m of masked.slice(s, e).matchAll(lang.clauseWordRe)) start = s + m.index + m[0].length;
    const lead = lang.leadingConjunctionRe.exec(masked.slice(start, e));
    if (lead !== null) start += lead[0].length;
    const [a, b] = trimSpan(masked, start, e);
    const isNextToQuote = (isAfterQuote || isBeforeQuote) && !endsWithComma;
    if (b > a && (isSpeakerPhrase(masked.slice(a, b), lang) || (isNextToQuote && isLooseSpeakerPhrase(masked.slice(a, b), lang)))) return [a, b];
    if (!endsWithComma) break;
  }
  return null;
}

/** The speaker phrase right after a cue ("said Varga", "according to officials"), or null. */
function speakerAfter(masked: string, cueEnd: number, sentenceEnd: number, isLoose: boolean, lang: QuoteLanguage): [number, number] | null {
  const m = lang.afterSpeakerRe.exec(masked.slice(cueEnd, sentenceEnd));
  if (m === null) return null;
  const start = cueEnd + m[0].length - m[1]!.length;
  const [a, b] = trimSpan(masked, start, start + m[1]!.length);
  return b > a && (isSpeakerPhrase(masked.slice(a, b), lang) || (isLoose && isLooseSpeakerPhrase(masked.slice(a, b), lang))) ? [a, b] : null;
}

/**
 * The subject of the clause a participle cue ends: the first comma-separated piece that opens
 * with a name followed by a lower-case verb ("In a speech, Lind attacked the plan, saying").
 */
function clauseSubject(masked: string, from: number, cueStart: number, lang: QuoteLanguage): [number, number] | null {
  const seg = masked.slice(from, cueStart);
  let offset = 0;
  for (const piece of seg.split(',')) {
    const m = REGEXPS.nameThenWord.exec(piece);
    if (m !== null && !lang.leadingNonSubjectRe.test(m[1]!) && isSpeakerPhrase(m[1]!, lang)) {
      const start = from + offset + piece.indexOf(m[1]!);
      return [start, start + m[1]!.length];
    }
    offset += piece.length + 1;
  }
  return null;
}

/** The speaker phrase opening a sentence ("Ana Ruiz posted a photo, saying"), or null. */
export function sentenceSubject(masked: string, sentence: SentenceSpan, lang: QuoteLanguage): [number, number] | null {
  const m = REGEXPS.subject.exec(masked.slice(sentence.start, sentence.end));
  if (m === null || lang.leadingNonSubjectRe.test(m[0])) return null;
  const [a, b] = trimSpan(masked, sentence.start, sentence.start + m[0].length);
  return b > a && isSpeakerPhrase(masked.slice(a, b), lang) ? [a, b] : null;
}

/** Finds the channel (platform, interview, conference) named in the reporter's text of a sentence. */
export function findChannel(masked: string, sentence: SentenceSpan, lang: QuoteLanguage): string | null {
  if (lang.channelRe === null) return null;
  const m = lang.channelRe.exec(masked.slice(sentence.start, sentence.end));
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
  lang: QuoteLanguage,
): Attribution | null {
  const text = masked.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(lang.cueRe)) {
    const cueStart = sentence.start + m.index;
    const cueEnd = cueStart + m[0].length;
    const cue = m[0].toLowerCase().replace(/\s+/g, ' ');
    // "X is told", "X was told": X is the listener; the speaker is not named here.
    if (lang.addresseeCues.has(cue) && lang.passiveBeforeRe.test(masked.slice(sentence.start, cueStart))) continue;
    const isAccordingTo = lang.accordingTo.has(cue.replace(/\s+/g, ' '));
    const from = clauseStart(masked, sentence, spans, cueStart);
    const isAfterQuote = spans.some((sp) => sp.close !== null && sp.close + 1 === from);
    const isBeforeQuote = REGEXPS.beforeQuote.test(masked.slice(cueEnd, sentence.end)) || REGEXPS.beforeQuote.test(text.slice(cueEnd - sentence.start));
    const isParticiple = lang.participles.has(cue);
    // "Lind criticised the plan, saying ...": the participle's speaker is the clause's subject.
    const subject = isParticiple ? clauseSubject(masked, from, cueStart, lang) : null;
    const before = isAccordingTo ? null : (subject ?? speakerBefore(masked, from, cueStart, isAfterQuote, isBeforeQuote, lang));
    // "told reporters": the object of these cues is the listener, not the speaker.
    const after = before === null && !lang.addresseeCues.has(cue) ? speakerAfter(masked, cueEnd, sentence.end, isAfterQuote || isAccordingTo, lang) : null;
    // "said Varga" only right after a quote or at the clause start; "according to X" anywhere.
    const isInverted = after !== null && (isAccordingTo || masked.slice(from, cueStart).trim().replace(/^,/, '').trim() === '');
    const speaker = before ?? (isInverted ? after : null) ?? (isParticiple ? sentenceSubject(masked, sentence, lang) : null);
    if (speaker === null) continue;
    return {
      cue,
      cueStart,
      cueEnd,
      speakerStart: speaker[0],
      speakerEnd: speaker[1],
      placement: before !== null ? 'before' : 'after',
      channel: findChannel(masked, sentence, lang),
    };
  }
  return null;
}
