/**
 * Comparing and walking ranges: overlap, containment, /24 blocks, addresses at offsets. Pure; no
 * cdktf imports.
 */
import { CidrError, formatAddress, parseAddress, parseCidr, type Cidr, type IpAddress, type IpFamily } from './cidr';

/** A range as the helpers take it: a CIDR string (parsed with `parseCidr`) or an already parsed {@link Cidr}. */
export type RangeLike = Cidr | string;

function isObjectOfFamily(x: unknown): x is { family: IpFamily } {
  return (
    typeof x === 'object' &&
    x !== null &&
    ((x as { family?: unknown }).family === 'IPv4' || (x as { family?: unknown }).family === 'IPv6')
  );
}

function isCidr(x: unknown): x is Cidr {
  return (
    isObjectOfFamily(x) &&
    typeof (x as Cidr).start === 'bigint' &&
    typeof (x as Cidr).end === 'bigint' &&
    typeof (x as Cidr).size === 'bigint'
  );
}

function isIpAddress(x: unknown): x is IpAddress {
  return isObjectOfFamily(x) && typeof (x as IpAddress).value === 'bigint';
}

/** A CIDR string or a parsed {@link Cidr}; anything else (from untyped callers) is a {@link CidrError}. */
function toRange(x: unknown): Cidr {
  if (typeof x === 'string') return parseCidr(x);
  if (isCidr(x)) return x;
  throw new CidrError(x, 'expected a CIDR string such as 10.244.0.0/16 or a parsed Cidr');
}

/** An address string or a parsed {@link IpAddress}; anything else is a {@link CidrError}. */
function toAddress(x: unknown): IpAddress {
  if (typeof x === 'string') return parseAddress(x);
  if (isIpAddress(x)) return x;
  throw new CidrError(x, 'expected an address string such as 10.0.0.10 or a parsed IpAddress', undefined, 'address');
}

/** A range, or a single address as a one-address range. */
function toRangeOrAddress(x: unknown): { family: IpFamily; start: bigint; end: bigint } {
  if (isCidr(x) || (typeof x === 'string' && x.includes('/'))) return toRange(x);
  const a = toAddress(x);
  return { family: a.family, start: a.value, end: a.value };
}

/** True when the two ranges share at least one address. Ranges of different families never overlap. */
export function overlaps(a: RangeLike, b: RangeLike): boolean {
  const x = toRange(a);
  const y = toRange(b);
  return x.family === y.family && x.start <= y.end && y.start <= x.end;
}

/** True when `inner` (an address or a range) lies wholly inside `range`. */
export function contains(range: RangeLike, inner: RangeLike | IpAddress): boolean {
  const r = toRange(range);
  const i = toRangeOrAddress(inner);
  return r.family === i.family && r.start <= i.start && i.end <= r.end;
}

/** How many /24 blocks an IPv4 range holds (0 for a range smaller than /24, or for IPv6). */
export function count24Blocks(range: RangeLike): number {
  const r = toRange(range);
  if (r.family !== 'IPv4' || r.prefixLength > 24) return 0;
  return 2 ** (24 - r.prefixLength);
}

/** The address at `offset` from the start of the range (0 is the network address). */
export function addressAt(range: RangeLike, offset: bigint | number): string {
  const r = toRange(range);
  const integral = typeof offset === 'bigint' || (typeof offset === 'number' && Number.isSafeInteger(offset));
  const o = integral ? BigInt(offset) : -1n;
  if (o < 0n || o >= r.size) {
    throw new CidrError(
      offset,
      `it must be an integer from 0 to ${r.size - 1n} inside ${r.normalized}`,
      r.family,
      'offset',
    );
  }
  return formatAddress(r.family, r.start + o);
}

/** The offset of an address inside a range, or undefined when it is outside. */
export function offsetOf(range: RangeLike, address: string | IpAddress): bigint | undefined {
  const r = toRange(range);
  const a = toAddress(address);
  if (a.family !== r.family || a.value < r.start || a.value > r.end) return undefined;
  return a.value - r.start;
}
