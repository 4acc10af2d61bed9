import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import {
  AksCluster,
  AksClusterProps,
  AksNodePool,
  AksNodePoolProps,
  AksSubnet,
  IAksCluster,
  WINDOWS_ADMIN_PASSWORD_VARIABLE,
} from '../lib/constructs';
import { CONSTRUCT_NODE_COUNT, DEFAULT_MAX_PODS, DEFAULT_VM_SIZE, DEFAULT_WINDOWS_OS_SKU } from '../lib/facts';

Testing.setupJest();

const CLUSTER: AksClusterProps = { name: 'aks', resourceGroupName: 'rg', location: 'eastus2' };
const SUBNET_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/win';

/** Synthesizes a cluster with the given pools and returns the parsed JSON. */
function synthPools(pools: AksNodePoolProps[], cluster: Partial<AksClusterProps> = {}): any {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const c = new AksCluster(scope, 'aks', { ...CLUSTER, ...cluster });
      pools.forEach((p, i) => c.addNodePool(`pool${i}`, p));
    }),
  );
}

/** The extra pools of a synthesized document, by pool name. */
function poolsByName(doc: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const p of Object.values<any>(doc.resource.azurerm_kubernetes_cluster_node_pool ?? {})) out[p.name] = p;
  return out;
}

describe('AksNodePool', () => {
  test('a Linux user pool with the az aks nodepool add defaults', () => {
    const doc = synthPools([{ name: 'user1' }]);
    expect(poolsByName(doc).user1).toEqual({
      name: 'user1',
      kubernetes_cluster_id: '${azurerm_kubernetes_cluster.aks_resource_DCE01269.id}',
      mode: 'User',
      os_type: 'Linux',
      os_sku: 'Ubuntu',
      node_count: CONSTRUCT_NODE_COUNT,
      vm_size: DEFAULT_VM_SIZE,
      max_pods: DEFAULT_MAX_PODS.overlay,
    });
  });

  test('toHaveResourceWithProperties: mode System, maxPods, zones, osSku, orchestratorVersion, labels', () => {
    const json = Testing.synthScope((scope) => {
      new AksCluster(scope, 'aks', CLUSTER).addNodePool('sys2', {
        name: 'sys2',
        mode: 'System',
        maxPods: 60,
        zones: ['1', '2'],
        osSku: 'AzureLinux3',
        orchestratorVersion: '1.33',
        nodeLabels: { tier: 'system' },
        vmSize: 'Standard_D4s_v5',
      });
    });
    expect(json).toHaveResourceWithProperties(KubernetesClusterNodePool, {
      name: 'sys2',
      mode: 'System',
      max_pods: 60,
      zones: ['1', '2'],
      os_sku: 'AzureLinux3',
      orchestrator_version: '1.33',
      node_labels: { tier: 'system' },
      vm_size: 'Standard_D4s_v5',
    });
  });

  test('autoscaling: min/max set auto_scaling_enabled and leave node_count to AKS unless given', () => {
    const pools = poolsByName(
      synthPools([
        { name: 'auto', minCount: 1, maxCount: 4 },
        { name: 'auto2', minCount: 2, maxCount: 6, nodeCount: 3 },
      ]),
    );
    expect(pools.auto).toMatchObject({ auto_scaling_enabled: true, min_count: 1, max_count: 4 });
    expect(pools.auto).not.toHaveProperty('node_count');
    expect(pools.auto2).toMatchObject({ auto_scaling_enabled: true, min_count: 2, max_count: 6, node_count: 3 });
    expect(poolsByName(synthPools([{ name: 'fixed', nodeCount: 5 }])).fixed).not.toHaveProperty('auto_scaling_enabled');
  });

  test('az aks nodepool add --os-type Windows --node-count 2: Windows2022, 110 max pods, and no windows_profile (AKS generates it)', () => {
    const doc = synthPools([{ name: 'win', osType: 'Windows', nodeCount: 2 }]);
    const win = poolsByName(doc).win;
    expect(win).toMatchObject({
      os_type: 'Windows',
      os_sku: DEFAULT_WINDOWS_OS_SKU,
      node_count: 2,
      mode: 'User',
      max_pods: 110,
    });
    expect(win.os_sku).toBe('Windows2022');
    const cluster = Object.values<any>(doc.resource.azurerm_kubernetes_cluster)[0];
    expect(cluster).not.toHaveProperty('windows_profile');
    expect(doc.variable).toBeUndefined();
  });

  test('windowsProfile without a password: the sensitive variable, shared by the clusters of a stack', () => {
    const doc = JSON.parse(
      Testing.synthScope((scope) => {
        const a = new AksCluster(scope, 'a', { ...CLUSTER, name: 'a', windowsProfile: {} });
        a.addNodePool('w1', { name: 'w1', osType: 'Windows' });
        a.addNodePool('w2', { name: 'w2', osType: 'Windows' });
        new AksCluster(scope, 'b', {
          ...CLUSTER,
          name: 'b',
          windowsProfile: { adminUsername: 'winadmin' },
        }).addNodePool('w3', { name: 'w3', osType: 'Windows' });
        new AksCluster(scope, 'c', { ...CLUSTER, name: 'c' }).addNodePool('w4', { name: 'w4', osType: 'Windows' });
      }),
    );
    expect(Object.keys(doc.variable)).toEqual([WINDOWS_ADMIN_PASSWORD_VARIABLE]);
    expect(doc.variable[WINDOWS_ADMIN_PASSWORD_VARIABLE]).toMatchObject({ type: 'string', sensitive: true });
    expect(doc.variable[WINDOWS_ADMIN_PASSWORD_VARIABLE].validation[0].condition).toContain(
      'length(var.windows_admin_password) >= 14',
    );
    const profiles = Object.values<any>(doc.resource.azurerm_kubernetes_cluster).map((c) => [
      c.name,
      c.windows_profile,
    ]);
    expect(profiles).toEqual([
      ['a', { admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' }],
      ['b', { admin_username: 'winadmin', admin_password: '${var.windows_admin_password}' }],
      ['c', undefined],
    ]);
  });

  test('a Linux pool adds no windows_profile', () => {
    const doc = synthPools([{ name: 'lin' }]);
    expect(Object.values<any>(doc.resource.azurerm_kubernetes_cluster)[0]).not.toHaveProperty('windows_profile');
    expect(doc.variable).toBeUndefined();
  });

  test('vnetSubnet { id, addressPrefixes }: vnet_subnet_id and Network Contributor on it', () => {
    const doc = synthPools([
      { name: 'win', osType: 'Windows', vnetSubnet: { id: SUBNET_ID, addressPrefixes: ['10.2.0.0/24'] } },
    ]);
    expect(poolsByName(doc).win.vnet_subnet_id).toBe(SUBNET_ID);
    expect(Object.values<any>(doc.resource.azurerm_role_assignment)).toEqual([
      expect.objectContaining({ scope: SUBNET_ID, role_definition_name: 'Network Contributor' }),
    ]);
  });

  test('pools in node-subnet mode default to 30 max pods', () => {
    const doc = synthPools([{ name: 'lin' }, { name: 'win', osType: 'Windows' }], { networkPlugin: 'azure' });
    expect(poolsByName(doc).lin.max_pods).toBe(DEFAULT_MAX_PODS['node-subnet']);
    expect(poolsByName(doc).win.max_pods).toBe(DEFAULT_MAX_PODS['node-subnet']);
  });

  test('cluster.nodePools and the pool fields', () => {
    let pools: readonly AksNodePool[] = [];
    let cluster: AksCluster | undefined;
    Testing.synthScope((scope) => {
      const c = new AksCluster(scope, 'aks', CLUSTER);
      cluster = c;
      c.addNodePool('a', { name: 'a' });
      c.addNodePool('w', { name: 'w', osType: 'Windows' });
      pools = c.nodePools;
    });
    expect(pools.map((p) => [p.name, p.osType, p.mode, p.osSku, p.maxPods])).toEqual([
      ['a', 'Linux', 'User', 'Ubuntu', 250],
      ['w', 'Windows', 'User', 'Windows2022', 110],
    ]);
    expect(pools[0].resource).toBeInstanceOf(KubernetesClusterNodePool);
    expect(pools[0].cluster).toBe(cluster);
  });

  test('an unknown osType or mode throws at construction', () => {
    expect(() => synthPools([{ name: 'x', osType: 'windows' as 'Windows' }])).toThrow(
      /stack\/aks\/pool0: pool\/os-sku: osType 'windows' is neither 'Linux' nor 'Windows'/,
    );
    expect(() => synthPools([{ name: 'x', mode: 'user' as 'User' }])).toThrow(
      /stack\/aks\/pool0: mode 'user' is neither 'System' nor 'User'/,
    );
  });

  test('a pool on any IAksCluster (not an AksCluster): its clusterId, its network mode, and useSubnet for the subnet', () => {
    const CLUSTER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks';
    const registered: AksSubnet[] = [];
    const doc = JSON.parse(
      Testing.synthScope((scope) => {
        const cluster: IAksCluster = Object.assign(new Construct(scope, 'imported'), {
          clusterId: CLUSTER_ID,
          networkMode: 'node-subnet' as const,
          ipFamilies: ['IPv4' as const],
          useSubnet: (subnet: AksSubnet): string => {
            registered.push(subnet);
            return subnet.id;
          },
        });
        new AksNodePool(scope, 'pool', { cluster, name: 'user', vnetSubnet: { id: SUBNET_ID } });
      }),
    );
    expect(poolsByName(doc).user).toMatchObject({
      kubernetes_cluster_id: CLUSTER_ID,
      max_pods: DEFAULT_MAX_PODS['node-subnet'],
      vnet_subnet_id: SUBNET_ID,
    });
    expect(registered).toEqual([{ id: SUBNET_ID }]);
    expect(doc.resource.azurerm_kubernetes_cluster).toBeUndefined();
  });
});
