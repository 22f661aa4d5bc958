import { z } from 'zod';
import type { DocumentHints, Origin } from '../core/types.js';
import type { ByteReader } from './byte-reader.js';
import { documentItem, failureItem, withOptionHints, type ReadContext, type ReadItem } from './context.js';
import { ingestError, toIngestError } from './fault.js';

const optionalString = z.string().nullish();

/** One JSONL article. Unknown fields are ignored; `null` means absent. */
const JSONL_RECORD = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    url: optionalString,
    title: optionalString,
    text: optionalString,
    html: optionalString,
    source: optionalString,
    published: optionalString,
    language: optionalString,
  })
  .passthrough();

type JsonlRecord = z.infer<typeof JSONL_RECORD>;

const utf8 = new TextDecoder('utf-8');

function present(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

function hintsOf(record: JsonlRecord): DocumentHints {
  const hints: DocumentHints = {};
  if (record.id !== null && record.id !== undefined && String(record.id).trim() !== '') hints.id = String(record.id);
  const fields = ['url', 'title', 'source', 'published', 'language'] as const;
  for (const field of fields) {
    const value = present(record[field]);
    if (value !== undefined) hints[field] = value.trim();
  }
  return hints;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'record'}: ${issue.message}`)
    .join('; ');
}

/** Turns one line into a document or a failure; null for a blank line. */
function parseLine(line: string, origin: Origin, context: ReadContext): ReadItem | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failureItem(origin, ingestError('invalid_json', origin, `not valid JSON (${reason})`, error));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return failureItem(origin, ingestError('invalid_record', origin, `expected a JSON object, found ${found}`));
  }
  const parsed = JSONL_RECORD.safeParse(value);
  if (!parsed.success) return failureItem(origin, ingestError('invalid_record', origin, describeIssues(parsed.error)));
  const record = parsed.data;
  const html = present(record.html);
  const text = present(record.text);
  if (html === undefined && text === undefined) {
    return failureItem(origin, ingestError('invalid_record', origin, 'the record has neither "text" nor "html"'));
  }
  const hints = withOptionHints(context, hintsOf(record));
  if (html !== undefined) return documentItem({ origin, format: 'html', content: html, hints });
  return documentItem({ origin, format: 'text', content: text ?? '', hints });
}

/**
 * Streams a JSONL file line by line: one article per line, `text` or `html` required
 * (`html` wins when both are given). A bad line is a failure at `line N`; the other lines
 * are still read. A line over maxDocumentBytes is skipped without being kept (`too_large`).
 * Blank lines are ignored; a file with no record at all is `empty_input`.
 */
export async function* readJsonl(reader: ByteReader, input: string, context: ReadContext): AsyncGenerator<ReadItem> {
  let lineNumber = 0;
  let hasRecord = false;
  for (;;) {
    const origin: Origin = { input, location: `line ${lineNumber + 1}` };
    let line;
    try {
      line = await reader.readLine(context.maxDocumentBytes);
    } catch (error) {
      yield failureItem(origin, toIngestError(error, origin));
      return;
    }
    if (line === null) break;
    lineNumber++;
    if (line.isTooLong) {
      hasRecord = true;
      yield failureItem(origin, ingestError('too_large', origin, `the line is ${line.length} bytes, over the limit of ${context.maxDocumentBytes}`));
      continue;
    }
    let text = utf8.decode(line.bytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const item = parseLine(text, origin, context);
    if (item === null) continue;
    hasRecord = true;
    yield item;
  }
  if (!hasRecord) {
    const origin = { input };
    yield failureItem(origin, ingestError('empty_input', origin, 'no JSON line in the file'));
  }
}
