/**
 * Hand-written `terraform show -json` plans for tests, following the documented format
 * (hashicorp/terraform website/docs/internals/json-format.mdx, "Plan Representation"):
 * `planned_values` (the state after apply, unknown values omitted), `resource_changes` (before,
 * after, after_unknown, *_sensitive, replace_paths, action_reason) and `configuration`.
 */
import { merge, type JsonObject } from './tf';

/** A secret that must never appear in any output. */
export const SECRET = 'S3cr3t-kube-config-0123456789';
const SUBNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network' +
  '/virtualNetworks/vnet/subnets/nodes';

/** The state of an overlay cluster as azurerm 4.x writes it (blocks are lists of objects). */
export function clusterState(overrides: JsonObject = {}): JsonObject {
  const base: JsonObject = {
    name: 'aks',
    location: 'westeurope',
    resource_group_name: 'rg',
    dns_prefix: 'aks',
    kubernetes_version: '1.30',
    default_node_pool: [
      {
        name: 'system',
        vm_size: 'Standard_D2s_v5',
        node_count: 3,
        max_pods: 250,
        os_sku: 'Ubuntu',
        zones: ['1', '2', '3'],
        vnet_subnet_id: SUBNET_ID,
        temporary_name_for_rotation: 'systemtmp',
        os_disk_size_gb: 128,
      },
    ],
    network_profile: [
      {
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        pod_cidr: '10.244.0.0/16',
        service_cidr: '10.0.0.0/16',
        dns_service_ip: '10.0.0.10',
        load_balancer_sku: 'standard',
        outbound_type: 'loadBalancer',
        ip_versions: ['IPv4'],
        network_data_plane: 'azure',
        network_policy: null,
      },
    ],
    kube_config_raw: SECRET,
  };
  return mergeBlocks(base, overrides);
}

/** The state of a node pool resource. */
export function poolState(overrides: JsonObject = {}): JsonObject {
  return mergeBlocks(
    {
      name: 'user',
      kubernetes_cluster_id:
        '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks',
      vm_size: 'Standard_D4s_v5',
      node_count: 2,
      mode: 'User',
      os_type: 'Linux',
      os_sku: 'Ubuntu',
      max_pods: 250,
      vnet_subnet_id: SUBNET_ID,
      temporary_name_for_rotation: 'usertmp',
    },
    overrides,
  );
}

/** Merges overrides into a state; `{ network_profile: {...} }` merges into the block's first element. */
export function mergeBlocks(base: JsonObject, overrides: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    const cur = out[k];
    if (v === undefined) delete out[k];
    else if (Array.isArray(cur) && cur.length === 1 && typeof v === 'object' && v !== null && !Array.isArray(v))
      out[k] = [merge(cur[0] as JsonObject, v as JsonObject)];
    else out[k] = v;
  }
  return out;
}

/** One resource change. */
export interface ChangeSpec {
  readonly address: string;
  readonly actions: string[];
  readonly before?: JsonObject | null;
  readonly after?: JsonObject | null;
  readonly afterUnknown?: JsonObject;
  readonly beforeSensitive?: JsonObject | false;
  readonly afterSensitive?: JsonObject | false;
  readonly replacePaths?: (string | number)[][];
  readonly actionReason?: string;
}

/** The sensitive mask of a cluster's state (its raw kube config). */
export const CLUSTER_SENSITIVE: JsonObject = { kube_config_raw: true };

function typeAndName(address: string): { type: string; name: string; module?: string } {
  const parts = address.split('.');
  const module = parts.length > 2 ? parts.slice(0, -2).join('.') : undefined;
  return { type: parts[parts.length - 2], name: parts[parts.length - 1], ...(module ? { module } : {}) };
}

/** A plan with the given changes; `planned_values` hold every `after` of a change that is not a delete. */
export function planOf(changes: readonly ChangeSpec[], extra: JsonObject = {}): JsonObject {
  const resources = changes
    .filter((c) => !(c.actions.length === 1 && c.actions[0] === 'delete'))
    .map((c) => {
      const { type, name } = typeAndName(c.address);
      return {
        address: c.address,
        mode: 'managed',
        type,
        name,
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        schema_version: 0,
        values: c.after ?? {},
        sensitive_values: c.afterSensitive || {},
      };
    });
  return {
    format_version: '1.2',
    terraform_version: '1.9.4',
    planned_values: { root_module: { resources } },
    resource_changes: changes.map((c) => {
      const { type, name, module } = typeAndName(c.address);
      return {
        address: c.address,
        ...(module ? { module_address: module } : {}),
        mode: 'managed',
        type,
        name,
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        change: {
          actions: c.actions,
          before: c.before ?? null,
          after: c.after ?? null,
          after_unknown: c.afterUnknown ?? {},
          before_sensitive: c.beforeSensitive ?? false,
          after_sensitive: c.afterSensitive ?? false,
          ...(c.replacePaths ? { replace_paths: c.replacePaths } : {}),
        },
        ...(c.actionReason ? { action_reason: c.actionReason } : {}),
      };
    }),
    configuration: {
      provider_config: { azurerm: { name: 'azurerm', full_name: 'registry.terraform.io/hashicorp/azurerm' } },
      root_module: { resources: [] },
    },
    timestamp: '2026-11-30T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
    ...extra,
  };
}

/** An update of the cluster `azurerm_kubernetes_cluster.aks` from `clusterState()` with `after` overrides. */
export function clusterUpdate(afterOverrides: JsonObject, beforeOverrides: JsonObject = {}): ChangeSpec {
  return {
    address: 'azurerm_kubernetes_cluster.aks',
    actions: ['update'],
    before: clusterState(beforeOverrides),
    after: mergeBlocks(clusterState(beforeOverrides), afterOverrides),
    beforeSensitive: CLUSTER_SENSITIVE,
    afterSensitive: CLUSTER_SENSITIVE,
  };
}
