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
import type { Db } from './db.js';

const FOLLOW_COLUMNS = 'id, kind, target, label, epoch, created_at AS "createdAt"';
const EVENT_COLUMNS = 'id, follow_id AS "followId", type, story_id AS "storyId", title, text, data, created_at AS "createdAt"';
const WEBHOOK_COLUMNS = 'id, url, secret, follow_id AS "followId", types, created_at AS "createdAt"';
const DELIVERY_COLUMNS = `id, webhook_id AS "webhookId", event_id AS "eventId", status, attempts, last_status AS "lastStatus", last_error AS "lastError",
  next_attempt_at AS "nextAttemptAt", delivered_at AS "deliveredAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

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

/** Follows (saved searches, followed stories and entities), what each saw and was told, on PostgreSQL. */
export class PostgresFollows implements FollowWriter {
  constructor(private readonly db: Db) {}

  async get(id: number): Promise<FollowRow | null> {
    return (await this.db.row<FollowRow>(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE id = $1`, [id])) ?? null;
  }

  list(): Promise<FollowRow[]> {
    return this.db.rows<FollowRow>(`SELECT ${FOLLOW_COLUMNS} FROM follows ORDER BY id`);
  }

  async count(): Promise<number> {
    return (await this.db.value<number>('SELECT count(*) FROM follows')) ?? 0;
  }

  async create(follow: Omit<FollowRow, 'id'>): Promise<FollowRow> {
    const id = await this.db.value<number>('INSERT INTO follows (kind, target, label, epoch, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      follow.kind,
      follow.target,
      follow.label,
      follow.epoch,
      follow.createdAt,
    ]);
    return { id: id!, ...follow };
  }

  async delete(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM follows WHERE id = $1', [id])) > 0;
  }

  async seen(followId: number, storyId: number): Promise<FollowStoryState | null> {
    const row = await this.db.row<Omit<FollowStoryState, 'disagreements'> & { disagreements: string | null }>(
      `SELECT follow_id AS "followId", story_id AS "storyId", article_count AS "articleCount", outlet_count AS "outletCount", disagreements
       FROM follow_stories WHERE follow_id = $1 AND story_id = $2`,
      [followId, storyId],
    );
    if (!row) return null;
    return { ...row, disagreements: row.disagreements === null ? null : parseJson<string[] | null>(row.disagreements, null) };
  }

  async markSeen(state: FollowStoryState): Promise<void> {
    await this.db.run(
      `INSERT INTO follow_stories (follow_id, story_id, article_count, outlet_count, disagreements) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (follow_id, story_id) DO UPDATE SET article_count = excluded.article_count,
         outlet_count = excluded.outlet_count, disagreements = excluded.disagreements`,
      [state.followId, state.storyId, state.articleCount, state.outletCount, state.disagreements === null ? null : JSON.stringify(state.disagreements)],
    );
  }

  async resetSeen(followId: number, epoch: number): Promise<void> {
    await this.db.run('DELETE FROM follow_stories WHERE follow_id = $1', [followId]);
    await this.db.run('UPDATE follows SET epoch = $1 WHERE id = $2', [epoch, followId]);
  }

  async addEvent(event: Omit<FollowEventRow, 'id'>): Promise<FollowEventRow> {
    const id = await this.db.value<number>(
      'INSERT INTO follow_events (follow_id, type, story_id, title, text, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [event.followId, event.type, event.storyId, event.title, event.text, JSON.stringify(event.data), event.createdAt],
    );
    return { id: id!, ...event };
  }

  async events(followId: number, limit: number): Promise<FollowEventRow[]> {
    return (await this.db.rows<EventRecord>(`SELECT ${EVENT_COLUMNS} FROM follow_events WHERE follow_id = $1 ORDER BY id DESC LIMIT $2`, [followId, limit])).map(toEvent);
  }

  async event(id: number): Promise<FollowEventRow | null> {
    const row = await this.db.row<EventRecord>(`SELECT ${EVENT_COLUMNS} FROM follow_events WHERE id = $1`, [id]);
    return row ? toEvent(row) : null;
  }
}

/** Webhooks and their delivery log on PostgreSQL. */
export class PostgresWebhooks implements WebhookWriter {
  constructor(private readonly db: Db) {}

  async get(id: number): Promise<WebhookRow | null> {
    const row = await this.db.row<WebhookRecord>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [id]);
    return row ? toWebhook(row) : null;
  }

  async list(): Promise<WebhookRow[]> {
    return (await this.db.rows<WebhookRecord>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY id`)).map(toWebhook);
  }

  async create(webhook: Omit<WebhookRow, 'id'>): Promise<WebhookRow> {
    const id = await this.db.value<number>('INSERT INTO webhooks (url, secret, follow_id, types, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      webhook.url,
      webhook.secret,
      webhook.followId,
      JSON.stringify(webhook.types),
      webhook.createdAt,
    ]);
    return { id: id!, ...webhook };
  }

  async delete(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM webhooks WHERE id = $1', [id])) > 0;
  }

  async enqueue(event: FollowEventRow, now: string): Promise<number> {
    let queued = 0;
    for (const hook of await this.list()) {
      if ((hook.followId !== null && hook.followId !== event.followId) || !hook.types.includes(event.type)) continue;
      await this.db.run(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES ($1, $2, 'pending', 0, $3, $3, $3)`,
        [hook.id, event.id, now],
      );
      queued++;
    }
    return queued;
  }

  due(now: string, limit: number): Promise<DeliveryRow[]> {
    return this.db.rows<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
      [now, limit],
    );
  }

  async nextDueAt(): Promise<string | null> {
    return (await this.db.value<string | null>("SELECT min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'")) ?? null;
  }

  async recordAttempt(deliveryId: number, attempt: DeliveryAttempt): Promise<void> {
    await this.db.run(
      `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status = $4, last_error = $5,
         next_attempt_at = $6, delivered_at = $7, updated_at = $8 WHERE id = $1`,
      [deliveryId, attempt.status, attempt.attempts, attempt.lastStatus, attempt.lastError, attempt.nextAttemptAt, attempt.deliveredAt, attempt.updatedAt],
    );
  }

  deliveries(webhookId: number, limit: number): Promise<DeliveryRow[]> {
    return this.db.rows<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`, [webhookId, limit]);
  }
}
