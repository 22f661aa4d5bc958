import type Database from 'better-sqlite3';
import type {
  DeliveryAttempt,
  DeliveryRow,
  FollowEventRow,
  FollowEventType,
  FollowRow,
  FollowStoryState,
  FollowWriter,
  WebhookRow,
  WebhookWriter,
} from '../port.js';
import type { Sync } from './sync.js';

const FOLLOW_COLUMNS = 'id, kind, target, label, epoch, created_at AS createdAt';
const EVENT_COLUMNS = 'id, follow_id AS followId, type, story_id AS storyId, title, text, data, created_at AS createdAt';
const WEBHOOK_COLUMNS = 'id, url, secret, follow_id AS followId, types, created_at AS createdAt';
const DELIVERY_COLUMNS = `id, webhook_id AS webhookId, event_id AS eventId, status, attempts, last_status AS lastStatus, last_error AS lastError,
  next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt, created_at AS createdAt, updated_at AS updatedAt`;

type EventRecord = Omit<FollowEventRow, 'data'> & { data: string };
type WebhookRecord = Omit<WebhookRow, 'types'> & { types: string };

/** A damaged JSON column reads as empty rather than failing every list that shows it. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const toEvent = (row: EventRecord): FollowEventRow => ({ ...row, data: parseJson<Record<string, unknown>>(row.data, {}) });
const toWebhook = (row: WebhookRecord): WebhookRow => ({ ...row, types: parseJson<FollowEventType[]>(row.types, []) });

/** Follows (saved searches, followed stories and entities), what each saw and was told, on SQLite. */
export class SqliteFollows implements Sync<FollowWriter> {
  constructor(private readonly db: Database.Database) {}

  get(id: number): FollowRow | null {
    return (this.db.prepare(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE id = ?`).get(id) as FollowRow | undefined) ?? null;
  }

  list(): FollowRow[] {
    return this.db.prepare(`SELECT ${FOLLOW_COLUMNS} FROM follows ORDER BY id`).all() as FollowRow[];
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM follows').pluck().get() as number;
  }

  create(follow: Omit<FollowRow, 'id'>): FollowRow {
    const info = this.db.prepare('INSERT INTO follows (kind, target, label, epoch, created_at) VALUES (@kind, @target, @label, @epoch, @createdAt)').run(follow);
    return { id: Number(info.lastInsertRowid), ...follow };
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM follows WHERE id = ?').run(id).changes > 0;
  }

  seen(followId: number, storyId: number): FollowStoryState | null {
    const row = this.db
      .prepare(
        `SELECT follow_id AS followId, story_id AS storyId, article_count AS articleCount, outlet_count AS outletCount, disagreements
         FROM follow_stories WHERE follow_id = ? AND story_id = ?`,
      )
      .get(followId, storyId) as (Omit<FollowStoryState, 'disagreements'> & { disagreements: string | null }) | undefined;
    if (!row) return null;
    return { ...row, disagreements: row.disagreements === null ? null : parseJson<string[] | null>(row.disagreements, null) };
  }

  markSeen(state: FollowStoryState): void {
    this.db
      .prepare(
        `INSERT INTO follow_stories (follow_id, story_id, article_count, outlet_count, disagreements)
         VALUES (@followId, @storyId, @articleCount, @outletCount, @disagreements)
         ON CONFLICT (follow_id, story_id) DO UPDATE SET article_count = excluded.article_count,
           outlet_count = excluded.outlet_count, disagreements = excluded.disagreements`,
      )
      .run({ ...state, disagreements: state.disagreements === null ? null : JSON.stringify(state.disagreements) });
  }

  resetSeen(followId: number, epoch: number): void {
    this.db.prepare('DELETE FROM follow_stories WHERE follow_id = ?').run(followId);
    this.db.prepare('UPDATE follows SET epoch = ? WHERE id = ?').run(epoch, followId);
  }

  addEvent(event: Omit<FollowEventRow, 'id'>): FollowEventRow {
    const info = this.db
      .prepare(
        `INSERT INTO follow_events (follow_id, type, story_id, title, text, data, created_at)
         VALUES (@followId, @type, @storyId, @title, @text, @data, @createdAt)`,
      )
      .run({ ...event, data: JSON.stringify(event.data) });
    return { id: Number(info.lastInsertRowid), ...event };
  }

  events(followId: number, limit: number): FollowEventRow[] {
    return (this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM follow_events WHERE follow_id = ? ORDER BY id DESC LIMIT ?`).all(followId, limit) as EventRecord[]).map(toEvent);
  }

  event(id: number): FollowEventRow | null {
    const row = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM follow_events WHERE id = ?`).get(id) as EventRecord | undefined;
    return row ? toEvent(row) : null;
  }
}

/** Webhooks and their delivery log on SQLite. */
export class SqliteWebhooks implements Sync<WebhookWriter> {
  constructor(private readonly db: Database.Database) {}

  get(id: number): WebhookRow | null {
    const row = this.db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`).get(id) as WebhookRecord | undefined;
    return row ? toWebhook(row) : null;
  }

  list(): WebhookRow[] {
    return (this.db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY id`).all() as WebhookRecord[]).map(toWebhook);
  }

  create(webhook: Omit<WebhookRow, 'id'>): WebhookRow {
    const info = this.db
      .prepare('INSERT INTO webhooks (url, secret, follow_id, types, created_at) VALUES (@url, @secret, @followId, @types, @createdAt)')
      .run({ ...webhook, types: JSON.stringify(webhook.types) });
    return { id: Number(info.lastInsertRowid), ...webhook };
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
  }

  enqueue(event: FollowEventRow, now: string): number {
    const insert = this.db.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?)`,
    );
    let queued = 0;
    for (const hook of this.list()) {
      if ((hook.followId !== null && hook.followId !== event.followId) || !hook.types.includes(event.type)) continue;
      insert.run(hook.id, event.id, now, now, now);
      queued++;
    }
    return queued;
  }

  due(now: string, limit: number): DeliveryRow[] {
    return this.db
      .prepare(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
      .all(now, limit) as DeliveryRow[];
  }

  nextDueAt(): string | null {
    return (this.db.prepare("SELECT min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'").pluck().get() as string | null) ?? null;
  }

  recordAttempt(deliveryId: number, attempt: DeliveryAttempt): void {
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = @status, attempts = @attempts, last_status = @lastStatus, last_error = @lastError,
           next_attempt_at = @nextAttemptAt, delivered_at = @deliveredAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ id: deliveryId, ...attempt });
  }

  deliveries(webhookId: number, limit: number): DeliveryRow[] {
    return this.db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC LIMIT ?`).all(webhookId, limit) as DeliveryRow[];
  }
}
