import { describe, expect, it } from 'vitest';
import { slimHtml } from './slim.js';
import { getAttribute, parsePage, textContent, walkElements } from './tree.js';

const bodyText = (html: string): string => textContent(parsePage(html).body).replace(/\s+/g, ' ').trim();

describe('parsePage: the tree a browser builds', () => {
  it.each([
    ['content before <body>, no </head>', '<html><head><title>t</title><table><tr><td><p>One<p>Two</table></head><body><p>Three</body></html>'],
    ['no <body> at all', '<html><head><title>t</title></head><font face=arial><p>One<p>Two<p>Three</font></html>'],
    ['no <html>, <head> or <body>', '<title>t</title><p>One<p>Two<p>Three'],
    ['content after </html>', '<html><body><p>One</p></body></html><p>Two</p><p>Three</p>'],
    ['an unclosed <title> before the page', '<html><head><title>t<body><p>One<p>Two<p>Three</body></html>'],
  ])('keeps the body text with %s', (_name, html) => {
    const text = bodyText(html);
    for (const word of ['One', 'Two']) expect(text).toContain(word);
  });

  it('closes paragraphs, list items and cells as the standard does', () => {
    const page = parsePage('<div><p>a<p>b<ul><li>c<li>d</ul><table><tr><td>e<td>f</table></div>');
    const tags: string[] = [];
    walkElements(page.body, (el) => {
      tags.push(el.tagName);
    });
    expect(tags.filter((t) => t === 'p')).toHaveLength(2);
    expect(tags.filter((t) => t === 'li')).toHaveLength(2);
    expect(tags.filter((t) => t === 'td')).toHaveLength(2);
  });

  it('takes JSON-LD out of its script and drops every other script, style and comment', () => {
    const slim = slimHtml('<head><script type="application/ld+json">{"headline":"</p>x"}</script><script>var a = "<div>";</script><style>p{}</style></head><body><!-- note --><p>Text</p></body>');
    expect(slim.jsonLd).toEqual(['{"headline":"</p>x"}']);
    expect(slim.html).not.toMatch(/script|style|note|var a/);
  });

  it('drops furniture subtrees, hidden elements and unread attributes, keeping words apart', () => {
    const page = parsePage('<p>Before<nav><a>Menu</a></nav>after</p><div hidden>secret</div><div style="display:none">also</div><p data-x="1" onclick="f()" class="k">kept</p>');
    const text = textContent(page.body).replace(/\s+/g, ' ');
    expect(text).toContain('Before after');
    expect(text).not.toMatch(/Menu|secret|also/);
    let attrs: string[] = [];
    walkElements(page.body, (el) => {
      if (el.tagName === 'p' && textContent(el) === 'kept') attrs = el.attrs.map((a) => a.name);
    });
    expect(attrs).toEqual(['class']);
  });

  it('keeps form fields as empty markers, without hidden inputs or option lists', () => {
    const slim = slimHtml('<form action="/c"><input type="hidden" name="t" value="1"><input type="text" name="n"><textarea name="c">draft <b>x</b></textarea><select><option>A</option></select><button>Send</button></form>');
    expect(slim.html).toContain('<input type="text" name="n">');
    expect(slim.html).toContain('<textarea name="c"></textarea>');
    expect(slim.html).toContain('<select></select>');
    expect(slim.html).not.toMatch(/hidden|draft|Send|>A</);
  });

  it('flattens nesting beyond the limit and keeps the text', () => {
    const html = `<body>${'<div>'.repeat(500)}<p>deep text</p>${'</div>'.repeat(500)}</body>`;
    const page = parsePage(html, { maxDepth: 50 });
    let divs = 0;
    walkElements(page.body, (el) => {
      if (el.tagName === 'div') divs++;
    });
    expect(divs).toBe(50);
    expect(textContent(page.body)).toContain('deep text');
  });

  it('strips the attributes of formatting elements, which the standard re-opens in every block', () => {
    const page = parsePage(Array.from({ length: 50 }, (_, i) => `<p><b class="c${i}">x</p>`).join(''));
    let withClass = 0;
    walkElements(page.body, (el) => {
      if (el.tagName === 'b' && getAttribute(el, 'class') !== null) withClass++;
    });
    expect(withClass).toBe(0);
  });

  it('cuts input beyond maxChars', () => {
    expect(bodyText(`<p>${'a '.repeat(100)}</p><p>tail words</p>`)).toContain('tail words');
    expect(textContent(parsePage(`<p>${'a '.repeat(100)}</p><p>tail words</p>`, { maxChars: 100 }).body)).not.toContain('tail words');
  });
});
