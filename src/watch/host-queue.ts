/** Abortable sleep: resolves after `ms`, or early (without error) when `signal` aborts. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: SleepFunction = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export interface HostQueueOptions {
  /** Minimum pause between the end of one request and the start of the next to the same host, ms. */
  delayMs: number;
  now?: () => number;
  sleep?: SleepFunction;
}

interface HostSlot {
  tail: Promise<unknown>;
  /** Earliest time the next request may start. */
  readyAt: number;
  minDelayMs: number;
}

/**
 * Politeness: one request at a time per host, with a pause between requests (the larger of the
 * queue's delay and the host's Crawl-delay). Different hosts run in parallel.
 */
export class HostQueue {
  private readonly slots = new Map<string, HostSlot>();
  private readonly now: () => number;
  private readonly sleep: SleepFunction;

  constructor(private readonly options: HostQueueOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Raises the pause for `host` (robots.txt Crawl-delay), never below the queue's delay. */
  setMinDelay(host: string, ms: number): void {
    this.slot(host).minDelayMs = Math.max(0, ms);
  }

  /** Keeps `host` idle for at least `ms` from now (429/503 Retry-After). */
  pause(host: string, ms: number): void {
    const slot = this.slot(host);
    slot.readyAt = Math.max(slot.readyAt, this.now() + ms);
  }

  /** Runs `task` when `host` is free and its pause has passed. Rejects with the task's error. */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const slot = this.slot(host);
    const result = slot.tail.then(async () => {
      const wait = slot.readyAt - this.now();
      if (wait > 0) await this.sleep(wait, signal);
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      try {
        return await task();
      } finally {
        slot.readyAt = Math.max(slot.readyAt, this.now() + Math.max(this.options.delayMs, slot.minDelayMs));
      }
    });
    slot.tail = result.catch(() => undefined);
    return result;
  }

  private slot(host: string): HostSlot {
    let slot = this.slots.get(host);
    if (!slot) {
      slot = { tail: Promise.resolve(), readyAt: 0, minDelayMs: 0 };
      this.slots.set(host, slot);
    }
    return slot;
  }
}
