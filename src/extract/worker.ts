/**
 * The extraction worker: receives documents from the pool (pool.ts), extracts them, answers.
 * One document at a time; the pool terminates the thread when a document runs over its budget.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from './document.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('extract/worker.ts runs as a worker thread of the extraction pool');

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, article: extractDocument(request.doc, request.options) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// Modules loaded: the pool may start timing documents.
const ready: WorkerReply = { ready: true };
port.postMessage(ready);
