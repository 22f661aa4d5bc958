import { describe, expect, it } from 'vitest';
import { analyzeArticle, buildFactSheet, FactSheetBuilder, type ArticleAnalysis, type FactSheetArticle } from './index.js';
import { buildTimeline, type TimelineArticle } from './timeline/index.js';
import { seededRandom as rng } from '../core/random.js';


const PEOPLE = [
  ['Interior Minister', 'Clara Vance', 'Vance'],
  ['Governor', 'Martin Osei', 'Osei'],
  ['Fire Chief', 'Ana Ruiz', 'Ruiz'],
  ['Mayor', 'Lena Brandt', 'Brandt'],
] as const;
const PLACES = ['Harwick', 'Lower Dene', 'Castlebury', 'Port Salen'];
const OUTLETS = ['Wire Service', 'Daily Ledger', 'Morning Post', 'Valley Times', 'City Journal'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday'];
const HEDGES = ['at least', 'more than', 'nearly', 'about', ''];
const QUOTES = [
  'We will rebuild every home that was lost',
  'The response has been slow and the families deserve answers',
  'Nobody expected the water to rise this fast',
  'Our crews worked through the night and they are exhausted',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A story of `n` flood reports: a third wire copies, some undated, with counts, money, quotes and relative dates. */
function generateStory(n: number, seed: number): FactSheetArticle[] {
  const random = rng(seed);
  const out: FactSheetArticle[] = [];
  for (let id = 1; id <= n; id++) {
    const original = out.length > 0 && random() < 0.33 ? pick(random, out) : null;
    if (original) {
      out.push({
        ...original,
        id,
        source: pick(random, OUTLETS),
        copyGroup: original.copyGroup ?? original.id,
        paragraphs: original.paragraphs.map((p) => p.replace(' officials said', ' authorities said')),
      });
      continue;
    }
    const place = pick(random, PLACES);
    const day = pick(random, DAYS);
    const [title, name, surname] = pick(random, PEOPLE);
    const hedge = pick(random, HEDGES);
    const aid = 2 + Math.floor(random() * 3);
    out.push({
      id,
      title: `Floods in ${place}`,
      source: pick(random, OUTLETS),
      published: random() < 0.1 ? null : `2025-04-${String(14 + Math.floor(random() * 3)).padStart(2, '0')}`,
      paragraphs: [
        `Floods in ${place} forced ${hedge ? `${hedge} ` : ''}${(1000 + Math.floor(random() * 10) * 100).toLocaleString('en-US')} people from their homes on ${day}, officials said.`,
        `${title} ${name} said on ${day} that the government would send ${aid} billion euros ($${(aid * 1.1).toFixed(2)} billion) in emergency aid.`,
        `“${pick(random, QUOTES)},” ${surname} told reporters in ${pick(random, PLACES)}.`,
        `At least ${20 + Math.floor(random() * 20)} people were injured and ${1 + Math.floor(random() * 4)} people were killed, according to the health authority.`,
        `Engineers will inspect the damaged dams in ${pick(random, PLACES)} next week, and ministers are due to report back in two weeks.`,
        `The floods were the worst since 1998, when the river burst its banks on March 3.`,
      ],
    });
  }
  return out;
}

const story = { id: 1, title: 'Floods' };
const articles = generateStory(60, 11);
const analyses = new Map<number, ArticleAnalysis>(articles.map((a) => [a.id, analyzeArticle(a)]));

describe('FactSheetBuilder incremental build on a generated 60-article story', () => {
  const expected = buildFactSheet(story, articles);

  it('gives the sheet built from scratch after adds interleaved with builds', () => {
    const random = rng(5);
    const order = [...articles].sort(() => random() - 0.5);
    const builder = new FactSheetBuilder(story);
    order.forEach((a, i) => {
      builder.add(a, analyses.get(a.id));
      // Builds along the way fill the caches that later adds must invalidate.
      if (i % 9 === 4) builder.build();
    });
    expect(builder.build()).toEqual(expected);
    expect(expected.figures.length).toBeGreaterThan(0);
    expect(expected.timeline.entries.length).toBeGreaterThan(0);
  });

  it('gives the same sheet after a remove and re-add, and after a JSON state round trip', () => {
    const builder = new FactSheetBuilder(story);
    for (const a of articles) builder.add(a, analyses.get(a.id));
    builder.build();
    const removed = articles[17]!;
    expect(builder.remove(removed.id)).toBe(true);
    builder.build();
    builder.add(removed, analyses.get(removed.id));
    expect(builder.build()).toEqual(expected);
    const restored = FactSheetBuilder.importState(JSON.parse(JSON.stringify(builder.exportState())) as ReturnType<FactSheetBuilder['exportState']>);
    expect(restored.build()).toEqual(expected);
  });

  it('updates to the sheet built from scratch with one more article', () => {
    const builder = new FactSheetBuilder(story);
    const [last, ...rest] = [...articles].reverse();
    for (const a of rest) builder.add(a, analyses.get(a.id));
    builder.build();
    builder.add(last!, analyses.get(last!.id));
    expect(builder.build()).toEqual(expected);
  });
});

describe('buildTimeline with precomputed dates', () => {
  it('gives the timeline of resolving every article again', () => {
    const input: TimelineArticle[] = articles.map((a) => ({ articleId: a.id, source: a.source, published: a.published, paragraphs: a.paragraphs }));
    const withDates = input.map((t) => ({ ...t, resolved: analyses.get(Number(t.articleId))!.dates }));
    expect(buildTimeline(withDates)).toEqual(buildTimeline(input));
  });

  it('ignores precomputed dates resolved against another reference', () => {
    const [first] = articles;
    const input: TimelineArticle[] = [{ articleId: 1, source: null, published: '2025-04-20', paragraphs: first!.paragraphs }];
    const stale = { reference: '2025-01-01', dates: [] };
    expect(buildTimeline([{ ...input[0]!, resolved: stale }])).toEqual(buildTimeline(input));
  });
});
