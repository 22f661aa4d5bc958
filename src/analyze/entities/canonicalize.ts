import { ORG_ACRONYMS, PLACE_ALIASES } from './lexicon.js';
import type { ArticleKey, ArticleMentions, Entity, EntityKind } from './types.js';

const REGEXPS = {
  diacritics: /\p{M}+/gu,
  space: /\s+/g,
  leadingThe: /^the\s+/i,
  apostrophe: /[’']/g,
  slug: /[^a-z0-9]+/g,
};

/** Surnames at least this long may differ by one edit ("Zelensky" / "Zelenskyy"). */
const MIN_FUZZY_SURNAME_CHARS = 6;
const UNKNOWN_SOURCE = '(unknown)';

/** Lower-cased, accent-free, single-spaced form used to compare names. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(REGEXPS.diacritics, '')
    .replace(REGEXPS.apostrophe, "'")
    .replace(REGEXPS.space, ' ')
    .trim()
    .toLowerCase();
}

function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Skip the one differing char in each / in the longer one, then the tails must match.
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** True when two folded surnames name the same person (equal, or one edit apart when long). */
export function isSameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= MIN_FUZZY_SURNAME_CHARS && isWithinOneEdit(a, b);
}

function lastWord(folded: string): string {
  const words = folded.split(' ');
  return words[words.length - 1]!;
}

function firstWord(folded: string): string {
  return folded.split(' ')[0]!;
}

function initials(name: string): string {
  return name
    .split(REGEXPS.space)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

interface Cluster {
  kind: EntityKind;
  /** Surface names with their counts. */
  names: Map<string, number>;
  perArticle: Map<ArticleKey, { source: string | null; count: number }>;
}

function bestName(cluster: Cluster): string {
  return [...cluster.names.entries()].sort((a, b) => {
    const aWords = a[0].split(' ').length;
    const bWords = b[0].split(' ').length;
    // Persons: prefer a full name (2+ words), then the most frequent, then the longest.
    if (cluster.kind === 'person' && (aWords > 1) !== (bWords > 1)) return aWords > 1 ? -1 : 1;
    return b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1);
  })[0]![0];
}

function total(cluster: Cluster): number {
  let n = 0;
  for (const c of cluster.names.values()) n += c;
  return n;
}

/** Normalises an organisation or place name to the key clusters are built on. */
function surfaceKey(kind: EntityKind, name: string): string {
  if (kind === 'place') return foldName(PLACE_ALIASES.get(name.toLowerCase()) ?? name);
  if (kind === 'organisation') {
    const stripped = name.replace(REGEXPS.leadingThe, '');
    return foldName(ORG_ACRONYMS.get(stripped.toLowerCase()) ?? stripped);
  }
  return foldName(name);
}

function absorb(into: Cluster, from: Cluster): void {
  for (const [n, count] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + count);
  for (const [id, e] of from.perArticle) {
    const t = into.perArticle.get(id) ?? { source: e.source, count: 0 };
    t.count += e.count;
    into.perArticle.set(id, t);
  }
}

/**
 * One type per entity: a name read as a person in one sentence and as an organisation or place in
 * another ("Lind said" / "Lind announced") is one entity, of the kind most of its mentions give
 * (a person on a tie).
 */
function mergeKindConflicts(clusters: Map<string, Cluster>): void {
  const RANK: Readonly<Record<EntityKind, number>> = { person: 0, organisation: 1, place: 2 };
  const byName = new Map<string, string[]>();
  for (const [key, c] of clusters) {
    for (const alias of c.names.keys()) {
      const folded = foldName(alias);
      byName.set(folded, [...new Set([...(byName.get(folded) ?? []), key])]);
    }
  }
  for (const keys of byName.values()) {
    const live = keys.filter((k) => clusters.has(k));
    if (new Set(live.map((k) => clusters.get(k)!.kind)).size < 2) continue;
    const [winner, ...rest] = [...live].sort((a, b) => total(clusters.get(b)!) - total(clusters.get(a)!) || RANK[clusters.get(a)!.kind] - RANK[clusters.get(b)!.kind] || (a < b ? -1 : 1));
    for (const k of rest) {
      if (clusters.get(k)!.kind === clusters.get(winner!)!.kind) continue;
      absorb(clusters.get(winner!)!, clusters.get(k)!);
      clusters.delete(k);
    }
  }
}

/**
 * The consonant skeleton of a name: letters without diacritics, vowels, `y`, `h`, `w` or doubled
 * letters. Transliterations of one name ("Kharkiv" / "Kharkov") often share it; different names
 * rarely do.
 */
function skeleton(name: string): string {
  return foldName(name).replace(/[^a-z]/g, '').replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
}

/** Shortest name (letters) whose spelling variants are merged. */
const MIN_VARIANT_LETTERS = 4;

/**
 * One entity per spelling variant: two names of one kind with the same first letter and the same
 * consonant skeleton that never stand in the same article (each outlet keeps to its spelling) are
 * one entity under the more mentioned spelling. Names used side by side in one article stay apart.
 */
function mergeSpellingVariants(clusters: Map<string, Cluster>): void {
  const groups = new Map<string, string[]>();
  for (const [key, c] of clusters) {
    const name = bestName(c);
    const letters = foldName(name).replace(/[^a-z]/g, '');
    if (letters.length < MIN_VARIANT_LETTERS) continue;
    const sk = `${c.kind}|${letters[0]}|${skeleton(name)}`;
    groups.set(sk, [...(groups.get(sk) ?? []), key]);
  }
  for (const keys of groups.values()) {
    if (keys.length < 2) continue;
    const sorted = [...keys].sort((a, b) => total(clusters.get(b)!) - total(clusters.get(a)!) || (a < b ? -1 : 1));
    const kept: string[] = [];
    for (const k of sorted) {
      const c = clusters.get(k)!;
      const into = kept.find((w) => [...c.perArticle.keys()].every((id) => !clusters.get(w)!.perArticle.has(id)));
      if (into === undefined) {
        kept.push(k);
        continue;
      }
      absorb(clusters.get(into)!, c);
      clusters.delete(k);
    }
  }
}

/**
 * Gives each person, place and organisation of a story one canonical name.
 *
 * Places go through the country alias table ("U.K.", "Britain" → "United Kingdom"); an
 * organisation's acronym joins the organisation whose initials it spells; a person's full names
 * group by surname (one edit allowed for long surnames) and first name, and a surname alone joins
 * the most mentioned full name with that surname. A name read with two kinds takes its majority kind;
 * spelling variants that never share an article merge. Deterministic; entities are sorted by
 * mention count, then name.
 */
export function canonicalizeEntities(perArticle: readonly ArticleMentions[]): Entity[] {
  const clusters = new Map<string, Cluster>();
  const add = (key: string, kind: EntityKind, name: string, articleId: ArticleKey, source: string | null): void => {
    let cluster = clusters.get(key);
    if (cluster === undefined) {
      cluster = { kind, names: new Map(), perArticle: new Map() };
      clusters.set(key, cluster);
    }
    cluster.names.set(name, (cluster.names.get(name) ?? 0) + 1);
    const entry = cluster.perArticle.get(articleId) ?? { source, count: 0 };
    entry.count++;
    cluster.perArticle.set(articleId, entry);
  };

  const all = perArticle.flatMap((a) => a.mentions.map((m) => ({ m, articleId: a.articleId, source: a.source })));
  // Persons: full names first, so that surnames have something to join.
  const fullNames: string[] = [];
  const personKey = (folded: string): string | null => {
    if (folded.includes(' ')) {
      const found = fullNames.find((f) => isSameSurname(lastWord(f), lastWord(folded)) && isSameSurname(firstWord(f), firstWord(folded)));
      if (found !== undefined) return found;
      fullNames.push(folded);
      return folded;
    }
    return null;
  };
  for (const { m, articleId, source } of all) {
    if (m.kind !== 'person') continue;
    const key = personKey(foldName(m.name));
    if (key !== null) add(`person:${key}`, 'person', m.name, articleId, source);
  }
  for (const { m, articleId, source } of all) {
    if (m.kind !== 'person') continue;
    const folded = foldName(m.name);
    if (folded.includes(' ')) continue;
    const matches = fullNames
      .filter((f) => isSameSurname(lastWord(f), folded))
      .sort((a, b) => total(clusters.get(`person:${b}`)!) - total(clusters.get(`person:${a}`)!) || (a < b ? -1 : 1));
    add(`person:${matches[0] ?? folded}`, 'person', m.name, articleId, source);
  }
  for (const { m, articleId, source } of all) {
    if (m.kind === 'person') continue;
    add(`${m.kind}:${surfaceKey(m.kind, m.name)}`, m.kind, m.kind === 'place' ? (PLACE_ALIASES.get(m.name.toLowerCase()) ?? m.name) : m.name, articleId, source);
  }
  // Acronyms ("NATO" stays, "EU" already expanded) join a multi-word organisation they spell.
  for (const [key, cluster] of [...clusters.entries()]) {
    if (cluster.kind !== 'organisation') continue;
    const name = bestName(cluster);
    if (name.includes(' ') || !/^[A-Z.]{2,}$/.test(name)) continue;
    const target = [...clusters.entries()].find(
      ([k, c]) => k !== key && c.kind === 'organisation' && initials(bestName(c)) === name.replace(/\./g, ''),
    );
    if (target === undefined) continue;
    for (const [n, count] of cluster.names) target[1].names.set(n, (target[1].names.get(n) ?? 0) + count);
    for (const [id, e] of cluster.perArticle) {
      const t = target[1].perArticle.get(id) ?? { source: e.source, count: 0 };
      t.count += e.count;
      target[1].perArticle.set(id, t);
    }
    clusters.delete(key);
  }

  mergeKindConflicts(clusters);
  mergeSpellingVariants(clusters);

  const articleOrder = new Map(perArticle.map((a, i) => [a.articleId, i] as const));
  const entities: Entity[] = [];
  for (const cluster of clusters.values()) {
    const name = bestName(cluster);
    const outlets = new Map<string, number>();
    for (const { source, count } of cluster.perArticle.values()) {
      const key = source ?? UNKNOWN_SOURCE;
      outlets.set(key, (outlets.get(key) ?? 0) + count);
    }
    entities.push({
      id: `${cluster.kind}:${foldName(name).replace(REGEXPS.slug, '-').replace(/^-|-$/g, '')}`,
      name,
      kind: cluster.kind,
      aliases: [...cluster.names.keys()].sort(),
      articles: [...cluster.perArticle.entries()]
        .sort((a, b) => (articleOrder.get(a[0]) ?? 0) - (articleOrder.get(b[0]) ?? 0))
        .map(([articleId, e]) => ({ articleId, source: e.source, count: e.count })),
      outlets: [...outlets.entries()]
        .map(([source, count]) => ({ source, count }))
        .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : 1)),
      count: total(cluster),
    });
  }
  return entities.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Builds a lookup from any name (full, surname, alias; any case or accents) to its entity.
 * A surname alone finds the most mentioned person with that surname. Returns null when unknown.
 */
export function createEntityResolver(entities: readonly Entity[]): (name: string) => Entity | null {
  const byAlias = new Map<string, Entity>();
  for (const e of entities) {
    for (const alias of [e.name, ...e.aliases]) {
      const key = surfaceKey(e.kind, alias);
      if (!byAlias.has(key)) byAlias.set(key, e);
    }
  }
  const persons = entities.filter((e) => e.kind === 'person');
  return (name: string): Entity | null => {
    const folded = foldName(name);
    const direct =
      byAlias.get(folded) ?? byAlias.get(surfaceKey('place', name)) ?? byAlias.get(surfaceKey('organisation', name));
    if (direct !== undefined) return direct;
    const surname = lastWord(folded);
    const first = firstWord(folded);
    return (
      persons.find((p) => {
        const pf = foldName(p.name);
        return isSameSurname(lastWord(pf), surname) && (!folded.includes(' ') || !pf.includes(' ') || isSameSurname(firstWord(pf), first));
      }) ?? null
    );
  };
}
