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
