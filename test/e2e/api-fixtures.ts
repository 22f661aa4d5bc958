/**
 * Small fixtures for the API and web tests: two stories (a wire report, a syndicated copy of it
 * and an independent report of one harbour fire; an unrelated council vote), built through the
 * service so the real pipeline assigns stories and copy groups.
 */
import { SqliteStore } from '../../src/store/index.js';
import { CrosscheckService, type ServiceOptions } from '../../src/api/service.js';
import type { NewArticleBody } from '../../src/api/schemas.js';

const WIRE = [
  'HARBOURTON (Northwind News) — A fire broke out at the Harbourton container terminal late on Monday, injuring at least 12 dock workers and forcing the evacuation of 300 people, the fire service said.',
  'Firefighters from three stations fought the blaze for nearly six hours before bringing it under control early on Tuesday, according to fire chief Dana Morel.',
  '"This was one of the hardest fires we have fought in a decade," Morel said. "Our crews worked through the night."',
  'The terminal operator, Harbourton Port Authority, said operations would resume on Thursday. The cause of the fire is under investigation.',
];

const COPY = [
  'HARBOURTON (Northwind News) — A fire broke out at the Harbourton container terminal late on Monday, injuring at least 12 dock workers and forcing the evacuation of 300 people, the fire service said.',
  'Firefighters from three stations fought the blaze for nearly six hours before bringing it under control early on Tuesday, according to fire chief Dana Morel.',
  '"This was one of the hardest fires we have fought in a decade," Morel said. "Our crews worked through the night."',
  'Local residents said the smoke could be seen from the other side of the bay.',
];

const OWN = [
  'Twenty dock workers were hurt when fire swept through the Harbourton container terminal on Monday night, the Harbourton Port Authority said, while the fire service put the number at 12.',
  'Fire chief Dana Morel said crews had fought the Harbourton terminal fire for about six hours. About 250 people were evacuated from nearby warehouses.',
  'The port authority said the Harbourton terminal would reopen on Thursday after an inspection.',
];

const OTHER = [
  'The Vellport city council voted 9 to 4 on Wednesday to build a new public library in the old market hall, ending a debate that lasted three years.',
  'Mayor Ines Arlo said the library would open in 2028 and cost 14 million euros, most of it paid by a regional grant.',
];

/** The fixture articles, in ingest order. */
export const FIXTURE_ARTICLES: NewArticleBody[] = [
  { id: 'wire', title: 'Fire at Harbourton container terminal injures 12', text: WIRE.join('\n\n'), source: 'Northwind News', url: 'https://northwind.example/fire', published: '2026-03-02T22:00:00Z', language: 'en' },
  { id: 'copy', title: 'Harbourton terminal fire injures dock workers', text: COPY.join('\n\n'), source: 'Bay Courier', url: 'https://baycourier.example/fire', published: '2026-03-03T06:00:00Z', language: 'en' },
  { id: 'own', title: 'Twenty hurt in Harbourton terminal fire', text: OWN.join('\n\n'), source: 'Harbourton Herald', url: 'https://herald.example/fire', published: '2026-03-03T09:00:00Z', language: 'en' },
  { id: 'library', title: 'Vellport council approves new library', text: OTHER.join('\n\n'), source: 'Vellport Times', url: 'https://vellport.example/library', published: '2026-03-05T10:00:00Z', language: 'en' },
];

/**
 * A service over a fresh in-memory store with the fixture articles ingested. Sheets are built
 * inline (on this thread) when a reader asks, and the reader waits for them (the rebuild after a
 * join is a minute away), unless the options say otherwise.
 */
export async function fixtureService(options: Partial<ServiceOptions> = {}): Promise<CrosscheckService> {
  const store = SqliteStore.open(':memory:');
  const service = new CrosscheckService({
    store,
    now: () => new Date('2026-03-06T00:00:00Z'),
    eventPollMs: 0,
    sheetBuilder: 'inline',
    sheets: { debounceMs: 60_000, waitMs: 600_000 },
    ...options,
  });
  for (const article of FIXTURE_ARTICLES) await service.ingestArticle(article);
  return service;
}
