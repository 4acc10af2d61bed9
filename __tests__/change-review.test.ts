/**
 * The change/* rules on hand-written plans (lib/rules/change/review.ts): each rule's failing
 * case and its just-valid neighbour.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHANGE_RULES, reviewPlanChanges } from '../lib/rules/change';
import { CHANGE_RULE_DOCS } from '../lib/rules/docs/change';
import type { Finding } from '../lib/rules';
import {
  CLUSTER_SENSITIVE,
  SECRET,
  clusterState,
  clusterUpdate,
  mergeBlocks,
  planOf,
  poolState,
  type ChangeSpec,
} from './support/plan-json';

const CLUSTER = 'azurerm_kubernetes_cluster.aks';
const POOL = 'azurerm_kubernetes_cluster_node_pool.user';

function review(...changes: ChangeSpec[]): Finding[] {
  return reviewPlanChanges(planOf(changes));
}

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}:${f.severity}${f.skipped ? ':skipped' : ''}`);
}

function poolUpdate(after: Record<string, unknown>, before: Record<string, unknown> = {}): ChangeSpec {
  return {
    address: POOL,
    actions: ['update'],
    before: poolState(before),
    after: mergeBlocks(poolState(before), after),
  };
}

describe('change/cluster-replaced', () => {
  const replaceServiceCidr: ChangeSpec = {
    address: CLUSTER,
    actions: ['delete', 'create'],
    before: clusterState(),
    after: clusterState({ network_profile: { service_cidr: '10.1.0.0/16', dns_service_ip: '10.1.0.10' } }),
    beforeSensitive: CLUSTER_SENSITIVE,
    afterSensitive: CLUSTER_SENSITIVE,
    replacePaths: [
      ['network_profile', 0, 'service_cidr'],
      ['network_profile', 0, 'dns_service_ip'],
    ],
    actionReason: 'replace_because_cannot_update',
  };

  it('is an error naming each replace_paths attribute with its before and after value, and the fix', () => {
    const f = review(replaceServiceCidr);
    expect(ids(f)).toEqual(['change/cluster-replaced:error']);
    expect(f[0].address).toBe(CLUSTER);
    expect(f[0].message).toContain('network_profile.service_cidr 10.0.0.0/16 -> 10.1.0.0/16');
    expect(f[0].message).toContain('network_profile.dns_service_ip 10.0.0.10 -> 10.1.0.10');
    expect(f[0].fix).toContain('keep network_profile.service_cidr = "10.0.0.0/16"');
  });

  it('names create_before_destroy and the reason when the plan gives no paths', () => {
    const f = review({
      ...replaceServiceCidr,
      actions: ['create', 'delete'],
      replacePaths: undefined,
      actionReason: 'replace_because_tainted',
    });
    expect(ids(f)).toEqual(['change/cluster-replaced:error']);
    expect(f[0].message).toMatch(/create_before_destroy\): the object is tainted/);
    expect(f[0].fix).toContain('terraform untaint');
  });

  it('fix for network_plugin points at the in-place migration of azurerm 4.66', () => {
    const f = review({
      address: CLUSTER,
      actions: ['delete', 'create'],
      before: clusterState({ network_profile: { network_plugin: 'kubenet', network_plugin_mode: null } }),
      after: clusterState(),
      replacePaths: [['network_profile', 0, 'network_plugin']],
    });
    expect(f[0].message).toContain('network_profile.network_plugin kubenet -> azure');
    expect(f[0].fix).toContain('azurerm 4.66.0 or later');
  });

  it('just valid: an in-place update of node_count replaces nothing', () => {
    expect(review(clusterUpdate({ default_node_pool: { node_count: 5 } }))).toEqual([]);
  });

  it('a sensitive attribute in replace_paths is shown as (sensitive), never its value', () => {
    const f = review({
      address: CLUSTER,
      actions: ['delete', 'create'],
      before: clusterState({ linux_profile: [{ admin_username: 'azureuser', ssh_key: [{ key_data: SECRET }] }] }),
      after: clusterState({
        linux_profile: [{ admin_username: 'azureuser', ssh_key: [{ key_data: `${SECRET}-new` }] }],
      }),
      beforeSensitive: { ...CLUSTER_SENSITIVE, linux_profile: [{ ssh_key: [{ key_data: true }] }] },
      afterSensitive: { ...CLUSTER_SENSITIVE, linux_profile: [{ ssh_key: [{ key_data: true }] }] },
      replacePaths: [['linux_profile', 0, 'ssh_key', 0, 'key_data']],
    });
    expect(f[0].message).toContain('linux_profile.ssh_key.key_data (sensitive) -> (sensitive)');
    expect(JSON.stringify(f)).not.toContain(SECRET);
  });
});

describe('change/pool-replaced', () => {
  it('is a warning for a node pool destroyed and recreated', () => {
    const f = review({
      address: POOL,
      actions: ['delete', 'create'],
      before: poolState(),
      after: poolState({ os_type: 'Windows', os_sku: 'Windows2022', name: 'win' }),
      replacePaths: [['os_type'], ['name']],
    });
    expect(ids(f)).toEqual(['change/pool-replaced:warning']);
    expect(f[0].message).toContain('os_type Linux -> Windows');
  });

  it('just valid: an in-place node_count change of a pool', () => {
    expect(review(poolUpdate({ node_count: 4 }))).toEqual([]);
  });
});

describe('change/pool-cycled and change/rotation-name-missing', () => {
  it('a vm_size change of the default pool with temporary_name_for_rotation cycles the pool (warning)', () => {
    const f = review(clusterUpdate({ default_node_pool: { vm_size: 'Standard_D4s_v5' } }));
    expect(ids(f)).toEqual(['change/pool-cycled:warning']);
    expect(f[0].message).toContain('default_node_pool.vm_size Standard_D2s_v5 -> Standard_D4s_v5');
    expect(f[0].message).toContain('temporary pool systemtmp');
  });

  it('the same change without temporary_name_for_rotation fails at apply (error)', () => {
    const f = review(
      clusterUpdate(
        { default_node_pool: { vm_size: 'Standard_D4s_v5' } },
        { default_node_pool: { temporary_name_for_rotation: null } },
      ),
    );
    expect(ids(f)).toEqual(['change/rotation-name-missing:error']);
    expect(f[0].fix).toContain('temporary_name_for_rotation = "systemtmp"');
  });

  it('a node pool resource cycles too, and fails without its own temporary_name_for_rotation', () => {
    expect(ids(review(poolUpdate({ max_pods: 110 })))).toEqual(['change/pool-cycled:warning']);
    expect(ids(review(poolUpdate({ max_pods: 110 }, { temporary_name_for_rotation: null })))).toEqual([
      'change/rotation-name-missing:error',
    ]);
  });

  it('zones compare as a set; Ubuntu -> AzureLinux is a plain update (just valid)', () => {
    expect(
      review(
        clusterUpdate(
          { default_node_pool: { zones: ['3', '2', '1'] } },
          { default_node_pool: { temporary_name_for_rotation: null } },
        ),
      ),
    ).toEqual([]);
    expect(
      review(
        clusterUpdate(
          { default_node_pool: { os_sku: 'AzureLinux' } },
          { default_node_pool: { temporary_name_for_rotation: null } },
        ),
      ),
    ).toEqual([]);
  });

  it('a cycling attribute known only after apply is a skipped warning, never an error', () => {
    const c = clusterUpdate(
      { default_node_pool: { vnet_subnet_id: null } },
      { default_node_pool: { temporary_name_for_rotation: null } },
    );
    const f = review({ ...c, afterUnknown: { default_node_pool: [{ vnet_subnet_id: true }] } });
    expect(ids(f)).toEqual(['change/pool-cycled:warning:skipped']);
    expect(f[0].message).toContain('(known after apply)');
    expect(f[0].message).toContain('the apply fails');
  });
});

describe('change/network-migration', () => {
  it('kubenet -> Azure CNI Overlay in place (azurerm >= 4.66) is a warning: irreversible, every pool reimaged', () => {
    const f = review(
      clusterUpdate(
        { network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay' } },
        { network_profile: { network_plugin: 'kubenet', network_plugin_mode: null } },
      ),
    );
    expect(ids(f)).toEqual(['change/network-migration:warning']);
    expect(f[0].message).toMatch(/from kubenet to Azure CNI Overlay in place.*irreversible.*every node pool/);
  });

  it('node-subnet -> overlay names the network policy precondition', () => {
    const f = review(
      clusterUpdate(
        { network_profile: { network_plugin_mode: 'overlay', pod_cidr: '192.168.0.0/16' } },
        { network_profile: { network_plugin_mode: null, pod_cidr: null, network_policy: 'azure' } },
      ),
    );
    expect(ids(f)).toEqual(['change/network-migration:warning']);
    expect(f[0].message).toContain('Azure CNI in node-subnet mode');
    expect(f[0].message).toContain('network policy (azure) to be uninstalled');
    expect(f[0].fix).toContain('192.168.0.0/16');
  });

  it('azure -> cilium data plane in place is a migration warning', () => {
    expect(
      ids(review(clusterUpdate({ network_profile: { network_data_plane: 'cilium', network_policy: 'cilium' } }))),
    ).toEqual(['change/network-migration:warning']);
  });

  it('just valid: an overlay cluster that stays overlay', () => {
    expect(review(clusterUpdate({ tags: { team: 'x' } }))).toEqual([]);
  });
});

describe('change/egress-changed', () => {
  it('an outbound_type change is a warning naming both values', () => {
    const f = review(clusterUpdate({ network_profile: { outbound_type: 'userAssignedNATGateway' } }));
    expect(ids(f)).toEqual(['change/egress-changed:warning']);
    expect(f[0].message).toContain('network_profile.outbound_type loadBalancer -> userAssignedNATGateway');
  });

  it('just valid: the same outbound_type', () => {
    expect(review(clusterUpdate({ network_profile: { outbound_type: 'loadBalancer' } }))).toEqual([]);
  });
});

describe('deletions', () => {
  it('a pool deleted from the configuration is change/pool-deleted (warning), a cluster change/cluster-deleted', () => {
    const f = review(
      { address: POOL, actions: ['delete'], before: poolState(), actionReason: 'delete_because_no_resource_config' },
      { address: CLUSTER, actions: ['delete'], before: clusterState(), beforeSensitive: CLUSTER_SENSITIVE },
    );
    expect(ids(f)).toEqual(['change/pool-deleted:warning', 'change/cluster-deleted:warning']);
    expect(f[0].message).toContain('no longer in the configuration');
  });

  it('creates, reads, no-ops and other resource types give no findings', () => {
    expect(
      review(
        { address: CLUSTER, actions: ['create'], after: clusterState() },
        { address: POOL, actions: ['no-op'], before: poolState(), after: poolState() },
        { address: 'azurerm_subnet.nodes', actions: ['delete', 'create'], before: { name: 'a' }, after: { name: 'b' } },
      ),
    ).toEqual([]);
  });
});

it('anything that is not a plan gives no findings', () => {
  for (const x of [
    undefined,
    null,
    42,
    'plan',
    [],
    {},
    { resource_changes: 'x' },
    { resource_changes: [null, 1, { type: 'azurerm_kubernetes_cluster' }] },
  ]) {
    expect(reviewPlanChanges(x)).toEqual([]);
  }
});

describe('CHANGE_RULE_DOCS', () => {
  it('documents every change/* rule once, with its severity, a source and the implementing file', () => {
    expect(CHANGE_RULE_DOCS.map((d) => [d.id, d.severity]).sort()).toEqual(Object.entries(CHANGE_RULES).sort());
    for (const d of CHANGE_RULE_DOCS) {
      expect(d.sources.length).toBeGreaterThan(0);
      for (const s of d.sources) expect(s.url).toMatch(/^https:\/\//);
      expect(fs.existsSync(path.join(__dirname, '..', d.file))).toBe(true);
    }
  });
});
