import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { CrosscheckError } from '../core/errors.js';

/**
 * SSRF guard: which URLs and which IP addresses crosscheck may connect to.
 *
 * Only `http:` and `https:` URLs are fetched. Only globally routable unicast addresses are
 * reached: loopback, private (RFC 1918), link-local (incl. cloud metadata 169.254.169.254),
 * carrier-grade NAT, unspecified, multicast, reserved, unique-local IPv6, and IPv4-mapped /
 * NAT64 / 6to4 / Teredo forms of them are refused with `blocked_address`, unless the caller's
 * {@link PrivateAddressPolicy} allows that address.
 *
 * The check is made on every address a hostname resolves to (see {@link createGuardedLookup}, used
 * as the `lookup` of every connection, so DNS rebinding between a check and the connect cannot slip
 * through) and again on the socket's remote address once connected ({@link assertAllowedAddress}).
 */

/** `true` allows every non-public address; a predicate allows the addresses it returns true for. */
export type PrivateAddressPolicy = boolean | ((address: string) => boolean);

/** A DNS lookup with the shape of `dns.lookup` as called by `net.connect`. */
export type LookupFunction = (
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
) => void;

const STAGE = 'ingest';
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** Parses a URL and refuses anything but absolute http(s) URLs (`bad_url`). */
export function parseHttpUrl(input: string | URL, base?: string): URL {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input.trim(), base) : new URL(input.href);
  } catch (error) {
    throw new CrosscheckError('bad_url', STAGE, `Not a valid URL: ${String(input)}`, { cause: error });
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new CrosscheckError('bad_url', STAGE, `Only http and https URLs are fetched, found ${url.protocol} in ${url.href}`);
  }
  if (url.hostname === '') throw new CrosscheckError('bad_url', STAGE, `URL has no host: ${url.href}`);
  if (url.username !== '' || url.password !== '') {
    throw new CrosscheckError('bad_url', STAGE, `URLs with credentials are not fetched: ${url.protocol}//${url.host}${url.pathname}`);
  }
  return url;
}

/** The host of a URL without IPv6 brackets, as `net.connect` wants it. */
export function connectHostOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * The range name of a non-public address (`loopback`, `private`, `linkLocal`, ...), or null when
 * the address is globally routable unicast. An IPv4-mapped IPv6 address is judged as its IPv4 form.
 * Throws nothing: an unparsable address counts as `invalid`.
 */
export function blockedRangeOf(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/%.*$/, ''));
  } catch {
    return 'invalid';
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** True when `address` may be connected to under `policy` (a predicate sees IPv4-mapped addresses as IPv4). */
export function isAddressAllowed(address: string, policy: PrivateAddressPolicy = false): boolean {
  if (blockedRangeOf(address) === null) return true;
  if (typeof policy === 'function') return policy(normalizeAddress(address));
  return policy;
}

/** Canonical text form of an IP address; IPv4-mapped IPv6 becomes dotted IPv4. Unparsable input is returned as is. */
export function normalizeAddress(address: string): string {
  try {
    const parsed = ipaddr.parse(address.replace(/%.*$/, ''));
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address().toString();
    return parsed.toString();
  } catch {
    return address;
  }
}

/** Throws `blocked_address` naming the URL when `address` is not allowed under `policy`. */
export function assertAllowedAddress(address: string, url: string, policy: PrivateAddressPolicy = false): void {
  if (isAddressAllowed(address, policy)) return;
  const range = blockedRangeOf(address) ?? 'unknown';
  throw new CrosscheckError('blocked_address', STAGE, `Refused to connect to ${address} (${range} address) for ${url}`);
}

/**
 * Refuses, before any connection, a URL whose host is an IP literal that is not allowed.
 * Hostnames are checked later, on resolution, by the guarded lookup.
 */
export function assertAllowedUrlHost(url: URL, policy: PrivateAddressPolicy = false, label: string = url.href): void {
  const host = connectHostOf(url);
  if (net.isIP(host) !== 0) assertAllowedAddress(host, label, policy);
}

/**
 * Wraps a lookup (default `dns.lookup`) so that every resolved address is checked: if any address
 * of the answer is not allowed the lookup fails with `blocked_address` and no connection is made.
 */
export function createGuardedLookup(url: string, policy: PrivateAddressPolicy = false, base: LookupFunction = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const list: dns.LookupAddress[] = Array.isArray(addresses) ? addresses : [{ address: addresses, family: net.isIP(addresses) }];
      if (list.length === 0) {
        callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      for (const entry of list) {
        if (!isAddressAllowed(entry.address, policy)) {
          const range = blockedRangeOf(entry.address) ?? 'unknown';
          const refused = new CrosscheckError(
            'blocked_address',
            STAGE,
            `Refused to connect to ${hostname} = ${entry.address} (${range} address) for ${url}`,
          );
          callback(refused, '', 0);
          return;
        }
      }
      if (options.all === true) {
        callback(null, list);
      } else {
        const first = list[0]!;
        callback(null, first.address, first.family);
      }
    });
  };
}
