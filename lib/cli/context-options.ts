/**
 * The options that fill `check`'s context, i.e. what a Terraform document cannot hold:
 * `--subnet ID=PREFIX[,PREFIX]`, `--vnet ID=PREFIX[,PREFIX]`, `--service-families
 * ADDRESS=FAMILY[,FAMILY]` and `--registered-feature NAMESPACE/FEATURE`, all repeatable.
 * No cdktf imports.
 */
import { tryParseCidr, type IpFamily } from '../net';
import type { CheckContext } from '../rules';
import { InputError } from './errors';

/** The syntax of `--subnet` and `--vnet`. */
export const PREFIX_OPTION_SYNTAX = 'ID=PREFIX[,PREFIX]';
/** The syntax of `--service-families`. */
export const SERVICE_FAMILIES_SYNTAX = 'ADDRESS=FAMILY[,FAMILY]';
/** The syntax of `--registered-feature`. */
export const FEATURE_SYNTAX = 'NAMESPACE/FEATURE';

/** The options that take `ID=PREFIX[,PREFIX]`. */
export type PrefixOption = '--subnet' | '--vnet';

const EXAMPLE: Record<PrefixOption | '--service-families' | '--registered-feature', string> = {
  '--subnet':
    '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>=10.1.0.0/24',
  '--vnet': '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>=10.1.0.0/16',
  '--service-families': 'kubernetes_service_v1.web=IPv4,IPv6',
  '--registered-feature': 'Microsoft.ContainerService/AzureOverlayDualStackPreview',
};

/** The raw values of the context options, as commander collects them. */
export interface ContextOptionValues {
  /**
   * `--subnet` values.
   * @default none
   */
  readonly subnet?: readonly string[];
  /**
   * `--vnet` values.
   * @default none
   */
  readonly vnet?: readonly string[];
  /**
   * `--service-families` values.
   * @default none
   */
  readonly serviceFamilies?: readonly string[];
  /**
   * `--registered-feature` values.
   * @default none
   */
  readonly registeredFeature?: readonly string[];
}

function badValue(option: keyof typeof EXAMPLE, syntax: string, value: string, why: string): InputError {
  return new InputError(`${option} '${value}': ${why} (expected ${syntax}, e.g. ${option} ${EXAMPLE[option]})`);
}

/** Splits `KEY=A[,B]` into the key and its non-empty items, or says what is wrong. */
function splitKeyList(value: string): { key: string; items: string[] } | string {
  const eq = value.lastIndexOf('=');
  if (eq < 0) return "no '='";
  const key = value.slice(0, eq).trim();
  if (key === '') return 'the part before = is empty';
  const items = value
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim());
  if (items.some((s) => s === '')) return 'a value after = is empty';
  return { key, items };
}

/**
 * Checks one address prefix, as the options and the config file take it.
 * @returns the normalized prefix, or why `raw` is not a usable one
 */
export function checkPrefix(raw: string): { ok: true; prefix: string } | { ok: false; why: string } {
  const parsed = tryParseCidr(raw);
  if (!parsed.ok) return { ok: false, why: parsed.error.message };
  const { hostBitsSet, normalized } = parsed.cidr;
  if (hostBitsSet) return { ok: false, why: `${raw} has host bits set; the prefix is ${normalized}` };
  return { ok: true, prefix: parsed.cidr.normalized };
}

/** Whether `v` reads as `Namespace/Feature`, e.g. `Microsoft.ContainerService/AzureOverlayDualStackPreview`. */
export function isFeatureName(v: string): boolean {
  return /^[A-Za-z][\w.]*\/[\w.-]+$/.test(v);
}

/**
 * Parses the values of a repeated `ID=PREFIX[,PREFIX]` option into a `CheckContext` map
 * (`subnets` or `virtualNetworks`). An ID given twice gets the prefixes of both.
 * @returns normalized prefixes keyed by resource ID
 * @throws InputError (one line) for a value without `=`, an empty ID, or a prefix that is not a CIDR or has host bits
 * set
 */
export function parsePrefixOptions(option: PrefixOption, values: readonly string[]): Record<string, string[]> {
  // no prototype: an ID such as `constructor` or `__proto__` is a key like any other
  const out = Object.create(null) as Record<string, string[]>;
  for (const value of values) {
    const bad = (why: string) => badValue(option, PREFIX_OPTION_SYNTAX, value, why);
    const split = splitKeyList(value);
    if (typeof split === 'string') throw bad(split);
    const prefixes = split.items.map((raw) => {
      const checked = checkPrefix(raw);
      if (!checked.ok) throw bad(checked.why);
      return checked.prefix;
    });
    out[split.key] = [...(out[split.key] ?? []), ...prefixes];
  }
  return out;
}

/**
 * Parses `--service-families ADDRESS=FAMILY[,FAMILY]` values: the IP families of the cluster a
 * Kubernetes service (by Terraform address) runs on, when the document cannot tell.
 * @throws InputError (one line) for bad syntax or a family other than IPv4 / IPv6
 */
export function parseServiceFamilies(values: readonly string[]): Record<string, IpFamily[]> {
  const out = Object.create(null) as Record<string, IpFamily[]>;
  for (const value of values) {
    const bad = (why: string) => badValue('--service-families', SERVICE_FAMILIES_SYNTAX, value, why);
    const split = splitKeyList(value);
    if (typeof split === 'string') throw bad(split);
    const wrong = split.items.find((f) => f !== 'IPv4' && f !== 'IPv6');
    if (wrong !== undefined) throw bad(`'${wrong}' is not IPv4 or IPv6`);
    out[split.key] = split.items as IpFamily[];
  }
  return out;
}

/**
 * Parses `--registered-feature NAMESPACE/FEATURE` values: subscription features registered
 * outside the plan.
 * @throws InputError (one line) for a value that is not `Namespace/Feature`
 */
export function parseRegisteredFeatures(values: readonly string[]): string[] {
  return values.map((value) => {
    const v = value.trim();
    const why = 'not a resource provider namespace and a feature name separated by /';
    if (!isFeatureName(v)) throw badValue('--registered-feature', FEATURE_SYNTAX, value, why);
    return v;
  });
}

/**
 * The check context the options give; fields without values are left out.
 * @throws InputError (one line) for the first malformed value
 */
export function contextFromOptions(opts: ContextOptionValues): CheckContext {
  const subnets = parsePrefixOptions('--subnet', opts.subnet ?? []);
  const virtualNetworks = parsePrefixOptions('--vnet', opts.vnet ?? []);
  const serviceClusterFamilies = parseServiceFamilies(opts.serviceFamilies ?? []);
  const registeredFeatures = parseRegisteredFeatures(opts.registeredFeature ?? []);
  return {
    ...(Object.keys(subnets).length > 0 ? { subnets } : {}),
    ...(Object.keys(virtualNetworks).length > 0 ? { virtualNetworks } : {}),
    ...(Object.keys(serviceClusterFamilies).length > 0 ? { serviceClusterFamilies } : {}),
    ...(registeredFeatures.length > 0 ? { registeredFeatures } : {}),
  };
}
