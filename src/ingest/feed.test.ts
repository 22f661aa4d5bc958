import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/helpers/http-server.js';
import { CrosscheckError } from '../core/errors.js';
import { detectFeedKind, loadFeed, MAX_FEED_ENTRIES, parseFeed, parseOpml } from './feed.js';

const FEED_URL = 'https://news.example.com/feeds/world.xml';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>World &amp; Europe</title>
    <link>https://news.example.com/</link>
    <item>
      <title>Leaders meet in Paris &#8211; day one</title>
      <link>/2025/03/27/summit</link>
      <guid isPermaLink="false">abc-123</guid>
      <pubDate>Thu, 27 Mar 2025 10:00:00 +0100</pubDate>
      <description>&lt;p&gt;The summit &lt;b&gt;opened&lt;/b&gt; today.&lt;/p&gt;&lt;p&gt;More soon.&lt;/p&gt;</description>
      <dc:creator>Jane Doe</dc:creator>
    </item>
    <item>
      <title>Second</title>
      <guid>https://news.example.com/2025/03/28/second</guid>
      <description><![CDATA[<p>Cdata &amp; <i>html</i></p><script>alert(1)</script>]]></description>
    </item>
    <item><title>No link at all</title></item>
    <item><title>Bad scheme</title><link>javascript:alert(1)</link></item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF site</title><link>https://rdf.example.org/</link></channel>
  <item rdf:about="https://rdf.example.org/a"><title>A</title><link>https://rdf.example.org/a</link><dc:date>2025-03-27T08:00:00Z</dc:date><dc:creator>Ann</dc:creator><description>Plain</description></item>
  <item rdf:about="https://rdf.example.org/b"><title>B</title><link>https://rdf.example.org/b</link></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.net/blog/">
  <title type="html">Atom &amp;amp; more</title>
  <link href="https://atom.example.net/" rel="alternate"/>
  <link href="https://atom.example.net/feed" rel="self"/>
  <entry>
    <id>tag:atom.example.net,2025:1</id>
    <title>First post</title>
    <link rel="alternate" href="posts/1"/>
    <published>2025-03-27T09:30:00+02:00</published>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b>, again.</p></div></summary>
    <author><name>Ann Author</name></author>
  </entry>
  <entry>
    <id>tag:atom.example.net,2025:2</id>
    <title type="text">Second</title>
    <link href="https://atom.example.net/blog/posts/2"/>
    <updated>2025-03-28T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Escaped &amp;amp; html&lt;/p&gt;</content>
  </entry>
</feed>`;

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CrosscheckError);
    return (error as CrosscheckError).code;
  }
  return 'no error';
}

describe('detectFeedKind', () => {
  it.each([
    [RSS2, 'rss'],
    [RDF, 'rdf'],
    [ATOM, 'atom'],
    ['<?xml version="1.0"?>\n<!-- list -->\n<opml version="2.0"><body/></opml>', 'opml'],
    ['<!DOCTYPE html><html><body>x</body></html>', null],
    ['', null],
  ])('%#', (xml, kind) => expect(detectFeedKind(xml)).toBe(kind));
});

describe('parseFeed', () => {
  it('reads RSS 2.0 entries with absolute URLs, ISO dates and stripped summaries', () => {
    const feed = parseFeed(RSS2, { url: FEED_URL });
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('World & Europe');
    expect(feed.siteUrl).toBe('https://news.example.com/');
    expect(feed.entries).toEqual([
      {
        guid: 'abc-123',
        url: 'https://news.example.com/2025/03/27/summit',
        title: 'Leaders meet in Paris – day one',
        published: '2025-03-27T09:00:00.000Z',
        summary: 'The summit opened today. More soon.',
        author: 'Jane Doe',
      },
      {
        guid: 'https://news.example.com/2025/03/28/second',
        url: 'https://news.example.com/2025/03/28/second',
        title: 'Second',
        published: null,
        summary: 'Cdata & html',
        author: null,
      },
    ]);
    expect(feed.skipped).toBe(2);
    expect(feed.truncated).toBe(false);
  });

  it('reads RSS 1.0 (RDF)', () => {
    const feed = parseFeed(RDF, { url: 'https://rdf.example.org/index.rdf' });
    expect(feed.kind).toBe('rdf');
    expect(feed.title).toBe('RDF site');
    expect(feed.entries.map((e) => [e.url, e.title, e.published, e.author])).toEqual([
      ['https://rdf.example.org/a', 'A', '2025-03-27T08:00:00.000Z', 'Ann'],
      ['https://rdf.example.org/b', 'B', null, null],
    ]);
  });

  it('reads Atom with xml:base, xhtml and escaped html content', () => {
    const feed = parseFeed(ATOM, { url: 'https://atom.example.net/feed' });
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Atom & more');
    expect(feed.siteUrl).toBe('https://atom.example.net/');
    expect(feed.entries[0]).toEqual({
      guid: 'tag:atom.example.net,2025:1',
      url: 'https://atom.example.net/blog/posts/1',
      title: 'First post',
      published: '2025-03-27T07:30:00.000Z',
      summary: 'Hello world, again.',
      author: 'Ann Author',
    });
    expect(feed.entries[1]?.summary).toBe('Escaped & html');
    expect(feed.entries[1]?.published).toBe('2025-03-28T00:00:00.000Z');
  });

  it('does not expand billion laughs', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://x.example/1</link><description>&lol9;</description></item></channel></rss>`;
    let feed;
    try {
      feed = parseFeed(lol, { url: FEED_URL });
    } catch (error) {
      expect((error as CrosscheckError).code).toBe('bad_feed');
      return;
    }
    expect(feed.title).toBe('&lol9;');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('never reads an external entity (XXE)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxe-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-CONTENT');
    try {
      const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>`;
      let output = '';
      try {
        output = JSON.stringify(parseFeed(xxe, { url: FEED_URL }));
      } catch (error) {
        expect((error as CrosscheckError).code).toBe('bad_feed');
        expect((error as CrosscheckError).message).toContain(FEED_URL);
        output = (error as Error).message;
      }
      expect(output).not.toContain('TOP-SECRET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses malformed XML and non-feeds with bad_feed naming the feed', () => {
    const malformed = '<rss version="2.0"><channel><title>x</title><item><title>y</item></channel></rss>';
    expect(code(() => parseFeed(malformed, { url: FEED_URL }))).toBe('bad_feed');
    try {
      parseFeed(malformed, { url: FEED_URL });
    } catch (error) {
      expect((error as Error).message).toContain(FEED_URL);
    }
    expect(code(() => parseFeed('<html><body>nope</body></html>', { url: FEED_URL }))).toBe('bad_feed');
    expect(code(() => parseFeed('<rss version="2.0"><channel><title>x', { url: FEED_URL }))).toBe('bad_feed');
    expect(code(() => parseFeed('<opml><body/></opml>', { url: FEED_URL }))).toBe('bad_feed');
  });

  it('keeps the first 10,000 entries of a 100,000-entry feed and says so', () => {
    const items: string[] = [];
    for (let i = 0; i < 100_000; i++) items.push(`<item><title>Story ${i}</title><link>https://big.example/s/${i}</link><guid>g${i}</guid></item>`);
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://big.example/feed' });
    expect(feed.entries).toHaveLength(MAX_FEED_ENTRIES);
    expect(feed.truncated).toBe(true);
    expect(feed.totalEntries).toBe(100_000);
    expect(feed.entries[0]?.url).toBe('https://big.example/s/0');
    expect(feed.entries.at(-1)?.url).toBe(`https://big.example/s/${MAX_FEED_ENTRIES - 1}`);
    expect(feed.title).toBe('Big');
  });

  it('dedupes entries pointing at each other and at the feed itself', () => {
    const xml = `<rss version="2.0"><channel><title>Loop</title><link>${FEED_URL}</link>
      <item><title>self</title><link>${FEED_URL}</link></item>
      <item><title>a</title><link>https://news.example.com/a</link></item>
      <item><title>a again</title><link>https://news.example.com/a#comments</link></item>
      <item><title>b</title><link>https://news.example.com/b</link></item>
      <item><title>a third time</title><link>/a</link></item>
    </channel></rss>`;
    const feed = parseFeed(xml, { url: FEED_URL });
    expect(feed.entries.map((e) => e.url)).toEqual(['https://news.example.com/a', 'https://news.example.com/b']);
    expect(feed.skipped).toBe(3);
  });
});

describe('parseOpml', () => {
  it('flattens nested outlines with their categories, deduped', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
      <outline text="News">
        <outline text="World" title="World">
          <outline type="rss" text="A" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/>
          <outline type="rss" text="A dup" xmlUrl="https://a.example/feed"/>
        </outline>
        <outline type="rss" title="B" xmlUrl="https://b.example/rss.xml"/>
      </outline>
      <outline type="rss" text="C" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="D" xmlUrl="http://d.example/atom"/>
    </body></opml>`;
    expect(parseOpml(opml, { url: 'subs.opml' })).toEqual([
      { url: 'https://a.example/feed', title: 'A', htmlUrl: 'https://a.example/', categories: ['News', 'World'] },
      { url: 'https://b.example/rss.xml', title: 'B', htmlUrl: null, categories: ['News'] },
      { url: 'http://d.example/atom', title: 'D', htmlUrl: null, categories: [] },
    ]);
  });
});

describe('loadFeed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a local file in its declared encoding', async () => {
    const path = join(dir, 'latin.xml');
    writeFileSync(path, iconv.encode(RSS2.replace('UTF-8', 'ISO-8859-1').replace('Second', 'Deuxième été'), 'latin1'));
    const feed = await loadFeed(path);
    expect(feed.entries[1]?.title).toBe('Deuxième été');
    expect(feed.source).toBe(path);
  });

  it('fetches a feed URL and names it in errors', async () => {
    const server = await startTestServer((req, res) => {
      if (req.url === '/feed') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS2);
      else res.writeHead(200, { 'content-type': 'text/xml' }).end('<rss><channel><title>broken</rss>');
    });
    try {
      const feed = await loadFeed(server.url('/feed'), { fetch: { allowPrivate: true, timeoutMs: 2000 } });
      expect(feed.entries[0]?.url).toBe(server.url('/2025/03/27/summit'));
      await expect(loadFeed(server.url('/bad'), { fetch: { allowPrivate: true, timeoutMs: 2000 } })).rejects.toMatchObject({
        code: 'bad_feed',
        message: expect.stringContaining(server.url('/bad')) as unknown,
      });
      await expect(loadFeed(join(dir, 'missing.xml'))).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await server.close();
    }
  });
});
