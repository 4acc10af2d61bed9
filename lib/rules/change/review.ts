/**
 * `reviewPlanChanges(plan)`: the `change/*` findings of a `terraform show -json` plan's
 * `resource_changes` for AKS clusters and node pools: replacements (with each `replace_paths`
 * attribute and its before and after values), deletions, and the updates the plan shows as a
 * plain `update` although the provider cycles a node pool, fails without
 * `temporary_name_for_rotation`, migrates the network in place or changes egress.
 * Sensitive values are never shown. No cdktf imports.
 */
import type { PlanChange, PlanResourceChange } from '../../model/plan';
import type { Finding } from '../types';
import { assess, type AksKind } from './assess';
import { changeFinding, replaceFix, updateFindings, type ChangeContext } from './findings';
import { planSide, shown } from './sides';
import { FORCE_NEW, providerLine, type ProviderLine } from './tables';

const KINDS: Readonly<Record<string, AksKind>> = {
  azurerm_kubernetes_cluster: 'cluster',
  azurerm_kubernetes_cluster_node_pool: 'pool',
};

const REASONS: Readonly<Record<string, string>> = {
  replace_because_tainted: 'the object is tainted',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'replace_triggered_by names a changed resource',
  replace_because_cannot_update: 'an attribute cannot be updated in place',
  delete_because_no_resource_config: 'it is no longer in the configuration',
  delete_because_count_index: 'its count index is gone',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'count / for_each was added or removed',
};

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `["network_profile", 0, "service_cidr"]` -> `network_profile.service_cidr` (block indexes dropped). */
function pathText(path: readonly unknown[]): string {
  return path.filter((s) => typeof s === 'string').join('.');
}

/** The azurerm provider line a plan's configuration pins, if it names a version. */
function planLine(plan: Record<string, unknown>): ProviderLine | undefined {
  const configs = (
    plan.configuration as
      { provider_config?: Record<string, { name?: string; version_constraint?: string }> } | undefined
  )?.provider_config;
  const azurerm = Object.values(configs ?? {}).find(
    (c) => isObj(c) && c.name === 'azurerm' && typeof c.version_constraint === 'string',
  );
  return providerLine(azurerm?.version_constraint);
}

function replacement(
  rc: PlanResourceChange,
  change: PlanChange,
  kind: AksKind,
  address: string,
  line: ProviderLine | undefined,
): Finding {
  const before = planSide(change.before, undefined, change.before_sensitive);
  const after = planSide(change.after, change.after_unknown, change.after_sensitive);
  const id = kind === 'cluster' ? 'change/cluster-replaced' : 'change/pool-replaced';
  const what = kind === 'cluster' ? 'the cluster' : 'the node pool';
  const order = change.actions?.[0] === 'create' ? ' (a new one is created first: create_before_destroy)' : '';
  const paths = (change.replace_paths ?? [])
    .filter(Array.isArray)
    .map(pathText)
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  if (paths.length === 0) {
    const reason =
      (typeof rc.action_reason === 'string'
        ? (REASONS[rc.action_reason] ?? `reason ${rc.action_reason}`)
        : undefined) ?? 'no attribute named by the plan';
    return changeFinding(
      id,
      address,
      `${what} will be destroyed and recreated${order}: ${reason}`,
      rc.action_reason === 'replace_by_request' || rc.action_reason === 'replace_because_tainted'
        ? `if this is intended, approve it knowing ${what} and its workloads are recreated; ` +
            `otherwise \`terraform untaint\` or drop -replace`
        : `find what forces the replacement in the plan; ${what} and its workloads are recreated`,
    );
  }
  const rules = FORCE_NEW[line ?? '4.55'][kind];
  const changes = paths.map((p) => `${p} ${shown(before, p)} -> ${shown(after, p)}`).join('; ');
  const fixes = paths
    .map((p) =>
      replaceFix(
        rules.find((r) => r.attribute === p),
        p,
        shown(before, p),
        line,
      ),
    )
    .join('; ');
  return changeFinding(id, address, `${what} will be destroyed and recreated${order}: ${changes}`, fixes);
}

/**
 * Reviews the AKS resource changes of a plan.
 * @param plan the parsed `terraform show -json` output (anything else gives no findings)
 * @returns findings in `resource_changes` order
 */
export function reviewPlanChanges(plan: unknown): Finding[] {
  if (!isObj(plan) || !Array.isArray(plan.resource_changes)) return [];
  const line = planLine(plan);
  const out: Finding[] = [];
  for (const raw of plan.resource_changes as unknown[]) {
    if (!isObj(raw)) continue;
    const rc = raw as PlanResourceChange;
    if (rc.mode === 'data' || rc.deposed !== undefined || !isObj(rc.change)) continue;
    const kind = typeof rc.type === 'string' ? KINDS[rc.type] : undefined;
    if (kind === undefined) continue;
    const address = typeof rc.address === 'string' ? rc.address : `${rc.type}.${rc.name}`;
    const change = rc.change as PlanChange;
    const actions = Array.isArray(change.actions) ? change.actions : [];
    if (actions.includes('delete') && actions.includes('create')) {
      out.push(replacement(rc, change, kind, address, line));
    } else if (actions.includes('delete')) {
      const reason = typeof rc.action_reason === 'string' ? REASONS[rc.action_reason] : undefined;
      out.push(
        changeFinding(
          kind === 'cluster' ? 'change/cluster-deleted' : 'change/pool-deleted',
          address,
          `${kind === 'cluster' ? 'the cluster' : 'the node pool'} will be deleted${reason ? `: ${reason}` : ''}`,
          kind === 'cluster'
            ? 'if this is not intended, restore the cluster in the configuration; its workloads and ' +
                'their data on the cluster are lost'
            : 'if this is not intended, restore the pool in the configuration; its workloads must ' +
                'fit on the remaining pools',
        ),
      );
    } else if (actions.length === 1 && actions[0] === 'update') {
      const c: ChangeContext = {
        address,
        kind,
        before: planSide(change.before, undefined, change.before_sensitive),
        after: planSide(change.after, change.after_unknown, change.after_sensitive),
      };
      out.push(...updateFindings(c, assess(kind, c.before, c.after, line ?? '4.55', false)));
    }
  }
  return out;
}
