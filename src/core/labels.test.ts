import { describe, expect, it } from 'vitest';
import { countSources, displayTitle, fileOf, firstSentenceTitle, hostOf, sourceLabel, sourceLocation } from './labels.js';

describe('sourceLabel', () => {
  it('is the outlet, else the host, else the file name, else "article {id}"', () => {
    expect(sourceLabel({ id: 8, source: ' Harbour  Gazette ', url: 'https://www.gazette.example/a' })).toBe('Harbour Gazette');
    expect(sourceLabel({ id: 8, source: null, url: 'https://www.gazette.example/a', origin: 'feeds/a.jsonl (line 3)' })).toBe('gazette.example');
    expect(sourceLabel({ id: 8, source: null, url: null, origin: '../shared/seeds/000_b8.txt' })).toBe('000_b8.txt');
    expect(sourceLabel({ id: 8, source: null, origin: 'C:\\news\\feed.jsonl (line 3)' })).toBe('feed.jsonl (line 3)');
    expect(sourceLabel({ id: 8, source: null, origin: 'https://news.example/story' })).toBe('news.example');
    expect(sourceLabel({ id: 8, source: '', url: 'javascript:alert(1)', origin: 'POST /api/articles' })).toBe('article 8');
    expect(sourceLabel({ id: 8, source: null })).not.toMatch(/^#/);
  });

  it('drops control characters from outlet names', () => {
    expect(sourceLabel({ id: 1, source: 'Evil\u001b[31m Outlet' })).toBe('Evil[31m Outlet');
  });

  it('counts distinct labels: unnamed articles from different files are different sources', () => {
    const articles = [
      { id: 1, source: 'AP' },
      { id: 2, source: 'AP' },
      { id: 3, source: null, origin: 'in/a.txt' },
      { id: 4, source: null, origin: 'in/b.txt' },
    ];
    expect(countSources(articles)).toBe(3);
  });
});

describe('where a label leads', () => {
  it('gives the URL, else the input file, else null', () => {
    expect(sourceLocation({ id: 1, source: 'AP', url: 'https://ap.example/x' })).toEqual({ kind: 'url', value: 'https://ap.example/x' });
    expect(sourceLocation({ id: 1, source: null, origin: 'in/a.txt' })).toEqual({ kind: 'file', value: 'in/a.txt' });
    expect(sourceLocation({ id: 1, source: null, origin: 'POST /api/articles' })).toBeNull();
    expect(hostOf('ftp://files.example/x')).toBeNull();
    expect(fileOf('-')).toBeNull();
  });
});

describe('titles of untitled articles', () => {
  it('is the first sentence, cut at a word with an ellipsis', () => {
    expect(firstSentenceTitle('Crews cleared the road. Then it rained.')).toBe('Crews cleared the road.');
    expect(firstSentenceTitle('The U.S. envoy met the minister in Paris. More followed.')).toBe('The U.S. envoy met the minister in Paris.');
    const long = firstSentenceTitle('Leaders from nearly thirty countries met in the French capital on Thursday to discuss a European force for the region after a ceasefire.', 60);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long).toBe('Leaders from nearly thirty countries met in the French…');
  });

  it('keeps a title, else uses the text, else the label', () => {
    expect(displayTitle({ id: 1, source: 'AP', title: ' Storm  hits ', paragraphs: ['x'] })).toBe('Storm hits');
    expect(displayTitle({ id: 1, source: 'AP', title: null, paragraphs: ['A storm hit the coast. More.'] })).toBe('A storm hit the coast.');
    expect(displayTitle({ id: 1, source: 'AP', title: null, paragraphs: [] })).toBe('AP');
  });
});
