/**
 * The analysers' view of the text toolkit (src/core/text): sentences and content terms of a text
 * in its language. An article of unknown language is read as English, the language of most
 * unlabelled input; an article in a language without a bundle still gets sentences and terms
 * (its quotes and figures are not read: see `figureLanguage`, `quoteLanguage`).
 */
import { textToolkit, type TextToolkit } from '../core/text/index.js';

/** The language the analysers read a text as: the given one, else English. */
export function analysisLanguage(language: string | null | undefined): string {
  return language === null || language === undefined || language === '' ? 'en' : language;
}

export function toolkitOf(language: string | null | undefined): TextToolkit {
  return textToolkit(analysisLanguage(language));
}

/** A sentence with its character offset inside the paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
}

/** The sentences of a paragraph, with offsets (the toolkit's splitter for the language). Deterministic. */
export function sentencesOf(paragraph: string, language?: string | null): SentenceSpan[] {
  return toolkitOf(language).sentences(paragraph).map((s) => ({ text: s.text, start: s.start }));
}

/**
 * Stems of the content words of a text: the toolkit's terms, stemmed, without stop words, numbers
 * or words shorter than three letters; hyphenated words also give their parts.
 */
export function contentTerms(text: string, language?: string | null): Set<string> {
  const toolkit = toolkitOf(language);
  const out = new Set<string>();
  for (const term of toolkit.terms(text)) {
    if (term.length < 3 || /^\d/.test(term)) continue;
    out.add(toolkit.stem(term));
    if (term.includes('-')) for (const part of term.split('-')) if (part.length >= 3 && !toolkit.isStopWord(part)) out.add(toolkit.stem(part));
  }
  return out;
}

/** The stem of one word in a language. */
export function stemOf(word: string, language?: string | null): string {
  return toolkitOf(language).stem(word);
}

/** Double quotation marks and the marks that close them (straight marks close themselves). */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['«', '»'],
  ['„', '“”'],
  ['"', '"'],
]);

/** `[open, close]` offsets of the double-quoted stretches a paragraph opens and closes (unclosed ones are left out). */
export function quotedStretches(paragraph: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let closers = '';
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (open >= 0) {
      if (closers.includes(c)) {
        out.push([open, i]);
        open = -1;
      }
      continue;
    }
    const close = CLOSERS.get(c);
    if (close !== undefined) {
      open = i;
      closers = close;
    }
  }
  return out;
}

/**
 * The sentences of a paragraph, joined again where a boundary falls inside quotation marks that
 * close in the same paragraph: a quote of several sentences with its attribution is one passage,
 * so that no passage starts in the middle of someone's words. Deterministic.
 */
export function passagesOf(paragraph: string, language?: string | null): SentenceSpan[] {
  const sentences = sentencesOf(paragraph, language);
  const stretches = quotedStretches(paragraph);
  if (stretches.length === 0 || sentences.length < 2) return sentences;
  const out: SentenceSpan[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const isInside = stretches.some(([open, close]) => open < s.start && close >= s.start);
    if (prev !== undefined && isInside) {
      prev.text = paragraph.slice(prev.start, s.start + s.text.length);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** The text with its closed double-quoted stretches blanked (offsets kept): the reporter's own words. */
export function outsideQuotes(text: string): string {
  let out = text;
  for (const [open, close] of quotedStretches(text)) out = out.slice(0, open) + ' '.repeat(close - open + 1) + out.slice(close + 1);
  return out;
}
