/**
 * A tiny builder for Terraform JSON fixtures (the cdk.tf.json shape cdktf writes), for rule and
 * model tests. Every builder returns one {@link TfItem}; `tfDoc(...)` assembles a document.
 *
 * ```ts
 * const doc = tfDoc(
 *   vnet('v', ['10.1.0.0/16']),
 *   subnet('nodes', 'v', ['10.1.0.0/24']),
 *   aksCluster('aks', { network_profile: { pod_cidr: '192.168.0.0/16' }, default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') } }),
 *   nodePool('win', 'aks', { os_type: 'Windows', node_count: 2 }),
 *   kubernetesProvider('aks'),
 *   k8sService('web', { spec: { ip_families: ['IPv6'] } }),
 * );
 * expect(check(doc).filter(f => f.severity === 'error')).toEqual([]);
 * ```
 * Overrides are deep-merged into the defaults (objects merge, lists and scalars replace); an
 * override value of `undefined` removes the attribute, e.g. `aksCluster('aks', { network_profile: undefined })`.
 * `tfDoc({ resource: {...} })` also accepts a raw partial document, merged in as it is.
 */

/** A JSON object. */
export type JsonObject = { [key: string]: unknown };

/** One resource or provider configuration of a fixture. */
export type TfItem =
  | { readonly kind: 'resource'; readonly type: string; readonly name: string; readonly body: JsonObject }
  | { readonly kind: 'provider'; readonly name: string; readonly body: JsonObject };

function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges `override` into `base`: objects merge, everything else replaces, `undefined` removes. */
export function merge(base: JsonObject, override: JsonObject = {}): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(override)) {
    if (v === undefined) delete out[k];
    else if (isPlainObject(v) && isPlainObject(out[k])) out[k] = merge(out[k], v);
    else out[k] = v;
  }
  return out;
}

/** `${type.name.attr}`, e.g. `ref('azurerm_subnet', 'nodes')` → `${azurerm_subnet.nodes.id}`. */
export function ref(type: string, name: string, attr = 'id'): string {
  return `\${${type}.${name}.${attr}}`;
}

/** cdktf's `//` metadata with a construct path. */
function meta(path: string): JsonObject {
  return { '//': { metadata: { path, uniqueId: path.split('/').pop() } } };
}

/** Any resource. */
export function resource(type: string, name: string, body: JsonObject): TfItem {
  return { kind: 'resource', type, name, body };
}

/** A valid overlay cluster (`azure` + `overlay`, default ranges), with construct path `test/<name>/resource`. */
export function aksCluster(name: string, overrides: JsonObject = {}): TfItem {
  const base: JsonObject = {
    ...meta(`test/${name}/resource`),
    name,
    location: 'westeurope',
    resource_group_name: 'rg',
    dns_prefix: name,
    default_node_pool: { name: 'system', vm_size: 'Standard_DS2_v2', node_count: 3 },
    identity: { type: 'SystemAssigned' },
    network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay' },
  };
  return resource('azurerm_kubernetes_cluster', name, merge(base, overrides));
}

/**
 * An `azurerm_kubernetes_cluster_node_pool` of cluster `cluster` (a Linux User pool of 3 nodes, named after `name`).
 */
export function nodePool(name: string, cluster: string, overrides: JsonObject = {}): TfItem {
  const base: JsonObject = {
    ...meta(`test/${cluster}/${name}/resource`),
    name,
    kubernetes_cluster_id: ref('azurerm_kubernetes_cluster', cluster),
    vm_size: 'Standard_DS2_v2',
    node_count: 3,
  };
  return resource('azurerm_kubernetes_cluster_node_pool', name, merge(base, overrides));
}

/** An `azurerm_virtual_network`. */
export function vnet(name: string, addressSpace: unknown[], overrides: JsonObject = {}): TfItem {
  return resource(
    'azurerm_virtual_network',
    name,
    merge(
      { ...meta(`test/${name}`), name, location: 'westeurope', resource_group_name: 'rg', address_space: addressSpace },
      overrides,
    ),
  );
}

/** An `azurerm_subnet` of VNet resource `vnetName` (linked by `${azurerm_virtual_network.<vnetName>.name}`). */
export function subnet(name: string, vnetName: string, prefixes: unknown[], overrides: JsonObject = {}): TfItem {
  return resource(
    'azurerm_subnet',
    name,
    merge(
      {
        ...meta(`test/${name}`),
        name,
        resource_group_name: 'rg',
        virtual_network_name: ref('azurerm_virtual_network', vnetName, 'name'),
        address_prefixes: prefixes,
      },
      overrides,
    ),
  );
}

/** A `kubernetes_service_v1` LoadBalancer on port 80 (override `spec.ip_families`, `provider`, ...). */
export function k8sService(name: string, overrides: JsonObject = {}, type = 'kubernetes_service_v1'): TfItem {
  const base: JsonObject = {
    ...meta(`test/${name}/resource`),
    metadata: { name, namespace: 'default' },
    spec: { type: 'LoadBalancer', selector: { app: name }, port: [{ name: 'http', port: 80, target_port: '80' }] },
  };
  return resource(type, name, merge(base, overrides));
}

/** A kubernetes provider wired to cluster `cluster` via `kube_config[0]` (optionally aliased). */
export function kubernetesProvider(cluster: string, alias?: string, overrides: JsonObject = {}): TfItem {
  const kc = (attr: string) => `\${azurerm_kubernetes_cluster.${cluster}.kube_config[0].${attr}}`;
  const body: JsonObject = {
    ...(alias ? { alias } : {}),
    host: kc('host'),
    client_certificate: `\${base64decode(${kc('client_certificate').slice(2, -1)})}`,
    client_key: `\${base64decode(${kc('client_key').slice(2, -1)})}`,
    cluster_ca_certificate: `\${base64decode(${kc('cluster_ca_certificate').slice(2, -1)})}`,
  };
  return { kind: 'provider', name: 'kubernetes', body: merge(body, overrides) };
}

/** Any provider configuration. */
export function provider(name: string, body: JsonObject): TfItem {
  return { kind: 'provider', name, body };
}

/** An `azurerm_resource_provider_registration` registering `features` of `namespace`. */
export function featureRegistration(name: string, namespace: string, features: string[]): TfItem {
  return resource('azurerm_resource_provider_registration', name, {
    name: namespace,
    feature: features.map((f) => ({ name: f, registered: true })),
  });
}

/**
 * Assembles a document. Items are resources and providers (several providers of one name
 * become a list, as cdktf writes aliased providers); a plain object is merged in as it is.
 */
export function tfDoc(...items: (TfItem | JsonObject)[]): JsonObject {
  const resources: Record<string, JsonObject> = {};
  const providers: Record<string, JsonObject[]> = {};
  let raw: JsonObject = {};
  for (const item of items) {
    if (!('kind' in item) || (item.kind !== 'resource' && item.kind !== 'provider')) {
      raw = merge(raw, item);
      continue;
    }
    const it = item as TfItem;
    if (it.kind === 'resource') {
      resources[it.type] = { ...(resources[it.type] ?? {}), [it.name]: it.body };
    } else {
      (providers[it.name] ??= []).push(it.body);
    }
  }
  const doc: JsonObject = {
    '//': { metadata: { backend: 'local', stackName: 'test', version: '0.21.0' } },
    terraform: { required_providers: { azurerm: { source: 'azurerm', version: '4.55.0' } } },
  };
  if (Object.keys(providers).length > 0) doc.provider = providers;
  if (Object.keys(resources).length > 0) doc.resource = resources;
  return merge(doc, raw);
}
