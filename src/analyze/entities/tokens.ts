import nlp from 'compromise';
import { textToolkit } from '../../core/text/index.js';
import { analysisLanguage } from '../text.js';

/** A word of a paragraph with its part-of-speech tags (English only), with offsets into the paragraph. */
export interface Token {
  readonly text: string;
  /** Punctuation right before / after the word (no space between). */
  readonly pre: string;
  readonly post: string;
  readonly start: number;
  readonly end: number;
  /** Tags of the compromise tagger (`Person`, `Place`, `Verb`...) for English; empty otherwise. */
  readonly tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * The words of a paragraph. English is read by the compromise tagger (a part-of-speech tagger:
 * its tags tell names of people, places and organisations); every other language by the text
 * toolkit's tokenizer, without tags. Deterministic.
 */
export function tokenize(paragraph: string, language?: string | null): Token[] {
  if (paragraph.trim() === '') return [];
  const lang = analysisLanguage(language);
  return lang === 'en' || lang.startsWith('en-') ? tagEnglish(paragraph) : toolkitWords(paragraph, lang);
}

function tagEnglish(paragraph: string): Token[] {
  const sentences = nlp(paragraph).json({ offset: true, terms: { offset: true } }) as Array<{ terms: CompromiseTerm[] }>;
  const tokens: Token[] = [];
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      if (term.text === '') continue;
      // compromise may normalise text; re-read the original slice so offsets stay exact.
      const start = term.offset.start;
      const end = start + term.offset.length;
      tokens.push({ text: paragraph.slice(start, end), pre: term.pre, post: term.post, start, end, tags: new Set(term.tags) });
    }
  }
  return tokens;
}

function toolkitWords(paragraph: string, language: string): Token[] {
  const words = textToolkit(language).words(paragraph);
  const tokens: Token[] = [];
  words.forEach((w, i) => {
    if (!w.isWordLike) return;
    // Punctuation glued to the word on either side, as compromise gives it.
    let pre = '';
    for (let k = i - 1; k >= 0 && !words[k]!.isWordLike && words[k]!.end === (k === i - 1 ? w.start : words[k + 1]!.start); k--) pre = words[k]!.text + pre;
    let post = '';
    for (let k = i + 1; k < words.length && !words[k]!.isWordLike && words[k]!.start === (k === i + 1 ? w.end : words[k - 1]!.end); k++) post += words[k]!.text;
    tokens.push({ text: w.text, pre, post, start: w.start, end: w.end, tags: NO_TAGS });
  });
  return tokens;
}
