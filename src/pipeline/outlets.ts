import { groupCoverage, type GroupCoverage } from '../analyze/index.js';
import type { StoreReader } from '../store/index.js';

/**
 * A live story's coverage by the labels of the outlets file (see {@link groupCoverage}); null
 * when the story does not exist or no outlets file was imported.
 */
export async function storyGroupCoverage(store: StoreReader, storyId: number): Promise<GroupCoverage | null> {
  const profiles = await store.outletProfiles.list();
  if (profiles.length === 0) return null;
  const live = await store.stories.liveId(storyId);
  if (live === null) return null;
  const articles = await store.articles.getMany(await store.stories.articleIds(live));
  return groupCoverage(
    articles.map((a) => ({ id: a.id, source: a.source, url: a.url, canonicalUrl: a.canonicalUrl })),
    profiles,
  );
}
