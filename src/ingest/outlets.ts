import { z } from 'zod';
import { CrosscheckError } from '../core/errors.js';
import type { OutletProfile } from '../core/types.js';

/** Most outlets one file may list. */
export const MAX_OUTLETS = 10_000;

const label = z.string().trim().max(200);
const domain = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((value, ctx) => {
    // A bare host, or a URL whose host is taken: `www.` and a trailing dot are dropped.
    let host = value.toLowerCase();
    try {
      if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
    } catch {
      // Judged below like any other text.
    }
    host = host.replace(/^www\./, '').replace(/\.$/, '');
    if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a host name like news.example, got "${value}"` });
      return z.NEVER;
    }
    return host;
  });

/** One entry of an outlets file: the known fields, and any other string field as a label of its own. */
const OUTLET_ENTRY = z
  .object({
    name: z.string().trim().min(1).max(200),
    domains: z.union([domain.transform((d) => [d]), z.array(domain).max(100)]).optional(),
    country: label.nullish(),
    language: label.nullish(),
    owner: label.nullish(),
    labels: z.record(z.string().trim().min(1).max(100), label).optional(),
  })
  .catchall(z.union([label, z.null()]));

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

const KNOWN = new Set(['name', 'domains', 'country', 'language', 'owner', 'labels']);

/** What an outlets file gave: the outlets read, and an error for each entry that could not be. */
export interface OutletsFile {
  outlets: OutletProfile[];
  failures: CrosscheckError[];
}

/**
 * Reads an outlets file: JSON, an array of outlets (or `{ "outlets": [...] }`), each
 * `{ "name", "domains", "country", "language", "owner", "labels": {…} }` where every field but
 * the name is optional and any other string field is a label too (`"lean": "centre"`). A bad
 * entry is a failure naming the file, the entry and the field, and the others are read; a name
 * given twice keeps the first. Throws `invalid_json` / `invalid_record` when the file as a whole
 * is not one. Deterministic.
 */
export function parseOutletsFile(text: string, file: string): OutletsFile {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    throw new CrosscheckError('invalid_json', 'ingest', `${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const list = Array.isArray(data) ? data : (data as { outlets?: unknown } | null)?.outlets;
  if (!Array.isArray(list)) throw new CrosscheckError('invalid_record', 'ingest', `${file}: expected an array of outlets, or { "outlets": [...] }`);
  if (list.length > MAX_OUTLETS) throw new CrosscheckError('too_large', 'ingest', `${file}: ${list.length} outlets, more than the ${MAX_OUTLETS} one file may list`);
  const outlets: OutletProfile[] = [];
  const failures: CrosscheckError[] = [];
  const seen = new Map<string, number>();
  list.forEach((entry: unknown, index) => {
    const where = `${file}: outlet ${index + 1}${typeof (entry as { name?: unknown } | null)?.name === 'string' ? ` ("${(entry as { name: string }).name}")` : ''}`;
    const parsed = OUTLET_ENTRY.safeParse(entry);
    if (!parsed.success) {
      failures.push(new CrosscheckError('invalid_record', 'ingest', `${where}: ${describe(parsed.error)}`));
      return;
    }
    const { name, domains, country, language, owner, labels } = parsed.data;
    const key = name.toLocaleLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      failures.push(new CrosscheckError('invalid_record', 'ingest', `${where}: the name is already given by outlet ${first + 1}; the first is kept`));
      return;
    }
    seen.set(key, index);
    const own: Record<string, string> = { ...(labels ?? {}) };
    for (const [field, value] of Object.entries(parsed.data)) {
      if (!KNOWN.has(field) && typeof value === 'string' && value !== '') own[field] = value;
    }
    outlets.push({
      name,
      domains: [...new Set(domains ?? [])],
      country: country || null,
      language: language || null,
      owner: owner || null,
      labels: Object.fromEntries(Object.entries(own).filter(([, v]) => v !== '').sort(([a], [b]) => a.localeCompare(b))),
    });
  });
  return { outlets, failures };
}
