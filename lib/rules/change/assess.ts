/**
 * Comparing two states of one AKS resource (before and after a change) with the provider
 * tables: which attributes replace it, which cycle a node pool, whether the network moves to
 * Azure CNI Overlay or the Cilium data plane in place, whether egress changes. Used by the plan
 * review (before/after of `resource_changes`) and the configuration diff. No cdktf imports.
 */
import { CYCLE_ATTRIBUTES, DEFAULT_POOL_CYCLE_ONLY, FORCE_NEW, type ForceNewRule, type ProviderLine } from './tables';

/** One side of a change: attribute values by dotted path (a block's first element is read). */
export interface Side {
  /** The value at `path`, or undefined when absent or null. */
  value(path: string): unknown;
  /** True when the value is not known: known only after apply, or an expression of a configuration. */
  unknown(path: string): boolean;
  /** True when the value is sensitive (never shown). */
  sensitive(path: string): boolean;
  /**
   * A value to assume when this side does not set `path` (an AKS default), or undefined when it
   * cannot be said. Only configurations have gaps; a plan's `before` is the full state.
   */
  assumed?(path: string): { value: unknown } | undefined;
}

/** Whether an attribute changes: `maybe` when a value is unknown on either side. */
export type Changed = 'no' | 'yes' | 'maybe';

/** The resource kinds the tables cover. */
export type AksKind = 'cluster' | 'pool';

/** What a change of one AKS resource does. */
export interface Assessment {
  /** Attributes whose change replaces the resource (ForceNew), with `maybe` for unknown values. */
  readonly replaces: readonly { readonly rule: ForceNewRule; readonly changed: Changed }[];
  /** Node pool attributes whose change cycles the pool (cluster: `default_node_pool.*`). */
  readonly cycles: readonly { readonly attribute: string; readonly changed: Changed }[];
  /** The pool's `temporary_name_for_rotation` after the change: set, unset, or unknown. */
  readonly rotationName: 'set' | 'unset' | 'unknown';
  /** An in-place move to Azure CNI Overlay (cluster only). */
  readonly overlayMigration?: { readonly from: 'kubenet' | 'node-subnet' };
  /** An in-place move of the data plane to Cilium (cluster only). */
  readonly ciliumMigration?: boolean;
  /** `outbound_type` changes (cluster only). */
  readonly egress?: Changed;
}

/** Empty-ish values compare equal: absent, null, '' and []. */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A canonical text of a value for comparison: lists of scalars sorted (zones, CIDR lists compare as sets). */
function canonical(v: unknown): string {
  if (isEmpty(v)) return '';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object'))
    return JSON.stringify((v as unknown[]).map((x) => String(x as string | number | boolean)).sort());
  if (typeof v === 'object' && v !== null) {
    const sortKeys = (x: unknown): unknown => {
      if (Array.isArray(x)) return x.map(sortKeys);
      if (typeof x === 'object' && x !== null)
        return Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
        );
      return x;
    };
    return JSON.stringify(sortKeys(v));
  }
  return String(v);
}

/** The value of `path` on a side, with the side's assumption where it does not set it. */
export function effective(side: Side, path: string): unknown {
  const v = side.value(path);
  if (!isEmpty(v) || side.unknown(path)) return v;
  const a = side.assumed?.(path);
  return a !== undefined ? a.value : v;
}

/** Attributes whose removal from a configuration is itself a change (Optional, not Computed). */
const REMOVAL_CHANGES = new Set(['network_profile.network_plugin_mode']);

/** Whether `path` changes from `before` to `after`. */
export function changed(before: Side, after: Side, path: string, configurations: boolean): Changed {
  const bu = before.unknown(path);
  const au = after.unknown(path);
  const a = after.value(path);
  const b = before.value(path);
  // an Optional+Computed attribute removed from a configuration keeps its value (no diff)
  if (configurations && isEmpty(a) && !au && !REMOVAL_CHANGES.has(path)) return 'no';
  if (bu || au) return bu && au && canonical(b) === canonical(a) ? 'no' : 'maybe';
  if (configurations && isEmpty(b) && !isEmpty(a)) {
    const assumed = before.assumed?.(path);
    if (assumed === undefined) return 'maybe';
    return canonical(assumed.value) === canonical(a) ? 'no' : 'yes';
  }
  return canonical(b) === canonical(a) ? 'no' : 'yes';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : isEmpty(v) ? '' : String(v);
}

/** Whether a change of `rule.attribute` replaces the resource, given both sides. */
function replacesOn(rule: ForceNewRule, before: Side, after: Side, prefix: string): boolean {
  const b = str(effective(before, rule.attribute));
  const a = str(effective(after, rule.attribute));
  switch (rule.when) {
    case 'always':
      return true;
    case 'unless-kubenet-to-overlay':
      return !(
        b === 'kubenet' &&
        a === 'azure' &&
        str(effective(after, 'network_profile.network_plugin_mode')) === 'overlay'
      );
    case 'unless-to-overlay':
      return a !== 'overlay';
    case 'unless-from-empty':
      return b !== '';
    case 'unless-from-empty-or-to-cilium':
      return !(b === '' || (a === 'cilium' && ['azure', 'calico'].includes(b)));
    case 'once-set':
      return b !== '';
    case 'unless-rotation-name':
      return b !== str(after.value(`${prefix}temporary_name_for_rotation`));
    case 'true-to-false':
      return before.value(rule.attribute) === true && after.value(rule.attribute) === false;
    case 'unless-ubuntu-azurelinux':
      return !(/^(Ubuntu|AzureLinux)/.test(b) && /^(Ubuntu|AzureLinux)/.test(a));
  }
}

/**
 * Assesses a change of an `azurerm_kubernetes_cluster` (`kind` cluster) or an
 * `azurerm_kubernetes_cluster_node_pool` (`kind` pool).
 * @param configurations true when both sides are configurations (absent values follow the
 *   Optional+Computed rules: removing a setting is no change), false for a plan's before/after
 */
export function assess(
  kind: AksKind,
  before: Side,
  after: Side,
  line: ProviderLine,
  configurations: boolean,
): Assessment {
  const table = FORCE_NEW[line][kind];
  const prefix = kind === 'cluster' ? 'default_node_pool.' : '';
  const replaces: { rule: ForceNewRule; changed: Changed }[] = [];
  for (const rule of table) {
    const c = changed(before, after, rule.attribute, configurations);
    if (c === 'no') continue;
    if (c === 'maybe' || replacesOn(rule, before, after, prefix)) replaces.push({ rule, changed: c });
  }
  const cycleAttrs = [...CYCLE_ATTRIBUTES, ...(kind === 'cluster' ? DEFAULT_POOL_CYCLE_ONLY : [])];
  const cycles: { attribute: string; changed: Changed }[] = [];
  for (const a of cycleAttrs) {
    const c = changed(before, after, `${prefix}${a}`, configurations);
    if (c !== 'no') cycles.push({ attribute: `${prefix}${a}`, changed: c });
  }
  if (kind === 'cluster') {
    // default pool os_sku: Ubuntu* <-> AzureLinux* is a plain update, any other change cycles
    const c = changed(before, after, `${prefix}os_sku`, configurations);
    const [b, a] = [str(effective(before, `${prefix}os_sku`)), str(effective(after, `${prefix}os_sku`))];
    if (c === 'maybe' || (c === 'yes' && !(/^(Ubuntu|AzureLinux)/.test(b) && /^(Ubuntu|AzureLinux)/.test(a))))
      cycles.push({ attribute: `${prefix}os_sku`, changed: c });
  }
  const rotationPath = `${prefix}temporary_name_for_rotation`;
  const rotationName = after.unknown(rotationPath) ? 'unknown' : isEmpty(after.value(rotationPath)) ? 'unset' : 'set';
  if (kind !== 'cluster') return { replaces, cycles, rotationName };

  const np = (p: string, side: Side) => str(effective(side, `network_profile.${p}`));
  let overlayMigration: Assessment['overlayMigration'];
  if (
    np('network_plugin_mode', before) !== 'overlay' &&
    np('network_plugin_mode', after) === 'overlay' &&
    !after.unknown('network_profile.network_plugin_mode')
  ) {
    const from = np('network_plugin', before);
    if (from === 'kubenet' || from === 'azure')
      overlayMigration = { from: from === 'kubenet' ? 'kubenet' : 'node-subnet' };
  }
  const ciliumMigration =
    np('network_data_plane', before) === 'azure' &&
    np('network_data_plane', after) === 'cilium' &&
    !after.unknown('network_profile.network_data_plane');
  const egress = changed(before, after, 'network_profile.outbound_type', configurations);
  return {
    replaces,
    cycles,
    rotationName,
    ...(overlayMigration ? { overlayMigration } : {}),
    ...(ciliumMigration ? { ciliumMigration } : {}),
    ...(egress !== 'no' ? { egress } : {}),
  };
}
