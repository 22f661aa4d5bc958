import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * DNS rebinding defence. A page on a hostile site can point its own domain name at 127.0.0.1 and
 * then read a local server as if it were same-origin; what gives it away is the Host header,
 * which still carries the hostile name. Requests are answered only when their Host is an IP
 * literal (a rebinding needs a name), `localhost` or a `*.localhost` name, or one of the names
 * the server was configured with.
 */
export function hostNameOf(header: string): string | null {
  const value = header.trim().toLowerCase();
  if (!value) return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return null;
    const rest = value.slice(end + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return null;
    return value.slice(1, end);
  }
  const match = /^([^:\s/@]+)(?::\d{1,5})?$/.exec(value);
  return match?.[1]?.replace(/\.$/, '') ?? null;
}

/** Whether a Host header names this server: an IP literal, localhost, or one of `names`. */
export function isAllowedHost(header: string | undefined, names: ReadonlySet<string>): boolean {
  if (header === undefined) return false;
  const host = hostNameOf(header);
  if (!host) return false;
  if (isIP(host) !== 0) return true;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return names.has(host);
}

/** Normalises configured names (`example.org`, `News.Example.org.`) for {@link isAllowedHost}. */
export function allowedHostSet(names: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const name of names) {
    const host = hostNameOf(name);
    if (host) set.add(host);
  }
  return set;
}

/** Refuses (403) any request whose Host header does not name this server. */
export function requireKnownHost(names: readonly string[]): MiddlewareHandler {
  const allowed = allowedHostSet(names);
  return async (c, next) => {
    const header = c.req.header('host');
    if (!isAllowedHost(header, allowed)) {
      throw new ApiError(
        403,
        'unknown_host',
        `the Host header "${(header ?? '').slice(0, 100)}" does not name this server; start it with --allowed-host NAME to answer under that name`,
      );
    }
    await next();
  };
}
