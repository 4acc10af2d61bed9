/**
 * The findings of the `change/*` rules: their ids, and the messages and fixes for an assessed
 * change of one AKS resource (lib/rules/change/assess.ts). Sensitive values are never shown.
 * No cdktf imports.
 */
import type { Finding, Severity } from '../types';
import type { Assessment, AksKind, Side } from './assess';
import { shown } from './sides';
import type { ForceNewRule, ProviderLine } from './tables';

/** The `change/*` rule ids and their severities. */
export const CHANGE_RULES = {
  'change/cluster-replaced': 'error',
  'change/pool-replaced': 'warning',
  'change/pool-cycled': 'warning',
  'change/rotation-name-missing': 'error',
  'change/network-migration': 'warning',
  'change/egress-changed': 'warning',
  'change/cluster-deleted': 'warning',
  'change/pool-deleted': 'warning',
} as const satisfies Record<string, Severity>;

/** A `change/*` rule id. */
export type ChangeRuleId = keyof typeof CHANGE_RULES;

/** A finding of a `change/*` rule (the rule's severity; `skipped` findings are warnings). */
export function changeFinding(
  id: ChangeRuleId,
  address: string,
  message: string,
  fix: string,
  skipped = false,
): Finding {
  return {
    ruleId: id,
    severity: skipped ? 'warning' : CHANGE_RULES[id],
    address,
    message: `${id}: ${skipped ? 'skipped: ' : ''}${message}`,
    fix,
    ...(skipped ? { skipped: true } : {}),
  };
}

/** Fixes for replacing attributes, by attribute; `was` is the current value as shown. */
const FIXES: Readonly<Record<string, (was: string, line: ProviderLine | undefined) => string>> = {
  'network_profile.network_plugin': (was, line) =>
    line === '4.66'
      ? `keep network_plugin = "${was}"; only kubenet -> azure with network_plugin_mode = "overlay" ` +
        `is migrated in place`
      : `keep network_plugin = "${was}", or migrate kubenet to Azure CNI Overlay in place with ` +
        `azurerm 4.66.0 or later (network_plugin = "azure" and network_plugin_mode = "overlay"), or ` +
        `with \`az aks update --network-plugin azure --network-plugin-mode overlay\` and then the ` +
        `configuration`,
  'network_profile.pod_cidr': (was, line) =>
    line === '4.66'
      ? `keep pod_cidr = "${was}": a pod CIDR that is set cannot change`
      : `keep pod_cidr = "${was}"; azurerm 4.66.0 and later set a pod CIDR on a node-subnet cluster ` +
        `in place (the move to overlay)`,
  'network_profile.network_plugin_mode': (was) =>
    `keep network_plugin_mode = "${was}": Azure CNI Overlay cannot be undone`,
  'network_profile.ip_versions': (was) =>
    `keep ip_versions = ${was}; Azure adds IPv6 in place (\`az aks update --ip-families ipv4,ipv6 ` +
    `--load-balancer-managed-outbound-ipv6-count 1\`) but azurerm replaces the cluster ` +
    `(hashicorp/terraform-provider-azurerm#32814): run the az command, then update the ` +
    `configuration to match`,
  'default_node_pool.name': (was) =>
    `keep default_node_pool.name = "${was}": renaming the default node pool replaces the cluster; ` +
    `add a new System pool instead`,
  'windows_profile.admin_username': (was) =>
    `keep windows_profile.admin_username = "${was}" (it can be set only when the cluster is created)`,
};

/** The fix for a replacing attribute. */
export function replaceFix(
  rule: ForceNewRule | undefined,
  attribute: string,
  was: string,
  line: ProviderLine | undefined,
): string {
  const f = FIXES[rule?.attribute ?? attribute];
  if (f) return f(was, line);
  return (
    `keep ${attribute} = ${JSON.stringify(was)}: AKS cannot change it on an existing resource; ` +
    'for a new value, create a new cluster or pool beside it and move the workloads (blue/green)'
  );
}

/** `attr before -> after` for a message. */
export function changeText(before: Side, after: Side, path: string, unknownText?: string): string {
  return `${path} ${shown(before, path, unknownText)} -> ${shown(after, path, unknownText)}`;
}

/** Where a change is read from: a plan, or a prediction from two configurations (with the provider line). */
export interface ChangeContext {
  readonly address: string;
  readonly kind: AksKind;
  readonly before: Side;
  readonly after: Side;
  /** The provider line whose rules were applied, for a prediction. */
  readonly line?: ProviderLine;
  /** The text for an unknown value: `(known after apply)` in plans, the expression in configurations. */
  readonly unknownText?: string;
}

function poolLabel(c: ChangeContext): string {
  const name =
    c.after.value(c.kind === 'cluster' ? 'default_node_pool.name' : 'name') ??
    c.before.value(c.kind === 'cluster' ? 'default_node_pool.name' : 'name');
  const what = c.kind === 'cluster' ? 'the default node pool' : 'node pool';
  return typeof name === 'string' ? `${what} ${name}` : what;
}

/** Replacement findings of a predicted change (a plan names its replacements itself). */
export function replacementFindings(c: ChangeContext, a: Assessment): Finding[] {
  const id: ChangeRuleId = c.kind === 'cluster' ? 'change/cluster-replaced' : 'change/pool-replaced';
  const what = c.kind === 'cluster' ? 'the cluster' : 'the node pool';
  const line = c.line !== undefined ? ` (azurerm ${c.line === '4.66' ? '4.66+' : c.line} rules)` : '';
  const out: Finding[] = [];
  const sure = a.replaces.filter((r) => r.changed === 'yes');
  if (sure.length > 0) {
    const changes = sure.map((r) => changeText(c.before, c.after, r.rule.attribute, c.unknownText)).join('; ');
    const fixes = sure
      .map((r) => replaceFix(r.rule, r.rule.attribute, shown(c.before, r.rule.attribute), c.line))
      .join('; ');
    out.push(changeFinding(id, c.address, `${what} will be destroyed and recreated${line}: ${changes}`, fixes));
  }
  for (const r of a.replaces.filter((x) => x.changed === 'maybe')) {
    out.push(
      changeFinding(
        id,
        c.address,
        `${changeText(
          c.before,
          c.after,
          r.rule.attribute,
          c.unknownText,
        )} is not known here; if the value changes, ${what} is destroyed and recreated${line}`,
        `${id} did not run on this attribute; review the terraform plan (\`terraform show -json\`) ` +
          `with check, or write ${r.rule.attribute} as a literal`,
        true,
      ),
    );
  }
  return out;
}

/** Cycling, migration and egress findings of an in-place change. */
export function updateFindings(c: ChangeContext, a: Assessment): Finding[] {
  const out: Finding[] = [];
  const sure = a.cycles.filter((x) => x.changed === 'yes');
  const maybe = a.cycles.filter((x) => x.changed === 'maybe');
  const prefix = c.kind === 'cluster' ? 'default_node_pool.' : '';
  const pool = poolLabel(c);
  const name = c.after.value(`${prefix}name`);
  const tmp = `${typeof name === 'string' ? name.slice(0, 9) : 'pool'}tmp`;
  const rotationPath = `${prefix}temporary_name_for_rotation`;
  const changes = (list: typeof sure): string =>
    list.map((x) => changeText(c.before, c.after, x.attribute, c.unknownText)).join('; ');
  if (sure.length > 0 && a.rotationName === 'unset') {
    out.push(
      changeFinding(
        'change/rotation-name-missing',
        c.address,
        `${pool} changes ${sure
          .map((x) => changeText(c.before, c.after, x.attribute, c.unknownText))
          .join('; ')}, which azurerm applies by cycling the pool, and ${rotationPath} is not set: the apply fails`,
        `set ${rotationPath} = "${tmp}" (a free pool name of up to 12 lowercase letters and digits)`,
      ),
    );
  } else if (sure.length > 0) {
    out.push(
      changeFinding(
        'change/pool-cycled',
        c.address,
        `${pool} will be cycled: ${changes(sure)}; the plan says update, but azurerm creates the ` +
          `temporary pool ${shown(c.after, rotationPath)}, deletes and recreates this pool with the new ` +
          'settings (no cordon and drain), then deletes the temporary pool',
        'expect every pod on this pool to be evicted at once: apply in a maintenance window with ' +
          'enough spare capacity, or add a new pool with the new settings and move the workloads ' +
          'before removing this one',
      ),
    );
  }
  if (maybe.length > 0) {
    out.push(
      changeFinding(
        'change/pool-cycled',
        c.address,
        `${maybe
          .map((x) => changeText(c.before, c.after, x.attribute, c.unknownText))
          .join('; ')} may change; if it does, azurerm cycles ${pool}${
          a.rotationName === 'unset' ? ` and, without ${rotationPath}, the apply fails` : ''
        }`,
        `change/pool-cycled did not run on these attributes; set ${rotationPath} and review the ` +
          `terraform plan after the values are known`,
        true,
      ),
    );
  }
  if (a.overlayMigration) {
    const from = a.overlayMigration.from === 'kubenet' ? 'kubenet' : 'Azure CNI in node-subnet mode';
    const notes: string[] = [];
    const podCidr = shown(c.after, 'network_profile.pod_cidr', c.unknownText);
    const policy = c.after.value('network_profile.network_policy');
    if (typeof policy === 'string' && policy !== '')
      notes.push(`Azure requires the network policy (${policy}) to be uninstalled before the upgrade`);
    if (c.after.value('default_node_pool.pod_subnet_id') !== undefined)
      notes.push('dynamic pod IP allocation (pod_subnet_id) cannot be upgraded');
    out.push(
      changeFinding(
        'change/network-migration',
        c.address,
        `the cluster moves from ${from} to Azure CNI Overlay in place: Azure documents the upgrade ` +
          'as irreversible, and it reimages every node pool at the same time' +
          (notes.length ? `; ${notes.join('; ')}` : ''),
        `apply in a maintenance window; make sure the pod CIDR (${podCidr}) overlaps no node subnet, ` +
          'VNet or the service CIDR; the move cannot be undone',
      ),
    );
  }
  if (a.ciliumMigration) {
    out.push(
      changeFinding(
        'change/network-migration',
        c.address,
        'network_profile.network_data_plane moves from azure to cilium in place: every node pool ' +
          'is reimaged, and Cilium replaces the Azure network policy manager or Calico',
        'apply in a maintenance window; Cilium supports no Windows node pools',
      ),
    );
  }
  if (a.egress === 'yes' || a.egress === 'maybe') {
    const text = changeText(c.before, c.after, 'network_profile.outbound_type', c.unknownText);
    out.push(
      changeFinding(
        'change/egress-changed',
        c.address,
        a.egress === 'yes'
          ? `${text}: the change disrupts outbound connectivity and changes the cluster's egress IP address`
          : `${text} may change; if it does, outbound connectivity is disrupted and the egress IP address changes`,
        'update firewall allow-lists and authorized IP ranges that name the old egress address; ' +
          'Azure migrates only between loadBalancer, managedNATGateway (managed VNet), ' +
          'userAssignedNATGateway and userDefinedRouting (custom VNet)',
        a.egress === 'maybe',
      ),
    );
  }
  return out;
}
