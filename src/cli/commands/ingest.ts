import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { describeOrigin } from '../../core/types.js';
import { createExtractionPool, type ExtractionPool } from '../../extract/index.js';
import { addressPolicy, readSources, surveyInputs } from '../../ingest/index.js';
import { assignPendingStories, ingestDocuments, type IngestEvent } from '../../pipeline/index.js';
import { CliExit, EXIT_OK, EXIT_PARTIAL, openStore } from '../context.js';
import { formatEta, plural, printJson, status } from '../output.js';

interface IngestFlags {
  db?: string;
  source?: string;
  date?: string;
  json?: boolean;
  progress?: boolean;
  allowPrivate?: boolean;
  allowAddress?: string[];
  workers?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest articles from files and folders (.html, .htm, .txt, .jsonl, .warc, also .gz), web pages by URL, and feeds (RSS, Atom, OPML) by URL or file')
    .argument('<inputs...>', 'files, folders (walked recursively), http(s) URLs of pages or feeds, feed or OPML files')
    .option('--db <path>', 'store path (default $CROSSCHECK_DB or data/crosscheck.db)')
    .option('--source <name>', 'outlet name for inputs that carry none')
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none')
    .option('--json', 'machine-readable output')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--allow-private', 'allow URLs on private and loopback addresses (for local test servers)')
    .option('--allow-address <address...>', 'allow exactly these IP addresses (the only way to reach a cloud metadata endpoint, which --allow-private does not open)')
    .option('--workers <n>', 'extraction threads (default: one per core; 0 extracts in this thread)')
    .action(async (inputs: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(inputs, flags);
    });
}

async function runIngest(inputs: string[], flags: IngestFlags): Promise<number> {
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) {
    throw new CliExit(2, `--date must be YYYY-MM-DD, got "${flags.date}"`);
  }
  const workers = flags.workers === undefined ? availableParallelism() : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new CliExit(2, `--workers must be a whole number 0–64, got "${flags.workers}"`);
  const store = await openStore(flags.db);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const json = flags.json === true;
  const showBar = !json && flags.progress !== false && process.stderr.isTTY;
  let bar: cliProgress.SingleBar | null = null;
  // HTML is extracted in worker threads (both cores, a time and memory budget per page).
  const extractor: ExtractionPool | undefined = workers > 0 ? createExtractionPool({ threads: workers }) : undefined;
  try {
    if (showBar) {
      const survey = await surveyInputs(inputs);
      bar = new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {percentage}% | {value}/{total} files | {docs} articles | {rate}/s | ETA {eta}', stream: process.stderr, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(1, survey.files), 0, { docs: 0, rate: '0', eta: '…' });
    }
    const started = Date.now();
    let docs = 0;
    let lastInput = '';
    let filesDone = 0;
    const onEvent = (event: IngestEvent): void => {
      docs++;
      if (event.origin.input !== lastInput) {
        if (lastInput) filesDone++;
        lastInput = event.origin.input;
      }
      if (bar) {
        const rate = (docs / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
        bar.update(filesDone, { docs, rate, eta: formatEta(filesDone, bar.getTotal(), Date.now() - started) });
      }
      if (json) return;
      const where = describeOrigin(event.origin);
      const line =
        event.type === 'new'
          ? `new      #${event.id}  ${where}${event.title ? `  "${event.title}"` : ''}`
          : event.type === 'known'
            ? `known    #${event.id}  ${where}  (already stored: same ${event.by === 'text' ? 'text' : 'canonical URL'})`
            : `failed   ${event.error.message}`;
      if (event.type === 'failed') process.stderr.write(`${bar ? '\n' : ''}${line}\n`);
      else if (!bar) process.stdout.write(`${line}\n`);
    };
    let knownEntries = 0;
    const sources = readSources(inputs, {
      ...optionsFrom(flags),
      fetch: { allowPrivate: addressPolicy({ allowPrivate: flags.allowPrivate === true, addresses: flags.allowAddress ?? [] }), signal: controller.signal },
      isKnown: (url) => store.articles.hasUrl(url),
      onKnownEntry: () => void knownEntries++,
    });
    const summary = await ingestDocuments(sources, store, { onEvent, signal: controller.signal, ...(extractor ? { extractor } : {}) });
    summary.known += knownEntries;
    if (bar) {
      bar.update(bar.getTotal());
      bar.stop();
    }
    // Copies and stories, in order of publication, for everything not yet assigned (also what an interrupted run left).
    const assigned = await assignPendingStories(store, { signal: controller.signal });
    const stories = { processed: assigned.processed, newStories: assigned.newStories, withCopies: assigned.copies, merges: assigned.merges };
    if (json) {
      printJson({ ...summary, stories, interrupted: controller.signal.aborted, store: store.location });
    } else {
      status(
        `${summary.new} new, ${summary.known} already known, ${summary.failed} failed${controller.signal.aborted ? ' (interrupted)' : ''} → ${store.location}`,
      );
      if (assigned.processed) {
        status(
          `${plural(assigned.processed, 'article')} assigned to stories: ${plural(assigned.newStories, 'new story', 'new stories')}, ${plural(assigned.copies, 'copy', 'copies')} of earlier articles, ${plural(assigned.merges, 'merge')}`,
        );
      }
    }
    return summary.failed > 0 || controller.signal.aborted ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    bar?.stop();
    await extractor?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}

function optionsFrom(flags: IngestFlags): { source?: string; date?: string } {
  const options: { source?: string; date?: string } = {};
  if (flags.source !== undefined) options.source = flags.source;
  if (flags.date !== undefined) options.date = flags.date;
  return options;
}
