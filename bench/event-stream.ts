/**
 * A generated news stream of many concurrent events that share their participants in the same
 * weeks: the hard case for a clusterer that groups by names. A small cast of invented actors
 * (heads of government, countries, companies, a court) takes part in events of many kinds (a
 * visit, talks, sanctions, a lawsuit, a resignation, a suspension of tests, an inquiry, a strike,
 * an agreement, an arrest, …), each event reported by several outlets in their own words
 * (synonymous verbs and nominalisations, different headline and lead patterns), whose bodies also
 * recall the actors' other recent events, as real reports do. Gold: the event.
 *
 * Everything here is invented from syllables and general news phrasing; it has nothing to do
 * with any evaluation set.
 */
import { seededRandom } from '../src/core/random.js';
import type { ClusterInput } from '../src/cluster/index.js';

export interface GeneratedArticle {
  input: ClusterInput;
  /** The event the article reports. */
  gold: string;
}

export interface EventStreamOptions {
  seed: number;
  /** Number of events (default 80). */
  events?: number;
  /** Days the events are spread over (default 28). */
  days?: number;
  /** Reports per event, inclusive range (default 3–7). */
  reports?: readonly [number, number];
  /** Actors in the cast (default 10): fewer actors, more shared participants. */
  actors?: number;
  /** First article id (default 1). */
  firstId?: number;
}

interface Kind {
  /** Headline verb phrases: "{a} {verb} {b}". */
  verbs: readonly string[];
  /** Past-tense phrases for leads and recollections: "{a} {past} {b}". */
  past: readonly string[];
  /** Event nouns: "the {noun}". */
  nouns: readonly string[];
  /** Words of the kind's own vocabulary used in the body. */
  words: readonly string[];
  /** Whether the second participant is a place (visits) rather than a party. */
  toPlace?: boolean;
}

const KINDS: readonly Kind[] = [
  { verbs: ['visits', 'travels to', 'arrives in', 'tours'], past: ['visited', 'travelled to', 'arrived in'], nouns: ['visit', 'trip', 'tour'], words: ['delegation', 'airport', 'welcomed', 'ceremony', 'motorcade', 'hosts', 'guests', 'itinerary'], toPlace: true },
  { verbs: ['holds talks with', 'meets', 'sits down with'], past: ['held talks with', 'met', 'sat down with'], nouns: ['talks', 'meeting', 'negotiations'], words: ['negotiators', 'table', 'agenda', 'round', 'progress', 'dialogue', 'envoys', 'closed-door'] },
  { verbs: ['imposes sanctions on', 'sanctions', 'targets with sanctions'], past: ['imposed sanctions on', 'sanctioned'], nouns: ['sanctions', 'penalties', 'measures'], words: ['assets', 'frozen', 'banks', 'exports', 'blacklist', 'treasury', 'restrictions', 'individuals'] },
  { verbs: ['sues', 'files lawsuit against', 'takes legal action against'], past: ['sued', 'filed a lawsuit against', 'took legal action against'], nouns: ['lawsuit', 'suit', 'legal action', 'complaint'], words: ['court', 'filing', 'damages', 'plaintiffs', 'attorneys', 'judge', 'claims', 'defendants'] },
  { verbs: ['resigns after row with', 'quits amid dispute with', 'steps down after clash with'], past: ['resigned after a row with', 'quit amid a dispute with', 'stepped down after a clash with'], nouns: ['resignation', 'departure', 'exit'], words: ['successor', 'post', 'cabinet', 'replacement', 'letter', 'interim', 'vacancy', 'reshuffle'] },
  { verbs: ['suspends missile tests as gesture to', 'halts weapons testing ahead of', 'freezes rocket launches for'], past: ['suspended missile tests', 'halted weapons testing', 'froze rocket launches'], nouns: ['suspension of tests', 'testing halt', 'moratorium'], words: ['launches', 'rockets', 'warheads', 'test site', 'moratorium', 'arsenal', 'launchpad', 'dismantle'] },
  { verbs: ['faces inquiry over ties to', 'questioned by investigators over', 'under investigation over links to'], past: ['faced an inquiry over ties to', 'was questioned by investigators over'], nouns: ['inquiry', 'investigation', 'probe'], words: ['investigators', 'subpoena', 'documents', 'testimony', 'witnesses', 'questions', 'findings', 'counsel'] },
  { verbs: ['signs trade agreement with', 'strikes deal with', 'seals pact with'], past: ['signed a trade agreement with', 'struck a deal with', 'sealed a pact with'], nouns: ['agreement', 'deal', 'pact', 'accord'], words: ['tariffs', 'signing', 'terms', 'quotas', 'ratify', 'clauses', 'framework', 'goods'] },
  { verbs: ['workers strike against', 'staff walk out at', 'unions halt work at'], past: ['saw workers strike', 'saw staff walk out', 'saw unions halt work'], nouns: ['strike', 'walkout', 'stoppage'], words: ['pickets', 'wages', 'union', 'shifts', 'pay', 'overtime', 'picket line', 'members'] },
  { verbs: ['expels diplomats of', 'orders envoys of', 'throws out diplomats from'], past: ['expelled diplomats of', 'ordered out envoys of'], nouns: ['expulsion', 'diplomatic row', 'expulsions'], words: ['embassy', 'consulate', 'hours', 'retaliation', 'persona non grata', 'ambassador', 'staff', 'spying'] },
  { verbs: ['pardons aide linked to', 'grants clemency to ally of', 'commutes sentence of adviser to'], past: ['pardoned an aide linked to', 'granted clemency to an ally of'], nouns: ['pardon', 'clemency', 'commutation'], words: ['sentence', 'conviction', 'prison', 'clemency', 'prosecutors', 'critics', 'leniency', 'felony'] },
  { verbs: ['releases memos on', 'publishes documents about', 'declassifies files on'], past: ['released memos on', 'published documents about', 'declassified files on'], nouns: ['memos', 'documents', 'release of files'], words: ['pages', 'redacted', 'classified', 'surveillance', 'warrant', 'disclosure', 'committee', 'footnotes'] },
  { verbs: ['raises tariffs on', 'slaps duties on imports from', 'hikes levies on'], past: ['raised tariffs on', 'slapped duties on imports from'], nouns: ['tariff increase', 'duties', 'levies'], words: ['steel', 'imports', 'percent', 'goods', 'retaliation', 'exporters', 'prices', 'customs'] },
  { verbs: ['wins confidence vote over', 'survives no-confidence motion backed by'], past: ['won a confidence vote over', 'survived a no-confidence motion backed by'], nouns: ['confidence vote', 'vote', 'motion'], words: ['ballot', 'lawmakers', 'majority', 'parliament', 'abstained', 'coalition', 'tally', 'chamber'] },
];

const SYLLABLES = ['va', 'lo', 'ren', 'ka', 'mi', 'dor', 'sel', 'tu', 'bra', 'ne', 'ost', 'li', 'gar', 'mon', 'ze', 'pa', 'rik', 'sa', 'vel', 'hu'];
const OUTLETS = ['Daily Courier', 'Evening Ledger', 'Morning Post', 'Wire Service', 'Capital Times', 'Metro Herald', 'Public Radio'];

function capital(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

function word(random: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return w;
}

interface Actor {
  /** Full reference ("President Alvar Tesko"), short ("Tesko"). */
  full: string;
  short: string;
  /** A place associated with the actor (capital city of its country). */
  place: string;
}

interface Event {
  id: number;
  kind: Kind;
  a: Actor;
  b: Actor;
  day: number;
  numbers: string[];
  detail: string;
  /** Words of this event alone (a place name of the venue, an object, a programme). */
  own: string[];
}

function makeCast(random: () => number, n: number): Actor[] {
  const titles = ['President', 'Prime Minister', 'Chancellor', 'Foreign Minister', 'Governor'];
  const cast: Actor[] = [];
  const seen = new Set<string>();
  while (cast.length < n) {
    const first = capital(word(random, 2));
    const last = capital(word(random, 2 + Math.floor(random() * 2)));
    const place = capital(word(random, 3));
    if (seen.has(last) || seen.has(place)) continue;
    seen.add(last);
    seen.add(place);
    const kind = cast.length % 3;
    if (kind === 2) {
      // A company or an institution.
      cast.push({ full: `${last} Holdings`, short: `${last} Holdings`, place });
    } else {
      cast.push({ full: `${titles[cast.length % titles.length]!} ${first} ${last}`, short: last, place });
    }
  }
  return cast;
}

export function generateEventStream(options: EventStreamOptions): GeneratedArticle[] {
  const random = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const nEvents = options.events ?? 80;
  const days = options.days ?? 28;
  const [minReports, maxReports] = options.reports ?? [3, 7];
  const cast = makeCast(random, options.actors ?? 10);
  // Background vocabulary of everyday reporting, Zipf-distributed, as in any news text.
  const background = Array.from({ length: 4000 }, () => word(random, 2 + Math.floor(random() * 2)));
  const cumulative = new Float64Array(background.length);
  let total = 0;
  for (let r = 0; r < background.length; r++) cumulative[r] = total += 1 / (r + 1);
  const filler = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = background.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return background[lo]!;
  };
  const prose = (n: number): string => Array.from({ length: n }, filler).join(' ');
  // A few actors are in most events: the famous names of a busy month.
  const popular = (): Actor => cast[Math.floor(Math.pow(random(), 1.8) * cast.length)]!;
  const events: Event[] = [];
  // One happening of one kind between the same two parties per stream: two such reports are one event.
  const seen = new Set<string>();
  for (let i = 0; events.length < nEvents && i < 100 * nEvents; i++) {
    const a = popular();
    let b = popular();
    while (b === a) b = popular();
    const kind = pick(KINDS);
    const key = `${KINDS.indexOf(kind)}:${[a.short, b.short].sort().join('/')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({
      id: events.length,
      kind,
      a,
      b,
      day: Math.floor(random() * days),
      numbers: [String(2 + Math.floor(random() * 90)), String(100 + Math.floor(random() * 900))],
      detail: word(random, 3),
      own: Array.from({ length: 6 }, () => word(random, 3)),
    });
  }
  const byActor = (actor: Actor, except: Event): Event[] => events.filter((e) => e !== except && (e.a === actor || e.b === actor) && Math.abs(e.day - except.day) <= 10);
  const target = (e: Event): string => (e.kind.toPlace ? e.b.place : e.b.full);
  const targetShort = (e: Event): string => (e.kind.toPlace ? e.b.place : e.b.short);

  const out: Array<GeneratedArticle & { day: number; order: number }> = [];
  let order = 0;
  for (const e of events) {
    const reports = minReports + Math.floor(random() * (maxReports - minReports + 1));
    for (let r = 0; r < reports; r++) {
      const k = e.kind;
      const headline = pick([
        () => `${e.a.short} ${pick(k.verbs)} ${targetShort(e)}`,
        () => `${capital(pick(k.nouns))}: ${e.a.short} and ${targetShort(e)}`,
        () => `${e.a.short} ${pick(k.verbs)} ${targetShort(e)} in ${e.detail} row`,
      ])();
      const lead = pick([
        () => `${e.a.full} ${pick(k.past)} ${target(e)} on ${weekday(e.day)}, officials said.`,
        () => `In a move watched closely, ${e.a.full} ${pick(k.past)} ${target(e)}, the ${pick(k.nouns)} coming after weeks of speculation.`,
        () => `The ${pick(k.nouns)} involving ${e.a.full} and ${target(e)} took place on ${weekday(e.day)} in ${e.a.place}.`,
      ])();
      const body: string[] = [lead];
      const details = 3 + Math.floor(random() * 4);
      for (let s = 0; s < details; s++) {
        body.push(
          pick([
            () => `The ${pick(k.nouns)} drew ${e.numbers[0]} ${pick(k.words)} and ${pick(k.words)} from ${e.b.place}.`,
            () => `Officials in ${e.a.place} said the ${pick(k.words)} and the ${pick(k.words)} were part of the ${e.detail} plan.`,
            () => `"We expect ${pick(k.words)} and ${pick(k.words)}," a spokesperson for ${e.a.short} said.`,
            () => `Critics of ${e.b.short} called the ${pick(k.nouns)} a risk, citing ${e.numbers[1]} ${pick(k.words)}.`,
            () => `Analysts said the ${pick(k.words)} would shape the ${pick(k.words)} for months.`,
            () => `The ${pick(e.own)} ${prose(4)} ${pick(e.own)} ${prose(5)}.`,
            () => `${capital(prose(6))} ${pick(e.own)} ${prose(6)}.`,
          ])(),
        );
        body.push(`${capital(prose(8 + Math.floor(random() * 8)))} ${pick(e.own)} ${prose(6)}.`);
      }
      // Recollections of the actors' other events: the same names, other happenings.
      for (const other of [...byActor(e.a, e), ...byActor(e.b, e)].slice(0, 1 + Math.floor(random() * 2))) {
        body.push(`Earlier, ${other.a.short} ${pick(other.kind.past)} ${target(other)}, a separate ${pick(other.kind.nouns)}.`);
      }
      const day = e.day + Math.floor(random() * 2);
      out.push({
        input: {
          id: 0,
          title: headline,
          text: `${body.join(' ')}\n\n${pick(OUTLETS)}`,
          published: new Date(Date.UTC(2024, 2, 1) + day * 86_400_000).toISOString().slice(0, 10),
          language: 'en',
        },
        gold: `gen:${e.id}`,
        day,
        order: order++,
      });
    }
  }
  out.sort((x, y) => x.day - y.day || x.order - y.order);
  const first = options.firstId ?? 1;
  return out.map((a, i) => ({ input: { ...a.input, id: first + i }, gold: a.gold }));
}

function weekday(day: number): string {
  return ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][day % 7]!;
}
