import { canonicalizeEntities, createEntityResolver, placeOfDemonym, type EntityMention } from '../entities/index.js';
import { MASK_CHAR } from './attribution.js';
import type { QuoteLanguage } from './lang.js';
import type { SentenceSpan } from './sentences.js';
import type { SpeakerKind, TextSpan } from './types.js';

/** A resolved speaker: a name or phrase, its kind, and where it is written. */
export interface Speaker {
  readonly speaker: string | null;
  readonly speakerKind: SpeakerKind;
  readonly speakerSpan: (TextSpan & { readonly text: string }) | null;
}

export const NO_SPEAKER: Speaker = { speaker: null, speakerKind: 'unknown', speakerSpan: null };


/**
 * Resolves speaker phrases to names using the article's own entity mentions: a name (with its
 * title, honorific, party or state tag) to the article's fullest form of it ("Mr. Lind" →
 * "Anna Lind"); "he"/"she" to the last speaker or named person subject, none without one;
 * "the office of X" to an organisation; "the foreign minister" to the last person so titled;
 * a party label ("the Democrat") to the person it refers back to, never to the label itself.
 */
export class SpeakerResolver {
  private lastPerson: string | null = null;
  private readonly resolve: (name: string) => string;

  constructor(
    private readonly mentions: readonly EntityMention[],
    private readonly lang: QuoteLanguage,
  ) {
    const resolver = createEntityResolver(canonicalizeEntities([{ articleId: 0, source: null, mentions }]));
    this.resolve = (name) => resolver(name)?.name ?? name;
  }

  /** The person a later "he"/"she" refers to. */
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
    const lang = this.lang;
    if (lang.personPronouns.has(lower)) {
      // No one named before: "Lind, the mayor, is leaving, she said" names her in the same sentence.
      const person = this.lastPerson ?? this.firstPersonBefore(paragraph, start);
      return { speaker: person, speakerKind: person === null ? 'unknown' : 'person', speakerSpan: span };
    }
    if (lang.pronouns.has(lower)) return { speaker: null, speakerKind: 'unknown', speakerSpan: span };
    const bare = lower.replace(lang.quantifierRe, '');
    if (lang.affiliationNouns.has(bare)) {
      // "the Democrat said": a reference back, like a pronoun; "Democrat" alone names no one.
      const person = lang.determinerRe.test(lower) ? this.lastPerson : null;
      return { speaker: person, speakerKind: person === null ? 'unknown' : 'person', speakerSpan: span };
    }
    const head = lang.headOfRe.exec(phrase);
    const headWord = head?.[1]?.toLowerCase();
    if (head !== null && headWord !== undefined && (lang.orgSpeakerHeads.has(headWord) || lang.personSpeakerHeads.has(headWord))) {
      const innerStart = start + phrase.length - head[2]!.length;
      const inner = this.nameIn(paragraph, innerStart, end);
      const name = inner?.name ?? head[2]!;
      return {
        speaker: `${headWord} of ${name}`,
        speakerKind: lang.orgSpeakerHeads.has(headWord) ? 'organisation' : 'person',
        speakerSpan: span,
      };
    }
    const named = this.nameIn(paragraph, start, end);
    if (named !== null) return { speaker: named.name, speakerKind: named.kind, speakerSpan: span };
    const described = this.describedPerson(paragraph, start, phrase);
    if (described !== null) return { speaker: described, speakerKind: 'person', speakerSpan: span };
    return { speaker: phrase.replace(lang.determinerRe, ''), speakerKind: 'unknown', speakerSpan: span };
  }

  /** The first person named in the paragraph before `start` (outside possessives), resolved. */
  private firstPersonBefore(paragraph: number, start: number): string | null {
    const m = this.mentions.find((x) => x.paragraph === paragraph && x.kind === 'person' && x.end <= start && x.isPossessive !== true);
    return m === undefined ? null : this.resolve(m.name);
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
