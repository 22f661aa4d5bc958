import { extname } from 'node:path';
import type { Command } from 'commander';
import { isCrosscheckError } from '../../core/errors.js';
import { describeOrigin } from '../../core/types.js';
import { addressPolicy, formatOpml, isUrlSource, loadOpml, type PrivateAddressPolicy } from '../../ingest/index.js';
import { StoryAssigner } from '../../pipeline/index.js';
import type { StorePort } from '../../store/index.js';
import type { FeedStateStore } from '../../watch/index.js';
import { Watcher, type WatchEvent } from '../../watch/index.js';
import { CliExit, EXIT_OK, EXIT_PARTIAL, openExistingStore, openStore } from '../context.js';
import { formatTable, plural, printJson, println, status, truncate } from '../output.js';

interface WatchFlags {
  db?: string;
  allowPrivate?: boolean;
  allowAddress?: string[];
  hostDelay: string;
  once?: boolean;
  json?: boolean;
}

/** Expands OPML files or URLs into the feeds they list; other inputs are feeds themselves. */
export async function expandFeeds(inputs: string[], allowPrivate: PrivateAddressPolicy): Promise<string[]> {
  const feeds: string[] = [];
  for (const input of inputs) {
    const isOpml = extname(input.split('?')[0] ?? '').toLowerCase() === '.opml';
    if (isOpml) {
      const listed = await loadOpml(input, { fetch: { allowPrivate } });
      feeds.push(...listed.map((f) => f.url));
    } else if (isUrlSource(input)) {
      feeds.push(input);
    } else {
      throw new CliExit(2, `${input}: watch takes feed URLs (http, https) and OPML lists (files or URLs)`);
    }
  }
  return [...new Set(feeds)];
}

function describe(event: WatchEvent): string | null {
  switch (event.type) {
    case 'poll':
      return `polled       ${event.feed}  ${event.outcome === 'new' ? plural(event.newEntries, 'new entry', 'new entries') : event.outcome.replace('_', ' ')}; next poll ${event.nextPollAt.slice(0, 19)}`;
    case 'document':
      return null; // reported by onDocument with its story
    case 'skipped':
      return `skipped      ${event.url}  (${event.reason === 'robots' ? 'disallowed by robots.txt' : 'not a page'})`;
    case 'entry_failed':
      return `failed       ${event.error.message}`;
    case 'feed_failed':
      return `feed failed  ${event.error.message}; next try ${event.nextPollAt.slice(0, 19)}`;
  }
}

function eventJson(event: WatchEvent): Record<string, unknown> {
  if (event.type === 'entry_failed' || event.type === 'feed_failed') return { ...event, error: { code: event.error.code, message: event.error.message } };
  return { ...event };
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll feeds and OPML lists on a schedule, ingesting new entries as they appear (Ctrl-C stops)')
    .argument('[feeds...]', 'feed URLs (RSS, Atom, RDF) and OPML lists (files or URLs); none: every feed the store already watches')
    .option('--db <path>', 'store path')
    .option('--allow-private', 'allow private and loopback addresses (for local test servers)')
    .option('--allow-address <address...>', 'allow exactly these IP addresses (the only way to reach a cloud metadata endpoint, which --allow-private does not open)')
    .option('--host-delay <ms>', 'minimum delay between two requests to one host', '2000')
    .option('--once', 'poll every feed once now, then stop')
    .option('--json', 'one JSON object per event on stdout')
    .action(async (inputs: string[], flags: WatchFlags) => {
      const hostDelayMs = Number(flags.hostDelay);
      if (!Number.isFinite(hostDelayMs) || hostDelayMs < 0) throw new CliExit(2, `--host-delay must be a number of milliseconds, got "${flags.hostDelay}"`);
      const allowPrivate = addressPolicy({ allowPrivate: flags.allowPrivate === true, addresses: flags.allowAddress ?? [] });
      // Inputs are checked before the store is opened (or created); none means the stored feeds.
      const given = inputs.length ? await expandFeeds(inputs, allowPrivate) : null;
      const store = await (given ? openStore(flags.db) : openExistingStore(flags.db));
      const feeds = given ?? (await store.feeds.list()).map((f) => f.url);
      if (feeds.length === 0) {
        await store.close();
        throw new CliExit(2, `no feeds to watch in ${store.location}: give feed URLs or OPML lists, or crosscheck feeds import <OPML>`);
      }
      const live = new StoryAssigner(store);
      const controller = new AbortController();
      const stop = (): void => {
        if (!flags.json) status('stopping…');
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let failures = 0;
      let added = 0;
      const watcher = new Watcher({
        store: feedStateStore(store),
        fetch: { allowPrivate },
        hostDelayMs,
        isKnown: (url) => store.articles.hasUrl(url),
        onDocument: async (doc) => {
          try {
            const result = await live.ingest(doc);
            if (result.status === 'new') added++;
            if (flags.json) printJsonLine({ type: result.status, article: result.id, story: result.status === 'new' ? result.story.storyId : undefined, url: doc.hints.url });
            else if (result.status === 'new') println(`new      #${result.id}  story #${result.story.storyId}  ${describeOrigin(doc.origin)}${result.title ? `  "${truncate(result.title, 70)}"` : ''}`);
            else println(`known    #${result.id}  ${describeOrigin(doc.origin)}`);
          } catch (error) {
            failures++;
            const message = isCrosscheckError(error) ? error.message : `${describeOrigin(doc.origin)}: ${String(error)}`;
            if (flags.json) printJsonLine({ type: 'failed', url: doc.hints.url, message });
            else status(`failed   ${message}`);
          }
        },
        onEvent: (event) => {
          // A poll that brought new entries ends a run of arrivals: the stories they changed are re-checked.
          if (event.type === 'poll' && event.outcome === 'new') void live.settle().catch(() => undefined);
          if (flags.json) printJsonLine(eventJson(event));
          else {
            const line = describe(event);
            if (line) status(line);
          }
        },
      });
      try {
        for (const feed of feeds) await watcher.addFeed(feed);
        if (!flags.json) status(`watching ${plural(feeds.length, 'feed')} → ${store.location} (Ctrl-C stops)`);
        if (flags.once) {
          // Poll each feed now, due or not (conditional GET still applies).
          for (const feed of feeds) if (!controller.signal.aborted) await watcher.pollFeed(feed, controller.signal);
        }
        else await watcher.run(controller.signal);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await live.close();
        await store.close();
      }
      if (!flags.json) status(`${plural(added, 'new article')}, ${failures} failed`);
      process.exitCode = failures > 0 ? EXIT_PARTIAL : EXIT_OK;
    });

  const feeds = program
    .command('feeds')
    .description('list watched feeds with their health (last success, HTTP status, robots.txt, next poll); `--opml` writes them as an OPML list')
    .option('--db <path>', 'store path')
    .option('--opml', 'the watched feeds as an OPML 2.0 subscription list (for a feed reader)')
    .option('--json', 'machine-readable output')
    .enablePositionalOptions()
    .action(async (flags: { db?: string; opml?: boolean; json?: boolean }) => {
      const store = await openExistingStore(flags.db);
      try {
        const list = await store.feeds.list();
        if (flags.opml) {
          process.stdout.write(formatOpml(list, { title: 'crosscheck: watched feeds' }));
          return;
        }
        if (flags.json) {
          printJson(list);
          return;
        }
        if (list.length === 0) {
          println('no feeds watched yet: crosscheck watch <feed URL or OPML>, or crosscheck feeds import <OPML>');
          return;
        }
        println(
          formatTable(
            ['FEED', 'ARTICLES', 'LAST SUCCESS', 'HTTP', 'FAILURES', 'NEXT POLL', 'LAST ERROR'],
            list.map((f) => [
              truncate(f.title ? `${f.title} <${f.url}>` : f.url, 60),
              String(f.articlesFound),
              f.lastSuccessAt?.slice(0, 19) ?? '-',
              f.isBlockedByRobots ? 'robots' : f.lastStatus === null ? '-' : String(f.lastStatus),
              String(f.consecutiveFailures),
              f.nextPollAt.slice(0, 19),
              truncate(f.lastError ?? '', 40),
            ]),
          ),
        );
      } finally {
        await store.close();
      }
    });

  feeds
    .command('import')
    .description('add the feeds of OPML lists (files or URLs) to the watched feeds, without polling them; `crosscheck watch` then polls them all')
    .argument('<opml...>', 'OPML files or URLs')
    .option('--db <path>', 'store path')
    .option('--allow-private', 'allow OPML URLs on private and loopback addresses')
    .option('--json', 'machine-readable output')
    .action(async (inputs: string[], flags: { db?: string; allowPrivate?: boolean; json?: boolean }) => {
      const allowPrivate = addressPolicy({ allowPrivate: flags.allowPrivate === true, addresses: [] });
      const listed: Array<{ url: string; title: string | null }> = [];
      for (const input of inputs) listed.push(...(await loadOpml(input, { fetch: { allowPrivate } })));
      const store = await openStore(flags.db);
      let added = 0;
      try {
        // A watcher only to add the feeds: nothing is fetched here.
        const states = feedStateStore(store);
        const watcher = new Watcher({ store: states, onDocument: () => undefined, robots: false });
        for (const feed of listed) {
          const known = (await store.feeds.get(new URL(feed.url).href)) !== undefined;
          const state = await watcher.addFeed(feed.url);
          if (known) continue;
          added++;
          if (feed.title && state.title === null) await states.put({ ...state, title: feed.title });
        }
      } finally {
        await store.close();
      }
      if (flags.json) printJson({ listed: listed.length, added, known: listed.length - added });
      else status(`${plural(added, 'feed')} added, ${listed.length - added} already watched → run \`crosscheck watch\` to poll them`);
    });
}

/** The watcher's feed states in the store: reads from the feeds repository, each write its own short transaction. */
export function feedStateStore(store: StorePort): FeedStateStore {
  return {
    get: (url) => store.feeds.get(url),
    list: () => store.feeds.list(),
    put: (state) => store.transaction((tx) => tx.feeds.put(state)),
  };
}

function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
