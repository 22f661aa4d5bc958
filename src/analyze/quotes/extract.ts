import { extractEntities } from '../entities/index.js';
import { QuoteAssembler, type Segment } from './assemble.js';
import { dashCredit, isPartialSpan, isQuotedSpeech, runsOn } from './marked.js';
import { opensWithMark } from './marks.js';
import { quoteLanguage } from './lang.js';
import { analyseParagraph } from './paragraph.js';
import { reportedSpeech, trimEdges } from './reported.js';
import { NO_SPEAKER, SpeakerResolver } from './speaker.js';
import type { ExtractQuotesOptions, Quote } from './types.js';

/**
 * Finds the quotes of one article and who said them.
 *
 * Workflow, per sentence (sentences never split inside quotation marks):
 *  1. Quoted stretches ({@link analyseParagraph}): whole utterances are `direct`; words quoted
 *     inside the reporter's sentence are `partial`, kept only when the sentence attributes them
 *     and they are not a name or title in quotation marks. A quote left open at a paragraph's
 *     end continues into the next paragraph when that one opens with a mark.
 *  2. Attribution: the first cue outside the marks with a speaker phrase before it ("the minister
 *     said", "Lind, the party's leader, called") or after it ("said Lind", "according to ...").
 *  3. Without marks ({@link reportedSpeech}): "..., Lind said." is `unmarked`; "Lind said (that)
 *     ..." is `indirect`. Both are reported speech, printed in the outlet's own words.
 *  4. Speakers ({@link SpeakerResolver}) and quotes without an attribution of their own
 *     ({@link QuoteAssembler}).
 * Marks, verbs, pronouns and speaker nouns come from the language's bundle; an article in a
 * language without one gives no quotes. Deterministic. Quotes come in text order.
 */
export function extractQuotes(paragraphs: readonly string[], opts: ExtractQuotesOptions = {}): Quote[] {
  const lang = quoteLanguage(opts.language);
  if (lang === null) return [];
  const mentions = opts.entities ?? extractEntities(paragraphs, opts.language);
  const infos = paragraphs.map((p) => analyseParagraph(p, lang));
  const resolver = new SpeakerResolver(mentions, lang);
  const out = new QuoteAssembler(infos, resolver);
  let pending: Segment[] = [];

  const emitSegments = (segments: Segment[]): void => {
    const last = segments[segments.length - 1]!;
    const attributed = segments.map((s) => s.attribution).find((a) => a !== null) ?? dashCredit(infos[last.paragraph]!, last.end);
    const at = segments.find((s) => s.attribution === attributed)?.paragraph ?? (attributed === null ? segments[0]!.paragraph : last.paragraph);
    out.emit(segments, attributed === null ? NO_SPEAKER : out.speakerFor(attributed, at), attributed, attributed === null);
  };

  infos.forEach((info, p) => {
    info.sentences.forEach((sentence, si) => {
      const attribution = info.attributions[si] ?? null;
      // Resolve before noting this sentence's people, so "he" points backwards.
      const speaker = out.speakerFor(attribution, p);
      let hasDirect = false;
      for (const span of info.spans.filter((s) => s.open >= sentence.start && s.open < sentence.end)) {
        const isContinuation = pending.length > 0 && span === info.spans[0] && opensWithMark(info.text.slice(0, span.open + 1), lang.marks);
        const isPartial = isPartialSpan(info, sentence, span, isContinuation);
        const [start, end] = trimEdges(info.text, span.start, span.end);
        if (end <= start) continue;
        const segment: Segment = { paragraph: p, sentence: si, start, end, kind: isPartial ? 'partial' : 'direct', attribution };
        if (isPartial) {
          if (attribution !== null && isQuotedSpeech(info, span, attribution)) out.emit([segment], speaker, attribution, false);
          continue;
        }
        hasDirect = true;
        const segments = isContinuation ? [...pending, segment] : [segment];
        pending = [];
        if (runsOn(span, paragraphs, p, info)) pending = segments;
        else emitSegments(segments);
      }
      if (!hasDirect && attribution !== null) {
        const reported = reportedSpeech(info, si, attribution);
        if (reported !== null) {
          out.emitReported({
            text: info.text.slice(reported.start, reported.end),
            kind: reported.kind,
            ...speaker,
            cue: attribution.cue,
            channel: attribution.channel,
            paragraph: p,
            sentence: si,
            start: reported.start,
            end: reported.end,
          });
        }
      }
      if (speaker.speakerKind === 'person' && speaker.speaker !== null) resolver.notePerson(speaker.speaker);
      else if (attribution === null) resolver.noteSentence(p, sentence, info.masked);
    });
    if (pending.length > 0 && !(p + 1 < infos.length && opensWithMark(paragraphs[p + 1]!, lang.marks))) {
      emitSegments(pending);
      pending = [];
    }
  });
  return out.quotes;
}
