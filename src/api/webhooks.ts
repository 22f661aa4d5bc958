import { createHmac } from 'node:crypto';
import { isCrosscheckError } from '../core/errors.js';
import { fetchDocument, httpStatusOf, USER_AGENT, type PrivateAddressPolicy } from '../ingest/index.js';
import type { DeliveryRow, FollowEventRow, StorePort } from '../store/index.js';

/** Attempts per delivery before it is marked failed (the first try included). */
export const WEBHOOK_MAX_ATTEMPTS = 6;
/** Delay before the first retry, ms; doubled for each further one (30 s, 1, 2, 4, 8 min). */
export const WEBHOOK_RETRY_BASE_MS = 30_000;
/** Longest delay between two attempts, ms. */
export const WEBHOOK_RETRY_MAX_MS = 60 * 60_000;
/** A receiver has this long to answer, ms. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Most bytes of a receiver's answer read (the answer itself is not kept). */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Deliveries tried in one pass. */
const DELIVERIES_PER_PASS = 100;

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body under the webhook's secret>`. */
export const SIGNATURE_HEADER = 'X-Crosscheck-Signature-256';

/** Failures no retry can mend: the SSRF guard refused the receiver, or its URL is not one. */
const FINAL_CODES: ReadonlySet<string> = new Set(['blocked_address', 'bad_url']);

/** The signature header value of `body` under `secret` (deterministic). */
export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Delay before attempt `attempt + 1` after `attempt` failed ones (≥ 1): exponential, bounded by `maxMs`. */
export function retryDelayMs(attempt: number, baseMs = WEBHOOK_RETRY_BASE_MS, maxMs = WEBHOOK_RETRY_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The JSON body sent for an event: the same on every attempt, so its signature is too. */
export function webhookBody(event: FollowEventRow): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, title: event.title, text: event.text, ...event.data });
}

export interface WebhookOptions {
  store: StorePort;
  now?: () => Date;
  /**
   * Receivers on private, loopback and other non-public addresses: refused by default (the SSRF
   * guard of every fetch); `true` or a predicate opens them, as `--allow-private` does for feeds.
   */
  allowPrivate?: PrivateAddressPolicy;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  timeoutMs?: number;
  /** Deliver on a timer as deliveries fall due (the server); false: only when `deliverDue` is called (tests). */
  isScheduled?: boolean;
  logError?: (error: unknown) => void;
}

/**
 * Delivers follow events to webhooks: a POST of the event as JSON, signed with HMAC-SHA256 of
 * the shared secret ({@link SIGNATURE_HEADER}), with `X-Crosscheck-Event` and
 * `X-Crosscheck-Delivery`. A 2xx answer delivers; anything else (another status, a network
 * error, a timeout; redirects are not followed) is retried with exponential backoff up to
 * {@link WEBHOOK_MAX_ATTEMPTS}, then marked failed. A receiver the SSRF guard refuses (a private
 * address, by its literal or by what its name resolves to) fails at once. Every attempt is kept
 * in the delivery log.
 */
export class WebhookDispatcher {
  private readonly store: StorePort;
  private readonly now: () => Date;
  private running: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: WebhookOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
  }

  /** The policy the receivers' addresses are checked with. */
  get addressPolicy(): PrivateAddressPolicy {
    return this.options.allowPrivate ?? false;
  }

  /** Queues deliveries of new events to the webhooks that want them, then delivers (when scheduled). */
  async enqueue(events: readonly FollowEventRow[]): Promise<number> {
    if (events.length === 0) return 0;
    const now = this.now().toISOString();
    const queued = await this.store.transaction(async (tx) => {
      let n = 0;
      for (const event of events) n += await tx.webhooks.enqueue(event, now);
      return n;
    });
    if (queued > 0) this.kick();
    return queued;
  }

  /** Tries every delivery due now once; resolves to how many were tried. One pass at a time. */
  deliverDue(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the timer; a pass under way finishes (await {@link idle}). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private kick(): void {
    if (!this.options.isScheduled || this.closed) return;
    this.deliverDue()
      .then(() => this.schedule())
      .catch((error: unknown) => (this.options.logError ?? console.error)(error));
  }

  private async schedule(): Promise<void> {
    if (this.closed) return;
    const next = await this.store.webhooks.nextDueAt();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (next === null || this.closed) return;
    this.timer = setTimeout(() => this.kick(), Math.max(10, Date.parse(next) - this.now().getTime()));
    this.timer.unref();
  }

  private async pass(): Promise<number> {
    if (this.closed && this.options.isScheduled) return 0;
    const due = await this.store.webhooks.due(this.now().toISOString(), DELIVERIES_PER_PASS);
    for (const delivery of due) await this.attempt(delivery);
    return due.length;
  }

  private async attempt(delivery: DeliveryRow): Promise<void> {
    const hook = await this.store.webhooks.get(delivery.webhookId);
    const event = await this.store.follows.event(delivery.eventId);
    if (!hook || !event) return;
    const body = webhookBody(event);
    let status: number | null = null;
    let error: string | null = null;
    let isFinal = false;
    try {
      const result = await fetchDocument(hook.url, {
        method: 'POST',
        body,
        headers: {
          'Content-Type': 'application/json',
          'X-Crosscheck-Event': event.type,
          'X-Crosscheck-Delivery': String(delivery.id),
          [SIGNATURE_HEADER]: signPayload(hook.secret, body),
        },
        userAgent: `${USER_AGENT} webhooks`,
        allowPrivate: this.addressPolicy,
        maxRedirects: 0,
        maxBytes: MAX_ANSWER_BYTES,
        timeoutMs: this.options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      });
      status = result.status;
      if (status < 200 || status > 299) error = `HTTP ${status} from ${hook.url}`;
    } catch (cause) {
      status = httpStatusOf(cause);
      error = cause instanceof Error ? cause.message : String(cause);
      isFinal = isCrosscheckError(cause) && FINAL_CODES.has(cause.code);
    }
    const attempts = delivery.attempts + 1;
    const now = this.now();
    const isGivingUp = error !== null && (isFinal || attempts >= (this.options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS));
    await this.store.transaction((tx) =>
      tx.webhooks.recordAttempt(delivery.id, {
        status: error === null ? 'delivered' : isGivingUp ? 'failed' : 'pending',
        attempts,
        lastStatus: status,
        lastError: error,
        nextAttemptAt: error === null || isGivingUp ? null : new Date(now.getTime() + retryDelayMs(attempts, this.options.retryBaseMs, this.options.retryMaxMs)).toISOString(),
        deliveredAt: error === null ? now.toISOString() : null,
        updatedAt: now.toISOString(),
      }),
    );
  }
}
