/**
 * One writer process of `npm run bench -- writers`: stores and assigns its share of the
 * generated articles one at a time (as API writes arrive), through the one ingest-and-assign
 * path, then prints what it did as one JSON line. Waits for "go" on stdin so that all writers
 * start together.
 * Usage: node --import tsx bench/writers-child.ts <db> <first index> <count>
 */
import { once } from 'node:events';
import { StoryAssigner } from '../src/pipeline/index.js';
import { SqliteStore } from '../src/store/index.js';
import { benchArticle } from './writers-data.js';

const [db, firstText, countText] = process.argv.slice(2);
const first = Number(firstText);
const count = Number(countText);
const store = SqliteStore.open(db!);
const assigner = new StoryAssigner(store);
const docs = Array.from({ length: count }, (_, k) => benchArticle(first + k));
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const started = performance.now();
let errors = 0;
let known = 0;
const messages = new Set<string>();
for (const doc of docs) {
  try {
    const result = await assigner.ingest(doc);
    if (result.status === 'known') known++;
  } catch (error) {
    errors++;
    messages.add(error instanceof Error ? error.message : String(error));
  }
}
await assigner.close();
const seconds = (performance.now() - started) / 1000;
const stats = store.writeStats();
await store.close();
process.stdout.write(`${JSON.stringify({ writes: count, known, errors, messages: [...messages].slice(0, 3), seconds, transactions: stats.transactions, retries: stats.retries })}\n`);
process.exit(0);
