import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createApp, CrosscheckService, startServer } from '../../api/index.js';
import { addressPolicy, readInputs } from '../../ingest/index.js';
import { assignPendingStories, ingestDocuments } from '../../pipeline/index.js';
import type { Store } from '../../store/index.js';
import { createWebApp } from '../../web/index.js';
import { isCrosscheckError } from '../../core/errors.js';
import { describeOrigin } from '../../core/types.js';
import { Watcher } from '../../watch/index.js';
import { CliExit, openStore } from '../context.js';
import { plural, println, status } from '../output.js';
import { expandFeeds, feedStateStore } from './watch.js';

/** Port when neither `--port` nor $PORT says otherwise. */
export const DEFAULT_PORT = 8080;
/** Publication date given to undated example articles (the examples' own story date). */
export const EXAMPLES_DATE = '2026-10-14';

interface ServeFlags {
  db?: string;
  port?: string;
  host: string;
  seedExamples?: boolean;
  watch?: string[];
  allowPrivate?: boolean;
  allowAddress?: string[];
  hostDelay: string;
  allowedHost?: string[];
}

/** The project's example articles (beside src/ and dist/). */
export function examplesDir(): string {
  return fileURLToPath(new URL('../../../examples/', import.meta.url));
}

/** Ingests the example articles into an empty store; returns how many articles were stored. */
export async function seedExamples(store: Store): Promise<number> {
  if ((await store.articles.count()) > 0) return 0;
  const dir = examplesDir();
  if (!existsSync(dir)) throw new CliExit(2, `--seed-examples: no examples folder at ${dir}`);
  const summary = await ingestDocuments(readInputs([dir], { date: EXAMPLES_DATE }), store);
  await assignPendingStories(store);
  return summary.new;
}

function parsePort(value: string | undefined): number {
  const text = value ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliExit(2, `--port must be a whole number 0–65535, got "${text}"`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the JSON API (writes need $CROSSCHECK_TOKEN)')
    .option('--db <path>', 'store path (default $CROSSCHECK_DB or data/crosscheck.db)')
    .option('--port <n>', `port (default $PORT or ${DEFAULT_PORT}; 0 for any free one)`)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--seed-examples', `ingest the example articles first when the store is empty (undated ones dated ${EXAMPLES_DATE})`)
    .option('--watch <feeds...>', 'also poll these feeds or OPML lists in this process (a live news desk); see `crosscheck watch`')
    .option('--allow-private', 'allow feeds (--watch) and webhook receivers on private and loopback addresses')
    .option('--allow-address <address...>', 'allow exactly these IP addresses (the only way to reach a cloud metadata endpoint, which --allow-private does not open)')
    .option('--host-delay <ms>', 'with --watch: minimum delay between two requests to one host', '2000')
    .option('--allowed-host <name...>', 'also answer requests addressed to these host names (default: IP addresses and localhost only; also $CROSSCHECK_ALLOWED_HOSTS, comma-separated)')
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const hostDelayMs = Number(flags.hostDelay);
      if (!Number.isFinite(hostDelayMs) || hostDelayMs < 0) throw new CliExit(2, `--host-delay must be a number of milliseconds, got "${flags.hostDelay}"`);
      const allowPrivate = addressPolicy({ allowPrivate: flags.allowPrivate === true, addresses: flags.allowAddress ?? [] });
      const feeds = flags.watch ? await expandFeeds(flags.watch, allowPrivate) : [];
      const store = await openStore(flags.db);
      try {
        let seeded = 0;
        if (flags.seedExamples) {
          seeded = await seedExamples(store);
          if (seeded) status(`stored ${plural(seeded, 'example article')} in ${store.location}`);
        }
        const token = process.env.CROSSCHECK_TOKEN?.trim() || null;
        const service = new CrosscheckService({ store, webhooks: { allowPrivate } });
        await service.start();
        if (seeded) {
          // Build the examples' fact sheets now, so the first visit does not wait for them.
          for (const story of (await service.listStories({ limit: 20 })).stories) await service.factSheetJson(story.id);
          status('built the fact sheets of the example stories');
        }
        const allowedHosts = [flags.host, ...(flags.allowedHost ?? []), ...(process.env.CROSSCHECK_ALLOWED_HOSTS ?? '').split(',')].map((name) => name.trim()).filter(Boolean);
        const app = createApp({ service, token, web: createWebApp(service), allowedHosts });
        const server = await startServer(app, { host: flags.host, port });
        println(`crosscheck: serving ${server.url}/ (store ${store.location}; API at ${server.url}/api, writes ${token ? 'need the bearer token' : 'disabled: set CROSSCHECK_TOKEN'})`);
        // The feed watcher in the same process: new entries go through the service, so pages and SSE see them at once.
        const watching = new AbortController();
        let watcherDone: Promise<void> = Promise.resolve();
        if (feeds.length) {
          const watcher = new Watcher({
            store: feedStateStore(store),
            fetch: { allowPrivate },
            hostDelayMs,
            isKnown: (url) => store.articles.hasUrl(url),
            onDocument: async (doc) => {
              try {
                const result = await service.ingestDocument(doc);
                if (result.status === 'new') status(`watch: new #${result.articleId} story #${result.storyId ?? '?'}  ${describeOrigin(doc.origin)}`);
              } catch (error) {
                status(`watch: failed ${isCrosscheckError(error) ? error.message : `${describeOrigin(doc.origin)}: ${String(error)}`}`);
              }
            },
          });
          for (const feed of feeds) await watcher.addFeed(feed);
          status(`watching ${plural(feeds.length, 'feed')} in this process`);
          watcherDone = watcher.run(watching.signal).catch((error: unknown) => status(`watch stopped: ${String(error)}`));
        }
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        status('crosscheck: stopping');
        watching.abort();
        await watcherDone;
        await server.close();
        await service.close();
      } finally {
        await store.close();
      }
    });
}
