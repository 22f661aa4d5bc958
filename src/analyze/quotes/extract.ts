import {
  canonicalizeEntities,
  createEntityResolver,
  extractEntities,
  placeOfDemonym,
  type EntityMention,
} from '../entities/index.js';
import { findAttribution, MASK_CHAR, sentenceSubject, type Attribution } from './attribution.js';
import {
  CLAUSE_CUES,
  FIRST_PERSON_RE,
  ORG_SPEAKER_HEADS,
  PERSON_PRONOUNS,
  PERSON_SPEAKER_HEADS,
  PRONOUNS,
} from './lexicon.js';
import { findMarkedSpans, opensWithMark, type MarkedSpan } from './marks.js';
import { splitSentences, type SentenceSpan } from './sentences.js';
import type { ExtractQuotesOptions, Quote, QuoteKind, SpeakerKind, TextSpan } from './types.js';

/** Fewest words for reporter's text to count as an unmarked or indirect quote. */
const MIN_CONTENT_WORDS = 4;
/** Most words after a trailing cue ("..., he said in an interview with ...") for an unmarked quote. */
const MAX_TRAILING_WORDS = 16;
/** How far after the cue "that" may come ("said in an interview on March 26 that"). */
const MAX_WORDS_BEFORE_THAT = 14;

const REGEXPS = {
  headOf: /^(?:the |a |an |his |her |their )?([a-z]+) (?:of|for|to) (.+)$/i,
  that: /\bthat\b/,
  afterTrailingCue: /^\s*(?:[.!?"”]|$|,|(?:on|in|at|during|to|with|after|before|while|when|as|last|this|earlier|later|yesterday|today|told|from|via|of|about|shortly|and|but|adding|according|\w+day)\b)/,
  words: /\S+/g,
  preposition: /^\s*(?:on|in|at|during|to|with|after|before|about|of|for|from|by|as|while|when|,|:|\.|$)/,
  letterOrDigit: /[\p{L}\p{N}]/u,
  edgePunctuation: /^[\s,;:]+|[\s,;:]+$/g,
};

interface Speaker {
  readonly speaker: string | null;
  readonly speakerKind: SpeakerKind;
  readonly speakerSpan: (TextSpan & { readonly text: string }) | null;
}

const NO_SPEAKER: Speaker = { speaker: null, speakerKind: 'unknown', speakerSpan: null };

interface ParagraphInfo {
  readonly text: string;
  readonly masked: string;
  readonly spans: readonly MarkedSpan[];
  readonly sentences: readonly SentenceSpan[];
  readonly attributions: ReadonlyArray<Attribution | null>;
}

function analyseParagraph(text: string): ParagraphInfo {
  const spans = findMarkedSpans(text);
  let masked = text;
  for (const s of spans) masked = masked.slice(0, s.start) + MASK_CHAR.repeat(s.end - s.start) + masked.slice(s.end);
  const sentences = splitSentences(text, spans);
  return { text, masked, spans, sentences, attributions: sentences.map((s) => findAttribution(masked, s, spans)) };
}

function wordCount(text: string): number {
  return text.match(REGEXPS.words)?.length ?? 0;
}

function trimEdges(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Resolves speaker phrases to names using the article's own entity mentions. */
class SpeakerResolver {
  private lastPerson: string | null = null;
  private readonly resolve: (name: string) => string;

  constructor(private readonly mentions: readonly EntityMention[]) {
    const resolver = createEntityResolver(canonicalizeEntities([{ articleId: 0, source: null, mentions }]));
    this.resolve = (name) => resolver(name)?.name ?? name;
  }

  /** The person a later "he"/"she" refers to: the last speaker or named person subject. */
  notePerson(name: string): void {
    this.lastPerson = name;
  }

  /** Notes the first person named in a sentence outside quotes (not as a possessive) as the last person. */
  noteSentence(paragraph: number, sentence: SentenceSpan, masked: string): void {
    const subject = this.mentions.find(
      (m) =>
        m.paragraph === paragraph &&
        m.kind === 'person' &&
        m.start >= sentence.start &&
        m.end <= sentence.end &&
        m.isPossessive !== true &&
        !masked.slice(m.start, m.end).includes(MASK_CHAR),
    );
    if (subject !== undefined) this.lastPerson = this.resolve(subject.name);
  }

  speakerOf(paragraph: number, text: string, start: number, end: number): Speaker {
    const phrase = text.slice(start, end).trim();
    const span = { paragraph, start, end, text: phrase };
    const lower = phrase.toLowerCase();
    if (PERSON_PRONOUNS.has(lower)) {
      return { speaker: this.lastPerson, speakerKind: this.lastPerson === null ? 'unknown' : 'person', speakerSpan: span };
    }
    if (PRONOUNS.has(lower)) return { speaker: null, speakerKind: 'unknown', speakerSpan: span };
    const head = REGEXPS.headOf.exec(phrase);
    const headWord = head?.[1]?.toLowerCase();
    if (head !== null && headWord !== undefined && (ORG_SPEAKER_HEADS.has(headWord) || PERSON_SPEAKER_HEADS.has(headWord))) {
      const innerStart = start + phrase.length - head[2]!.length;
      const inner = this.nameIn(paragraph, innerStart, end);
      const name = inner?.name ?? head[2]!;
      return {
        speaker: `${headWord} of ${name}`,
        speakerKind: ORG_SPEAKER_HEADS.has(headWord) ? 'organisation' : 'person',
        speakerSpan: span,
      };
    }
    const named = this.nameIn(paragraph, start, end);
    if (named !== null) return { speaker: named.name, speakerKind: named.kind, speakerSpan: span };
    const described = this.describedPerson(paragraph, start, phrase);
    if (described !== null) return { speaker: described, speakerKind: 'person', speakerSpan: span };
    return { speaker: phrase.replace(/^(?:the|a|an) /i, ''), speakerKind: 'unknown', speakerSpan: span };
  }

  private nameIn(paragraph: number, start: number, end: number): { name: string; kind: SpeakerKind } | null {
    const inside = this.mentions.filter((m) => m.paragraph === paragraph && m.start >= start && m.end <= end);
    const person = [...inside].reverse().find((m) => m.kind === 'person');
    if (person !== undefined) return { name: this.resolve(person.name), kind: 'person' };
    const org = [...inside].reverse().find((m) => m.kind !== 'person');
    return org === undefined ? null : { name: org.name, kind: 'organisation' };
  }

  /** "the French president" → the last person before it titled president and qualified French. */
  private describedPerson(paragraph: number, start: number, phrase: string): string | null {
    const words = phrase.toLowerCase().split(/\s+/);
    const head = words[words.length - 1]!;
    const country = words.map((w) => placeOfDemonym(w)).find((p) => p !== null) ?? null;
    const candidates = this.mentions.filter(
      (m) =>
        m.kind === 'person' &&
        (m.paragraph < paragraph || (m.paragraph === paragraph && m.end <= start)) &&
        m.title !== undefined &&
        (head === 'leader' || m.title.split(' ').includes(head)) &&
        (country === null || m.qualifier === country),
    );
    const last = candidates[candidates.length - 1];
    return last === undefined || (country === null && head === 'leader') ? null : this.resolve(last.name);
  }
}

interface Segment {
  readonly paragraph: number;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  readonly attribution: Attribution | null;
}

/**
 * Finds the quotes of one article and who said them.
 *
 * Workflow, per sentence (sentences never split inside quotation marks):
 *  1. Quoted stretches: whole utterances are `direct`, words quoted inside the reporter's own
 *     sentence are `partial` (kept only when the sentence names a speaker). A quote left open at a
 *     paragraph's end continues into the next paragraph when that one opens with a mark.
 *  2. Attribution: the first cue verb outside the marks with a speaker phrase before it ("Macron
 *     said", "Witkoff, Trump's envoy, called") or after it ("said Macron", "according to ...").
 *     A quote with no cue of its own takes the speaker of the quote just before it.
 *  3. Without marks: "..., Macron said." is an `unmarked` quote (stretched back over earlier
 *     first-person sentences of the paragraph); "Macron said (that) ..." is `indirect`.
 *  4. Speakers: names resolve to the article's fullest form of the name; "he"/"she" to the last
 *     speaker or named person subject; "the office of X" to an organisation; "the French
 *     president" to the last person so titled.
 * Deterministic. Quotes come in text order.
 */
export function extractQuotes(paragraphs: readonly string[], opts: ExtractQuotesOptions = {}): Quote[] {
  const mentions = opts.entities ?? extractEntities(paragraphs);
  const infos = paragraphs.map(analyseParagraph);
  const resolver = new SpeakerResolver(mentions);
  const quotes: Quote[] = [];
  let pending: Segment[] = [];
  let lastDirectSentence = -1;
  let previous: { paragraph: number; speaker: Speaker; cue: string | null; channel: string | null } | null = null;

  const speakerFor = (attribution: Attribution | null, paragraph: number): Speaker =>
    attribution === null
      ? NO_SPEAKER
      : resolver.speakerOf(paragraph, infos[paragraph]!.text, attribution.speakerStart, attribution.speakerEnd);

  const emit = (segments: readonly Segment[], speaker: Speaker, attribution: Attribution | null, isInherited: boolean): void => {
    const first = segments[0]!;
    const last = segments[segments.length - 1]!;
    const text = segments.map((s) => infos[s.paragraph]!.text.slice(s.start, s.end)).join(' ');
    let chosen = speaker;
    let cue = attribution?.cue ?? null;
    let channel = attribution?.channel ?? null;
    // "“X,” Brafman said, “y.”": the second piece of one sentence continues the first.
    const prior = quotes[quotes.length - 1];
    if (
      prior !== undefined &&
      prior.kind === 'direct' &&
      first.kind === 'direct' &&
      segments.length === 1 &&
      (prior.endParagraph ?? prior.paragraph) === first.paragraph &&
      lastDirectSentence === first.sentence
    ) {
      quotes[quotes.length - 1] = { ...prior, text: `${prior.text} ${text}`, end: last.end };
      return;
    }
    if (isInherited && chosen.speaker === null && first.kind === 'direct' && first.sentence === 0 && first.paragraph > 0) {
      // A quote paragraph introduced by the one before: "Cruz called them on it:".
      const intro = infos[first.paragraph - 1]!;
      const lastSentence = intro.sentences[intro.sentences.length - 1];
      if (lastSentence !== undefined && intro.text.trimEnd().endsWith(':')) {
        const a = intro.attributions[intro.sentences.length - 1] ?? null;
        const range = a !== null ? [a.speakerStart, a.speakerEnd] : sentenceSubject(intro.masked, lastSentence);
        if (range !== null) {
          chosen = resolver.speakerOf(first.paragraph - 1, intro.text, range[0]!, range[1]!);
          cue = a?.cue ?? null;
          channel = a?.channel ?? null;
        }
      }
    }
    if (isInherited && chosen.speaker === null && chosen.speakerSpan === null && wordCount(text) < MIN_CONTENT_WORDS && previous?.paragraph !== first.paragraph) {
      // Short unattributed quotes are titles and slogans, not speech.
      return;
    }
    if (isInherited && chosen.speaker === null && previous !== null && previous.paragraph >= first.paragraph - 1) {
      chosen = previous.speaker;
      cue = previous.cue;
      channel = previous.channel;
      // "X," Macron said. "Y.": Y continues the same utterance; join it to X's quote.
      const before = quotes[quotes.length - 1];
      const isAdjacent =
        before !== undefined &&
        before.kind === 'direct' &&
        first.kind === 'direct' &&
        (before.endParagraph ?? before.paragraph) === first.paragraph &&
        lastDirectSentence === first.sentence - 1;
      if (isAdjacent) {
        quotes[quotes.length - 1] = {
          ...before,
          text: `${before.text} ${text}`,
          end: last.end,
          ...(last.paragraph !== before.paragraph ? { endParagraph: last.paragraph } : {}),
        };
        lastDirectSentence = last.sentence;
        return;
      }
    }
    lastDirectSentence = first.kind === 'direct' ? last.sentence : -1;
    quotes.push({
      text,
      kind: first.kind,
      ...chosen,
      cue,
      channel,
      paragraph: first.paragraph,
      sentence: first.sentence,
      start: first.start,
      end: last.end,
      ...(last.paragraph !== first.paragraph ? { endParagraph: last.paragraph } : {}),
    });
    if (chosen.speaker !== null || chosen.speakerSpan !== null) previous = { paragraph: last.paragraph, speaker: chosen, cue, channel };
  };

  infos.forEach((info, p) => {
    info.sentences.forEach((sentence, si) => {
      const attribution = info.attributions[si] ?? null;
      // Resolve before noting this sentence's people, so "he" points backwards.
      const speaker = speakerFor(attribution, p);
      const spans = info.spans.filter((s) => s.open >= sentence.start && s.open < sentence.end);
      let hasDirect = false;
      for (const span of spans) {
        const isContinuation = pending.length > 0 && span === info.spans[0] && opensWithMark(info.text.slice(0, span.open + 1));
        const before = info.text.slice(sentence.start, span.open).trimEnd();
        const lastChar = before[before.length - 1];
        const isPartial = !isContinuation && lastChar !== undefined && REGEXPS.letterOrDigit.test(lastChar);
        const [start, end] = trimEdges(info.text, span.start, span.end);
        if (end <= start) continue;
        const segment: Segment = { paragraph: p, sentence: si, start, end, kind: isPartial ? 'partial' : 'direct', attribution };
        if (isPartial) {
          if (attribution !== null) emit([segment], speaker, attribution, false);
          continue;
        }
        hasDirect = true;
        const segments = isContinuation ? [...pending, segment] : [segment];
        pending = [];
        const runsOn = span.close === null && p + 1 < infos.length && opensWithMark(paragraphs[p + 1]!);
        if (runsOn) {
          pending = segments;
          continue;
        }
        const attributed = segments.map((s) => s.attribution).find((a) => a !== null) ?? null;
        const owner = attributed === null ? NO_SPEAKER : attributed === attribution ? speaker : speakerFor(attributed, segments.find((s) => s.attribution === attributed)!.paragraph);
        emit(segments, owner, attributed, attributed === null);
      }
      if (!hasDirect && attribution !== null) {
        const reported = reportedSpeech(info, sentence, attribution);
        if (reported !== null) {
          let start = reported.start;
          if (reported.kind === 'unmarked') {
            // A stripped quote often runs over earlier first-person sentences of the paragraph.
            for (let k = si - 1; k >= 0; k--) {
              const earlier = info.sentences[k]!;
              const text = info.text.slice(earlier.start, earlier.end);
              const isUnattributed = info.attributions[k] === null && !info.spans.some((s) => s.open >= earlier.start && s.open < earlier.end);
              if (!isUnattributed || !FIRST_PERSON_RE.test(text)) break;
              start = earlier.start;
            }
          }
          quotes.push({
            text: info.text.slice(start, reported.end),
            kind: reported.kind,
            ...speaker,
            cue: attribution.cue,
            channel: attribution.channel,
            paragraph: p,
            sentence: si,
            start,
            end: reported.end,
          });
          if (speaker.speaker !== null) previous = { paragraph: p, speaker, cue: attribution.cue, channel: attribution.channel };
        }
      }
      if (speaker.speakerKind === 'person' && speaker.speaker !== null) resolver.notePerson(speaker.speaker);
      else if (attribution === null) resolver.noteSentence(p, sentence, info.masked);
    });
    if (pending.length > 0 && !(p + 1 < infos.length && opensWithMark(paragraphs[p + 1]!))) {
      const attributed = pending.map((s) => s.attribution).find((a) => a !== null) ?? null;
      emit(pending, speakerFor(attributed, p), attributed, attributed === null);
      pending = [];
    }
  });
  return quotes;
}

/** The unmarked or indirect quote an attribution introduces in a sentence without direct quotes. */
function reportedSpeech(
  info: ParagraphInfo,
  sentence: SentenceSpan,
  attribution: Attribution,
): { kind: QuoteKind; start: number; end: number } | null {
  const { masked, text } = info;
  const leadEnd = attribution.placement === 'before' ? attribution.speakerStart : attribution.cueStart;
  const lead = masked.slice(sentence.start, leadEnd).trimEnd();
  const trailing = masked.slice(attribution.cueEnd, sentence.end);
  // "..., Macron said." / "..., said Macron." / "..., according to officials."
  const isTrailingCue = REGEXPS.afterTrailingCue.test(trailing) && !REGEXPS.that.test(trailing) && wordCount(trailing) <= MAX_TRAILING_WORDS;
  if (lead.endsWith(',') && isTrailingCue) {
    const [start, end] = trimEdges(text, sentence.start, sentence.start + lead.length - 1);
    if (wordCount(text.slice(start, end)) >= MIN_CONTENT_WORDS) return { kind: 'unmarked', start, end };
    return null;
  }
  if (attribution.placement !== 'before' || !CLAUSE_CUES.has(attribution.cue)) return null;
  // "Macron said (on Wednesday) (that) ...": the content runs from "that", or right after the cue.
  let start = attribution.cueEnd;
  const that = REGEXPS.that.exec(trailing);
  if (that !== null && wordCount(trailing.slice(0, that.index)) <= MAX_WORDS_BEFORE_THAT) {
    start = attribution.cueEnd + that.index + that[0].length;
  } else if (REGEXPS.preposition.test(trailing)) {
    return null;
  }
  let end = sentence.end;
  while (end > start && /[\s.!?"”]/.test(text[end - 1]!)) end--;
  const [s, e] = trimEdges(text, start, end);
  return wordCount(text.slice(s, e)) >= MIN_CONTENT_WORDS ? { kind: 'indirect', start: s, end: e } : null;
}
