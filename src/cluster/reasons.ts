import type { ArticleNode } from './article-node.js';
import type { Vocabulary } from './vocabulary.js';

/** Why an article is in its story, in parts a page can show. */
export interface Explanation {
  /** Happening words the article shares with the articles it is linked to, in text order. */
  happening: string[];
  /** Names shared (strongest first). */
  names: string[];
  /** Dates and years shared ("21 April", "2018"). */
  dates: string[];
  /** The links that carried the join: the other article and the similarity. */
  links: Array<{ articleId: number; score: number }>;
}

const MAX_HAPPENING_WORDS = 4;
const MAX_NAMES = 3;
const MAX_DATES = 2;
const MONTHS = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, m, 15))));

function dateLabel(key: string): string | null {
  const day = /^#d(\d\d)-(\d\d)$/.exec(key);
  if (day) return `${Number(day[2])} ${MONTHS[Number(day[1]) - 1]!}`;
  if (/^#(?:19|20)\d\d$/.test(key)) return key.slice(1);
  return null;
}

/** What `article` shares with the `links` it joined through. */
export function explain(vocabulary: Vocabulary, article: ArticleNode, links: ReadonlyArray<{ node: ArticleNode; score: number }>): Explanation {
  const others = new Set<number>();
  for (const { node } of links) {
    for (const id of node.ids) others.add(id);
    for (const id of node.happ) others.add(id);
  }
  const happening: string[] = [];
  const ranked = [...article.happ].filter((id) => others.has(id)).sort((a, b) => vocabulary.idf(b) - vocabulary.idf(a));
  const keep = new Set(ranked.slice(0, MAX_HAPPENING_WORDS));
  for (const id of article.happ) if (keep.has(id)) happening.push(article.labels.get(vocabulary.key(id)) ?? vocabulary.key(id));

  const nameIds = [...article.ids].filter((id) => vocabulary.kind(id) === 1 && others.has(id));
  // Whole names before their last words; among equals, the rarer first.
  nameIds.sort((a, b) => Number(vocabulary.key(b).includes(' ')) - Number(vocabulary.key(a).includes(' ')) || vocabulary.idf(b) - vocabulary.idf(a) || a - b);
  const names: string[] = [];
  for (const id of nameIds) {
    if (names.length >= MAX_NAMES) break;
    const key = vocabulary.key(id);
    const label = article.labels.get(key) ?? key.slice(1);
    if (names.some((n) => n.toLowerCase().split(' ').includes(label.toLowerCase()))) continue;
    names.push(label);
  }
  const dates: string[] = [];
  for (const id of article.ids) {
    if (dates.length >= MAX_DATES || vocabulary.kind(id) !== 2 || !others.has(id)) continue;
    const label = dateLabel(vocabulary.key(id));
    if (label) dates.push(label);
  }
  return { happening, names, dates, links: links.map((l) => ({ articleId: l.node.id, score: l.score })) };
}

/** The explanation as reason lines: `same happening: 'suspends missile tests'`, `shared: …`, the links. */
export function reasonLines(e: Explanation, threshold: number): string[] {
  const lines: string[] = [];
  if (e.happening.length > 0) lines.push(`same happening: '${e.happening.join(' ')}'`);
  const shared = [...e.names, ...e.dates];
  if (shared.length > 0) lines.push(`shared: ${shared.join(', ')}`);
  if (e.links.length > 0) {
    lines.push(`linked: ${e.links.map((l) => `article ${l.articleId} (${l.score.toFixed(2)})`).join(', ')}; threshold ${threshold.toFixed(2)}`);
  }
  return lines;
}
