/**
 * The two kinds of {@link Side}: a plan's `before` / `after` with its unknown and sensitive
 * masks, and a resource body of a Terraform JSON configuration (blocks as objects or
 * one-element lists; `${...}` values unknown). No cdktf imports.
 */
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR } from '../../facts';
import type { Side } from './assess';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Walks a dotted path; a list met between steps is a block list and its first element is read. */
function walk(root: unknown, path: string): unknown {
  let cur = root;
  for (const step of path.split('.')) {
    if (Array.isArray(cur)) cur = cur.length > 0 ? cur[0] : undefined;
    if (!isObj(cur)) return undefined;
    cur = cur[step];
  }
  return cur === null ? undefined : cur;
}

/** True when a mask (`after_unknown`, `*_sensitive`) is `true` at `path` or at a block above it. */
function masked(mask: unknown, path: string): boolean {
  let cur = mask;
  for (const step of path.split('.')) {
    if (cur === true) return true;
    if (Array.isArray(cur)) cur = cur.length > 0 ? cur[0] : undefined;
    if (!isObj(cur)) return false;
    cur = cur[step];
  }
  if (cur === true) return true;
  // a list attribute with an unknown element: `[false, true]`
  return Array.isArray(cur) && cur.some((x) => x === true);
}

/**
 * One side of a plan's change.
 * @param value the change's `before` or `after`
 * @param unknownMask `after_unknown` for the after side, undefined for before
 * @param sensitiveMask `before_sensitive` or `after_sensitive`
 */
export function planSide(value: unknown, unknownMask: unknown, sensitiveMask: unknown): Side {
  return {
    value: (p) => walk(value, p),
    unknown: (p) => masked(unknownMask, p),
    sensitive: (p) => masked(sensitiveMask, p),
  };
}

function hasExpression(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('${');
  return Array.isArray(v) && v.some(hasExpression);
}

/** What AKS (or azurerm) uses when a configuration does not set a network attribute. */
function assumedNetworkValue(body: unknown, path: string): { value: unknown } | undefined {
  if (walk(body, 'network_profile') === undefined && path.startsWith('network_profile.')) return undefined;
  const plugin = walk(body, 'network_profile.network_plugin');
  const mode = walk(body, 'network_profile.network_plugin_mode');
  switch (path) {
    case 'network_profile.pod_cidr':
      if (plugin === 'kubenet' || mode === 'overlay') return { value: DEFAULT_POD_CIDR };
      return plugin === 'azure' ? { value: '' } : undefined;
    case 'network_profile.service_cidr':
      return { value: DEFAULT_SERVICE_CIDR };
    case 'network_profile.dns_service_ip':
      return { value: DEFAULT_DNS_SERVICE_IP };
    case 'network_profile.load_balancer_sku':
      return { value: 'standard' };
    case 'network_profile.outbound_type':
      return { value: 'loadBalancer' };
    case 'network_profile.ip_versions':
      return { value: ['IPv4'] };
    case 'network_profile.network_data_plane':
      return { value: 'azure' };
    case 'os_type':
      return { value: 'Linux' };
    case 'priority':
      return { value: 'Regular' };
    case 'network_profile.network_policy':
    case 'network_profile.network_plugin_mode':
    case 'network_profile.network_mode':
    case 'default_node_pool.temporary_name_for_rotation':
    case 'temporary_name_for_rotation':
      return { value: '' };
    default:
      return undefined;
  }
}

/** A resource body of a Terraform JSON configuration as a side of a predicted change. */
export function documentSide(body: unknown): Side {
  return {
    value: (p) => walk(body, p),
    unknown: (p) => hasExpression(walk(body, p)),
    sensitive: (p) => walk(body, p) === '${plan.sensitive}',
    assumed: (p) => assumedNetworkValue(body, p),
  };
}

/**
 * A value for a message: `(sensitive)`, `(known after apply)`, the expression of a
 * configuration, `(not set)`, or the value (strings as they are, anything else as JSON).
 */
export function shown(side: Side, path: string, unknownText = '(known after apply)'): string {
  if (side.sensitive(path)) return '(sensitive)';
  const v = side.value(path);
  if (side.unknown(path)) return typeof v === 'string' && v.includes('${') ? v : unknownText;
  if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '(not set)';
  if (typeof v === 'string') return v;
  const text = JSON.stringify(v) ?? typeof v;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
