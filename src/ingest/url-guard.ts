import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { CrosscheckError } from '../core/errors.js';

/**
 * SSRF guard: which URLs and which IP addresses crosscheck may connect to.
 *
 * Only `http:` and `https:` URLs are fetched. Only globally routable unicast addresses are
 * reached: loopback, private (RFC 1918), link-local, carrier-grade NAT, unspecified, multicast,
 * reserved, unique-local IPv6, and IPv4-mapped / IPv4-compatible / NAT64 / 6to4 / Teredo forms
 * are refused with `blocked_address`, unless the caller's {@link PrivateAddressPolicy} allows that
 * address; cloud metadata endpoints stay refused unless the policy names them.
 *
 * The check is made on every address a hostname resolves to (see {@link createGuardedLookup}, used
 * as the `lookup` of every connection, so DNS rebinding between a check and the connect cannot slip
 * through) and again on the socket's remote address once connected ({@link assertAllowedAddress}).
 */

/**
 * `true` allows every non-public address but the cloud metadata endpoints; a predicate allows
 * the addresses it returns true for (it is asked about metadata endpoints too, so it can name one).
 */
export type PrivateAddressPolicy = boolean | ((address: string) => boolean);

/**
 * Cloud instance-metadata endpoints, which hand out credentials to whoever asks from inside the
 * machine: the whole link-local range (169.254.169.254 on most clouds, 169.254.170.2 for container
 * tasks, 169.254.0.23 and others), the IPv6 endpoint fd00:ec2::254, 100.100.100.200, 168.63.129.16
 * (a platform address in a public range) and 192.0.0.192. They are refused even when private
 * addresses are allowed, unless a policy names them one by one ({@link addressPolicy}).
 */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(['fd00:ec2::254', '100.100.100.200', '168.63.129.16', '192.0.0.192']);

/**
 * True for a cloud metadata endpoint (see {@link METADATA_ADDRESSES}); an IPv6 address that embeds
 * an IPv4 address (mapped, compatible, NAT64, SIIT, 6to4, Teredo) is judged by the IPv4 it carries.
 */
export function isMetadataAddress(address: string): boolean {
  const normal = normalizeAddress(address);
  if (METADATA_ADDRESSES.has(normal)) return true;
  try {
    const parsed = ipaddr.parse(canonicalIPv6(normal));
    const v4s = parsed.kind() === 'ipv4' ? [parsed as ipaddr.IPv4] : embeddedIPv4(parsed as ipaddr.IPv6);
    return v4s.some((v4) => METADATA_ADDRESSES.has(v4.toString()) || v4.range() === 'linkLocal');
  } catch {
    return false;
  }
}

/**
 * The IPv4 addresses an IPv6 address carries for a translator or tunnel to reach: the low 32 bits
 * of IPv4-mapped, IPv4-compatible, SIIT (`::ffff:0:0:0/96`) and NAT64 (`64:ff9b::/96`,
 * `64:ff9b:1::/48`) addresses; bits 16-47 of 6to4 (`2002::/16`); Teredo's server (bits 32-63)
 * and its client (the low 32 bits, inverted).
 */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = v6.parts;
  const v4 = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const low = v4(p[6]!, p[7]!);
  if (v6.isIPv4MappedAddress() || v6.match(ipaddr.IPv6.parse('::'), 96) || v6.match(ipaddr.IPv6.parse('::ffff:0:0:0'), 96)) return [low];
  if (v6.match(ipaddr.IPv6.parse('64:ff9b::'), 96) || v6.match(ipaddr.IPv6.parse('64:ff9b:1::'), 48)) return [low];
  if (v6.match(ipaddr.IPv6.parse('2002::'), 16)) return [v4(p[1]!, p[2]!)];
  if (v6.match(ipaddr.IPv6.parse('2001::'), 32)) return [v4(p[2]!, p[3]!), v4(~p[6]! & 0xffff, ~p[7]! & 0xffff)];
  return [];
}

/**
 * The policy the command line asks for: `allowPrivate` opens private, loopback and other
 * non-public addresses (not the metadata endpoints); `addresses` opens exactly the addresses
 * named, metadata endpoints included.
 */
export function addressPolicy(options: { allowPrivate?: boolean; addresses?: readonly string[] }): PrivateAddressPolicy {
  const named = new Set((options.addresses ?? []).map((a) => normalizeAddress(a.trim().replace(/^\[|\]$/g, ''))));
  if (named.size === 0) return options.allowPrivate === true;
  const allowPrivate = options.allowPrivate === true;
  return (address) => named.has(normalizeAddress(address)) || (allowPrivate && !isMetadataAddress(address));
}

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

/** IPv6 prefixes that embed or translate IPv4 and that ipaddr.js calls plain unicast. */
const EMBEDDING_PREFIXES: ReadonlyArray<[ipaddr.IPv6, number, string]> = [
  // IPv4-compatible addresses (::a.b.c.d, deprecated by RFC 4291): `[::127.0.0.1]` is `[::7f00:1]`.
  [ipaddr.IPv6.parse('::'), 96, 'ipv4Compatible'],
];

/**
 * The range name of a non-public address (`loopback`, `private`, `linkLocal`, `metadata`, ...),
 * or null when the address is globally routable unicast. An IPv4-mapped IPv6 address is judged as
 * its IPv4 form; IPv4-compatible (`::/96`), NAT64 (`64:ff9b::/96` and the local-use `64:ff9b:1::/48`), 6to4 and
 * Teredo addresses, which carry an IPv4 address a gateway may reach, are never public.
 * Throws nothing: an unparsable address counts as `invalid`.
 */
export function blockedRangeOf(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(canonicalIPv6(address.replace(/%.*$/, '')));
  } catch {
    return 'invalid';
  }
  if (isMetadataAddress(parsed.toString())) return 'metadata';
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const range = v6.range();
    if (v6.isIPv4MappedAddress()) {
      parsed = v6.toIPv4Address();
    } else if (range === 'unicast') {
      for (const [prefix, bits, name] of EMBEDDING_PREFIXES) if (v6.match(prefix, bits)) return name;
    }
  }
  if (isMetadataAddress(parsed.toString())) return 'metadata';
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/**
 * True when `address` may be connected to under `policy` (a predicate sees IPv4-mapped addresses
 * as IPv4). Metadata endpoints need a predicate that names them; `true` does not open them.
 */
export function isAddressAllowed(address: string, policy: PrivateAddressPolicy = false): boolean {
  const range = blockedRangeOf(address);
  if (range === null) return true;
  if (typeof policy === 'function') return policy(normalizeAddress(address));
  return policy && range !== 'metadata';
}

/**
 * IPv6 text with an embedded dotted quad in the form the connection will use: ipaddr.js reads
 * `::8.8.8.8` as the IPv4-mapped `::ffff:8.8.8.8`, while the socket (and the URL parser) take it
 * as the IPv4-compatible `::808:808`.
 */
function canonicalIPv6(address: string): string {
  if (!address.includes(':') || !address.includes('.')) return address;
  try {
    const host = new URL(`http://[${address}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return address;
  }
}

/** Canonical text form of an IP address; IPv4-mapped IPv6 becomes dotted IPv4. Unparsable input is returned as is. */
export function normalizeAddress(address: string): string {
  try {
    const parsed = ipaddr.parse(canonicalIPv6(address.replace(/%.*$/, '')));
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
 * Checks a URL crosscheck will later connect to (a webhook's receiver) before it is kept: an
 * absolute http(s) URL without credentials (`bad_url`) whose host, when an IP literal, is allowed
 * under `policy` (`blocked_address`). Host names are checked again on every connection, when resolved.
 */
export function checkUrlTarget(input: string, policy: PrivateAddressPolicy = false): URL {
  const url = parseHttpUrl(input);
  assertAllowedUrlHost(url, policy);
  return url;
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
