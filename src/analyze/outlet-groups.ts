import type { OutletProfile } from '../core/types.js';

/** An article as the group coverage needs it: its outlet name and the address it came from. */
export interface GroupCoverageArticle {
  id: number;
  source: string | null;
  url: string | null;
  canonicalUrl?: string | null;
}

/** One value of a label (`country: FR`) with its outlets, those that covered the story first. */
export interface CoverageGroup {
  value: string;
  /** Outlets of the group that carry the story, with their articles, most first. */
  covering: Array<{ outlet: string; articles: number }>;
  /** Outlets of the group that do not carry it (yet), by name. */
  missing: string[];
}

/** One label (`country`, `owner`, or one of the newsroom's own) and its groups, those covering the story first. */
export interface CoverageDimension {
  label: string;
  groups: CoverageGroup[];
}

/** A story's coverage by the labels of the outlets file. */
export interface GroupCoverage {
  /** Outlets in the outlets file. */
  profiled: number;
  /** Articles by outlet of the file, most first. */
  outlets: Array<{ outlet: string; articles: number }>;
  /** Articles whose outlet is not in the file, by their outlet name (or `null` when they carry none). */
  unprofiled: Array<{ source: string | null; articles: number }>;
  dimensions: CoverageDimension[];
  /** The groups with no article in the story yet: `{ label, value, outlets }`. */
  notCovered: Array<{ label: string; value: string; outlets: string[] }>;
}

/** The fixed labels, in this order, before the file's own (alphabetical). */
const FIXED_LABELS = ['country', 'language', 'owner'] as const;

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return null;
  }
}

/**
 * The outlet of the file an article belongs to: by the host of its URL (or canonical URL), the
 * longest matching domain winning, else by its outlet name (case-insensitive); null when neither
 * matches. A name alone is trusted only when exactly one outlet has it.
 */
export function matchOutlet(article: GroupCoverageArticle, profiles: readonly OutletProfile[]): OutletProfile | null {
  for (const host of [hostOf(article.url), hostOf(article.canonicalUrl)]) {
    if (host === null) continue;
    let best: OutletProfile | null = null;
    let bestLength = 0;
    for (const profile of profiles) {
      for (const domain of profile.domains) {
        if ((host === domain || host.endsWith(`.${domain}`)) && domain.length > bestLength) {
          best = profile;
          bestLength = domain.length;
        }
      }
    }
    if (best) return best;
  }
  const name = article.source?.trim().toLocaleLowerCase();
  if (!name) return null;
  const named = profiles.filter((p) => p.name.toLocaleLowerCase() === name);
  return named.length === 1 ? named[0]! : null;
}

function labelsOf(profile: OutletProfile): Map<string, string> {
  const labels = new Map<string, string>();
  if (profile.country) labels.set('country', profile.country);
  if (profile.language) labels.set('language', profile.language);
  if (profile.owner) labels.set('owner', profile.owner);
  for (const [key, value] of Object.entries(profile.labels)) if (value.trim() !== '') labels.set(key, value);
  return labels;
}

const byCountThenName = <T extends { articles: number }>(name: (x: T) => string) => (a: T, b: T): number => b.articles - a.articles || name(a).localeCompare(name(b));

/**
 * A story's coverage by the labels of the outlets file: for each label (country, language,
 * owner, then the file's own) the groups of outlets sharing a value, which of them carry the
 * story and which groups have not covered it yet. Articles are matched to outlets by
 * {@link matchOutlet}. Deterministic.
 */
export function groupCoverage(articles: readonly GroupCoverageArticle[], profiles: readonly OutletProfile[]): GroupCoverage {
  const counts = new Map<string, number>();
  const unprofiled = new Map<string | null, number>();
  for (const article of articles) {
    const profile = matchOutlet(article, profiles);
    if (profile) counts.set(profile.name, (counts.get(profile.name) ?? 0) + 1);
    else unprofiled.set(article.source, (unprofiled.get(article.source) ?? 0) + 1);
  }
  const ownLabels = [...new Set(profiles.flatMap((p) => Object.keys(p.labels)))].filter((l) => !(FIXED_LABELS as readonly string[]).includes(l)).sort();
  const dimensions: CoverageDimension[] = [];
  for (const label of [...FIXED_LABELS, ...ownLabels]) {
    const members = new Map<string, string[]>();
    for (const profile of profiles) {
      const value = labelsOf(profile).get(label);
      if (value === undefined) continue;
      members.set(value, [...(members.get(value) ?? []), profile.name]);
    }
    if (members.size === 0) continue;
    const groups: CoverageGroup[] = [...members].map(([value, names]) => ({
      value,
      covering: names
        .filter((n) => counts.has(n))
        .map((outlet) => ({ outlet, articles: counts.get(outlet) ?? 0 }))
        .sort(byCountThenName((x) => x.outlet)),
      missing: names.filter((n) => !counts.has(n)).sort((a, b) => a.localeCompare(b)),
    }));
    const articlesOf = (g: CoverageGroup): number => g.covering.reduce((n, c) => n + c.articles, 0);
    groups.sort((a, b) => articlesOf(b) - articlesOf(a) || a.value.localeCompare(b.value));
    dimensions.push({ label, groups });
  }
  return {
    profiled: profiles.length,
    outlets: [...counts].map(([outlet, n]) => ({ outlet, articles: n })).sort(byCountThenName((x) => x.outlet)),
    unprofiled: [...unprofiled].map(([source, n]) => ({ source, articles: n })).sort(byCountThenName((x) => x.source ?? '')),
    dimensions,
    notCovered: dimensions.flatMap((d) => d.groups.filter((g) => g.covering.length === 0).map((g) => ({ label: d.label, value: g.value, outlets: g.missing }))),
  };
}
