/**
 * Seeded generator of realistic-looking multi-outlet stories for the fact-sheet benchmark and
 * tests: named officials with titles, direct, partial and reported quotes, hedged counts, money
 * with conversions, relative and absolute dates, and wire copies with small edits. Not part of the
 * public surface (index.ts does not export it).
 */
import { seededRandom as rng } from '../../src/core/index.js';
import type { FactSheetArticle } from '../../src/analyze/index.js';

const PEOPLE = [
  ['Interior Minister', 'Clara Vance', 'Vance'],
  ['Governor', 'Martin Osei', 'Osei'],
  ['Fire Chief', 'Ana Ruiz', 'Ruiz'],
  ['Senator', 'Paul Hendricks', 'Hendricks'],
  ['Mayor', 'Lena Brandt', 'Brandt'],
  ['Prime Minister', 'David Okafor', 'Okafor'],
] as const;
const PLACES = ['Harwick', 'Lower Dene', 'Castlebury', 'the Elm valley', 'Port Salen', 'Mirefield'];
const OUTLETS = ['Wire Service', 'Daily Ledger', 'Morning Post', 'Valley Times', 'National Herald', 'City Journal', 'Evening Star', 'Coast Gazette'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'];
const HEDGES = ['at least', 'more than', 'nearly', 'about', 'some', ''];
const QUOTES = [
  'We will rebuild every home that was lost, and we will do it quickly',
  'The response has been slow and the families deserve answers',
  'Nobody expected the water to rise this fast',
  'This is the worst disaster the region has seen in a generation',
  'Our crews worked through the night and they are exhausted',
  'We need more help from the capital, and we need it now',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function article(id: number, random: () => number, undatedShare: number): FactSheetArticle {
  const place = pick(random, PLACES);
  const day = pick(random, DAYS);
  const [title, name, surname] = pick(random, PEOPLE);
  const [title2, name2, surname2] = pick(random, PEOPLE);
  const hedge = pick(random, HEDGES);
  const displaced = 1000 + Math.floor(random() * 20) * 100;
  const injured = 20 + Math.floor(random() * 30);
  const aid = 2 + Math.floor(random() * 3);
  const rate = (1.05 + random() * 0.1).toFixed(2);
  const paragraphs = [
    `Floods in ${place} forced ${hedge ? `${hedge} ` : ''}${displaced.toLocaleString('en-US')} people from their homes on ${day}, officials said, as rivers across the region burst their banks after a week of heavy rain.`,
    `${title} ${name} said on ${day} that the government would send ${aid} billion euros ($${(aid * Number(rate)).toFixed(2)} billion) in emergency aid to the worst-hit towns.`,
    `“${pick(random, QUOTES)},” ${surname} said at a briefing in ${pick(random, PLACES)}.`,
    `At least ${injured} people were injured and ${1 + Math.floor(random() * 5)} people were killed, according to the regional health authority.`,
    `${title2} ${name2} called the response “${pick(random, ['too slow', 'chaotic', 'a failure of planning'])}” and demanded an inquiry into warnings issued last week.`,
    `“${pick(random, QUOTES)},” ${surname2} said in an interview with local radio.`,
    `Engineers will inspect the damaged dams and bridges in ${pick(random, PLACES)} next week, and ministers are due to report back in two weeks.`,
    `Residents of ${place} described water reaching the first floor of their houses within an hour, while rescue crews used boats to reach ${10 + Math.floor(random() * 40)} families trapped on rooftops.`,
    `The floods were the worst since 1998, when the river burst its banks on March 3.`,
    `The ${pick(random, ['army', 'red cross', 'coast guard'])} deployed ${100 + Math.floor(random() * 9) * 50} soldiers and volunteers to help with the evacuation on ${pick(random, DAYS)}.`,
  ];
  return {
    id,
    title: `Floods in ${place}`,
    source: pick(random, OUTLETS),
    published: undatedShare > 0 && random() < undatedShare ? null : `2025-04-${String(14 + Math.floor(random() * 3)).padStart(2, '0')}`,
    paragraphs,
  };
}

/**
 * A generated story of `n` flood reports (deterministic for a seed): a third are wire copies of an
 * earlier one with small edits; `undatedShare` of the others carry no publication date.
 */
export function generateFloodStory(n: number, seed: number, options: { undatedShare?: number } = {}): FactSheetArticle[] {
  const random = rng(seed);
  const out: FactSheetArticle[] = [];
  for (let id = 1; id <= n; id++) {
    const original = out.length > 0 && random() < 0.33 ? pick(random, out) : null;
    if (original) {
      out.push({
        ...original,
        id,
        source: pick(random, OUTLETS),
        copyGroup: original.copyGroup ?? original.id,
        paragraphs: original.paragraphs.map((p) => p.replace(' officials said', ' authorities said').replace('U.S.', 'US')),
      });
    } else {
      out.push(article(id, random, options.undatedShare ?? 0));
    }
  }
  return out;
}
