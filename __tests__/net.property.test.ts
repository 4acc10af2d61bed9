import fc from 'fast-check';
import {
  CidrError,
  IpFamily,
  addressAt,
  contains,
  count24Blocks,
  formatAddress,
  offsetOf,
  overlaps,
  parseAddress,
  parseCidr,
  tryParseCidr,
} from '../lib/net';

const RUNS = { numRuns: 200 };
const BITS: Record<IpFamily, number> = { IPv4: 32, IPv6: 128 };

/** A generated range: its text (host bits may be set) and the numbers it stands for. */
interface Gen {
  family: IpFamily;
  text: string;
  /** The address written in the text, before normalization. */
  address: bigint;
  prefix: number;
  start: bigint;
  size: bigint;
}

function makeRange(family: IpFamily, address: bigint, prefix: number): Gen {
  const host = BigInt(BITS[family] - prefix);
  const start = (address >> host) << host;
  return { family, text: `${formatAddress(family, address)}/${prefix}`, address, prefix, start, size: 1n << host };
}

function rangeOf(family: IpFamily, minPrefix = 0): fc.Arbitrary<Gen> {
  const bits = BITS[family];
  return fc
    .tuple(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), fc.integer({ min: minPrefix, max: bits }))
    .map(([address, prefix]) => makeRange(family, address, prefix));
}

const anyFamily = fc.constantFrom<IpFamily>('IPv4', 'IPv6');
const anyRange = anyFamily.chain((f) => rangeOf(f));

/** A range together with one of its sub-ranges (possibly itself), written with random host bits. */
const rangeAndSub = anyRange.chain((parent) =>
  fc
    .tuple(fc.integer({ min: parent.prefix, max: BITS[parent.family] }), fc.bigInt({ min: 0n, max: parent.size - 1n }))
    .map(([subPrefix, offset]) => ({ parent, sub: makeRange(parent.family, parent.start + offset, subPrefix) })),
);

/**
 * Two disjoint ranges. Any two disjoint prefixes sit in different halves of their smallest
 * common super-range, so drawing one range from each half of a random range covers them all.
 */
const disjointPair = anyFamily.chain((family) =>
  fc
    .tuple(
      rangeOf(family).filter((r) => r.prefix < BITS[family]),
      fc.nat(),
      fc.nat(),
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc.boolean(),
    )
    .map(([parent, pa, pb, oa, ob, swap]) => {
      const half = parent.size / 2n;
      const span = BITS[family] - parent.prefix; // sub-prefixes parent.prefix+1 .. bits
      const a = makeRange(family, parent.start + (oa % half), parent.prefix + 1 + (pa % span));
      const b = makeRange(family, parent.start + half + (ob % half), parent.prefix + 1 + (pb % span));
      return swap ? [b, a] : [a, b];
    }),
);

function expectOnlyCidrError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof CidrError)) throw new Error(`threw ${String(e)} instead of a CidrError`, { cause: e });
  }
}

describe('overlaps (properties)', () => {
  it('is symmetric', () => {
    const related = rangeAndSub.map(({ parent, sub }) => [parent.text, sub.text] as const);
    const unrelated = fc.tuple(anyRange, anyRange).map(([a, b]) => [a.text, b.text] as const);
    fc.assert(
      fc.property(
        fc.oneof(
          related,
          unrelated,
          disjointPair.map(([a, b]) => [a.text, b.text] as const),
        ),
        ([a, b]) => {
          expect(overlaps(a, b)).toBe(overlaps(b, a));
        },
      ),
      RUNS,
    );
  });

  it('a range overlaps and contains each of its sub-ranges', () => {
    fc.assert(
      fc.property(rangeAndSub, ({ parent, sub }) => {
        expect(overlaps(parent.text, sub.text)).toBe(true);
        expect(overlaps(sub.text, parent.text)).toBe(true);
        expect(contains(parent.text, sub.text)).toBe(true);
        // A strictly smaller sub-range does not contain its parent.
        if (sub.prefix > parent.prefix) expect(contains(sub.text, parent.text)).toBe(false);
      }),
      RUNS,
    );
  });

  it('disjoint ranges do not overlap and do not contain each other', () => {
    fc.assert(
      fc.property(disjointPair, ([a, b]) => {
        expect(overlaps(a.text, b.text)).toBe(false);
        expect(contains(a.text, b.text)).toBe(false);
        expect(contains(b.text, a.text)).toBe(false);
      }),
      RUNS,
    );
  });

  it('ranges of different families never overlap', () => {
    fc.assert(
      fc.property(rangeOf('IPv4'), rangeOf('IPv6'), (a, b) => {
        expect(overlaps(a.text, b.text)).toBe(false);
        expect(contains(b.text, formatAddress('IPv4', a.address))).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('parseCidr (properties)', () => {
  it('matches the generated numbers: start, size, end, host bits', () => {
    fc.assert(
      fc.property(anyRange, (g) => {
        const c = parseCidr(g.text);
        expect(c.family).toBe(g.family);
        expect(c.prefixLength).toBe(g.prefix);
        expect(c.start).toBe(g.start);
        expect(c.size).toBe(g.size);
        expect(c.end).toBe(g.start + g.size - 1n);
        expect(c.hostBitsSet).toBe(g.address !== g.start);
        expect(c.first).toBe(formatAddress(g.family, g.start));
      }),
      RUNS,
    );
  });

  it('the normalized network contains every address of the range and nothing next to it', () => {
    fc.assert(
      fc.property(
        anyRange,
        fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { minLength: 1, maxLength: 5 }),
        (g, raw) => {
          const c = parseCidr(g.text);
          // The address as written (host bits and all) lies in the normalized network.
          expect(contains(c.normalized, formatAddress(g.family, g.address))).toBe(true);
          expect(offsetOf(c.normalized, formatAddress(g.family, g.address))).toBe(g.address - g.start);
          for (const o of [0n, g.size - 1n, ...raw.map((r) => r % g.size)]) {
            const text = formatAddress(g.family, g.start + o);
            expect(contains(c.normalized, text)).toBe(true);
            expect(addressAt(c.normalized, o)).toBe(text);
            expect(offsetOf(c.normalized, text)).toBe(o);
          }
          if (g.start > 0n) expect(contains(c.normalized, formatAddress(g.family, g.start - 1n))).toBe(false);
          const after = g.start + g.size;
          if (after < 1n << BigInt(BITS[g.family]))
            expect(contains(c.normalized, formatAddress(g.family, after))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('parse(normalized) round-trips', () => {
    fc.assert(
      fc.property(anyRange, (g) => {
        const c = parseCidr(g.text);
        const again = parseCidr(c.normalized);
        expect(again.normalized).toBe(c.normalized);
        expect(again.input).toBe(c.normalized);
        expect(again.hostBitsSet).toBe(false);
        expect({ ...again, input: '', hostBitsSet: false }).toEqual({ ...c, input: '', hostBitsSet: false });
        const addr = parseAddress(formatAddress(g.family, g.address));
        expect(addr.value).toBe(g.address);
      }),
      RUNS,
    );
  });

  it('count24Blocks equals size/256 for IPv4 prefixes <= 24, and 0 beyond', () => {
    fc.assert(
      fc.property(rangeOf('IPv4'), (g) => {
        const blocks = count24Blocks(g.text);
        if (g.prefix <= 24) expect(blocks).toBe(Number(g.size / 256n));
        else expect(blocks).toBe(0);
      }),
      RUNS,
    );
  });

  it('IPv6 written from 8 hextets in any letter case normalizes the same', () => {
    const hextet = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(hextet, { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 128 }),
        (parts, prefix) => {
          const mixed = parts
            .map(([v, upper, pad]) => {
              const hex = pad ? v.toString(16).padStart(4, '0') : v.toString(16);
              return upper ? hex.toUpperCase() : hex;
            })
            .join(':');
          const lower = parts.map(([v]) => v.toString(16)).join(':');
          const value = parts.reduce((acc, [v]) => (acc << 16n) | BigInt(v), 0n);
          const a = parseCidr(`${mixed}/${prefix}`);
          const b = parseCidr(`${lower}/${prefix}`);
          expect(a.normalized).toBe(b.normalized);
          expect(a.normalized).toBe(a.normalized.toLowerCase());
          expect(a.start).toBe(makeRange('IPv6', value, prefix).start);
          expect(parseAddress(mixed).value).toBe(value);
        },
      ),
      RUNS,
    );
  });
});

describe('never anything but CidrError (properties)', () => {
  /** Strings made of the characters a CIDR parser cares about, to reach deep parser paths. */
  const cidrish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFx.:/%- \t'.split('')), maxLength: 40 });

  it('parseCidr and parseAddress on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), cidrish), (s) => {
        expectOnlyCidrError(() => parseCidr(s));
        expectOnlyCidrError(() => parseAddress(s));
        const r = tryParseCidr(s);
        if (!r.ok) expect(r.error).toBeInstanceOf(CidrError);
      }),
      { numRuns: 500 },
    );
  });

  it('every function on arbitrary values', () => {
    const untyped = {
      parseCidr: parseCidr as (x: unknown) => unknown,
      parseAddress: parseAddress as (x: unknown) => unknown,
      overlaps: overlaps as (a: unknown, b: unknown) => unknown,
      contains: contains as (a: unknown, b: unknown) => unknown,
      count24Blocks: count24Blocks as (a: unknown) => unknown,
      addressAt: addressAt as (a: unknown, o: unknown) => unknown,
      offsetOf: offsetOf as (a: unknown, o: unknown) => unknown,
    };
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.anything(), cidrish), (x, y) => {
        expectOnlyCidrError(() => untyped.parseCidr(x));
        expectOnlyCidrError(() => untyped.parseAddress(x));
        expectOnlyCidrError(() => untyped.overlaps(x, y));
        expectOnlyCidrError(() => untyped.overlaps('10.0.0.0/8', x));
        expectOnlyCidrError(() => untyped.contains(x, y));
        expectOnlyCidrError(() => untyped.contains('fd00::/8', x));
        expectOnlyCidrError(() => untyped.count24Blocks(x));
        expectOnlyCidrError(() => untyped.addressAt('10.0.0.0/8', x));
        expectOnlyCidrError(() => untyped.offsetOf('10.0.0.0/8', x));
        expect(tryParseCidr(x).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
