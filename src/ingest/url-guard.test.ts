import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { CrosscheckError } from '../core/errors.js';
import { blockedRangeOf, createGuardedLookup, isAddressAllowed, parseHttpUrl, type LookupFunction } from './url-guard.js';

describe('blockedRangeOf', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['::', 'unspecified'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, range) => expect(blockedRangeOf(address)).toBe(range));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(blockedRangeOf(address)).toBeNull();
  });
});

describe('isAddressAllowed', () => {
  it('takes a boolean or a predicate that sees IPv4-mapped addresses as IPv4', () => {
    expect(isAddressAllowed('10.0.0.1')).toBe(false);
    expect(isAddressAllowed('10.0.0.1', true)).toBe(true);
    const onlyLoopback = (address: string): boolean => address === '127.0.0.1';
    expect(isAddressAllowed('::ffff:127.0.0.1', onlyLoopback)).toBe(true);
    expect(isAddressAllowed('10.0.0.1', onlyLoopback)).toBe(false);
    expect(isAddressAllowed('8.8.8.8', false)).toBe(true);
  });
});

describe('parseHttpUrl', () => {
  it.each(['file:///etc/passwd', 'ftp://x.example/', 'javascript:alert(1)', 'data:text/plain,hi', 'mailto:a@b.c', 'http://user:pw@x.example/', '::::'])(
    'refuses %s with bad_url',
    (url) => {
      expect(() => parseHttpUrl(url)).toThrow(CrosscheckError);
      try {
        parseHttpUrl(url);
      } catch (error) {
        expect((error as CrosscheckError).code).toBe('bad_url');
      }
    },
  );
  it('accepts http(s) and resolves against a base', () => {
    expect(parseHttpUrl('/a?b', 'https://x.example/c/d').href).toBe('https://x.example/a?b');
  });
});

describe('createGuardedLookup', () => {
  function run(lookup: LookupFunction, all: boolean): Promise<{ error: unknown; address: unknown }> {
    return new Promise((resolve) => lookup('host.test', { all }, (error, address) => resolve({ error, address })));
  }

  it('checks every answer of every lookup (DNS rebinding cannot slip through)', async () => {
    const answers: LookupAddress[][] = [[{ address: '93.184.216.34', family: 4 }], [{ address: '127.0.0.1', family: 4 }]];
    const rebinding: LookupFunction = (_host, _options, callback) => callback(null, answers.shift() ?? []);
    const guarded = createGuardedLookup('http://host.test/', false, rebinding);
    const first = await run(guarded, false);
    expect(first).toEqual({ error: null, address: '93.184.216.34' });
    const second = await run(guarded, true);
    expect((second.error as CrosscheckError).code).toBe('blocked_address');
    expect((second.error as CrosscheckError).message).toContain('http://host.test/');
  });

  it('returns all addresses when asked for all', async () => {
    const two: LookupFunction = (_host, _options, callback) =>
      callback(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ]);
    const { address } = await run(createGuardedLookup('http://host.test/', false, two), true);
    expect(address).toHaveLength(2);
  });
});
