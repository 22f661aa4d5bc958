import { describe, expect, it } from 'vitest';
import { analyzeArticle, buildFactSheet, FactSheetBuilder, type ArticleAnalysis } from './index.js';
import { buildTimeline, type TimelineArticle } from './timeline/index.js';
import { seededRandom as rng } from '../core/random.js';
import { generateFloodStory } from '../../test/helpers/flood-story.js';



const story = { id: 1, title: 'Floods' };
const articles = generateFloodStory(60, 11, { undatedShare: 0.1 });
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
