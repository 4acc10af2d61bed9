import {
  CidrError,
  addressAt,
  contains,
  count24Blocks,
  familyOf,
  formatAddress,
  offsetOf,
  overlaps,
  parseAddress,
  parseCidr,
  tryParseCidr,
} from '../lib/net';

/** Calls `fn` and returns what it threw (fails the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** Asserts that `fn` throws a CidrError (not a TypeError or RangeError) and returns its message. */
function cidrErrorMessage(fn: () => unknown): string {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(CidrError);
  return (e as CidrError).message;
}

const NON_STRINGS: [string, unknown][] = [
  ['a number', 10],
  ['NaN', NaN],
  ['a bigint', 10n],
  ['a boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['an object', { cidr: '10.0.0.0/8' }],
  ['an array', ['10.0.0.0/8']],
  ['a String object', new String('10.0.0.0/8')],
  ['a symbol', Symbol('x')],
  ['a function', () => '10.0.0.0/8'],
];

describe('CidrError', () => {
  it('is an Error subclass that keeps the input and family', () => {
    const e = new CidrError('x/1', 'bad', 'IPv4');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CidrError);
    expect(e.name).toBe('CidrError');
    expect(e.input).toBe('x/1');
    expect(e.family).toBe('IPv4');
    expect(e.message).toBe("'x/1' is not a valid IPv4 CIDR: bad");
  });

  it('names the kind of non-string input and the unknown family', () => {
    expect(new CidrError(null, 'r').message).toBe('null is not a valid IP CIDR: r');
    expect(new CidrError(undefined, 'r').message).toBe('undefined is not a valid IP CIDR: r');
    expect(new CidrError([1], 'r').message).toBe('an array is not a valid IP CIDR: r');
    expect(new CidrError({}, 'r', 'IPv6', 'address').message).toBe('an object is not a valid IPv6 address: r');
    expect(new CidrError(42, 'r').message).toBe('number 42 is not a valid IP CIDR: r');
  });
});

describe('parseCidr', () => {
  it('parses a plain IPv4 range with every field', () => {
    const c = parseCidr('10.244.0.0/16');
    expect(c).toEqual({
      input: '10.244.0.0/16',
      family: 'IPv4',
      prefixLength: 16,
      network: '10.244.0.0',
      normalized: '10.244.0.0/16',
      hostBitsSet: false,
      ipv4Mapped: false,
      first: '10.244.0.0',
      last: '10.244.255.255',
      size: 65536n,
      start: 0x0af40000n,
      end: 0x0af4ffffn,
    });
  });

  it('reports host bits set and normalizes the network', () => {
    const c = parseCidr('10.244.1.0/16');
    expect(c.hostBitsSet).toBe(true);
    expect(c.network).toBe('10.244.0.0');
    expect(c.normalized).toBe('10.244.0.0/16');
    expect(c.input).toBe('10.244.1.0/16');
    expect(parseCidr('192.168.1.77/30').normalized).toBe('192.168.1.76/30');
    expect(parseCidr('fd12:3456:789a::1/64')).toMatchObject({ hostBitsSet: true, normalized: 'fd12:3456:789a::/64' });
  });

  it('handles IPv4 edge prefixes /0 and /32', () => {
    expect(parseCidr('0.0.0.0/0')).toMatchObject({
      prefixLength: 0,
      first: '0.0.0.0',
      last: '255.255.255.255',
      size: 2n ** 32n,
      hostBitsSet: false,
    });
    expect(parseCidr('10.1.2.3/0')).toMatchObject({ normalized: '0.0.0.0/0', hostBitsSet: true });
    expect(parseCidr('255.255.255.255/32')).toMatchObject({
      normalized: '255.255.255.255/32',
      first: '255.255.255.255',
      last: '255.255.255.255',
      size: 1n,
      start: 0xffffffffn,
      end: 0xffffffffn,
      hostBitsSet: false,
    });
    expect(parseCidr('255.255.255.255/31')).toMatchObject({
      normalized: '255.255.255.254/31',
      hostBitsSet: true,
      size: 2n,
    });
  });

  it('handles IPv6 edge prefixes /0 and /128 with BigInt sizes', () => {
    const all = parseCidr('::/0');
    expect(all).toMatchObject({
      family: 'IPv6',
      prefixLength: 0,
      first: '::',
      last: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      start: 0n,
    });
    expect(all.size).toBe(2n ** 128n);
    expect(typeof all.size).toBe('bigint');
    expect(all.end).toBe(2n ** 128n - 1n);
    const one = parseCidr('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128');
    expect(one).toMatchObject({ size: 1n, hostBitsSet: false, first: one.last });
    expect(parseCidr('fd00::/8').size).toBe(2n ** 120n);
    expect(parseCidr('0:0:0:0:0:0:0:0/0').normalized).toBe('::/0');
  });

  it('normalizes uppercase and compressed IPv6 (RFC 5952)', () => {
    expect(parseCidr('FD12:3456:789A::/64')).toMatchObject({
      normalized: 'fd12:3456:789a::/64',
      hostBitsSet: false,
      family: 'IPv6',
    });
    expect(parseCidr('fd12:3456:789a:0000:0000:0000:0000:0000/64').normalized).toBe('fd12:3456:789a::/64');
    expect(parseCidr('FD00:0:0:0::/48').normalized).toBe('fd00::/48');
    expect(parseCidr('2001:db8:0:0:1:0:0:1/128').normalized).toBe('2001:db8::1:0:0:1/128');
    expect(parseCidr('fd12:3456:789a::/64').last).toBe('fd12:3456:789a:0:ffff:ffff:ffff:ffff');
  });

  it('parses IPv4-mapped IPv6 as IPv6 and flags it', () => {
    const m = parseCidr('::ffff:10.0.0.0/104');
    expect(m).toMatchObject({
      family: 'IPv6',
      ipv4Mapped: true,
      prefixLength: 104,
      hostBitsSet: false,
      size: 2n ** 24n,
    });
    expect(m.start).toBe((0xffffn << 32n) | 0x0a000000n);
    const one = parseCidr('::ffff:1.2.3.4/128');
    expect(one).toMatchObject({ family: 'IPv6', ipv4Mapped: true, size: 1n, start: (0xffffn << 32n) | 0x01020304n });
    expect(parseCidr('::FFFF:1.2.3.4/128').normalized).toBe(one.normalized);
    expect(parseCidr('::ffff:0:0/96').ipv4Mapped).toBe(true);
    expect(parseCidr('fd00::/8').ipv4Mapped).toBe(false);
    expect(parseCidr('::/0').ipv4Mapped).toBe(false);
  });

  it('flags ipv4Mapped from the normalized range, not the host bits (bug fix)', () => {
    // ::ffff:10.0.0.0/80 normalizes to ::/80, which is not inside ::ffff:0:0/96.
    expect(parseCidr('::ffff:10.0.0.0/80')).toMatchObject({
      normalized: '::/80',
      ipv4Mapped: false,
      hostBitsSet: true,
    });
    expect(parseCidr('::ffff:10.0.0.0/95').ipv4Mapped).toBe(false);
  });

  it('accepts surrounding whitespace and trims the input', () => {
    const c = parseCidr('  10.244.0.0/16\t\n');
    expect(c.input).toBe('10.244.0.0/16');
    expect(c.normalized).toBe('10.244.0.0/16');
    expect(parseCidr(' FD12:3456:789A::/64 ').normalized).toBe('fd12:3456:789a::/64');
  });

  it('rejects whitespace inside the range (bug fix: was silently accepted)', () => {
    for (const s of ['10.0.0.0 /8', '10.0.0.0/ 8', '10.0.0.0\n/8', '10.0. 0.0/8', 'fd00:: /8']) {
      expect(cidrErrorMessage(() => parseCidr(s))).toMatch(/contains whitespace/);
    }
  });

  it('gives the exact message for a prefix out of range', () => {
    expect(cidrErrorMessage(() => parseCidr('10.244.0.0/33'))).toBe(
      "'10.244.0.0/33' is not a valid IPv4 CIDR: prefix length must be 0-32",
    );
    expect(cidrErrorMessage(() => parseCidr('fd00::/129'))).toBe(
      "'fd00::/129' is not a valid IPv6 CIDR: prefix length must be 0-128",
    );
    for (const s of [
      '10.0.0.0/-1',
      '10.0.0.0/+8',
      '10.0.0.0/8.0',
      '10.0.0.0/1e1',
      '10.0.0.0/abc',
      '10.0.0.0/1000',
      '10.0.0.0/8/8',
    ]) {
      expect(cidrErrorMessage(() => parseCidr(s))).toMatch(/prefix length must be 0-32/);
    }
  });

  it('rejects a prefix length with leading zeros (bug fix)', () => {
    expect(cidrErrorMessage(() => parseCidr('10.0.0.0/08'))).toMatch(
      /prefix length must be 0-32, written without leading zeros/,
    );
    expect(cidrErrorMessage(() => parseCidr('fd00::/064'))).toMatch(
      /prefix length must be 0-128, written without leading zeros/,
    );
    expect(cidrErrorMessage(() => parseCidr('10.0.0.0/00'))).toMatch(/leading zeros/);
  });

  it('says the prefix length is missing, with an example', () => {
    expect(cidrErrorMessage(() => parseCidr('10.244.0.0'))).toBe(
      "'10.244.0.0' is not a valid IPv4 CIDR: the prefix length is missing (e.g. 10.244.0.0/16)",
    );
    expect(cidrErrorMessage(() => parseCidr('10.244.0.0/'))).toMatch(
      /prefix length is missing \(e\.g\. 10\.244\.0\.0\/16\)/,
    );
    expect(cidrErrorMessage(() => parseCidr('fd00::'))).toMatch(
      /IPv6 CIDR: the prefix length is missing \(e\.g\. fd00::\/64\)/,
    );
  });

  it('rejects leading zeros and octal- or hex-looking IPv4 octets', () => {
    for (const s of ['010.0.0.0/8', '10.01.0.0/16', '0x0a.0.0.0/8', '00.0.0.0/8', '10.0.0.00/32']) {
      expect(cidrErrorMessage(() => parseCidr(s))).toMatch(/IPv4 CIDR: the address must be four decimal octets 0-255/);
    }
  });

  it('rejects malformed IPv4 addresses that netmask would accept or misread', () => {
    for (const s of [
      '10.244/16',
      '10/8',
      '256.0.0.0/8',
      '1.2.3.4.5/32',
      '1..2.3/8',
      'a.b.c.d/8',
      '-1.0.0.0/8',
      '10.0.0.0.',
      'hello/8',
    ]) {
      expect(tryParseCidr(s).ok).toBe(false);
    }
  });

  it('rejects malformed IPv6', () => {
    for (const s of [
      '1::2::3/64',
      'fd00:::/64',
      '00001::/64',
      '1:2:3:4:5:6:7:8:9/64',
      '[::1]/128',
      'gggg::/16',
      ':::/0',
      'fd00:/64',
    ]) {
      expect(cidrErrorMessage(() => parseCidr(s))).toMatch(/is not a valid IPv6 CIDR/);
    }
  });

  it('rejects IPv6 zone ids (bug fix: ipaddr.js accepted fe80::1%eth0)', () => {
    expect(cidrErrorMessage(() => parseCidr('fe80::1%eth0/64'))).toBe(
      "'fe80::1%eth0/64' is not a valid IPv6 CIDR: a zone id ('%eth0') is not allowed",
    );
    expect(tryParseCidr('fe80::%1/64').ok).toBe(false);
  });

  it('rejects a non-decimal embedded IPv4 part (bug fix: ipaddr.js read 0x1 as hex)', () => {
    for (const s of [
      '::ffff:0x1.0.0.1/128',
      '::ffff:010.0.0.1/128',
      '::ffff:256.0.0.1/128',
      '::ffff:1.2.3/128',
      '::ffff:1.2.3.4.5/128',
    ]) {
      expect(cidrErrorMessage(() => parseCidr(s))).toMatch(/embedded IPv4 part '.*' must be four decimal octets 0-255/);
    }
  });

  it('rejects empty and whitespace-only strings', () => {
    expect(cidrErrorMessage(() => parseCidr(''))).toBe("'' is not a valid IP CIDR: it is empty");
    expect(cidrErrorMessage(() => parseCidr(' \t\n '))).toMatch(/it is empty/);
    expect(cidrErrorMessage(() => parseCidr('', 'IPv4'))).toBe("'' is not a valid IPv4 CIDR: it is empty");
  });

  it.each(NON_STRINGS)('throws CidrError (not TypeError) for %s', (_label, value) => {
    expect(cidrErrorMessage(() => parseCidr(value))).toMatch(
      /is not a valid IP CIDR: expected a string such as 10\.244\.0\.0\/16/,
    );
  });

  it('enforces the requested family', () => {
    expect(parseCidr('10.0.0.0/8', 'IPv4').family).toBe('IPv4');
    expect(parseCidr('fd00::/8', 'IPv6').family).toBe('IPv6');
    const e = thrown(() => parseCidr('fd00::/8', 'IPv4')) as CidrError;
    expect(e).toBeInstanceOf(CidrError);
    expect(e.message).toBe("'fd00::/8' is not a valid IPv4 CIDR: it is an IPv6 range, expected IPv4");
    expect(e.family).toBe('IPv4');
    expect(cidrErrorMessage(() => parseCidr('10.0.0.0/8', 'IPv6'))).toMatch(/it is an IPv4 range, expected IPv6/);
  });
});

describe('tryParseCidr', () => {
  it('returns the parsed range as a value', () => {
    const r = tryParseCidr('10.244.1.0/16');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.cidr).toEqual(parseCidr('10.244.1.0/16'));
  });

  it('returns the same error parseCidr throws, as a value', () => {
    const r = tryParseCidr('10.244.0.0/33');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(CidrError);
      expect(r.error.message).toBe("'10.244.0.0/33' is not a valid IPv4 CIDR: prefix length must be 0-32");
      expect(r.error.input).toBe('10.244.0.0/33');
    }
  });

  it.each([
    ...NON_STRINGS,
    ['an empty string', ''],
    ['a bare address', '10.0.0.1'],
    ['a zone id', 'fe80::1%eth0/64'],
  ] as [string, unknown][])('never throws for %s', (_label, value) => {
    const r = tryParseCidr(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(CidrError);
      expect(r.error.input).toBe(value);
    }
  });

  it('passes the family through', () => {
    const r = tryParseCidr('10.0.0.0/8', 'IPv6');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.family).toBe('IPv6');
  });
});

describe('parseAddress', () => {
  it('parses IPv4 and IPv6 addresses to normalized text and a BigInt', () => {
    expect(parseAddress('10.0.0.10')).toEqual({ family: 'IPv4', text: '10.0.0.10', value: 0x0a00000an });
    expect(parseAddress(' 255.255.255.255 ')).toEqual({ family: 'IPv4', text: '255.255.255.255', value: 0xffffffffn });
    expect(parseAddress('0.0.0.0').value).toBe(0n);
    expect(parseAddress('FD12:3456:789A::10')).toEqual({
      family: 'IPv6',
      text: 'fd12:3456:789a::10',
      value: (0xfd123456789an << 80n) | 0x10n,
    });
    expect(parseAddress('::').value).toBe(0n);
    expect(parseAddress('::ffff:1.2.3.4')).toMatchObject({ family: 'IPv6', value: (0xffffn << 32n) | 0x01020304n });
  });

  it('rejects prefixes, octal-looking octets, zone ids and bad embedded IPv4', () => {
    expect(cidrErrorMessage(() => parseAddress('10.0.0.0/8'))).toMatch(
      /is not a valid IPv4 address: expected four decimal octets/,
    );
    expect(cidrErrorMessage(() => parseAddress('010.0.0.1'))).toMatch(/IPv4 address/);
    expect(cidrErrorMessage(() => parseAddress('fe80::1%eth0'))).toMatch(
      /IPv6 address: a zone id \('%eth0'\) is not allowed/,
    );
    expect(cidrErrorMessage(() => parseAddress('::ffff:0x1.0.0.1'))).toMatch(/embedded IPv4 part/);
    expect(cidrErrorMessage(() => parseAddress('fd00::/64'))).toMatch(/IPv6 address/);
    expect(cidrErrorMessage(() => parseAddress('10.0.0. 1'))).toMatch(/contains whitespace/);
  });

  it('enforces the requested family', () => {
    expect(cidrErrorMessage(() => parseAddress('fd00::1', 'IPv4'))).toBe(
      "'fd00::1' is not a valid IPv4 address: it is an IPv6 address, expected IPv4",
    );
    expect(parseAddress('fd00::1', 'IPv6').family).toBe('IPv6');
  });

  it.each([...NON_STRINGS, ['an empty string', '']] as [string, unknown][])(
    'throws CidrError for %s',
    (_label, value) => {
      expect(cidrErrorMessage(() => parseAddress(value))).toMatch(/is not a valid IP address/);
    },
  );
});

describe('familyOf', () => {
  it('tells the family by the presence of a colon, without validating', () => {
    expect(familyOf('10.0.0.0/8')).toBe('IPv4');
    expect(familyOf('fd00::/8')).toBe('IPv6');
    expect(familyOf('::ffff:1.2.3.4')).toBe('IPv6');
    expect(familyOf(' 10.0.0.1 ')).toBe('IPv4');
  });

  it('returns undefined for empty strings and non-strings', () => {
    expect(familyOf('')).toBeUndefined();
    expect(familyOf('   ')).toBeUndefined();
    for (const [, v] of NON_STRINGS) expect(familyOf(v)).toBeUndefined();
  });
});

describe('formatAddress', () => {
  it('formats IPv4 integers as dotted decimal', () => {
    expect(formatAddress('IPv4', 0n)).toBe('0.0.0.0');
    expect(formatAddress('IPv4', 0xffffffffn)).toBe('255.255.255.255');
    expect(formatAddress('IPv4', 0x0af40100n)).toBe('10.244.1.0');
  });

  it('formats IPv6 integers in RFC 5952 form', () => {
    expect(formatAddress('IPv6', 0n)).toBe('::');
    expect(formatAddress('IPv6', 1n)).toBe('::1');
    expect(formatAddress('IPv6', 2n ** 128n - 1n)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(formatAddress('IPv6', 0xfd12n << 112n)).toBe('fd12::');
  });

  it('is the inverse of parseAddress', () => {
    for (const s of ['10.0.0.10', '192.168.255.1', 'fd12:3456:789a::10', '2001:db8::1:0:0:1']) {
      const a = parseAddress(s);
      expect(formatAddress(a.family, a.value)).toBe(s);
    }
  });
});

describe('overlaps', () => {
  it('detects overlapping and adjacent ranges', () => {
    expect(overlaps('10.244.0.0/16', '10.244.128.0/17')).toBe(true);
    expect(overlaps('10.244.128.0/17', '10.244.0.0/16')).toBe(true);
    expect(overlaps('10.0.0.0/8', '10.255.255.255/32')).toBe(true);
    expect(overlaps('10.244.0.0/16', '10.245.0.0/16')).toBe(false);
    expect(overlaps('10.244.0.0/24', '10.244.1.0/24')).toBe(false);
    expect(overlaps('10.0.0.0/8', '10.0.0.0/8')).toBe(true);
  });

  it('treats /0 as overlapping everything of its family', () => {
    expect(overlaps('0.0.0.0/0', '255.255.255.255/32')).toBe(true);
    expect(overlaps('::/0', 'fd00::/8')).toBe(true);
    expect(overlaps('::/0', '10.0.0.0/8')).toBe(false);
  });

  it('uses the normalized range when host bits are set', () => {
    expect(overlaps('10.244.1.0/16', '10.244.200.0/24')).toBe(true);
  });

  it('compares IPv6 ranges with BigInt', () => {
    expect(overlaps('fd12:3456:789a::/64', 'FD12:3456:789A:0:1::/80')).toBe(true);
    expect(overlaps('fd12:3456:789a::/64', 'fd12:3456:789b::/64')).toBe(false);
  });

  it('never lets ranges of different families overlap, even IPv4-mapped ones', () => {
    expect(overlaps('10.0.0.0/8', '::ffff:10.0.0.0/104')).toBe(false);
    expect(overlaps('0.0.0.0/0', '::/0')).toBe(false);
  });

  it('accepts parsed ranges', () => {
    expect(overlaps(parseCidr('10.0.0.0/8'), parseCidr('10.1.0.0/16'))).toBe(true);
    expect(overlaps(parseCidr('10.0.0.0/8'), '11.0.0.0/8')).toBe(false);
  });

  it('throws CidrError for bad input from untyped callers', () => {
    const anyOverlaps = overlaps as (a: unknown, b: unknown) => boolean;
    expect(cidrErrorMessage(() => anyOverlaps('10.0.0.0/33', '10.0.0.0/8'))).toMatch(/prefix length must be 0-32/);
    for (const [, v] of NON_STRINGS) {
      expect(cidrErrorMessage(() => anyOverlaps(v, '10.0.0.0/8'))).toMatch(/is not a valid IP CIDR/);
      expect(cidrErrorMessage(() => anyOverlaps('10.0.0.0/8', v))).toMatch(/is not a valid IP CIDR/);
    }
    expect(cidrErrorMessage(() => anyOverlaps({ family: 'IPv4' }, '10.0.0.0/8'))).toMatch(/or a parsed Cidr/);
  });
});

describe('contains', () => {
  it('checks ranges inside ranges', () => {
    expect(contains('10.244.0.0/16', '10.244.3.0/24')).toBe(true);
    expect(contains('10.244.0.0/16', '10.244.0.0/16')).toBe(true);
    expect(contains('10.244.0.0/24', '10.244.0.0/16')).toBe(false);
    expect(contains('10.244.0.0/16', '10.243.255.0/23')).toBe(false);
    expect(contains('0.0.0.0/0', '255.255.255.255/32')).toBe(true);
    expect(contains('::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128')).toBe(true);
  });

  it('checks addresses, as strings or parsed', () => {
    expect(contains('10.0.0.0/16', '10.0.0.10')).toBe(true);
    expect(contains('10.0.0.0/16', '10.0.255.255')).toBe(true);
    expect(contains('10.0.0.0/16', '10.1.0.0')).toBe(false);
    expect(contains('fd12:3456:789a::/64', 'FD12:3456:789A::10')).toBe(true);
    expect(contains('fd12:3456:789a::/64', parseAddress('fd12:3456:789b::1'))).toBe(false);
    expect(contains(parseCidr('10.0.0.0/16'), parseAddress('10.0.3.4'))).toBe(true);
    expect(contains('10.0.0.0/16', parseCidr('10.0.1.0/24'))).toBe(true);
  });

  it('never mixes families', () => {
    expect(contains('::/0', '10.0.0.1')).toBe(false);
    expect(contains('0.0.0.0/0', '::ffff:10.0.0.1')).toBe(false);
  });

  it('throws CidrError for bad input from untyped callers', () => {
    const anyContains = contains as (a: unknown, b: unknown) => boolean;
    for (const [, v] of NON_STRINGS) {
      expect(cidrErrorMessage(() => anyContains(v, '10.0.0.1'))).toMatch(/is not a valid IP CIDR/);
      expect(cidrErrorMessage(() => anyContains('10.0.0.0/8', v))).toMatch(/is not a valid IP address/);
    }
    expect(cidrErrorMessage(() => anyContains('10.0.0.0/8', '10.0.0.01'))).toMatch(/IPv4 address/);
    expect(cidrErrorMessage(() => anyContains('10.0.0.0/8', '10.0.0.0/99'))).toMatch(/prefix length must be 0-32/);
  });
});

describe('count24Blocks', () => {
  it('counts /24 blocks in IPv4 ranges', () => {
    expect(count24Blocks('10.244.0.0/16')).toBe(256);
    expect(count24Blocks('10.244.0.0/24')).toBe(1);
    expect(count24Blocks('10.244.0.0/23')).toBe(2);
    expect(count24Blocks('0.0.0.0/0')).toBe(2 ** 24);
    expect(count24Blocks(parseCidr('10.0.0.0/8'))).toBe(65536);
  });

  it('is 0 for ranges smaller than /24 and for IPv6', () => {
    expect(count24Blocks('10.244.0.0/25')).toBe(0);
    expect(count24Blocks('255.255.255.255/32')).toBe(0);
    expect(count24Blocks('::/0')).toBe(0);
    expect(count24Blocks('::ffff:10.0.0.0/104')).toBe(0);
  });

  it('throws CidrError for bad input', () => {
    const anyCount = count24Blocks as (a: unknown) => number;
    expect(cidrErrorMessage(() => anyCount('10.244.0.0/33'))).toBe(
      "'10.244.0.0/33' is not a valid IPv4 CIDR: prefix length must be 0-32",
    );
    expect(cidrErrorMessage(() => anyCount(undefined))).toMatch(/undefined is not a valid IP CIDR/);
  });
});

describe('addressAt', () => {
  it('returns the address at an offset', () => {
    expect(addressAt('10.0.0.0/16', 0)).toBe('10.0.0.0');
    expect(addressAt('10.0.0.0/16', 10)).toBe('10.0.0.10');
    expect(addressAt('10.0.0.0/16', 65535n)).toBe('10.0.255.255');
    expect(addressAt('10.0.1.7/16', 256)).toBe('10.0.1.0');
    expect(addressAt('0.0.0.0/0', 2n ** 32n - 1n)).toBe('255.255.255.255');
    expect(addressAt('255.255.255.255/32', 0)).toBe('255.255.255.255');
    expect(addressAt('FD12:3456:789A::/64', 16)).toBe('fd12:3456:789a::10');
    expect(addressAt('::/0', 2n ** 128n - 1n)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  it('throws CidrError for offsets outside the range', () => {
    expect(cidrErrorMessage(() => addressAt('10.0.0.0/24', 256))).toBe(
      'number 256 is not a valid IPv4 offset: it must be an integer from 0 to 255 inside 10.0.0.0/24',
    );
    expect(cidrErrorMessage(() => addressAt('10.0.0.0/24', -1))).toMatch(/IPv4 offset/);
    expect(cidrErrorMessage(() => addressAt('::/0', 2n ** 128n))).toMatch(/IPv6 offset/);
  });

  it('throws CidrError, not RangeError, for non-integer offsets (bug fix)', () => {
    const anyAddressAt = addressAt as (r: unknown, o: unknown) => string;
    for (const o of [1.5, NaN, Infinity, '1', null, undefined, 2 ** 60]) {
      expect(cidrErrorMessage(() => anyAddressAt('10.0.0.0/8', o))).toMatch(/offset: it must be an integer/);
    }
    expect(cidrErrorMessage(() => anyAddressAt(null, 0))).toMatch(/null is not a valid IP CIDR/);
  });
});

describe('offsetOf', () => {
  it('returns the offset of an address inside the range', () => {
    expect(offsetOf('10.0.0.0/16', '10.0.0.10')).toBe(10n);
    expect(offsetOf('10.0.0.0/16', '10.0.0.0')).toBe(0n);
    expect(offsetOf('10.0.0.0/16', '10.0.255.255')).toBe(65535n);
    expect(offsetOf('10.0.3.3/16', parseAddress('10.0.1.0'))).toBe(256n);
    expect(offsetOf('fd12:3456:789a::/64', 'FD12:3456:789A::10')).toBe(16n);
    expect(offsetOf('::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(2n ** 128n - 1n);
  });

  it('returns undefined outside the range or for the other family', () => {
    expect(offsetOf('10.0.0.0/16', '10.1.0.0')).toBeUndefined();
    expect(offsetOf('10.0.0.0/16', '9.255.255.255')).toBeUndefined();
    expect(offsetOf('::/0', '10.0.0.1')).toBeUndefined();
  });

  it('is the inverse of addressAt', () => {
    for (const [range, o] of [
      ['10.0.0.0/16', 1234n],
      ['fd00::/8', 2n ** 100n + 7n],
      ['0.0.0.0/0', 0n],
    ] as const) {
      expect(offsetOf(range, addressAt(range, o))).toBe(o);
    }
  });

  it('throws CidrError for non-address input (bug fix: a number gave undefined)', () => {
    const anyOffsetOf = offsetOf as (r: unknown, a: unknown) => bigint | undefined;
    for (const [, v] of NON_STRINGS) {
      expect(cidrErrorMessage(() => anyOffsetOf('10.0.0.0/8', v))).toMatch(/is not a valid IP address/);
    }
    expect(cidrErrorMessage(() => anyOffsetOf('10.0.0.0/8', '10.0.0.0/8'))).toMatch(/IPv4 address/);
  });
});
