import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalizeEntities, extractEntities } from '../src/analyze/entities/index.js';
import { extractQuotes, mergeQuotes, type StoryQuote } from '../src/analyze/quotes/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

function readParagraphs(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
  const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

describe.skipIf(!existsSync(seedsDir))('seed quotes (the Paris summit case)', () => {
  const files = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];
  const articles = files.map((f) => {
    const paragraphs = readParagraphs(path.join(seedsDir, f));
    const mentions = extractEntities(paragraphs);
    return { articleId: f.slice(0, 3), source: `outlet-${f.slice(0, 3)}`, paragraphs, mentions };
  });
  const entities = canonicalizeEntities(articles);
  const perArticle = articles.map((a) => ({ ...a, quotes: extractQuotes(a.paragraphs, { entities: a.mentions }) }));
  const story = mergeQuotes(perArticle, { entities });

  const find = (words: string): StoryQuote | undefined =>
    story.find((q) => q.variants.some((v) => v.quote.text.toLowerCase().includes(words.toLowerCase())));

  it('resolves people and places to one name across the story', () => {
    const names = entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Volodymyr Zelenskyy', 'Keir Starmer', 'United Kingdom', 'United States']));
    expect(entities.find((e) => e.name === 'Emmanuel Macron')?.articles.map((a) => a.articleId)).toEqual(['000', '001', '002', '003', '004']);
    expect(entities.find((e) => e.name === 'United Kingdom')?.aliases).toEqual(expect.arrayContaining(['United Kingdom']));
  });

  it('merges the "generalized"/"generalised" Macron quote across 000, 002 and 003', () => {
    const q = find('generalised aggression');
    expect(q?.speaker).toBe('Emmanuel Macron');
    expect(q?.articleIds).toEqual(expect.arrayContaining(['000', '002', '003']));
    expect(q?.variants.map((v) => v.quote.kind)).toEqual(expect.arrayContaining(['direct', 'unmarked']));
  });

  it('attributes Macron quotes with and without marks, including "he said" ones', () => {
    for (const words of ['It is not unanimous', 'It’s a pacifist approach', 'The only ones who would', 'Our target is clear', 'There will be a reassurance force']) {
      expect(find(words)?.speaker, words).toBe('Emmanuel Macron');
    }
    expect(find('pacifist approach')?.articleIds).toEqual(expect.arrayContaining(['000', '003']));
    expect(find('Our target is clear')?.variants[0]?.quote.channel).toBe('press conference');
  });

  it('merges Zelenskyy\'s caption quote and finds his "many questions" quote', () => {
    const caption = find('Europe knows how to defend itself');
    expect(caption).toMatchObject({ speaker: 'Volodymyr Zelenskyy', kind: 'direct' });
    expect(caption?.articleIds).toEqual(['000', '003']);
    const questions = find('there are many questions');
    expect(questions).toMatchObject({ speaker: 'Volodymyr Zelenskyy', kind: 'direct', articleIds: ['004'] });
    expect(find('Russia is killing every day')?.variants[0]?.quote.channel).toBe('social media');
  });

  it('attributes Witkoff\'s partial quotes and the unmarked one', () => {
    const unmarked = find('combination of also being simplistic');
    expect(unmarked).toMatchObject({ speaker: 'Steve Witkoff' });
    expect(unmarked?.variants.find((v) => v.articleId === '002')?.quote).toMatchObject({
      kind: 'unmarked',
      channel: 'interview with former Fox News host Tucker Carlson',
    });
    // "simplistic" and "a posture and a pose" (004) attach to the full quote (002).
    expect(unmarked?.articleIds).toEqual(['002', '004']);
    expect(unmarked?.variants.filter((v) => v.quote.kind === 'partial')).toHaveLength(2);
  });

  it('attributes Rubio, Bessent and the office of the UK Prime Minister', () => {
    expect(find('going to evaluate that')).toMatchObject({ speaker: 'Marco Rubio', kind: 'direct' });
    expect(find('would not hesitate to tighten sanctions')).toMatchObject({ speaker: 'Scott Bessent' });
    expect(find('would not hesitate to tighten sanctions')?.variants[0]?.quote.channel).toBe('interview with Fox News');
    const office = find('the full range of European military capabilities');
    expect(office).toMatchObject({ speaker: 'office of Keir Starmer', speakerKind: 'organisation' });
    expect(office?.articleIds).toEqual(['000', '001']);
  });
});
