import { languageBundle, type LanguageBundle } from '../../core/lang/index.js';
import { textToolkit } from '../../core/text/index.js';
import { analysisLanguage } from '../text.js';
import {
  ADDRESSEE_CUES,
  ADVERBIAL_TAIL_RE,
  AFFILIATION_NOUNS,
  CHANNEL_RE,
  CLAUSE_CUES,
  CUE_WORDS,
  FIRST_PERSON_RE,
  ORG_SPEAKER_HEADS,
  PARTICIPLE_CUES,
  PERSON_PRONOUNS,
  PERSON_SPEAKER_HEADS,
  PHRASE_WORDS,
  PRONOUNS,
  SPEAKER_NOUNS,
} from './lexicon.js';

/** The quotation marks of a language: each opening mark with the marks that close it. */
export interface QuoteMarks {
  readonly opens: ReadonlyMap<string, ReadonlySet<string>>;
  readonly closes: ReadonlySet<string>;
}

/**
 * What the quote finder needs of one language, compiled once: its quotation marks, its verbs of
 * saying, pronouns and nouns for speakers (from the language bundle), and the patterns built from
 * them. English adds the fuller word lists of lexicon.ts.
 */
export interface QuoteLanguage {
  readonly code: string;
  readonly marks: QuoteMarks;
  readonly cueWords: readonly string[];
  /** Cues at their places in a sentence (global). */
  readonly cueRe: RegExp;
  readonly clauseCues: ReadonlySet<string>;
  readonly participles: ReadonlySet<string>;
  readonly addresseeCues: ReadonlySet<string>;
  readonly accordingTo: ReadonlySet<string>;
  readonly pronouns: ReadonlySet<string>;
  /** Pronouns that stand for the last person named ("he", "she"). */
  readonly personPronouns: ReadonlySet<string>;
  readonly speakerNouns: ReadonlySet<string>;
  /** Lower-case words allowed inside a speaker phrase. */
  readonly isPhraseWord: (word: string) => boolean;
  readonly orgSpeakerHeads: ReadonlySet<string>;
  readonly personSpeakerHeads: ReadonlySet<string>;
  readonly affiliationNouns: ReadonlySet<string>;
  /** A first-person word: a stripped quote rather than a paraphrase (null: not read). */
  readonly firstPersonRe: RegExp | null;
  readonly adverbialTailRe: RegExp;
  readonly channelRe: RegExp | null;
  /** Words that open a clause inside a speaker phrase ("a plan that the ministry said", global). */
  readonly clauseWordRe: RegExp;
  /** The complementizer after a cue ("said that"). */
  readonly thatRe: RegExp;
  readonly afterSpeakerRe: RegExp;
  readonly afterTrailingCueRe: RegExp;
  readonly prepositionAfterCueRe: RegExp;
  readonly leadingNonSubjectRe: RegExp;
  readonly adverbialPieceRe: RegExp;
  readonly leadingConjunctionRe: RegExp;
  /** The end of the words before a second "that" clause joined to the first ("... and that"). */
  readonly joinedClauseRe: RegExp;
  readonly passiveBeforeRe: RegExp;
  readonly joinedVerbsRe: RegExp;
  readonly determinerRe: RegExp;
  readonly quantifierRe: RegExp;
  readonly headOfRe: RegExp;
  /** Periods of abbreviations that end no phrase ("Mr.", "U.S.", "Sr."), global. */
  readonly abbreviationRe: RegExp;
  /** A determiner right before a quoted phrase, and words after it that are no noun it modifies. */
  readonly determinerBeforeRe: RegExp;
  readonly notNouns: ReadonlySet<string>;
  /** `” Lind said.` after a closing mark: the attribution belongs to the quote's sentence. */
  readonly attributionAfterQuoteRe: RegExp;
}

const NEVER = /(?!)/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
/** A cue matched with a capital only at its first letter ("Said the minister"). */
const cueAlternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${escape(w.slice(1)).replace(/ /g, '\\s+')}`).join('|');

function marksOf(bundle: LanguageBundle | null): QuoteMarks {
  const opens = new Map<string, Set<string>>();
  const closes = new Set<string>();
  const pairs = [...(bundle?.quotes.pairs ?? []), { open: '“', close: '”' }, { open: '«', close: '»' }, { open: '"', close: '"' }];
  for (const { open, close } of pairs) {
    // Single marks double as apostrophes: only double marks delimit quotes.
    if (open === "'" || open === '‘' || open === '‚' || open === '›' || open === '‹') continue;
    opens.set(open, new Set([...(opens.get(open) ?? []), close]));
    closes.add(close);
  }
  return { opens, closes };
}

function abbreviationReOf(bundle: LanguageBundle | null): RegExp {
  const listed = [...(bundle?.sentences.abbreviations ?? []), ...(bundle?.titles.honorifics ?? [])].filter((a) => a.endsWith('.')).map((a) => a.slice(0, -1));
  const words = listed.length > 0 ? `\\b(?:${alternation(listed)})\\.|` : '';
  return new RegExp(`${words}\\b(?:[A-Za-z]\\.){2,}|\\b[A-Z]\\.(?=\\s+[A-Z])`, 'g');
}

const ENGLISH_CUES = [...CUE_WORDS];

function english(bundle: LanguageBundle | null): QuoteLanguage {
  const cueWords = [...new Set([...ENGLISH_CUES, ...(bundle?.speech.verbs ?? []).filter((v) => !v.includes(' '))])];
  return {
    code: 'en',
    marks: marksOf(bundle),
    cueWords,
    cueRe: new RegExp(`\\b(?:${cueAlternation(cueWords)})\\b`, 'g'),
    clauseCues: CLAUSE_CUES,
    participles: PARTICIPLE_CUES,
    addresseeCues: ADDRESSEE_CUES,
    accordingTo: new Set(['according to']),
    pronouns: PRONOUNS,
    personPronouns: PERSON_PRONOUNS,
    speakerNouns: SPEAKER_NOUNS,
    isPhraseWord: (w) => PHRASE_WORDS.has(w),
    orgSpeakerHeads: ORG_SPEAKER_HEADS,
    personSpeakerHeads: PERSON_SPEAKER_HEADS,
    affiliationNouns: AFFILIATION_NOUNS,
    firstPersonRe: FIRST_PERSON_RE,
    adverbialTailRe: ADVERBIAL_TAIL_RE,
    channelRe: CHANNEL_RE,
    clauseWordRe: /\b(?:and|but|that|which|who|whom|while|as|because|so|when|if|after|before|since|where|although|though|whether|than|what|how|why|then)\s/g,
    thatRe: /\bthat\b/,
    afterSpeakerRe: /^\s+([^,.;:!?\uE000"“”]{1,80}?)(?=\s*(?:[,.;:!?"“”]|$|\s(?:on|in|at|during|after|before|as|when|while|who|which|to|that|about|of|last|this|earlier|later)\s))/,
    afterTrailingCueRe: /^\s*(?:[.!?"”]|$|,|(?:on|in|at|during|to|with|after|before|while|when|as|last|this|earlier|later|yesterday|today|told|from|via|of|about|shortly|and|but|adding|according|\w+day)\b)/,
    prepositionAfterCueRe: /^\s*(?:on|in|at|during|to|with|after|before|about|of|for|from|by|as|while|when|,|:|\.|$)/,
    leadingNonSubjectRe:
      /^(?:But|And|So|Or|In|On|At|As|If|When|While|After|Before|Then|Yet|Still|Also|However|Meanwhile|Although|Though|Because|Since|During|For|From|With|Without|To|By|Of|Under|Over|This|That|These|Those|There|It|Its|Here|Now|Why|What|How|Where|Who)\b/,
    adverbialPieceRe: /^\s*(?:In|On|At|After|Before|During|Since|Until|By|For|From|With|Without|Under|Over|Earlier|Later|Last|This|Next|Yesterday|Today|Meanwhile|However|Still|Instead|Also|Then|Now)\b/,
    leadingConjunctionRe: /^\s*(?:But|And|So|Yet|Or|Still|Then|Now|Also)\s+/,
    joinedClauseRe: /\s(?:and|or|but)\s+$/i,
    passiveBeforeRe: /\b(?:is|was|were|are|been|being|be)\s+$/i,
    joinedVerbsRe: /(?:^|[\s,])((?:[A-Z][\w'’\uE001-]*\s+){0,3}[A-Z][\w'’\uE001-]*|he|she|they|we|I)\s+[a-z]+ed\s+and\s*$/,
    determinerRe: /^(?:the|a|an) /i,
    quantifierRe: /^(?:the|a|an|one|another|some|several|two|three|many|other) /i,
    headOfRe: /^(?:the |a |an |his |her |their )?([a-z]+) (?:of|for|to) (.+)$/i,
    abbreviationRe: abbreviationReOf(bundle),
    determinerBeforeRe: /\b(?:the|a|an|its|their|his|her|this|that|so-called)\s*$/i,
    notNouns: new Set([
      'and', 'or', 'but', 'with', 'to', 'of', 'in', 'on', 'at', 'for', 'from', 'by', 'as', 'that', 'which', 'who', 'is', 'was',
      'are', 'were', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'has', 'have', 'had', 'be', 'been', 'than',
      'if', 'when', 'while', 'because', 'after', 'before', 'into', 'over', 'under', 'against', 'about', 'since', 'until', 'so',
    ]),
    attributionAfterQuoteRe: new RegExp(
      `^(?:(?:[A-Z\\u00C0-\\u00DE][\\w.'’-]*|the|a|an|of|[a-z]+-[\\w-]+)\\s+){0,8}(?:${alternation(ENGLISH_CUES)})\\b(?![^.!?]*[“"])`,
    ),
  };
}

/** The quote finder's words for a language known only through its bundle. */
function fromBundle(bundle: LanguageBundle): QuoteLanguage {
  const toolkit = textToolkit(bundle.code);
  const lower = (ws: readonly string[]): string[] => ws.map((w) => w.toLowerCase());
  const verbs = lower(bundle.speech.verbs);
  const participles = lower(bundle.speech.participles);
  const according = lower([...bundle.speech.according, ...bundle.speech.accordingAfter]);
  const cueWords = [...new Set([...verbs, ...participles, ...according])];
  const pronouns = lower(bundle.speech.pronouns);
  const speakerNouns = new Set(lower(bundle.speech.speakerNouns));
  const roles = new Set(lower(bundle.titles.roles).flatMap((r) => r.split(' ')));
  const determiners = lower([...bundle.figures.determiners, ...bundle.figures.articles]);
  const complementizers = lower(bundle.speech.complementizers);
  const that = complementizers.length > 0 ? new RegExp(`(?<![\\p{L}])(?:${alternation(complementizers)})(?![\\p{L}])`, 'u') : NEVER;
  const marks = marksOf(bundle);
  const markChars = escape([...marks.opens.keys(), ...marks.closes].join(''));
  return {
    code: bundle.code,
    marks,
    cueWords,
    cueRe: new RegExp(`(?<![\\p{L}])(?:${cueAlternation(cueWords)})(?![\\p{L}])`, 'gu'),
    clauseCues: new Set(verbs),
    participles: new Set(participles),
    addresseeCues: new Set(),
    accordingTo: new Set(according),
    pronouns: new Set(pronouns),
    personPronouns: new Set(pronouns.slice(0, 2)),
    speakerNouns,
    isPhraseWord: (w) => toolkit.isStopWord(w) || roles.has(w) || speakerNouns.has(w),
    orgSpeakerHeads: new Set(),
    personSpeakerHeads: new Set(),
    affiliationNouns: new Set(),
    firstPersonRe: null,
    adverbialTailRe: NEVER,
    channelRe: null,
    clauseWordRe: complementizers.length > 0 ? new RegExp(`(?<![\\p{L}])(?:${alternation(complementizers)})\\s`, 'gu') : /(?!)/g,
    thatRe: that,
    afterSpeakerRe: new RegExp(`^\\s+([^,.;:!?\\uE000${markChars}]{1,80}?)(?=\\s*(?:[,.;:!?${markChars}]|$))`, 'u'),
    afterTrailingCueRe: /^/,
    prepositionAfterCueRe: /^\s*(?:[,:.]|$)/,
    leadingNonSubjectRe: NEVER,
    adverbialPieceRe: NEVER,
    leadingConjunctionRe: NEVER,
    joinedClauseRe: NEVER,
    passiveBeforeRe: NEVER,
    joinedVerbsRe: NEVER,
    determinerRe: determiners.length > 0 ? new RegExp(`^(?:${alternation(determiners)}) `, 'iu') : NEVER,
    quantifierRe: determiners.length > 0 ? new RegExp(`^(?:${alternation(determiners)}) `, 'iu') : NEVER,
    headOfRe: NEVER,
    abbreviationRe: abbreviationReOf(bundle),
    determinerBeforeRe: determiners.length > 0 ? new RegExp(`(?<![\\p{L}])(?:${alternation(determiners)})\\s*$`, 'iu') : NEVER,
    notNouns: new Set([...determiners, ...complementizers]),
    attributionAfterQuoteRe: new RegExp(`^(?:(?:\\p{Lu}[\\p{L}.'’-]*|\\p{Ll}{1,4})\\s+){0,6}(?:${alternation(verbs)})(?![\\p{L}])`, 'u'),
  };
}

const cache = new Map<string, QuoteLanguage | null>();

/**
 * The quote finder's words for a language, or null when it has no bundle: its quotes are then not
 * read, never with English rules. No language given reads as English.
 */
export function quoteLanguage(language: string | null | undefined): QuoteLanguage | null {
  const code = analysisLanguage(language);
  if (cache.has(code)) return cache.get(code)!;
  const bundle = languageBundle(code);
  const lang = bundle === null ? null : bundle.code === 'en' ? english(bundle) : fromBundle(bundle);
  cache.set(code, lang);
  return lang;
}
