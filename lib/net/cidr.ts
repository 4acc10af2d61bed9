/**
 * Pure address math for IPv4 and IPv6 prefixes. No cdktf imports.
 *
 * IPv4 is parsed with `netmask`, IPv6 with `ipaddr.js`. Before handing a string to either, it is
 * checked against the textual form that Azure accepts (strict dotted decimal, an explicit
 * prefix length), because both libraries are lenient in ways that change the meaning of a
 * range (`netmask` reads `010.0.0.0` as octal 8.0.0.0 and `10.244/16` as 10.0.0.0/16).
 */
import { Netmask } from 'netmask';
import * as ipaddr from 'ipaddr.js';

/** An IP address family, spelled as AKS spells it in `--ip-families`. */
export type IpFamily = 'IPv4' | 'IPv6';

/** The error every parse failure of this module throws; never a parser library's own error. */
export class CidrError extends Error {
  /** The value that failed to parse, as given. */
  public readonly input: unknown;
  /** The family that was expected or detected, when known. */
  public readonly family?: IpFamily;
  constructor(input: unknown, reason: string, family?: IpFamily, what: 'CIDR' | 'address' | 'offset' = 'CIDR') {
    const shown = typeof input === 'string' ? `'${input}'` : describe(input);
    super(`${shown} is not a valid ${family ?? 'IP'} ${what}: ${reason}`);
    this.name = 'CidrError';
    this.input = input;
    this.family = family;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return 'an object';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a primitive here: objects returned above
  return `${typeof v} ${String(v)}`;
}

/** A parsed range. All addresses are in their normalized text form. */
export interface Cidr {
  /** The input string, trimmed. */
  readonly input: string;
  /** `IPv4` or `IPv6`, detected from the address. */
  readonly family: IpFamily;
  /** The number of network bits after the `/`: 0 to 32 for IPv4, 0 to 128 for IPv6. */
  readonly prefixLength: number;
  /** The network address: the input address with its host bits cleared. */
  readonly network: string;
  /** `network/prefixLength`, e.g. `fd12:3456:789a::/64`. */
  readonly normalized: string;
  /** True when the input had host bits set (e.g. `10.244.1.0/16`). */
  readonly hostBitsSet: boolean;
  /**
   * True for an IPv4-mapped IPv6 range such as `::ffff:10.0.0.0/104`: the whole range lies in
   * `::ffff:0:0/96` (so the prefix length is 96 or more).
   */
  readonly ipv4Mapped: boolean;
  /** The first address of the range (the network address). */
  readonly first: string;
  /** The last address of the range. */
  readonly last: string;
  /** The number of addresses in the range. */
  readonly size: bigint;
  /** The first address as an integer. */
  readonly start: bigint;
  /** The last address as an integer (inclusive). */
  readonly end: bigint;
}

/** A parsed single address. */
export interface IpAddress {
  /** `IPv4` or `IPv6`. */
  readonly family: IpFamily;
  /** Normalized text (RFC 5952 for IPv6). */
  readonly text: string;
  /**
   * The address as an unsigned integer (32 bits for IPv4, 128 for IPv6), comparable with {@link Cidr.start} / {@link
   * Cidr.end}.
   */
  readonly value: bigint;
}

const IPV4_DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** A decimal prefix length without leading zeros (`0`, `8`, `128`); the range is checked apart. */
const PREFIX = /^(0|[1-9]\d{0,2})$/;
/** The start of the IPv4-mapped IPv6 block `::ffff:0:0/96`, shifted right by 32 bits. */
const IPV4_MAPPED_HIGH = 0xffffn;
const BITS: Record<IpFamily, number> = { IPv4: 32, IPv6: 128 };

/** The family a string looks like (a colon means IPv6), without validating it. */
export function familyOf(input: unknown): IpFamily | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (s === '') return undefined;
  return s.includes(':') ? 'IPv6' : 'IPv4';
}

function asTrimmedString(input: unknown, family: IpFamily | undefined, what: 'CIDR' | 'address'): string {
  if (typeof input !== 'string') {
    throw new CidrError(
      input,
      what === 'CIDR' ? 'expected a string such as 10.244.0.0/16' : 'expected a string such as 10.0.0.10',
      family,
      what,
    );
  }
  const s = input.trim();
  if (s === '') throw new CidrError(input, 'it is empty', family, what);
  if (/\s/.test(s)) throw new CidrError(input, 'it contains whitespace', family, what);
  return s;
}

/**
 * Checks an IPv6 address text (no prefix length) and parses it with ipaddr.js, or returns why it
 * is not one. Stricter than ipaddr.js: no zone id (`fe80::1%eth0`), and an embedded IPv4 part
 * (`::ffff:10.0.0.1`) must be strict dotted decimal (ipaddr.js reads `0x1` as hex).
 */
function ipv6OrReason(text: string): ipaddr.IPv6 | string {
  if (text.includes('%')) return `a zone id ('${text.slice(text.indexOf('%'))}') is not allowed`;
  if (text.includes('.')) {
    const tail = text.slice(text.lastIndexOf(':') + 1);
    if (!IPV4_DOTTED.test(tail)) return `the embedded IPv4 part '${tail}' must be four decimal octets 0-255`;
  }
  if (!ipaddr.IPv6.isValid(text)) return `'${text}' is not an IPv6 address`;
  return ipaddr.IPv6.parse(text);
}

function ipv4ToBigInt(text: string): bigint {
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function bigIntToIpv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join('.');
}

function ipv6ToBigInt(addr: ipaddr.IPv6): bigint {
  return addr.parts.reduce((acc, part) => (acc << 16n) | BigInt(part), 0n);
}

function bigIntToIpv6(v: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** Formats an integer as an address of the family. */
export function formatAddress(family: IpFamily, value: bigint): string {
  return family === 'IPv4' ? bigIntToIpv4(value) : bigIntToIpv6(value);
}

/**
 * Parses one address (no prefix length). Throws {@link CidrError}.
 * @param family when given, the address must be of this family.
 */
export function parseAddress(input: unknown, family?: IpFamily): IpAddress {
  const s = asTrimmedString(input, family, 'address');
  const detected = familyOf(s)!;
  if (family && detected !== family)
    throw new CidrError(input, `it is an ${detected} address, expected ${family}`, family, 'address');
  if (detected === 'IPv4') {
    if (!IPV4_DOTTED.test(s))
      throw new CidrError(input, 'expected four decimal octets 0-255, e.g. 10.0.0.10', 'IPv4', 'address');
    const value = ipv4ToBigInt(new Netmask(`${s}/32`).base);
    return { family: 'IPv4', text: bigIntToIpv4(value), value };
  }
  const addr = ipv6OrReason(s);
  if (typeof addr === 'string')
    throw new CidrError(input, `${addr}; expected an IPv6 address such as fd12:3456:789a::10`, 'IPv6', 'address');
  const value = ipv6ToBigInt(addr);
  return { family: 'IPv6', text: bigIntToIpv6(value), value };
}

/**
 * Parses a CIDR range of either family (or of `family` when given). Accepts surrounding
 * whitespace and any IPv6 spelling (upper case, compressed); requires an explicit prefix length.
 * A range with host bits set parses, with `hostBitsSet: true` and the normalized network.
 * Throws {@link CidrError} with a message that says what is wrong.
 */
export function parseCidr(input: unknown, family?: IpFamily): Cidr {
  const s = asTrimmedString(input, family, 'CIDR');
  const detected = familyOf(s)!;
  if (family && detected !== family) {
    throw new CidrError(input, `it is an ${detected} range, expected ${family}`, family);
  }
  const slash = s.indexOf('/');
  const addrText = slash < 0 ? s : s.slice(0, slash);
  const prefixText = slash < 0 ? '' : s.slice(slash + 1);
  if (prefixText === '') {
    throw new CidrError(
      input,
      `the prefix length is missing (e.g. ${addrText}/${detected === 'IPv4' ? 16 : 64})`,
      detected,
    );
  }
  const bits = BITS[detected];
  if (/^0\d+$/.test(prefixText)) {
    throw new CidrError(input, `prefix length must be 0-${bits}, written without leading zeros`, detected);
  }
  if (!PREFIX.test(prefixText) || Number(prefixText) > bits) {
    throw new CidrError(input, `prefix length must be 0-${bits}`, detected);
  }
  const prefixLength = Number(prefixText);
  let start: bigint;
  let addrValue: bigint;
  let ipv4Mapped = false;
  if (detected === 'IPv4') {
    if (!IPV4_DOTTED.test(addrText)) {
      throw new CidrError(input, 'the address must be four decimal octets 0-255, e.g. 10.244.0.0/16', 'IPv4');
    }
    const nm = new Netmask(`${addrText}/${prefixLength}`);
    start = ipv4ToBigInt(nm.base);
    addrValue = ipv4ToBigInt(addrText);
  } else {
    const addr = ipv6OrReason(addrText);
    if (typeof addr === 'string') throw new CidrError(input, addr, 'IPv6');
    addrValue = ipv6ToBigInt(addr);
    const hostBits = BigInt(bits - prefixLength);
    start = (addrValue >> hostBits) << hostBits;
    ipv4Mapped = prefixLength >= 96 && start >> 32n === IPV4_MAPPED_HIGH;
  }
  const size = 1n << BigInt(bits - prefixLength);
  const end = start + size - 1n;
  const network = formatAddress(detected, start);
  return {
    input: s,
    family: detected,
    prefixLength,
    network,
    normalized: `${network}/${prefixLength}`,
    hostBitsSet: addrValue !== start,
    ipv4Mapped,
    first: network,
    last: formatAddress(detected, end),
    size,
    start,
    end,
  };
}

/** The outcome of {@link tryParseCidr}: a value, never a throw. */
export type ParseResult = { ok: true; cidr: Cidr } | { ok: false; error: CidrError };

/**
 * Results of {@link tryParseCidr} for short strings, by the family asked for (`''` for any) and the
 * string itself (no key is built: the engine parses the same ranges in many rules).
 */
const parsed = new Map<IpFamily | '', Map<string, ParseResult>>([
  ['', new Map()],
  ['IPv4', new Map()],
  ['IPv6', new Map()],
]);

/** Like {@link parseCidr}, but returns the error instead of throwing; string inputs are parsed once (bounded cache). */
export function tryParseCidr(input: unknown, family?: IpFamily): ParseResult {
  const cache = parsed.get(family ?? '');
  if (typeof input !== 'string' || input.length > 100 || cache === undefined) return parseUncached(input, family);
  let r = cache.get(input);
  if (!r) {
    if (cache.size >= 50_000) cache.clear();
    r = parseUncached(input, family);
    cache.set(input, r);
  }
  return r;
}

function parseUncached(input: unknown, family?: IpFamily): ParseResult {
  try {
    return { ok: true, cidr: parseCidr(input, family) };
  } catch (e) {
    if (e instanceof CidrError) return { ok: false, error: e };
    return { ok: false, error: new CidrError(input, e instanceof Error ? e.message : String(e), family) };
  }
}
