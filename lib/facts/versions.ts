/**
 * Kubernetes versions: the one parser every layer uses. Pure; no cdktf imports.
 *
 * AKS accepts `MAJOR.MINOR` and `MAJOR.MINOR.PATCH` (API `orchestratorVersion`: "Both patch version
 * <major.minor.patch> (e.g. 1.20.13) and <major.minor> (e.g. 1.20) are supported"); nothing else, so
 * `v1.25` or `1.25-rc` is not a version. A JSON number is converted as Terraform converts a number
 * to a string attribute (`1.29` -> "1.29", `1.3` -> "1.3").
 */

/** A parsed Kubernetes version. */
export interface KubernetesVersion {
  /** The text as Azure receives it, e.g. `1.29` or `1.29.3`. */
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  /** The patch number, when given. */
  readonly patch?: number;
}

const VERSION = /^(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?$/;

/** `text` as a Kubernetes version, or undefined when it is not `MAJOR.MINOR[.PATCH]`. */
export function parseKubernetesVersion(text: string | number): KubernetesVersion | undefined {
  const s = typeof text === 'number' ? (Number.isFinite(text) ? String(text) : '') : text;
  const m = VERSION.exec(s);
  if (!m) return undefined;
  const v = { text: s, major: Number(m[1]), minor: Number(m[2]) };
  return m[3] === undefined ? v : { ...v, patch: Number(m[3]) };
}

/** A version bound written as `[major, minor]` or `[major, minor, patch]`. */
export type VersionBound = readonly [number, number] | readonly [number, number, number];

/**
 * Compares a version with a bound: negative when `v` is below it, 0 when equal, positive above.
 * A version without a patch number compares as `.0` only when the bound has a patch; a bound
 * without one compares major and minor only.
 */
export function compareVersion(v: KubernetesVersion, bound: VersionBound): number {
  if (v.major !== bound[0]) return v.major - bound[0];
  if (v.minor !== bound[1]) return v.minor - bound[1];
  if (bound.length === 3) return (v.patch ?? 0) - bound[2];
  return 0;
}

/** True when `v` is at least `bound` (see {@link compareVersion}). */
export function versionAtLeast(v: KubernetesVersion, bound: VersionBound): boolean {
  return compareVersion(v, bound) >= 0;
}

/** Minor versions between two versions of the same major (`b - a`); undefined across majors. */
export function minorsBetween(a: KubernetesVersion, b: KubernetesVersion): number | undefined {
  return a.major === b.major ? b.minor - a.minor : undefined;
}

/** A bound as text, e.g. `1.26.3`. */
export function showBound(bound: VersionBound): string {
  return bound.join('.');
}
