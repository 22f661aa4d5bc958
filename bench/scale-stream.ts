/**
 * A copy-heavy generated news stream for the scale benchmark: events arriving in bursts, each
 * reported by several outlets; about a third of the articles are wire copies of an earlier
 * article of their event (which may itself be a copy), with the edits outlets make (trimmed,
 * retitled, respelled, a paragraph added or dropped, reordered). Every outlet puts its dateline
 * in front of the lead and its footer under the text, and a few syndication footers are shared
 * by many outlets: keys that very many articles share. Made-up words only, seeded.
 */
import { EDIT_KINDS, ZipfVocabulary, applyEdit, createRng, generateArticle, generateSentence, randomInt } from '../test/helpers/copy-edits.js';

export interface StreamArticle {
  /** 1, 2, … in arrival order. */
  id: number;
  event: number;
  /** The article it was copied from, or -1 for an original report. */
  copyOf: number;
  outlet: string;
  title: string;
  /** ISO date. */
  published: string;
  paragraphs: string[];
}

const VOCABULARY = 20_000;
const OUTLETS = 300;
const SHARED_FOOTERS = 8;
const COPY_SHARE = 0.35;
const ARTICLES_PER_DAY = 3_000;
/** Open events at any time; a new one replaces an event that has had its reports. */
const OPEN_EVENTS = 400;
const MAX_EVENT_SIZE = 200;

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface OpenEvent {
  id: number;
  left: number;
  words: string[];
  names: string[];
  quotes: string[];
  articles: number[];
}

/** Yields `count` articles in arrival order; the same `count` and seed give the same stream. */
export function* scaleStream(count: number, seed = 20260317): Generator<StreamArticle> {
  const rng = createRng(seed);
  const vocab = new ZipfVocabulary(rng, VOCABULARY);
  const rare = (): string => vocab.words[2_000 + randomInt(rng, VOCABULARY - 2_000)]!;
  const outletNames = Array.from({ length: OUTLETS }, (_, i) => `${capitalised(rare())} ${capitalised(rare())} ${i}`);
  const sharedFooters = Array.from({ length: SHARED_FOOTERS }, () => generateSentence(rng, vocab, 25));
  const footers = outletNames.map((name, i) =>
    i % 3 === 0 ? sharedFooters[i % SHARED_FOOTERS]! : `Follow ${name} for more. ${generateSentence(rng, vocab, 14)}`,
  );
  const texts = new Map<number, { paragraphs: string[]; title: string }>();
  let nextEvent = 0;
  const newEvent = (): OpenEvent => {
    // Zipf sizes: most events have a few reports, some have many.
    const size = Math.min(MAX_EVENT_SIZE, Math.floor(1 / Math.max(1e-3, rng()) ** 0.9));
    const names = Array.from({ length: 3 }, () => `${capitalised(rare())}${capitalised(rare())}`);
    const words = Array.from({ length: 12 }, rare);
    return {
      id: nextEvent++,
      left: size,
      words,
      names,
      quotes: Array.from({ length: 3 }, () => generateSentence(rng, vocab, 12 + randomInt(rng, 10), { words: 0, topic: words, topicRate: 0.3 })),
      articles: [],
    };
  };
  const open: OpenEvent[] = Array.from({ length: OPEN_EVENTS }, newEvent);
  // A window of recent articles kept for copies of copies; older ones are dropped from memory.
  const keep = 5_000;
  for (let id = 1; id <= count; id++) {
    const slot = randomInt(rng, open.length);
    const event = open[slot]!;
    const outlet = randomInt(rng, OUTLETS);
    const day = Math.floor((id - 1) / ARTICLES_PER_DAY);
    const published = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const dateline = `${event.names[2]!.toUpperCase()} (${outletNames[outlet]}) —`;
    let copyOf = -1;
    let paragraphs: string[];
    let title: string;
    const sources = event.articles.filter((a) => texts.has(a));
    if (sources.length > 0 && rng() < COPY_SHARE) {
      copyOf = sources[randomInt(rng, sources.length)]!;
      const source = texts.get(copyOf)!;
      const kind = EDIT_KINDS[randomInt(rng, EDIT_KINDS.length)]!;
      paragraphs = applyEdit(rng, source.paragraphs, kind);
      title = kind === 'retitle' ? `${capitalised(event.words[randomInt(rng, 12)]!)} ${source.title}` : source.title;
    } else {
      const topic = [...event.words, ...event.names, ...event.words];
      paragraphs = generateArticle(rng, vocab, { words: 200 + randomInt(rng, 400), topic, topicRate: 0.15, quotes: event.quotes.filter(() => rng() < 0.5) });
      title = [event.names[0]!, event.words[0]!, event.words[1 + randomInt(rng, 3)]!, event.names[1]!].map(capitalised).join(' ');
    }
    texts.set(id, { paragraphs, title });
    texts.delete(id - keep);
    event.articles.push(id);
    if (--event.left <= 0) open[slot] = newEvent();
    const body = paragraphs.map((p, i) => (i === 0 ? `${dateline} ${p}` : p));
    body.push(footers[outlet]!);
    yield { id, event: event.id, copyOf, outlet: outletNames[outlet]!, title, published, paragraphs: body };
  }
}
