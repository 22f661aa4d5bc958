import { readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { assignPendingStories, ingestDocuments, type IngestSummary } from '../../src/pipeline/index.js';
import { SqliteStore, type StorePort } from '../../src/store/index.js';

/** A throwaway in-memory store with the real migrations. */
export function memoryStore(): SqliteStore {
  return SqliteStore.open(':memory:');
}

/** Ingests inputs and assigns stories in-process, as `crosscheck ingest` does. */
export async function ingestInto(store: StorePort, inputs: string[], options: ReadOptions = {}): Promise<IngestSummary> {
  const summary = await ingestDocuments(readInputs(inputs, options), store, { now: () => new Date('2026-11-01T00:00:00Z') });
  await assignPendingStories(store, { now: () => new Date('2026-11-01T00:00:00Z') });
  return summary;
}
