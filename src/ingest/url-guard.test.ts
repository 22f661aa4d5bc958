import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { CrosscheckError } from '../core/errors.js';
import { addressPolicy, blockedRangeOf, checkUrlTarget, connectHostOf, createGuardedLookup, isAddressAllowed, isMetadataAddress, parseHttpUrl, type LookupFunction } from './url-guard.js';

describe('blockedRangeOf', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::8.8.8.8', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001::1', 'teredo'],
    ['::ffff:0:7f00:1', 'rfc6145'],
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

describe('IPv4 inside IPv6 URLs', () => {
  it.each(['http://[::127.0.0.1]/', 'http://[::7f00:1]/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:0:7f00:1]/', 'http://[64:ff9b::127.0.0.1]/'])(
    '%s is not a public address',
    (url) => expect(blockedRangeOf(connectHostOf(parseHttpUrl(url)))).not.toBeNull(),
  );
});

describe('metadata endpoints', () => {
  it('stay refused when private addresses are allowed', () => {
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '168.63.129.16']) {
      expect(isMetadataAddress(address)).toBe(true);
      expect(isAddressAllowed(address, true)).toBe(false);
      expect(isAddressAllowed(address, addressPolicy({ allowPrivate: true }))).toBe(false);
    }
    expect(isAddressAllowed('127.0.0.1', addressPolicy({ allowPrivate: true }))).toBe(true);
  });

  it('stay refused in every IPv6 form that carries them (compatible, SIIT, NAT64, 6to4, Teredo client and server)', () => {
    const forms = ['::a9fe:a9fe', '::169.254.169.254', '::ffff:0:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a9fe:a9fe', '64:ff9b::6464:64c8', '2002:a9fe:a9fe::1', '2001:0:a9fe:a9fe::1', '2001:0:4136:e378:8000:63bf:5601:5601'];
    for (const address of forms) {
      expect(blockedRangeOf(address), address).toBe('metadata');
      expect(isAddressAllowed(address, true), address).toBe(false);
      expect(isAddressAllowed(address, addressPolicy({ allowPrivate: true })), address).toBe(false);
    }
    // Named, it opens: the only way to reach one.
    expect(isAddressAllowed('64:ff9b::a9fe:a9fe', addressPolicy({ addresses: ['64:ff9b::a9fe:a9fe'] }))).toBe(true);
    // The same forms carrying a private address are private, opened by allowing private addresses.
    for (const address of ['::a00:1', '64:ff9b::a00:1', '2002:a00:1::1', '2001:0:a00:1::1']) {
      expect(blockedRangeOf(address), address).not.toBeNull();
      expect(isAddressAllowed(address, true), address).toBe(true);
    }
  });

  it('open only when named one by one', () => {
    const policy = addressPolicy({ addresses: ['169.254.169.254', '[fd00:ec2::254]'] });
    expect(isAddressAllowed('169.254.169.254', policy)).toBe(true);
    expect(isAddressAllowed('fd00:ec2::254', policy)).toBe(true);
    expect(isAddressAllowed('169.254.170.2', policy)).toBe(false);
    expect(isAddressAllowed('127.0.0.1', policy)).toBe(false);
    const both = addressPolicy({ allowPrivate: true, addresses: ['169.254.169.254'] });
    expect(isAddressAllowed('10.0.0.1', both)).toBe(true);
    expect(isAddressAllowed('169.254.169.254', both)).toBe(true);
    expect(isAddressAllowed('100.100.100.200', both)).toBe(false);
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

describe('checkUrlTarget', () => {
  it.each([
    { whenInputIs: 'https://hooks.example/in', policy: false, expectedOutputIs: null },
    { whenInputIs: 'http://localhost:8080/in', policy: false, expectedOutputIs: null }, // a name: checked when resolved
    { whenInputIs: 'http://127.0.0.1:8080/in', policy: false, expectedOutputIs: 'blocked_address' },
    { whenInputIs: 'http://127.0.0.1:8080/in', policy: true, expectedOutputIs: null },
    { whenInputIs: 'http://169.254.169.254/latest/', policy: true, expectedOutputIs: 'blocked_address' },
    { whenInputIs: 'http://[::ffff:10.0.0.1]/in', policy: false, expectedOutputIs: 'blocked_address' },
    { whenInputIs: 'ftp://hooks.example/in', policy: false, expectedOutputIs: 'bad_url' },
    { whenInputIs: 'https://user:secret@hooks.example/in', policy: false, expectedOutputIs: 'bad_url' },
  ])('$whenInputIs (private allowed: $policy) → $expectedOutputIs', ({ whenInputIs, policy, expectedOutputIs }) => {
    let code: string | null = null;
    try {
      checkUrlTarget(whenInputIs, policy);
    } catch (error) {
      code = error instanceof CrosscheckError ? error.code : 'other';
    }
    expect(code).toBe(expectedOutputIs);
  });
});
