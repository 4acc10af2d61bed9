/**
 * Node pool rules of RULES.md (`pool/*`). Pure functions model -> findings; no cdktf imports.
 *
 * A pool's OS is Linux unless `os_type` says otherwise (the default pool is always Linux); its
 * mode is `User` unless `mode` says otherwise (the default pool is always `System`).
 */
import type { ClusterModel, NodePoolModel, PlanModel, VirtualNetworkModel } from '../model';
import { DEFAULT_WINDOWS_OS_SKU } from '../model';
import { clusterOf, effectiveNetwork, poolsOf } from '../model';
import { isUnknown, parseSubnetId, unknown } from '../model';
import type { CheckContext, Finding, Rule } from './types';
import { error, skipped, warning } from './finding';
import { readBoolean, readInteger, readString, show, type Read } from './values';

/** Linux pool names: a lower-case letter, then up to 11 lower-case letters or digits. */
export const LINUX_POOL_NAME_PATTERN = /^[a-z][a-z0-9]{0,11}$/;
/** Windows pool names: as Linux, at most 6 characters. */
export const WINDOWS_POOL_NAME_PATTERN = /^[a-z][a-z0-9]{0,5}$/;
/** The `os_sku` values each `os_type` accepts (RULES.md, pool/os-sku). */
export const OS_SKUS: Readonly<Record<'Linux' | 'Windows', readonly string[]>> = {
  Linux: ['Ubuntu', 'Ubuntu2204', 'AzureLinux', 'AzureLinux3'],
  Windows: ['Windows2019', 'Windows2022'],
};
/** Below this Kubernetes version, `os_sku = AzureLinux` means the retired Azure Linux 2.0. */
export const AZURE_LINUX_3_MIN_VERSION: readonly [number, number] = [1, 32];
/** Windows admin user names Azure rejects. */
export const RESERVED_WINDOWS_ADMIN_NAMES: readonly string[] = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm',
  'admin2', 'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support',
  'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5',
];

/** What a rule knows about an attribute after reading it. */
type Known<T> = { known: true; value: T } | { known: false; finding?: Finding };

/** The pool's OS: `Linux` (default pool, or `os_type` omitted), `Windows`, or another string as written. */
export function poolOs(pool: NodePoolModel): Read<string> {
  if (pool.isDefault) return { kind: 'ok', value: 'Linux' };
  const r = readString(pool.osType);
  return r.kind === 'absent' ? { kind: 'ok', value: 'Linux' } : r;
}

/** The pool's mode: `System` for the default pool, `User` when `mode` is omitted. */
export function poolMode(pool: NodePoolModel): Read<string> {
  if (pool.isDefault) return { kind: 'ok', value: 'System' };
  const r = readString(pool.mode);
  return r.kind === 'absent' ? { kind: 'ok', value: 'User' } : r;
}

function poolLabel(pool: NodePoolModel): string {
  return typeof pool.name === 'string' ? `node pool '${pool.name}'` : pool.isDefault ? 'the default node pool' : `node pool ${pool.address}`;
}

/** Resolves an attribute for a rule: a skipped warning for Unknown, an error for a wrong type. */
function need<T>(rule: Rule, pool: NodePoolModel, attribute: string, r: Read<T>, expected: string): Known<T | undefined> {
  switch (r.kind) {
    case 'absent':
      return { known: true, value: undefined };
    case 'ok':
      return { known: true, value: r.value };
    case 'unknown':
      return { known: false, finding: skipped(rule, pool, attribute, r.unknown) };
    case 'wrong-type':
      return { known: false, finding: error(rule, pool, `${attribute} of ${poolLabel(pool)} is ${show(r.value)}, not ${expected}`, `set ${attribute} to ${expected}`) };
  }
}

/** A pool name fixed up: lower case, letters and digits, starting with a letter, at most `max` characters. */
function suggestPoolName(name: string, max: number): string {
  const s = name.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^[0-9]+/, '');
  return (s === '' ? 'pool' : s).slice(0, max);
}

const poolName: Rule = {
  id: 'pool/name',
  severity: 'error',
  description: 'node pool names are ^[a-z][a-z0-9]{0,11}$ (Linux) or at most 6 such characters (Windows)',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      const name = readString(pool.name);
      if (name.kind === 'absent') return [error(poolName, pool, `${poolLabel(pool)} has no name`, `set name, e.g. '${pool.isDefault ? 'system' : 'user'}'`)];
      if (name.kind === 'unknown') return [skipped(poolName, pool, 'name', name.unknown)];
      if (name.kind === 'wrong-type') return [error(poolName, pool, `node pool name is ${show(name.value)}, not a string`, "set name to a string such as 'user'")];
      const os = poolOs(pool);
      const v = name.value;
      if (!LINUX_POOL_NAME_PATTERN.test(v)) {
        const max = os.kind === 'ok' && os.value === 'Windows' ? 6 : 12;
        return [error(poolName, pool, `node pool name '${v}' is not a lower-case letter followed by lower-case letters or digits, 1-${max} characters`, `use a name such as '${suggestPoolName(v, max)}'`)];
      }
      if (WINDOWS_POOL_NAME_PATTERN.test(v)) return [];
      if (os.kind === 'unknown') return [skipped(poolName, pool, 'os_type', os.unknown)];
      if (os.kind === 'ok' && os.value === 'Windows') {
        return [error(poolName, pool, `Windows node pool name '${v}' has ${v.length} characters; Windows pool names have at most 6`, `use a name of at most 6 characters, e.g. '${suggestPoolName(v, 6)}'`)];
      }
      return [];
    }),
};

const poolNameUnique: Rule = {
  id: 'pool/name-unique',
  severity: 'error',
  description: 'node pool names are unique within a cluster',
  check: (model) =>
    model.clusters.flatMap((cluster) => {
      const seen = new Map<string, NodePoolModel>();
      const out: Finding[] = [];
      for (const pool of poolsOf(cluster)) {
        if (typeof pool.name !== 'string') continue;
        const key = pool.name.toLowerCase();
        const first = seen.get(key);
        if (first) {
          out.push(error(poolNameUnique, pool, `node pool name '${pool.name}' is already used by ${first.address} in cluster ${cluster.address}`, `rename this pool, e.g. '${suggestPoolName(`${pool.name.slice(0, 10)}2`, 12)}'`));
        } else {
          seen.set(key, pool);
        }
      }
      return out;
    }),
};

/** What identifies the VNet of a pool's subnet: its document address, and/or its resource group and name. */
interface VnetIdentity {
  readonly address?: string;
  readonly resourceGroup?: string;
  readonly name?: string;
  /** How messages show it. */
  readonly label: string;
}

function identityOf(pool: NodePoolModel, subnetId: string): VnetIdentity | undefined {
  const vnet: VirtualNetworkModel | undefined = pool.subnet?.virtualNetwork;
  const key = pool.subnet?.virtualNetworkKey;
  const parsed = parseSubnetId(subnetId);
  if (vnet && !vnet.external) {
    return { address: vnet.address, ...(typeof vnet.name === 'string' ? { name: vnet.name } : {}), label: vnet.address };
  }
  if (parsed) {
    const rg = /\/resourceGroups\/([^/]+)\//i.exec(parsed.vnetId)?.[1];
    return { resourceGroup: rg, name: parsed.vnetName, label: parsed.vnetId };
  }
  if (key !== undefined) {
    // a document subnet naming its VNet by a literal name: `resourceGroups/<rg>/virtualNetworks/<name>` or `virtualNetworks/<name>`
    const m = /^(?:resourceGroups\/([^/]+)\/)?virtualNetworks\/([^/]+)$/.exec(key);
    if (m) return { resourceGroup: m[1], name: m[2], label: key };
    return { address: key, label: key };
  }
  return undefined;
}

/** Same VNet (true), different (false), or not decidable from what the document says (undefined). */
function sameVnet(a: VnetIdentity, b: VnetIdentity): boolean | undefined {
  if (a.address !== undefined && b.address !== undefined) return a.address === b.address;
  if (a.name === undefined || b.name === undefined) return undefined;
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return a.resourceGroup !== undefined && b.resourceGroup !== undefined ? false : undefined;
  if (a.resourceGroup !== undefined && b.resourceGroup !== undefined) return a.resourceGroup.toLowerCase() === b.resourceGroup.toLowerCase();
  return a.address === undefined && b.address === undefined ? true : undefined;
}

/** The VNet of a pool's subnet, or why it cannot be said. */
function vnetOf(pool: NodePoolModel): { kind: 'none' } | { kind: 'vnet'; vnet: VnetIdentity } | { kind: 'unknown'; finding: Finding } {
  const id = readString(pool.vnetSubnetId);
  if (id.kind === 'absent') return { kind: 'none' };
  if (id.kind === 'unknown') return { kind: 'unknown', finding: skipped(poolSubnetVnet, pool, 'vnet_subnet_id', id.unknown) };
  if (id.kind === 'wrong-type') {
    return { kind: 'unknown', finding: error(poolSubnetVnet, pool, `vnet_subnet_id of ${poolLabel(pool)} is ${show(id.value)}, not a subnet ID`, 'set vnet_subnet_id to a subnet ID, e.g. "${azurerm_subnet.nodes.id}"') };
  }
  const vnet = identityOf(pool, id.value);
  if (vnet === undefined) return { kind: 'unknown', finding: skipped(poolSubnetVnet, pool, 'the virtual network of vnet_subnet_id', unknown(id.value, 'a subnet whose virtual network this document does not name')) };
  return { kind: 'vnet', vnet };
}

const poolSubnetVnet: Rule = {
  id: 'pool/subnet-vnet',
  severity: 'error',
  description: "every pool's subnet lies in the VNet of the default pool's subnet; pools name a subnet only when the default pool does",
  check: (model) =>
    model.clusters.flatMap((cluster) => {
      const def = cluster.defaultNodePool;
      if (!def) return [];
      const others = cluster.nodePools.filter((p) => p.vnetSubnetId !== undefined);
      if (others.length === 0) return [];
      const defVnet = vnetOf(def);
      if (defVnet.kind === 'unknown') return [defVnet.finding];
      const out: Finding[] = [];
      for (const pool of others) {
        if (defVnet.kind === 'none') {
          out.push(error(poolSubnetVnet, pool, `${poolLabel(pool)} names subnet ${show(pool.vnetSubnetId)} but the default node pool of ${cluster.address} has no vnet_subnet_id (it uses the AKS-managed VNet)`, 'set default_node_pool.vnet_subnet_id to a subnet of the same VNet, or remove vnet_subnet_id from this pool'));
          continue;
        }
        const v = vnetOf(pool);
        if (v.kind === 'none') continue;
        if (v.kind === 'unknown') {
          out.push(v.finding);
          continue;
        }
        const same = sameVnet(v.vnet, defVnet.vnet);
        if (same === false) {
          out.push(error(poolSubnetVnet, pool, `${poolLabel(pool)} uses subnet ${show(pool.vnetSubnetId)} in VNet ${v.vnet.label}, but the default node pool's subnet is in VNet ${defVnet.vnet.label}`, `use a subnet of VNet ${defVnet.vnet.label} for this pool`));
        } else if (same === undefined) {
          out.push(skipped(poolSubnetVnet, pool, 'the virtual network of vnet_subnet_id', unknown(v.vnet.label, `the document does not say whether it is the default pool's VNet ${defVnet.vnet.label}`)));
        }
      }
      return out;
    }),
};

const systemLinux: Rule = {
  id: 'pool/system-linux',
  severity: 'error',
  description: 'a System pool is Linux; the default pool is always Linux and System',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      if (pool.isDefault) {
        // default_node_pool has no os_type or mode in azurerm: only a Windows os_sku can make it non-Linux
        if (typeof pool.osSku === 'string' && pool.osSku.startsWith('Windows')) {
          return [error(systemLinux, pool, `the default node pool has os_sku '${pool.osSku}'; it is always Linux`, "use a Linux os_sku such as 'Ubuntu' or 'AzureLinux3', and add Windows nodes as a separate node pool")];
        }
        return [];
      }
      const mode = poolMode(pool);
      const os = poolOs(pool);
      const isSystem = mode.kind === 'ok' && mode.value === 'System';
      const isWindows = os.kind === 'ok' && os.value === 'Windows';
      if (isSystem && isWindows) {
        return [error(systemLinux, pool, `${poolLabel(pool)} is a System pool with os_type 'Windows'; System pools are Linux`, "set mode = 'User' for the Windows pool")];
      }
      if (isSystem && os.kind === 'unknown') return [skipped(systemLinux, pool, 'os_type', os.unknown)];
      if (isWindows && mode.kind === 'unknown') return [skipped(systemLinux, pool, 'mode', mode.unknown)];
      return [];
    }),
};

const osSku: Rule = {
  id: 'pool/os-sku',
  severity: 'error',
  description: 'os_sku fits os_type: Linux Ubuntu, Ubuntu2204, AzureLinux, AzureLinux3; Windows Windows2019, Windows2022',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      const os = poolOs(pool);
      const out: Finding[] = [];
      if (os.kind === 'wrong-type' || (os.kind === 'ok' && os.value !== 'Linux' && os.value !== 'Windows')) {
        const v = os.kind === 'ok' ? os.value : os.value;
        out.push(error(osSku, pool, `${poolLabel(pool)} has os_type ${show(v)}; it must be 'Linux' or 'Windows'`, "set os_type = 'Linux' or 'Windows'"));
        return out;
      }
      const sku = readString(pool.osSku);
      if (sku.kind === 'absent') return out;
      if (sku.kind === 'unknown') return [skipped(osSku, pool, 'os_sku', sku.unknown)];
      if (sku.kind === 'wrong-type') return [error(osSku, pool, `os_sku of ${poolLabel(pool)} is ${show(sku.value)}, not a string`, "set os_sku to a string such as 'AzureLinux3'")];
      const all = [...OS_SKUS.Linux, ...OS_SKUS.Windows];
      if (os.kind === 'unknown') {
        return all.includes(sku.value) ? [skipped(osSku, pool, 'os_type', os.unknown)] : [error(osSku, pool, `os_sku '${sku.value}' of ${poolLabel(pool)} is not one of ${all.join(', ')}`, 'use one of the listed os_sku values')];
      }
      if (os.kind !== 'ok') return out;
      const family = os.value as 'Linux' | 'Windows';
      // a Windows os_sku on the default pool is pool/system-linux's finding (the default pool is always Linux)
      if (pool.isDefault && OS_SKUS.Windows.includes(sku.value)) return out;
      if (!OS_SKUS[family].includes(sku.value)) {
        const suggestion = family === 'Windows' ? DEFAULT_WINDOWS_OS_SKU : 'AzureLinux3';
        return [error(osSku, pool, `os_sku '${sku.value}' of ${poolLabel(pool)} does not fit os_type ${family} (${OS_SKUS[family].join(', ')})`, `use os_sku = '${suggestion}'`)];
      }
      return out;
    }),
};

/** `1.31.2` -> [1, 31]; undefined when the text is not a version. */
export function majorMinor(version: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function versionBelow(v: [number, number], min: readonly [number, number]): boolean {
  return v[0] < min[0] || (v[0] === min[0] && v[1] < min[1]);
}

const azureLinux2: Rule = {
  id: 'pool/azure-linux-2-retired',
  severity: 'error',
  description: 'os_sku AzureLinux on Kubernetes below 1.32 is the retired Azure Linux 2.0',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      if (pool.osSku !== 'AzureLinux') return [];
      // on a Windows pool the Linux os_sku itself is the problem: pool/os-sku reports it
      const os = poolOs(pool);
      if (os.kind === 'ok' && os.value === 'Windows') return [];
      // The pool's own orchestrator_version wins; otherwise the cluster's kubernetes_version. When
      // neither is set Azure picks its current default version, which is >= 1.32: nothing to report.
      let attribute = 'orchestrator_version';
      let raw: unknown = pool.orchestratorVersion;
      if (raw === undefined) {
        const cluster = clusterOf(model, pool);
        if (!cluster) return [];
        attribute = `kubernetes_version of ${cluster.address}`;
        raw = cluster.kubernetesVersion;
      }
      const r = readString(raw);
      if (r.kind === 'unknown') return [skipped(azureLinux2, pool, attribute, r.unknown)];
      if (r.kind !== 'ok') return []; // absent: Azure's default; wrong type: cluster/kubernetes-version reports it
      const v = majorMinor(r.value);
      if (!v || !versionBelow(v, AZURE_LINUX_3_MIN_VERSION)) return [];
      return [error(azureLinux2, pool, `${poolLabel(pool)} uses os_sku 'AzureLinux' on Kubernetes ${r.value} (${attribute}), which is Azure Linux 2.0: out of support since 30 Nov 2025, no node images since 31 Mar 2026`, `set os_sku = 'AzureLinux3', or use Kubernetes ${AZURE_LINUX_3_MIN_VERSION.join('.')} or later`)];
    }),
};

const windows2019: Rule = {
  id: 'pool/windows-2019-retired',
  severity: 'error',
  description: 'os_sku Windows2019 is retired (1 Mar 2026) and unavailable from Kubernetes 1.33',
  check: (model) =>
    model.nodePools
      // on a Linux pool (the default pool included) the Windows os_sku itself is the problem: pool/os-sku
      // or pool/system-linux report it
      .filter((pool) => {
        if (pool.osSku !== 'Windows2019') return false;
        const os = poolOs(pool);
        return !(os.kind === 'ok' && os.value === 'Linux');
      })
      .map((pool) => error(windows2019, pool, `${poolLabel(pool)} uses os_sku 'Windows2019', retired on 1 Mar 2026 and unavailable from Kubernetes 1.33`, `set os_sku = '${DEFAULT_WINDOWS_OS_SKU}'`)),
};

const maxPods: Rule = {
  id: 'pool/max-pods',
  severity: 'error',
  description: 'max_pods is 10-250, at least 30 on a System pool; above 110 on Windows is a warning',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      const r = need(maxPods, pool, 'max_pods', readInteger(pool.maxPods), 'a whole number from 10 to 250');
      if (!r.known) return r.finding ? [r.finding] : [];
      const v = r.value;
      if (v === undefined) return [];
      if (v < 10 || v > 250) {
        return [error(maxPods, pool, `max_pods ${v} of ${poolLabel(pool)} is outside 10-250`, `set max_pods to ${v < 10 ? 10 : 250} (10-250)`)];
      }
      const out: Finding[] = [];
      const mode = poolMode(pool);
      if (v < 30) {
        if (mode.kind === 'ok' && mode.value === 'System') {
          out.push(error(maxPods, pool, `max_pods ${v} of System ${poolLabel(pool)} is below 30`, 'set max_pods to at least 30 on System pools'));
        } else if (mode.kind === 'unknown') {
          out.push(skipped(maxPods, pool, 'mode', mode.unknown));
        }
      }
      if (v > 110) {
        const os = poolOs(pool);
        if (os.kind === 'ok' && os.value === 'Windows') {
          out.push(warning(maxPods, pool, `max_pods ${v} of Windows ${poolLabel(pool)} is above 110, more than Windows nodes run reliably`, 'set max_pods to 110 or less on Windows pools'));
        } else if (os.kind === 'unknown') {
          out.push(skipped(maxPods, pool, 'os_type', os.unknown));
        }
      }
      return out;
    }),
};

const counts: Rule = {
  id: 'pool/counts',
  severity: 'error',
  description: 'node_count 1-1000 (default pool) or 0-1000; with autoscaling min <= node_count <= max, both set; without, neither set',
  check: (model) =>
    model.nodePools.flatMap((pool): Finding[] => {
      const label = poolLabel(pool);
      const auto = readBoolean(pool.autoScalingEnabled);
      if (auto.kind === 'unknown') return [skipped(counts, pool, 'auto_scaling_enabled', auto.unknown)];
      if (auto.kind === 'wrong-type') return [error(counts, pool, `auto_scaling_enabled of ${label} is ${show(auto.value)}, not true or false`, 'set auto_scaling_enabled = true or false')];
      const expected = 'a whole number from 0 to 1000';
      const reads = {
        node_count: need(counts, pool, 'node_count', readInteger(pool.nodeCount), expected),
        min_count: need(counts, pool, 'min_count', readInteger(pool.minCount), expected),
        max_count: need(counts, pool, 'max_count', readInteger(pool.maxCount), expected),
      };
      const out: Finding[] = [];
      // errors for values of the wrong type; otherwise one skipped-rule warning for the first Unknown
      const stops = Object.values(reads).flatMap((r) => (!r.known && r.finding ? [r.finding] : []));
      const errors = stops.filter((f) => !f.skipped);
      if (stops.length > 0) return errors.length > 0 ? errors : [stops[0]];
      const value = (k: keyof typeof reads) => {
        const r = reads[k];
        return r.known ? r.value : undefined;
      };
      const nodeCount = value('node_count');
      const minCount = value('min_count');
      const maxCount = value('max_count');
      const low = pool.isDefault ? 1 : 0;
      const nodeCountOutOfRange = nodeCount !== undefined && (nodeCount < low || nodeCount > 1000);
      if (nodeCount !== undefined && nodeCountOutOfRange) {
        out.push(error(counts, pool, `node_count ${nodeCount} of ${label} is outside ${low}-1000`, `set node_count to ${Math.min(Math.max(nodeCount, low), 1000)}${pool.isDefault ? ' (the default pool needs at least 1 node)' : ''}`));
      }
      for (const [k, v] of [['min_count', minCount], ['max_count', maxCount]] as const) {
        if (v !== undefined && (v < low || v > 1000)) {
          out.push(error(counts, pool, `${k} ${v} of ${label} is outside ${low}-1000`, `set ${k} to ${Math.min(Math.max(v, low), 1000)}`));
        }
      }
      const autoscaling = auto.kind === 'ok' && auto.value;
      if (!autoscaling) {
        const set = (['min_count', 'max_count'] as const).filter((k) => value(k) !== undefined);
        if (set.length > 0) {
          out.push(error(counts, pool, `${label} sets ${set.join(' and ')} without auto_scaling_enabled = true`, `set auto_scaling_enabled = true, or remove ${set.join(' and ')}`));
        }
        return out;
      }
      if (minCount === undefined || maxCount === undefined) {
        const missing = [minCount === undefined ? 'min_count' : undefined, maxCount === undefined ? 'max_count' : undefined].filter((x) => x);
        out.push(error(counts, pool, `${label} has auto_scaling_enabled = true but no ${missing.join(' or ')}`, `set both min_count and max_count, e.g. min_count = ${nodeCount ?? Math.max(low, 1)}, max_count = ${Math.max(nodeCount ?? 0, 5)}`));
        return out;
      }
      if (minCount > maxCount) {
        out.push(error(counts, pool, `min_count ${minCount} of ${label} is greater than max_count ${maxCount}`, `set min_count <= max_count, e.g. min_count = ${maxCount}`));
      } else if (nodeCount !== undefined && !nodeCountOutOfRange && (nodeCount < minCount || nodeCount > maxCount)) {
        out.push(error(counts, pool, `node_count ${nodeCount} of ${label} is outside min_count ${minCount} - max_count ${maxCount}`, `set node_count to ${Math.min(Math.max(nodeCount, minCount), maxCount)}, or widen min_count/max_count`));
      }
      return out;
    }),
};

/** The Windows pools of a cluster, plus a skipped-rule warning for each pool whose os_type is unknown. */
function windowsPools(rule: Rule, cluster: ClusterModel): { pools: NodePoolModel[]; skips: Finding[] } {
  const pools: NodePoolModel[] = [];
  const skips: Finding[] = [];
  for (const pool of poolsOf(cluster)) {
    const os = poolOs(pool);
    if (os.kind === 'ok' && os.value === 'Windows') pools.push(pool);
    else if (os.kind === 'unknown') skips.push(skipped(rule, pool, 'os_type', os.unknown));
  }
  return { pools, skips };
}

const windowsNeedsAzureCni: Rule = {
  id: 'pool/windows-needs-azure-cni',
  severity: 'error',
  description: 'Windows pools need network_plugin = azure (overlay or node-subnet)',
  check: (model) =>
    model.clusters.flatMap((cluster) => {
      const { pools, skips } = windowsPools(windowsNeedsAzureCni, cluster);
      if (pools.length === 0) return skips;
      const plugin = effectiveNetwork(cluster).plugin;
      if (isUnknown(plugin)) return [...skips, skipped(windowsNeedsAzureCni, cluster, 'network_profile.network_plugin', plugin)];
      if (plugin === 'azure') return skips;
      return [
        ...skips,
        ...pools.map((pool) => error(windowsNeedsAzureCni, pool, `Windows ${poolLabel(pool)} is in cluster ${cluster.address} with network_plugin '${String(plugin)}'; Windows nodes need Azure CNI`, "set network_profile.network_plugin = 'azure' with network_plugin_mode = 'overlay'")),
      ];
    }),
};

/** Windows admin passwords: 14-123 characters. */
export const WINDOWS_PASSWORD_LENGTH: readonly [number, number] = [14, 123];

const windowsProfile: Rule = {
  id: 'pool/windows-profile',
  severity: 'error',
  description: 'a cluster with a Windows pool sets windows_profile: an admin username and a 14-123 character password from a sensitive variable',
  check: (model) =>
    model.clusters.flatMap((cluster): Finding[] => {
      const { pools, skips } = windowsPools(windowsProfile, cluster);
      const wp = cluster.windowsProfile;
      const out: Finding[] = [];
      if (!wp) {
        if (pools.length > 0) {
          out.push(error(windowsProfile, cluster, `cluster ${cluster.address} has Windows ${poolLabel(pools[0])} but no windows_profile`, 'add windows_profile { admin_username = "azureadmin", admin_password = var.windows_admin_password } with a sensitive variable of 14-123 characters'));
        } else {
          out.push(...skips);
        }
        return out;
      }
      // A literal password is a secret in the document whether or not a Windows pool uses it.
      const user = readString(wp.adminUsername);
      if (user.kind === 'absent' || (user.kind === 'ok' && user.value.trim() === '')) {
        out.push(error(windowsProfile, cluster, `windows_profile of ${cluster.address} has no admin_username`, "set windows_profile.admin_username, e.g. 'azureadmin'"));
      } else if (user.kind === 'wrong-type') {
        out.push(error(windowsProfile, cluster, `windows_profile.admin_username is ${show(user.value)}, not a string`, "set admin_username to a string such as 'azureadmin'"));
      } else if (user.kind === 'ok') {
        const u = user.value;
        if (u.length > 20 || u.endsWith('.') || RESERVED_WINDOWS_ADMIN_NAMES.includes(u.toLowerCase())) {
          out.push(error(windowsProfile, cluster, `windows_profile.admin_username '${u}' is ${u.length > 20 ? 'longer than 20 characters' : u.endsWith('.') ? "ending in '.'" : 'a name Azure reserves'}`, "use a name such as 'azureadmin' (at most 20 characters, not a reserved name like 'admin' or 'administrator')"));
        }
      }
      const pw = wp.adminPassword;
      const [min, max] = WINDOWS_PASSWORD_LENGTH;
      const fromVariable = `pass admin_password from a sensitive variable (TerraformVariable { sensitive: true }) of ${min}-${max} characters`;
      if (pw === undefined) {
        out.push(error(windowsProfile, cluster, `windows_profile of ${cluster.address} has no admin_password`, fromVariable));
      } else if (typeof pw === 'string') {
        const length = [...pw].length;
        const lengthNote = length < min || length > max ? `, and its ${length} characters are outside ${min}-${max}` : '';
        out.push(error(windowsProfile, cluster, `windows_profile.admin_password of ${cluster.address} is a literal in the document (${length} characters; the value is not shown)${lengthNote}: the secret would be stored in plain text`, fromVariable));
      } else if (!isUnknown(pw)) {
        out.push(error(windowsProfile, cluster, `windows_profile.admin_password of ${cluster.address} is a ${typeof pw}, not a string from a sensitive variable (the value is not shown)`, fromVariable));
      }
      return out;
    }),
};

/** The feature a Windows pool in a dual-stack cluster needed, as `Namespace/Feature`. */
export const WINDOWS_DUAL_STACK_FEATURE = 'Microsoft.ContainerService/AzureOverlayDualStackPreview';

/** True when the document registers `feature` (`Namespace/Feature`), or the context says it is registered. */
export function featureRegistered(model: PlanModel, context: CheckContext, feature: string): boolean {
  const wanted = feature.toLowerCase();
  if ((context.registeredFeatures ?? []).some((f) => typeof f === 'string' && f.toLowerCase() === wanted)) return true;
  return model.featureRegistrations.some((r) =>
    typeof r.providerNamespace === 'string' && typeof r.feature === 'string' &&
    `${r.providerNamespace}/${r.feature}`.toLowerCase() === wanted &&
    (r.registered === true || r.registered === 'true'));
}

const windowsDualStackPreview: Rule = {
  id: 'pool/windows-dual-stack-preview',
  severity: 'warning',
  description: 'a Windows pool in a dual-stack cluster needs the AzureOverlayDualStackPreview feature of Microsoft.ContainerService',
  check: (model, context) =>
    model.clusters.flatMap((cluster): Finding[] => {
      const { pools, skips } = windowsPools(windowsDualStackPreview, cluster);
      if (pools.length === 0) return skips;
      const dualStack = effectiveNetwork(cluster).dualStack;
      if (isUnknown(dualStack)) return [...skips, skipped(windowsDualStackPreview, cluster, 'network_profile.ip_versions', dualStack)];
      if (dualStack !== true || featureRegistered(model, context, WINDOWS_DUAL_STACK_FEATURE)) return skips;
      const [ns, feature] = WINDOWS_DUAL_STACK_FEATURE.split('/');
      return [
        ...skips,
        ...pools.map((pool) => warning(windowsDualStackPreview, pool, `Windows ${poolLabel(pool)} is in dual-stack cluster ${cluster.address}, but the stack does not register the ${feature} feature of ${ns}`, `register it: azurerm_resource_provider_registration { name = "${ns}", feature { name = "${feature}", registered = true } }, or pass registeredFeatures: ['${WINDOWS_DUAL_STACK_FEATURE}'] in the check context if it is registered already`)),
      ];
    }),
};

/** The pool/* rules, in catalogue order. */
export const poolRules: Rule[] = [
  poolName, poolNameUnique, poolSubnetVnet, systemLinux, windowsNeedsAzureCni, windowsProfile, osSku, azureLinux2, windows2019,
  maxPods, counts, windowsDualStackPreview,
];
