import fc from 'fast-check';
import { check } from '../lib/rules/check';
import type { Finding } from '../lib/rules/types';
import {
  aksCluster,
  kubernetesProvider,
  k8sService,
  nodePool,
  ref,
  subnet,
  tfDoc,
  vnet,
  type JsonObject,
} from './support/tf';

const SEVERITIES = ['error', 'warning'];

/** Every finding is well-formed: a rule id, a severity, a message starting with the id, a fix, an address. */
function expectWellFormed(fs: Finding[]): void {
  for (const f of fs) {
    expect(typeof f.ruleId).toBe('string');
    expect(SEVERITIES).toContain(f.severity);
    expect(f.message.startsWith(`${f.ruleId}: `)).toBe(true);
    expect(typeof f.fix).toBe('string');
    expect(typeof f.address).toBe('string');
    if (f.skipped) expect(f.severity).toBe('warning');
  }
}

const CLUSTER_KEYS = [
  'name',
  'dns_prefix',
  'kubernetes_version',
  'network_profile',
  'default_node_pool',
  'windows_profile',
  'aci_connector_linux',
  'location',
  '//',
];
const NP_KEYS = [
  'network_plugin',
  'network_plugin_mode',
  'network_policy',
  'network_data_plane',
  'outbound_type',
  'load_balancer_sku',
  'pod_cidr',
  'pod_cidrs',
  'service_cidr',
  'service_cidrs',
  'dns_service_ip',
  'ip_versions',
  'load_balancer_profile',
];
const POOL_KEYS = [
  'name',
  'vm_size',
  'node_count',
  'min_count',
  'max_count',
  'auto_scaling_enabled',
  'max_pods',
  'os_sku',
  'os_type',
  'mode',
  'zones',
  'vnet_subnet_id',
  'orchestrator_version',
  'kubernetes_cluster_id',
];

/** Plausible and implausible values for an attribute. */
const attrValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    'azure',
    'overlay',
    'kubenet',
    'none',
    'IPv4',
    'IPv6',
    '10.244.0.0/16',
    'fd12:3456:789a::/64',
    '10.0.0.10',
    '1.26.2',
    'Windows',
    'System',
    '${var.x}',
    '${azurerm_subnet.s.id}',
    '${azurerm_kubernetes_cluster.x.id}',
  ),
  fc.constantFrom(['IPv4', 'IPv6'], ['10.0.0.0/16', 'fd12:3456:789a:1::/100'], ['${var.a}'], [null], [{}]),
);
const dictOf = (keys: string[], value: fc.Arbitrary<unknown>) =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
/** A block: an object, a list of objects, or junk. */
const blockOf = (keys: string[]) =>
  fc.oneof(
    dictOf(keys, attrValue),
    dictOf(keys, attrValue).map((o) => [o]),
    fc.jsonValue(),
  );

const clusterBody = fc.record({
  base: dictOf(CLUSTER_KEYS, attrValue),
  network_profile: blockOf(NP_KEYS),
  default_node_pool: blockOf(POOL_KEYS),
});
const shapedDocument = fc
  .record({
    cluster: clusterBody,
    pool: dictOf(POOL_KEYS, attrValue),
    subnetPrefixes: attrValue,
    serviceSpec: fc.oneof(
      fc.jsonValue(),
      dictOf(['type', 'ip_families', 'external_traffic_policy', 'port'], attrValue),
    ),
    provider: fc.oneof(fc.jsonValue(), dictOf(['host', 'alias'], attrValue)),
  })
  .map(({ cluster, pool, subnetPrefixes, serviceSpec, provider }) => ({
    provider: { kubernetes: provider },
    resource: {
      azurerm_kubernetes_cluster: {
        x: { ...cluster.base, network_profile: cluster.network_profile, default_node_pool: cluster.default_node_pool },
      },
      azurerm_kubernetes_cluster_node_pool: { p: pool },
      azurerm_subnet: {
        s: { address_prefixes: subnetPrefixes, virtual_network_name: '${azurerm_virtual_network.v.name}' },
      },
      azurerm_virtual_network: { v: { address_space: subnetPrefixes } },
      kubernetes_service_v1: { svc: { metadata: { name: 'svc' }, spec: serviceSpec } },
    },
  }));

describe('check never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        const fs = check(doc);
        expectWellFormed(fs);
        // a document that is not an object is reported, not ignored
        if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
          expect(fs.some((f) => f.ruleId === 'document/shape')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary JSON under resource/provider', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (resource, provider) => {
        expectWellFormed(check({ resource, provider }));
      }),
      { numRuns: 200 },
    );
  });

  it('on documents shaped like clusters, pools, subnets and services with arbitrary attribute values', () => {
    fc.assert(
      fc.property(shapedDocument, (doc) => {
        const fs = check(doc);
        expectWellFormed(fs);
        // no rule trips over odd input
        expect(fs.filter((f) => f.ruleId === 'document/rule-error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('unknown values lead to skipped warnings, never errors', () => {
  /** The walkthrough's valid configurations. */
  const valid: Record<string, () => JsonObject> = {
    'overlay with pod CIDR 192.168.0.0/16': () =>
      tfDoc(aksCluster('aks', { network_profile: { pod_cidr: '192.168.0.0/16' } })),
    'dual-stack with default ranges': () =>
      tfDoc(
        aksCluster('aks', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } }),
        kubernetesProvider('aks'),
        k8sService('web6', { spec: { ip_families: ['IPv6'], external_traffic_policy: 'Local' } }),
      ),
    'pool on a second subnet': () =>
      tfDoc(
        vnet('v', ['10.10.0.0/16']),
        subnet('nodes', 'v', ['10.10.0.0/24']),
        subnet('pool2', 'v', ['10.10.1.0/24']),
        aksCluster('aks', {
          network_profile: { pod_cidr: '192.168.0.0/16' },
          default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') },
        }),
        nodePool('pool2', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'pool2') }),
      ),
  };
  const NP_UNKNOWABLE = [
    'network_plugin',
    'network_plugin_mode',
    'pod_cidr',
    'service_cidr',
    'dns_service_ip',
    'ip_versions',
    'network_policy',
    'outbound_type',
  ];
  const EXPRESSIONS = [
    '${var.x}',
    '${data.azurerm_subnet.s.address_prefixes[0]}',
    '${local.cidr}',
    '${cidrsubnet(var.base, 8, 1)}',
    '${data.terraform_remote_state.net.outputs.v}',
  ];

  it.each(Object.keys(valid))('%s: no errors before and after making attributes unknown', (name) => {
    expect(check(valid[name]()).filter((f) => f.severity === 'error')).toEqual([]);
    fc.assert(
      fc.property(
        fc.subarray(NP_UNKNOWABLE, { minLength: 1 }),
        fc.constantFrom(...EXPRESSIONS),
        fc.boolean(),
        (keys, expr, poolUnknown) => {
          const doc = valid[name]() as { resource: Record<string, Record<string, JsonObject>> };
          const cluster = doc.resource.azurerm_kubernetes_cluster.aks;
          const np = { ...(cluster.network_profile as JsonObject) };
          for (const k of keys) np[k] = expr;
          // keep the pairs Azure requires set together consistent: both unknown
          if (keys.includes('service_cidr') || keys.includes('dns_service_ip')) {
            np.service_cidr = expr;
            np.dns_service_ip = expr;
          }
          cluster.network_profile = np;
          if (poolUnknown)
            cluster.default_node_pool = {
              ...(cluster.default_node_pool as JsonObject),
              vm_size: expr,
              node_count: expr,
              max_pods: expr,
            };
          const fs = check(doc);
          expectWellFormed(fs);
          expect(fs.filter((f) => f.severity === 'error')).toEqual([]);
          // an unknown value some rule needs is reported as a skipped rule (network_policy and
          // outbound_type are read only by dual-stack rules)
          if (poolUnknown || keys.some((k) => k !== 'network_policy' && k !== 'outbound_type'))
            expect(fs.some((f) => f.skipped === true)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
