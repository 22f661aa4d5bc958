import { sentenceSubject, type Attribution } from './attribution.js';
import type { ParagraphInfo } from './paragraph.js';
import { MIN_CONTENT_WORDS, wordCount } from './reported.js';
import { NO_SPEAKER, type Speaker, type SpeakerResolver } from './speaker.js';
import type { Quote, QuoteKind, TextSpan } from './types.js';

/** Joins pieces of one quote separated by the reporter's words (`“X,” she said, “Y.”`): marks the cut. */
export const PIECE_SEPARATOR = ' … ';

function piecesOf(q: Quote): TextSpan[] {
  return q.pieces ? [...q.pieces] : [{ paragraph: q.paragraph, start: q.start, end: q.end }];
}

/** A stretch of quoted words in one sentence. */
export interface Segment {
  readonly paragraph: number;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  readonly attribution: Attribution | null;
}

interface Previous {
  readonly paragraph: number;
  readonly speaker: Speaker;
  readonly cue: string | null;
  readonly channel: string | null;
}

/**
 * Turns quoted segments into quotes, in text order, deciding who said each: its own attribution,
 * else the sentence introducing it with a colon, else the speaker of the quote just before (a
 * quote continued after "he said" joins that quote). Short quoted phrases nobody is said to have
 * said are titles and slogans, not quotes.
 */
export class QuoteAssembler {
  readonly quotes: Quote[] = [];
  private lastDirectSentence = -1;
  private previous: Previous | null = null;

  constructor(
    private readonly infos: readonly ParagraphInfo[],
    private readonly resolver: SpeakerResolver,
  ) {}

  speakerFor(attribution: Attribution | null, paragraph: number): Speaker {
    return attribution === null ? NO_SPEAKER : this.resolver.speakerOf(paragraph, this.infos[paragraph]!.text, attribution.speakerStart, attribution.speakerEnd);
  }

  /** Emits marked segments (one quote, possibly over several paragraphs). */
  emit(segments: readonly Segment[], speaker: Speaker, attribution: Attribution | null, isInherited: boolean): void {
    const first = segments[0]!;
    const last = segments[segments.length - 1]!;
    // A quote running over paragraphs is one continuous stretch of quoted words.
    const text = segments.map((s) => this.infos[s.paragraph]!.text.slice(s.start, s.end)).join(' ');
    if (this.joinsSentenceBefore(first, segments.length, text, last)) return;
    let chosen = speaker;
    let cue = attribution?.cue ?? null;
    let channel = attribution?.channel ?? null;
    if (isInherited && chosen.speaker === null) {
      const intro = this.colonIntroduction(first);
      if (intro !== null) ({ speaker: chosen, cue, channel } = intro);
    }
    if (isInherited && chosen.speaker === null && chosen.speakerSpan === null && wordCount(text) < MIN_CONTENT_WORDS && this.previous?.paragraph !== first.paragraph) return;
    if (isInherited && chosen.speaker === null && this.previous !== null && this.previous.paragraph >= first.paragraph - 1) {
      ({ speaker: chosen, cue, channel } = this.previous);
      if (this.joinsQuoteBefore(first, last, text)) return;
    }
    this.lastDirectSentence = first.kind === 'direct' ? last.sentence : -1;
    const pieces = segments.map((s) => ({ paragraph: s.paragraph, start: s.start, end: s.end }));
    this.push({
      ...(pieces.length > 1 ? { pieces } : {}),
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
  }

  /** Emits an unmarked or indirect quote of the reporter's sentence; only a named speaker carries over. */
  emitReported(quote: Quote): void {
    this.push(quote, quote.speaker !== null);
  }

  private push(quote: Quote, carriesSpeaker = quote.speaker !== null || quote.speakerSpan !== null): void {
    this.quotes.push(quote);
    if (carriesSpeaker) {
      this.previous = { paragraph: quote.endParagraph ?? quote.paragraph, speaker: { speaker: quote.speaker, speakerKind: quote.speakerKind, speakerSpan: quote.speakerSpan }, cue: quote.cue, channel: quote.channel };
    }
  }

  /** `“X,” she said, “y.”`: the second piece of one sentence continues the quote before it. */
  private joinsSentenceBefore(first: Segment, count: number, text: string, last: Segment): boolean {
    const prior = this.quotes[this.quotes.length - 1];
    const isSameSentence =
      prior !== undefined && prior.kind === 'direct' && first.kind === 'direct' && count === 1 &&
      (prior.endParagraph ?? prior.paragraph) === first.paragraph && this.lastDirectSentence === first.sentence;
    if (!isSameSentence) return false;
    this.quotes[this.quotes.length - 1] = { ...prior, text: `${prior.text}${PIECE_SEPARATOR}${text}`, end: last.end, pieces: [...piecesOf(prior), { paragraph: first.paragraph, start: first.start, end: last.end }] };
    return true;
  }

  /** `“X,” she said. “Y.”`: a quote right after another, with no attribution, continues the same utterance. */
  private joinsQuoteBefore(first: Segment, last: Segment, text: string): boolean {
    const before = this.quotes[this.quotes.length - 1];
    const isAdjacent =
      before !== undefined && before.kind === 'direct' && first.kind === 'direct' &&
      (before.endParagraph ?? before.paragraph) === first.paragraph && this.lastDirectSentence === first.sentence - 1;
    if (!isAdjacent) return false;
    this.quotes[this.quotes.length - 1] = {
      ...before,
      text: `${before.text}${PIECE_SEPARATOR}${text}`,
      end: last.end,
      pieces: [...piecesOf(before), { paragraph: first.paragraph, start: first.start, end: last.end }],
      ...(last.paragraph !== before.paragraph ? { endParagraph: last.paragraph } : {}),
    };
    this.lastDirectSentence = last.sentence;
    return true;
  }

  /** A quote paragraph introduced by the one before, ending in a colon ("The mayor put it plainly:"). */
  private colonIntroduction(first: Segment): Previous | null {
    if (first.kind !== 'direct' || first.sentence !== 0 || first.paragraph === 0) return null;
    const intro = this.infos[first.paragraph - 1]!;
    const lastSentence = intro.sentences[intro.sentences.length - 1];
    if (lastSentence === undefined || !intro.text.trimEnd().endsWith(':')) return null;
    const a = intro.attributions[intro.sentences.length - 1] ?? null;
    const range = a !== null ? [a.speakerStart, a.speakerEnd] : sentenceSubject(intro.masked, lastSentence, intro.lang);
    if (range === null) return null;
    return { paragraph: first.paragraph - 1, speaker: this.resolver.speakerOf(first.paragraph - 1, intro.text, range[0]!, range[1]!), cue: a?.cue ?? null, channel: a?.channel ?? null };
  }
}
