/**
 * Hostile and oversized documents for tests and benches: markup built to make a parser's work
 * grow faster than its size (deep nesting, unclosed tags, huge attributes), and a long article of
 * readable news text (sentences, quotes with speakers, figures, names) of any size, so that every
 * stage has real work to do on it. Deterministic.
 */
import { makeArticle, makeVocabulary, seededRandom } from './generate.js';

/** `<div>` nested `depth` deep around one paragraph: 11 bytes a level (100,000 levels: 1.1 MB). */
export function nestedDivs(depth: number): string {
  return `<html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}<p>${'Deep nesting must neither freeze nor break extraction, it only has to finish. '.repeat(3)}</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** `<b>` opened `count` times and never closed, in paragraphs: the parser's list of open formatting elements at its worst. */
export function unclosedTags(count: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i += 100) paragraphs.push(`<p>${'<b>x '.repeat(Math.min(100, count - i))}</p>`);
  return `<html><body><article><h1>Unclosed</h1>${paragraphs.join('')}<p>${'The paragraph after the unclosed tags still has to be read as text. '.repeat(4)}</p></article></body></html>`;
}

/** One attribute of `bytes` characters on an element of an otherwise ordinary page. */
export function hugeAttribute(bytes: number): string {
  return `<html><body><article><h1>Attribute</h1><div data-x="${'a'.repeat(bytes)}"><p>${'An ordinary paragraph of an article beside one very long attribute value. '.repeat(10)}</p></div></article></body></html>`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Paragraphs of one long article totalling about `chars` characters: generated sentences, and
 * every few paragraphs a quote with a named speaker, a figure and a place, as news text has.
 */
export function longArticleParagraphs(chars: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(4000, seed + 1);
  const pick = (): string => vocabulary[Math.floor(random() * vocabulary.length)]!;
  const out: string[] = [];
  let size = 0;
  let i = 0;
  while (size < chars) {
    for (const paragraph of makeArticle(random, vocabulary, 400)) {
      const name = `${capitalised(pick())} ${capitalised(pick())}`;
      const extra =
        i % 3 === 0
          ? ` "We are still counting the ${pick()} and the ${pick()}," said ${name}, adding that ${100 + (i % 900)} people had left on Tuesday.`
          : ` About ${(i % 97) + 3} percent of the ${pick()} rose to ${i % 5000} million in ${capitalised(pick())}.`;
      out.push(paragraph + extra);
      size += paragraph.length + extra.length + 2;
      i++;
      if (size >= chars) break;
    }
  }
  return out;
}

/** {@link longArticleParagraphs} as an HTML page (`<article>` of `<p>`s) under `title`. */
export function longArticleHtml(chars: number, title: string, seed = 7): string {
  const body = longArticleParagraphs(chars, seed)
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${body}\n</article></body></html>`;
}
