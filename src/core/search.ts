/**
 * The reader's search syntax, shared by the API, the CLI and the web UI: free words (all required,
 * `"quoted phrases"`) and operators that narrow the stories found.
 *
 * | operator | narrows to stories … |
 * |---|---|
 * | `outlet:NAME` (`outlet:"Two words"`) | with an article from that outlet (its name, or the host a nameless article is labelled by) |
 * | `entity:NAME` | naming that person, place or organisation |
 * | `quote:"words"` | with an article quoting those words (inside quotation marks) |
 * | `lang:xx` | with an article in that language (ISO 639) |
 * | `from:DATE`, `to:DATE` | with an article on or after / on or before the day; DATE is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` |
 * | `date:DATE`, `date:DATE..DATE` | within that day, month, year, or range (either end may be left open) |
 *
 * Operators combine with AND; a key not listed above (`10:30`, `http://…`) is searched as words.
 * Deterministic and pure.
 */

/** A search split into its words and its operators. */
export interface SearchQuery {
  /** The free words and phrases, as typed (operators removed); empty when there are none. */
  text: string;
  outlets: string[];
  entities: string[];
  quotes: string[];
  languages: string[];
  /** Earliest day (`YYYY-MM-DD`), or null. */
  from: string | null;
  /** Latest day (`YYYY-MM-DD`), or null. */
  to: string | null;
  /** Operators that could not be read, each with why (`from: expected a date …, got "soon"`). */
  problems: string[];
}

/** The operator keys, with their aliases. */
export const SEARCH_OPERATORS = ['outlet', 'entity', 'quote', 'lang', 'from', 'to', 'date'] as const;
const ALIASES: Record<string, (typeof SEARCH_OPERATORS)[number]> = {
  outlet: 'outlet',
  source: 'outlet',
  entity: 'entity',
  quote: 'quote',
  lang: 'lang',
  language: 'lang',
  from: 'from',
  since: 'from',
  to: 'to',
  until: 'to',
  date: 'date',
};

// key:"quoted value" | key:value, the key at the start of a word.
const TOKEN = /(^|\s)([A-Za-z]+):(?:"([^"]*)"?|(\S*))/g;

const DAYS_IN_MONTH = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` covers, or null when it is not a real date. */
export function dateSpan(value: string): { first: string; last: string } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { first: `${m[1]}-${pad(month)}-01`, last: `${m[1]}-${pad(month)}-${pad(DAYS_IN_MONTH(year, month))}` };
  const day = Number(m[3]);
  if (day < 1 || day > DAYS_IN_MONTH(year, month)) return null;
  const iso = `${m[1]}-${pad(month)}-${pad(day)}`;
  return { first: iso, last: iso };
}

/** Splits a search into its words and operators (see the module comment). */
export function parseSearch(input: string): SearchQuery {
  const query: SearchQuery = { text: '', outlets: [], entities: [], quotes: [], languages: [], from: null, to: null, problems: [] };
  const later = (a: string | null, b: string): string => (a === null || b > a ? b : a);
  const earlier = (a: string | null, b: string): string => (a === null || b < a ? b : a);
  const badDate = (key: string, value: string): void => {
    query.problems.push(`${key}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got "${value}"`);
  };
  const text = input.replace(TOKEN, (whole, lead: string, rawKey: string, quoted: string | undefined, bare: string | undefined) => {
    const key = ALIASES[rawKey.toLowerCase()];
    if (key === undefined) return whole;
    const value = (quoted ?? bare ?? '').replace(/\s+/g, ' ').trim();
    if (value === '') {
      query.problems.push(`${rawKey}: expected a value after the colon`);
      return lead;
    }
    switch (key) {
      case 'outlet':
        query.outlets.push(value);
        break;
      case 'entity':
        query.entities.push(value);
        break;
      case 'quote':
        if (/[\p{L}\p{N}]/u.test(value)) query.quotes.push(value);
        else query.problems.push(`quote: expected words to look for, got "${value}"`);
        break;
      case 'lang':
        if (/^[a-z]{2,3}$/i.test(value)) query.languages.push(value.toLowerCase());
        else query.problems.push(`lang: expected an ISO 639 language code (en, fr, …), got "${value}"`);
        break;
      case 'from': {
        const span = dateSpan(value);
        if (span) query.from = later(query.from, span.first);
        else badDate(rawKey, value);
        break;
      }
      case 'to': {
        const span = dateSpan(value);
        if (span) query.to = earlier(query.to, span.last);
        else badDate(rawKey, value);
        break;
      }
      case 'date': {
        const [start, end, ...rest] = value.split('..');
        if (rest.length > 0 || start === undefined) {
          badDate(rawKey, value);
          break;
        }
        const first = start === '' ? null : dateSpan(start);
        const last = end === undefined ? first : end === '' ? null : dateSpan(end);
        if ((start !== '' && first === null) || (end !== undefined && end !== '' && last === null) || (start === '' && (end === undefined || end === ''))) {
          badDate(rawKey, value);
          break;
        }
        if (first) query.from = later(query.from, first.first);
        if (last) query.to = earlier(query.to, last.last);
        break;
      }
    }
    return lead;
  });
  query.text = text.replace(/\s+/g, ' ').trim();
  if (query.from !== null && query.to !== null && query.from > query.to) query.problems.push(`dates: ${query.from} is after ${query.to}`);
  return query;
}

/** True when a search has operators (something besides its words). */
export function hasOperators(query: SearchQuery): boolean {
  return query.outlets.length + query.entities.length + query.quotes.length + query.languages.length > 0 || query.from !== null || query.to !== null;
}

// Opening mark → closing marks. Single quotes and apostrophes are left out: a ’ inside a word
// (it’s, O’Neill) would open or close a quotation that is not one.
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”"', '”': '”', '„': '“”', '«': '»', '»': '«', '‹': '›', '「': '」', '『': '』', '《': '》' };

/** Lower case, accents removed, words only: how a quote and a phrase are compared. */
function comparable(text: string): string {
  return (text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * True when `phrase`'s words appear, in order and together, inside one quotation of `text`
 * (between quotation marks of one paragraph); case and accents do not matter.
 */
export function isQuotedIn(text: string, phrase: string): boolean {
  const wanted = comparable(phrase);
  if (wanted === '') return false;
  for (const paragraph of text.split(/\n+/)) {
    for (let i = 0; i < paragraph.length; i++) {
      const closers = QUOTE_PAIRS[paragraph[i]!];
      if (closers === undefined) continue;
      let end = i + 1;
      while (end < paragraph.length && !closers.includes(paragraph[end]!)) end++;
      if (end >= paragraph.length) break;
      if (` ${comparable(paragraph.slice(i + 1, end))} `.includes(` ${wanted} `)) return true;
      i = end;
    }
  }
  return false;
}
