import { describe, expect, it } from 'vitest';
import { chooseArticle } from './candidates.js';
import { classifyHeading, FURNITURE_LEXICONS } from './lexicon.js';
import { EMPTY_METADATA } from './assemble.js';
import { createSiteBlocks, applySiteBlocks } from './site-blocks.js';
import { extractHtml } from './index.js';
import { parsePage, textContent } from './tree.js';

const prose = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>The ${topic} report, published on day ${i + 1}, said that residents, officials and engineers had all agreed on the next steps for the works.</p>`).join('');

function chosenText(html: string): string {
  const page = parsePage(html);
  const choice = chooseArticle(page.body, EMPTY_METADATA.evidence);
  return choice.roots.map((r) => {
    let text = textContent(r);
    for (const ex of choice.excluded) text = text.replace(textContent(ex), '');
    return text;
  }).join(' ');
}

describe('chooseArticle: furniture loses against the article', () => {
  it('sets aside a form with more fields than prose, wherever it sits', () => {
    const form = `<form><p>Policy, rules, notes, and more notes, with many commas, on and on, about posting.</p>${'<p><input type="text" name="f"></p>'.repeat(4)}<textarea></textarea></form>`;
    const text = chosenText(`<body><div>${prose('bridge', 3)}${form}</div></body>`);
    expect(text).toContain('bridge report');
    expect(text).not.toContain('Policy, rules');
  });

  it('sets aside a section headed by a furniture title, in any of the languages', () => {
    for (const title of ['Related articles', 'Ähnliche Beiträge', 'Noticias relacionadas', 'À lire aussi', 'Articoli correlati', 'Gerelateerde artikelen', 'Notícias relacionadas']) {
      const related = `<div><h3>${title}</h3>${prose('other', 2)}</div>`;
      const text = chosenText(`<body><div>${prose('bridge', 4)}${related}</div></body>`);
      expect(text, title).not.toContain('other report');
    }
  });

  it('ends a furniture section at the next heading of the same rank', () => {
    const html = `<body><div>${prose('bridge', 3)}<h2>Comments</h2><div class="c">${prose('reader', 2)}</div><h2>The vote</h2>${prose('council', 3)}</div></body>`;
    const text = chosenText(html);
    expect(text).not.toContain('reader report');
    expect(text).toContain('council report');
  });

  it('sets aside a listing of teasers (alike items that are mostly links)', () => {
    const teaser = (i: number): string => `<div class="card"><a href="/s/${i}">Another story about the harbour, number ${i}</a><span>2 min</span></div>`;
    const html = `<body><div class="body">${prose('bridge', 3)}<div class="list">${[1, 2, 3, 4].map(teaser).join('')}</div></div></body>`;
    expect(chosenText(html)).not.toContain('Another story');
  });

  it('prefers the story after its headline to a box of prose above it', () => {
    const html = `<body><div class="box">${prose('weather', 5)}</div><div class="story"><h1>Bridge to reopen</h1>${prose('bridge', 4)}</div></body>`;
    const page = parsePage(html);
    const choice = chooseArticle(page.body, { ...EMPTY_METADATA.evidence, headline: 'Bridge to reopen' });
    const text = choice.roots.map((r) => textContent(r)).join(' ');
    expect(text).toContain('bridge report');
    expect(text).not.toContain('weather report');
  });

  it('keeps a list of linked lead-ins that is the article (a listicle)', () => {
    const item = (i: number): string => `<li><strong><a href="/x/${i}">Point number ${i} links elsewhere</a>.</strong> Then a sentence explains it, with detail, at some length for the reader.</li>`;
    const html = `<body><div class="post"><p>Intro to the list, which explains what follows, and why.</p><ol>${[1, 2, 3, 4, 5].map(item).join('')}</ol></div></body>`;
    const article = extractHtml(html, {});
    expect(article?.paragraphs.filter((p) => p.startsWith('Point number'))).toHaveLength(5);
  });
});

describe('classifyHeading', () => {
  it.each([
    ['Comments (12)', 'comments'],
    ['12 Kommentare', 'comments'],
    ['Lesen Sie auch:', 'tail'],
    ['Te puede interesar', 'tail'],
    ['Você pode gostar...', 'tail'],
    ['More from the Gazette', 'tail'],
    ['Newsletter', 'box'],
    ['Compartir', 'box'],
    ['Umfrage', 'box'],
  ])('%j is %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it.each(['Comments on the budget were mixed', 'The related problem of housing', 'Latest figures show a rise in prices across the region'])('%j is a heading of the article', (heading) => {
    expect(classifyHeading(heading)).toBeNull();
  });

  it('covers the seven languages', () => {
    expect(Object.keys(FURNITURE_LEXICONS).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
  });
});

describe('site blocks', () => {
  const about = 'Acme Rail is a maker of trains and trams, with plants in four countries and 3,000 employees.';
  const article = (n: number): string[] => [`Acme Rail said on day ${n} that it had won an order for ${n} trams from a city in the north.`, `Deliveries of the ${n} trams start next year, the company said in a statement on day ${n}.`, about];

  it('drops a block the site repeated at the edge of two other pages, not before', () => {
    const site = createSiteBlocks();
    expect(applySiteBlocks(site, 'acme.example', article(1)).repeats).toEqual([]);
    expect(applySiteBlocks(site, 'acme.example', article(2)).repeats).toEqual([]);
    const third = applySiteBlocks(site, 'acme.example', article(3));
    expect(third.repeats).toEqual([about]);
    expect(third.kept).toHaveLength(2);
    // Other hosts are not affected.
    expect(applySiteBlocks(site, 'other.example', article(4)).repeats).toEqual([]);
  });

  it('drops nothing from another copy of an article already seen', () => {
    const site = createSiteBlocks();
    for (let i = 0; i < 3; i++) applySiteBlocks(site, 'acme.example', article(1));
    expect(applySiteBlocks(site, 'acme.example', article(1)).repeats).toEqual([]);
  });
});
