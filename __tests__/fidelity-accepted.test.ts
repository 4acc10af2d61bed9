/**
 * Configurations Azure accepts must give no error (shared/corpus-real/README.md, section 4: the
 * patterns behind the false errors on real configurations, written here from scratch). Each test
 * asserts that `check()` reports no error finding at all; warnings are allowed. They fail until
 * the rules are corrected.
 */
import { aksCluster, k8sService, kubernetesProvider, nodePool, ref, resource, subnet, tfDoc, vnet } from './support/tf';
import { clusterWithNetwork, expectNoErrors, run } from './support/fidelity';

const onNodes = { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') } };
const oneNode = { default_node_pool: { node_count: 1 } };

describe('4.1 ranges inside the VNet address space but outside its subnets', () => {
  it.each([
    ['kubenet with the default pod and service ranges', { network_plugin: 'kubenet' }],
    ['Azure CNI node subnet with the default service range', { network_plugin: 'azure' }],
    ['BYO CNI (none)', { network_plugin: 'none' }],
    ['Azure CNI with Calico', { network_plugin: 'azure', network_policy: 'calico' }],
    ['Azure CNI node subnet with the Cilium data plane', { network_plugin: 'azure', network_data_plane: 'cilium' }],
  ])('%s in a 10.0.0.0/8 VNet with a 10.1.0.0/16 node subnet', (_what, np) => {
    const doc = clusterWithNetwork(np, onNodes, vnet('v', ['10.0.0.0/8']), subnet('nodes', 'v', ['10.1.0.0/16']));
    expectNoErrors(run(doc));
  });
});

describe('4.2 a number where Terraform converts to a string', () => {
  it('kubernetes_version = 1.29 (a JSON number)', () => {
    expectNoErrors(run(tfDoc(aksCluster('aks', { kubernetes_version: 1.29 }))));
  });
});

describe('4.3 / 4.6 kubenet and BYO CNI dual-stack, IPv6 ranges with host bits', () => {
  it('kubenet dual-stack with an IPv6 /120 pod range that has host bits set', () => {
    const np = {
      network_plugin: 'kubenet',
      ip_versions: ['IPv4', 'IPv6'],
      pod_cidrs: ['10.1.1.0/24', '2002::1234:abcd:ffff:c0a8:101/120'],
    };
    expectNoErrors(run(clusterWithNetwork(np, oneNode)));
  });
  it('kubenet dual-stack with both service ranges given, the IPv6 one with host bits set', () => {
    const np = {
      network_plugin: 'kubenet',
      ip_versions: ['IPv4', 'IPv6'],
      service_cidrs: ['10.0.0.0/16', '2002::1234:abcd:ffff:c0a8:101/120'],
      dns_service_ip: '10.0.0.10',
    };
    expectNoErrors(run(clusterWithNetwork(np, oneNode)));
  });
  it('BYO CNI dual-stack on a dual-stack subnet', () => {
    const np = { network_plugin: 'none', ip_versions: ['IPv4', 'IPv6'] };
    const doc = clusterWithNetwork(
      np,
      onNodes,
      vnet('v', ['192.168.0.0/16', '1900::/48']),
      subnet('nodes', 'v', ['192.168.10.0/24', '1900::/64']),
    );
    expectNoErrors(run(doc));
  });
});

describe('4.4 Windows: a literal password, and a profile AKS generates', () => {
  it('a 22-character literal password with four character classes', () => {
    const doc = clusterWithNetwork(
      { network_plugin: 'azure', network_policy: 'azure' },
      { windows_profile: { admin_username: 'azureuser', admin_password: 'Corr3ct-Horse-Battery!' } },
      nodePool('win', 'aks', { os_type: 'Windows', node_count: 1 }),
    );
    expectNoErrors(run(doc));
  });
  it('a Windows2022 pool without windows_profile on Azure CNI with a managed NAT gateway', () => {
    const np = { network_plugin: 'azure', outbound_type: 'managedNATGateway' };
    const doc = clusterWithNetwork(
      np,
      {},
      nodePool('win', 'aks', { os_type: 'Windows', os_sku: 'Windows2022', node_count: 1 }),
    );
    expectNoErrors(run(doc));
  });
});

describe("4.5 names from another resource's id", () => {
  it('random_pet ids as the cluster name and DNS prefix', () => {
    const doc = tfDoc(
      resource('random_pet', 'cluster_name', { prefix: 'cluster' }),
      resource('random_pet', 'dns_prefix', { prefix: 'dns' }),
      aksCluster('aks', { name: ref('random_pet', 'cluster_name'), dns_prefix: ref('random_pet', 'dns_prefix') }),
    );
    expectNoErrors(run(doc));
  });
});

describe('4.7 Windows Server 2019 below Kubernetes 1.33', () => {
  it('a Windows2019 pool on an LTS 1.32 cluster', () => {
    const doc = tfDoc(
      aksCluster('aks', {
        kubernetes_version: '1.32',
        sku_tier: 'Premium',
        support_plan: 'AKSLongTermSupport',
        windows_profile: { admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' },
      }),
      nodePool('win', 'aks', { os_type: 'Windows', os_sku: 'Windows2019', node_count: 1 }),
    );
    expectNoErrors(run(doc));
  });
});

describe('4.8 zero min/max counts without autoscaling', () => {
  it('min_count = 0 and max_count = 0 with auto_scaling_enabled = false', () => {
    const doc = tfDoc(
      aksCluster('aks'),
      nodePool('user', 'aks', { node_count: undefined, auto_scaling_enabled: false, min_count: 0, max_count: 0 }),
    );
    expectNoErrors(run(doc));
  });
});

describe('the patterns together with a service', () => {
  it('a kubenet cluster in a /8 VNet serving a single-stack LoadBalancer', () => {
    const doc = clusterWithNetwork(
      { network_plugin: 'kubenet' },
      { ...onNodes, kubernetes_version: 1.31 },
      vnet('v', ['10.0.0.0/8']),
      subnet('nodes', 'v', ['10.1.0.0/16']),
      kubernetesProvider('aks'),
      k8sService('web', { spec: { ip_families: ['IPv4'] } }),
    );
    expectNoErrors(run(doc));
  });
});
