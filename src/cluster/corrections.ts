import { CrosscheckError } from '../core/errors.js';
import { noChanges, type StoryChanges } from './settle.js';
import type { StoryEvent } from './state.js';
import type { Story, WorkingSet } from './working-set.js';

/**
 * Readers' corrections as clusterer operations. Each is pinned (article pairs kept apart or
 * together), so that no later assignment or re-check undoes it, and recorded as an event.
 */

function storyOrThrow(ws: WorkingSet, id: number): Story {
  const story = ws.stories.get(id);
  if (!story) throw new CrosscheckError('not_found', 'cluster', `story ${id} does not exist (or was merged into another)`);
  return story;
}

/** Moves `articleId` (and the copies that follow it) to story `to`, or to a story of its own. */
export function applyMove(ws: WorkingSet, articleId: number, to: number | null): StoryChanges {
  const from = ws.storyOfArticle.get(articleId);
  if (from === undefined) throw new CrosscheckError('not_found', 'cluster', `article ${articleId} is not in any story`);
  const fromStory = storyOrThrow(ws, from);
  const target = to === null ? null : storyOrThrow(ws, to);
  if (target && target.id === from) return noChanges();
  if (!target && fromStory.members.length === 1) return noChanges();

  const node = ws.nodes.get(articleId);
  if (node) {
    for (const other of ws.storyNodes(fromStory)) {
      if (other.id === articleId) continue;
      ws.unpin(ws.mustLink, articleId, other.id);
      ws.pin(ws.cannotLink, articleId, other.id);
    }
    if (target) {
      const targetNodes = ws.storyNodes(target);
      for (const other of targetNodes) ws.unpin(ws.cannotLink, articleId, other.id);
      if (targetNodes[0]) ws.pin(ws.mustLink, articleId, targetNodes[0].id);
    }
  } else {
    // A copy moved on its own no longer follows its original.
    const copy = ws.copies.get(articleId);
    if (copy && copy.of !== null) {
      const leader = ws.nodes.get(copy.of);
      if (leader) leader.copies.splice(leader.copies.indexOf(articleId), 1);
      copy.of = null;
    }
  }
  const dest = target ?? ws.newStory();
  const moving = [articleId, ...(node?.copies ?? [])];
  const movingSet = new Set(moving);
  ws.setMembers(fromStory, fromStory.members.filter((id) => !movingSet.has(id)));
  ws.setMembers(dest, [...dest.members, ...moving]);
  if (node) node.story = dest.id;
  if (ws.nodes.has(articleId)) ws.activate(dest);
  const reasons = [`moved by a reader from story ${from} to story ${dest.id}`];
  const changes = noChanges();
  for (const id of moving) {
    ws.reasons.set(id, reasons);
    changes.moves.push({ articleId: id, from, to: dest.id, reasons });
  }
  const event: StoryEvent = { kind: 'move', articleId, from, to: dest.id, reasons, byReader: true };
  changes.events.push(event);
  ws.events.push(event);
  changes.touched.push(dest.id);
  if (ws.stories.has(from)) changes.touched.push(from);
  else changes.removed.push(from);
  return changes;
}

/** Merges stories `a` and `b` into the lower id, pinned together. */
export function applyStoryMerge(ws: WorkingSet, a: number, b: number): StoryChanges {
  const sa = storyOrThrow(ws, a);
  const sb = storyOrThrow(ws, b);
  if (sa === sb) return noChanges();
  const [into, from] = sa.id < sb.id ? [sa, sb] : [sb, sa];
  const intoNodes = ws.storyNodes(into);
  const fromNodes = ws.storyNodes(from);
  const fromIds = new Set(fromNodes.map((n) => n.id));
  // The reader's latest word wins over an earlier "keep apart".
  for (const n of intoNodes) for (const p of [...(ws.cannotLink.get(n.id) ?? [])]) if (fromIds.has(p)) ws.unpin(ws.cannotLink, n.id, p);
  if (intoNodes[0] && fromNodes[0]) ws.pin(ws.mustLink, intoNodes[0].id, fromNodes[0].id);
  const moving = [...from.members];
  ws.setMembers(into, [...into.members, ...moving]);
  for (const n of fromNodes) n.story = into.id;
  if (fromNodes.length > 0 && !into.isActive) {
    ws.activate(into);
    into.frozenTitle = null;
  }
  ws.setMembers(from, []);
  const reasons = ['merged by a reader'];
  const changes = noChanges();
  for (const id of moving) changes.moves.push({ articleId: id, from: from.id, to: into.id, reasons });
  const event: StoryEvent = { kind: 'merge', from: [from.id], into: into.id, articleId: null, reasons, byReader: true };
  changes.events.push(event);
  ws.events.push(event);
  changes.touched.push(into.id);
  changes.removed.push(from.id);
  return changes;
}
