/** What a file holds, as far as ingest is concerned. */
export type InputFormat = 'html' | 'text' | 'jsonl' | 'warc';

/** Extensions we read, lower case, without the dot; a trailing `.gz` is allowed on each. */
const FORMAT_BY_EXTENSION: ReadonlyMap<string, InputFormat> = new Map([
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['txt', 'text'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['warc', 'warc'],
]);

export interface PathFormat {
  /** The format the extension names, or null for an extension we do not know. */
  readonly format: InputFormat | null;
  /** True when the name ends in `.gz`. */
  readonly isGzipName: boolean;
}

/** Reads the format from a file name: `a.html` → html, `b.warc.gz` → warc (gzip), `c.png` → null. */
export function formatFromPath(path: string): PathFormat {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const isGzipName = name.endsWith('.gz');
  const stem = isGzipName ? name.slice(0, -3) : name;
  const dot = stem.lastIndexOf('.');
  const extension = dot > 0 ? stem.slice(dot + 1) : '';
  return { format: FORMAT_BY_EXTENSION.get(extension) ?? null, isGzipName };
}
