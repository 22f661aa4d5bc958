/**
 * The SQLite repositories are written synchronously (better-sqlite3 is synchronous); the port is
 * asynchronous. {@link asyncRepository} turns one into the other: every method's result (or
 * throw) becomes a settled promise, and iterables become async iterables.
 */

/** The synchronous shape of an asynchronous repository interface. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => R
    : T[K] extends (...args: infer A) => AsyncIterable<infer R>
      ? (...args: A) => Iterable<R>
      : T[K];
};

function toAsyncIterable<R>(iterable: Iterable<R>): AsyncIterable<R> {
  return {
    [Symbol.asyncIterator]() {
      const iterator = iterable[Symbol.iterator]();
      return {
        next: () => Promise.resolve(iterator.next()),
        return: (value?: unknown) => Promise.resolve(iterator.return?.(value) ?? { done: true as const, value: undefined }),
      };
    },
  };
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** Wraps a synchronous repository as its asynchronous interface. */
export function asyncRepository<T extends object>(sync: Sync<T>): T {
  return new Proxy(sync, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          return isIterable(result) && typeof result !== 'string' ? toAsyncIterable(result) : Promise.resolve(result);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
    },
  }) as T;
}
