/**
 * predictChanges (lib/rules/change/predict.ts): the change/* rules predicted from two
 * configurations, with the ForceNew rules of the azurerm version the documents pin.
 */
import { predictChanges, predictionLine, providerLine, FORCE_NEW } from '../lib/rules/change';
import type { Finding } from '../lib/rules';
import { aksCluster, nodePool, tfDoc, type JsonObject } from './support/tf';

const ROTATION = { default_node_pool: { temporary_name_for_rotation: 'systemtmp' } };

function pin(version: string): JsonObject {
  return { terraform: { required_providers: { azurerm: { source: 'azurerm', version } } } };
}

/** The findings of changing cluster `aks` from `base` to `head` overrides. */
function predict(
  base: JsonObject,
  head: JsonObject,
  version = '4.55.0',
  extraBase: JsonObject[] = [],
  extraHead: JsonObject[] = [],
): Finding[] {
  return predictChanges(
    tfDoc(aksCluster('aks', base), ...extraBase, pin(version)),
    tfDoc(aksCluster('aks', head), ...extraHead, pin(version)),
  );
}

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}:${f.severity}${f.skipped ? ':skipped' : ''}`);
}

describe('provider lines', () => {
  it('maps versions and constraints to 4.55 or 4.66+', () => {
    expect(['4.55.0', '~> 4.0', '>= 3.116.0', '4.65.9'].map(providerLine)).toEqual(['4.55', '4.55', '4.55', '4.55']);
    expect(['4.66.0', '~> 4.81', '5.2.0'].map(providerLine)).toEqual(['4.66', '4.66', '4.66']);
    expect(providerLine('latest')).toBeUndefined();
    expect(predictionLine(tfDoc(pin('4.55.0')), tfDoc(pin('4.81.0')))).toBe('4.66');
    expect(predictionLine({}, {})).toBe('4.55');
    expect(predictionLine({}, {}, { providerVersion: '4.70.0' })).toBe('4.66');
  });

  it('the two tables differ exactly in network_plugin, pod_cidr(s), network_policy and network_data_plane', () => {
    const differ = FORCE_NEW['4.55'].cluster
      .filter((r) => !FORCE_NEW['4.66'].cluster.some((s) => s.attribute === r.attribute && s.when === r.when))
      .map((r) => r.attribute)
      .sort();
    expect(differ).toEqual([
      'network_profile.network_data_plane',
      'network_profile.network_plugin',
      'network_profile.network_policy',
      'network_profile.pod_cidr',
      'network_profile.pod_cidrs',
    ]);
  });
});

describe('change/cluster-replaced (predicted)', () => {
  it('a service_cidr change replaces the cluster (error) with the old and new values', () => {
    const f = predict(
      { network_profile: { service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' } },
      { network_profile: { service_cidr: '10.2.0.0/16', dns_service_ip: '10.2.0.10' } },
    );
    expect(ids(f)).toEqual(['change/cluster-replaced:error']);
    expect(f[0].message).toContain('network_profile.service_cidr 10.0.0.0/16 -> 10.2.0.0/16');
    expect(f[0].message).toContain('azurerm 4.55 rules');
  });

  it('setting the default service_cidr explicitly is no change (just valid)', () => {
    expect(predict({}, { network_profile: { service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' } })).toEqual([]);
  });

  it('kubenet -> overlay replaces the cluster on 4.55 and migrates in place on 4.66+', () => {
    const kubenet = { network_profile: { network_plugin: 'kubenet', network_plugin_mode: undefined } };
    const overlay = { network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay' } };
    const old = predict(kubenet, overlay, '4.55.0');
    expect(ids(old)).toEqual(['change/cluster-replaced:error']);
    expect(old[0].message).toContain('network_profile.network_plugin kubenet -> azure');
    expect(ids(predict(kubenet, overlay, '4.66.0'))).toEqual(['change/network-migration:warning']);
  });

  it('node-subnet -> overlay with a pod_cidr: pod_cidr replaces on 4.55, in place on 4.66+', () => {
    const nodeSubnet = { network_profile: { network_plugin: 'azure', network_plugin_mode: undefined } };
    const overlay = {
      network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay', pod_cidr: '192.168.0.0/16' },
    };
    const old = predict(nodeSubnet, overlay, '4.55.0');
    expect(ids(old)).toEqual(['change/cluster-replaced:error']);
    expect(old[0].message).toContain('network_profile.pod_cidr (not set) -> 192.168.0.0/16');
    const now = predict(nodeSubnet, overlay, '4.81.0');
    expect(ids(now)).toEqual(['change/network-migration:warning']);
    expect(now[0].message).toContain('Azure CNI in node-subnet mode');
  });

  it('a set pod_cidr that changes replaces the cluster on 4.66+ too', () => {
    const f = predict(
      { network_profile: { pod_cidr: '10.244.0.0/16' } },
      { network_profile: { pod_cidr: '10.248.0.0/16' } },
      '4.81.0',
    );
    expect(ids(f)).toEqual(['change/cluster-replaced:error']);
  });

  it('removing network_plugin_mode (overlay -> node subnet) replaces the cluster', () => {
    expect(ids(predict({}, { network_profile: { network_plugin_mode: undefined } }))).toEqual([
      'change/cluster-replaced:error',
    ]);
  });

  it('renaming the default pool replaces the cluster, unless the old name is the rotation name', () => {
    expect(ids(predict({}, { default_node_pool: { name: 'sys2' } }))).toEqual(['change/cluster-replaced:error']);
    expect(
      predict(
        { default_node_pool: { name: 'systemtmp' } },
        { default_node_pool: { name: 'system', temporary_name_for_rotation: 'systemtmp' } },
      ),
    ).toEqual([]);
  });

  it('a value the configuration does not know is a skipped warning, never an error', () => {
    const f = predict(
      { network_profile: { service_cidr: '${var.old}' } },
      { network_profile: { service_cidr: '${var.new}' } },
    );
    expect(ids(f)).toEqual(['change/cluster-replaced:warning:skipped']);
    expect(f[0].message).toContain('${var.old} -> ${var.new}');
    expect(
      predict(
        { network_profile: { service_cidr: '${var.same}' } },
        { network_profile: { service_cidr: '${var.same}' } },
      ),
    ).toEqual([]);
  });

  it('removing an Optional+Computed setting is no change', () => {
    expect(predict({ network_profile: { service_cidr: '10.1.0.0/16', dns_service_ip: '10.1.0.10' } }, {})).toEqual([]);
  });
});

describe('pools: replaced, cycled, rotation name (predicted)', () => {
  it('a node pool os_type change replaces the pool (warning); node_count is in place', () => {
    const base = tfDoc(aksCluster('aks'), nodePool('user', 'aks'));
    const f = predictChanges(base, tfDoc(aksCluster('aks'), nodePool('user', 'aks', { os_type: 'Windows' })));
    expect(ids(f)).toEqual(['change/pool-replaced:warning']);
    expect(predictChanges(base, tfDoc(aksCluster('aks'), nodePool('user', 'aks', { node_count: 5 })))).toEqual([]);
  });

  it(
    'a default pool vm_size change: rotation-name-missing without the name (error), pool-cycled with ' + 'it (warning)',
    () => {
      expect(ids(predict({}, { default_node_pool: { vm_size: 'Standard_D4s_v5' } }))).toEqual([
        'change/rotation-name-missing:error',
      ]);
      expect(
        ids(
          predict(ROTATION, {
            ...ROTATION,
            default_node_pool: { temporary_name_for_rotation: 'systemtmp', vm_size: 'Standard_D4s_v5' },
          }),
        ),
      ).toEqual(['change/pool-cycled:warning']);
    },
  );

  it('a node pool resource cycles on max_pods and needs its own rotation name', () => {
    const base = tfDoc(aksCluster('aks'), nodePool('user', 'aks', { max_pods: 250 }));
    expect(ids(predictChanges(base, tfDoc(aksCluster('aks'), nodePool('user', 'aks', { max_pods: 110 }))))).toEqual([
      'change/rotation-name-missing:error',
    ]);
    const f = predictChanges(
      base,
      tfDoc(aksCluster('aks'), nodePool('user', 'aks', { max_pods: 110, temporary_name_for_rotation: 'usertmp' })),
    );
    expect(ids(f)).toEqual(['change/pool-cycled:warning']);
  });

  it('adding a cycling attribute the base left to AKS is a skipped warning', () => {
    expect(
      ids(predict(ROTATION, { default_node_pool: { temporary_name_for_rotation: 'systemtmp', max_pods: 110 } })),
    ).toEqual(['change/pool-cycled:warning:skipped']);
  });
});

describe('egress and deletions (predicted)', () => {
  it('an outbound_type change is change/egress-changed; the same value is not', () => {
    expect(ids(predict({}, { network_profile: { outbound_type: 'userDefinedRouting' } }))).toEqual([
      'change/egress-changed:warning',
    ]);
    expect(predict({}, { network_profile: { outbound_type: 'loadBalancer' } })).toEqual([]);
  });

  it('a pool or cluster missing from the head is deleted; a new one is nothing to review', () => {
    const base = tfDoc(aksCluster('aks'), nodePool('user', 'aks'));
    expect(ids(predictChanges(base, tfDoc(aksCluster('aks'))))).toEqual(['change/pool-deleted:warning']);
    expect(ids(predictChanges(base, tfDoc()))).toEqual([
      'change/cluster-deleted:warning',
      'change/pool-deleted:warning',
    ]);
    expect(predictChanges(tfDoc(), base)).toEqual([]);
  });

  it('documents in hcl2json shape (one-element lists) are compared by the real address', () => {
    const asList = (doc: JsonObject): JsonObject => {
      const r = doc.resource as Record<string, Record<string, unknown>>;
      const out: Record<string, Record<string, unknown>> = {};
      for (const [t, byName] of Object.entries(r))
        out[t] = Object.fromEntries(Object.entries(byName).map(([n, b]) => [n, [b]]));
      return { ...doc, resource: out };
    };
    const base = asList(tfDoc(aksCluster('aks', { network_profile: { service_cidr: '10.0.0.0/16' } })));
    const head = asList(tfDoc(aksCluster('aks', { network_profile: { service_cidr: '10.9.0.0/16' } })));
    expect(ids(predictChanges(base, head))).toEqual(['change/cluster-replaced:error']);
  });
});
