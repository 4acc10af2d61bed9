/**
 * The cluster's network settings: prop-shape checks, then the defaults of RULES.md from the
 * derivations of lib/facts the model uses too, rendered as `network_profile`.
 * Internal: not exported from lib/index.ts.
 */
import type { KubernetesClusterNetworkProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Token } from 'cdktf';
import {
  DEFAULT_IP_FAMILIES,
  DEFAULT_NETWORK_PLUGIN,
  DEFAULT_NETWORK_PLUGIN_MODE,
  defaultDnsServiceIp,
  defaultRanges,
  networkModeOf,
  usesPodCidr,
} from '../facts';
import type { IpFamily } from '../net';
import type { AksClusterProps } from './aks-cluster-props';
import { assertListProp, showValue } from './props';
import type { AksNetworkMode } from './types';

/** The network settings resolved from the props, with the defaults applied. */
export interface ResolvedNetwork {
  /** How pods get their addresses; `unknown` when the plugin or mode is a token or not a known value. */
  readonly mode: AksNetworkMode;
  /** The rendered `network_plugin`. */
  readonly plugin: string;
  /** The rendered `network_plugin_mode`, if any. */
  readonly pluginMode?: string;
  /** The IP families (`ip_versions`). */
  readonly families: IpFamily[];
  /** The pod ranges (empty where pods take subnet addresses). */
  readonly podCidrs: string[];
  /** The service ranges. */
  readonly serviceCidrs: string[];
  /** The DNS service IP, when known. */
  readonly dnsServiceIp?: string;
  /** The `network_profile` block. */
  readonly profile: KubernetesClusterNetworkProfile;
}

/** Throws on props that contradict each other (single-stack and list forms together). */
function assertNetworkProps(
  fail: (msg: string) => never,
  p: AksClusterProps,
  families: IpFamily[],
  listForm: boolean,
): void {
  if (listForm && p.podCidr !== undefined) {
    fail(
      `podCidr (${p.podCidr}) is the single-stack flag; with ipFamilies [${families.join(', ')}] give podCidrs, one range per family`,
    );
  }
  if (listForm && p.serviceCidr !== undefined) {
    fail(
      `serviceCidr (${p.serviceCidr}) is the single-stack flag; with ipFamilies [${families.join(', ')}] give serviceCidrs, one range per family`,
    );
  }
}

/** The IP families from the props; throws on a value that is not an IP family. */
function resolveFamilies(
  path: string,
  fail: (msg: string) => never,
  p: AksClusterProps,
): { families: IpFamily[]; token: boolean } {
  assertListProp(path, 'ipFamilies', p.ipFamilies, "['IPv4', 'IPv6']", 'network/ip-families');
  const token = p.ipFamilies !== undefined && Token.isUnresolved(p.ipFamilies);
  const families: IpFamily[] = [...(p.ipFamilies ?? DEFAULT_IP_FAMILIES)];
  if (token) return { families, token };
  // an empty list reaches the JSON as ip_versions = [], where the rule network/ip-families reports it
  for (const f of families) {
    if (f !== 'IPv4' && f !== 'IPv6' && !Token.isUnresolved(f)) {
      fail(
        `network/ip-families: ipFamilies has an unknown value ${showValue(f)}; the values are 'IPv4' and 'IPv6' (exactly that case), e.g. ['IPv4', 'IPv6']`,
      );
    }
  }
  return { families, token };
}

/** The network mode of the rendered plugin and mode; `unknown` for tokens and values azurerm rejects. */
function modeOf(plugin: string, pluginMode: string | undefined): AksNetworkMode {
  if (Token.isUnresolved(plugin) || (pluginMode !== undefined && Token.isUnresolved(pluginMode))) return 'unknown';
  const mode = networkModeOf(plugin, pluginMode);
  return typeof mode === 'string' ? mode : 'unknown';
}

/** The DNS service IP derived from the literal service ranges (see `defaultDnsServiceIp`). */
function dnsServiceIpFor(serviceCidrs: readonly string[]): string | undefined {
  // not a list (plain JS): the value reaches the JSON, where network/cidr-family-mismatch reports it
  if (!Array.isArray(serviceCidrs) || Token.isUnresolved(serviceCidrs)) return undefined;
  return defaultDnsServiceIp(serviceCidrs.filter((c) => !Token.isUnresolved(c)));
}

/** Applies the network defaults of RULES.md; throws on misuse of the props themselves. */
export function resolveNetwork(path: string, p: AksClusterProps): ResolvedNetwork {
  const fail = (msg: string): never => {
    throw new Error(`${path}: ${msg}`);
  };
  if (p.podCidr !== undefined && p.podCidrs !== undefined) {
    fail(
      `both podCidr (${p.podCidr}) and podCidrs are set; use podCidr for single-stack (--pod-cidr) or podCidrs for one range per family (--pod-cidrs), not both`,
    );
  }
  if (p.serviceCidr !== undefined && p.serviceCidrs !== undefined) {
    fail(`both serviceCidr (${p.serviceCidr}) and serviceCidrs are set; use one of them`);
  }
  const { families, token: familiesToken } = resolveFamilies(path, fail, p);
  const listForm = familiesToken || families.length !== 1 || families[0] !== 'IPv4';
  assertNetworkProps(fail, p, families, listForm);

  const plugin = p.networkPlugin ?? DEFAULT_NETWORK_PLUGIN;
  const pluginMode = p.networkPluginMode ?? (p.networkPlugin === undefined ? DEFAULT_NETWORK_PLUGIN_MODE : undefined);
  const mode = modeOf(plugin, pluginMode);

  const defaultsFor = (kind: 'pod' | 'service'): string[] => (familiesToken ? [] : defaultRanges(families, kind));
  const podDefaulted = mode !== 'unknown' && usesPodCidr(mode);
  const podCidrs = p.podCidrs ?? (p.podCidr !== undefined ? [p.podCidr] : podDefaulted ? defaultsFor('pod') : []);
  const serviceCidrs = p.serviceCidrs ?? (p.serviceCidr !== undefined ? [p.serviceCidr] : defaultsFor('service'));
  const dnsServiceIp = p.dnsServiceIp ?? dnsServiceIpFor(serviceCidrs);

  const podList = p.podCidrs !== undefined || (listForm && podCidrs.length > 0);
  const serviceList = p.serviceCidrs !== undefined || (listForm && serviceCidrs.length > 0);
  const profile: KubernetesClusterNetworkProfile = {
    networkPlugin: plugin,
    networkPluginMode: pluginMode,
    networkPolicy: p.networkPolicy,
    networkDataPlane: p.networkDataplane,
    outboundType: p.outboundType,
    ipVersions: families,
    podCidr: !podList && podCidrs.length > 0 ? podCidrs[0] : undefined,
    podCidrs: podList ? podCidrs : undefined,
    serviceCidr: !serviceList && serviceCidrs.length > 0 ? serviceCidrs[0] : undefined,
    serviceCidrs: serviceList ? serviceCidrs : undefined,
    dnsServiceIp,
  };
  return { mode, plugin, pluginMode, families, podCidrs, serviceCidrs, dnsServiceIp, profile };
}
