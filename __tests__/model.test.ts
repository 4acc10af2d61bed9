import { readModel, isUnknown, effectiveNetwork, effectivePool, poolsOf, clusterOf, parseSubnetId } from '../lib/model';
import { check } from '../lib/rules';
import type { Unknown } from '../lib/model';
import {
  aksCluster,
  featureRegistration,
  k8sService,
  kubernetesProvider,
  nodePool,
  provider,
  ref,
  resource,
  subnet,
  tfDoc,
  vnet,
} from './support/tf';

const SUBNET_ID =
  '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/nodes';
const VNET_ID = '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub';

function expectUnknown(v: unknown, expression?: string): Unknown {
  expect(isUnknown(v)).toBe(true);
  if (expression !== undefined) expect((v as Unknown).expression).toBe(expression);
  return v as Unknown;
}

describe('readModel: resources, references and construct paths', () => {
  const doc = tfDoc(
    vnet('v', ['10.1.0.0/16']),
    subnet('nodes', 'v', ['10.1.0.0/24']),
    subnet('extra', 'v', ['10.1.1.0/24']),
    aksCluster('aks', { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') } }),
    nodePool('user', 'aks', {
      vnet_subnet_id: ref('azurerm_subnet', 'extra'),
      auto_scaling_enabled: true,
      min_count: 1,
      max_count: 7,
    }),
  );
  const m = readModel(doc);

  it('reads the cluster with its construct path and default pool address', () => {
    expect(m.clusters).toHaveLength(1);
    const c = m.clusters[0];
    expect(c.address).toBe('azurerm_kubernetes_cluster.aks');
    expect(c.path).toBe('test/aks/resource');
    expect(c.defaultNodePool?.address).toBe('azurerm_kubernetes_cluster.aks.default_node_pool');
    expect(c.defaultNodePool?.isDefault).toBe(true);
    expect(c.defaultNodePool?.clusterAddress).toBe(c.address);
  });

  it('links extra pools to their cluster through kubernetes_cluster_id', () => {
    const c = m.clusters[0];
    expect(c.nodePools.map((p) => p.address)).toEqual(['azurerm_kubernetes_cluster_node_pool.user']);
    expect(m.nodePools).toHaveLength(2);
    expect(clusterOf(m, c.nodePools[0])).toBe(c);
    expect(poolsOf(c).map((p) => p.isDefault)).toEqual([true, false]);
  });

  it('resolves vnet_subnet_id to the subnet and the subnet to its VNet', () => {
    const [dp, user] = poolsOf(m.clusters[0]);
    expect(dp.subnet?.address).toBe('azurerm_subnet.nodes');
    expect(dp.subnet?.addressPrefixes).toEqual(['10.1.0.0/24']);
    expect(user.subnet?.address).toBe('azurerm_subnet.extra');
    expect(user.subnet?.virtualNetworkKey).toBe('azurerm_virtual_network.v');
    expect(user.subnet?.virtualNetwork?.addressSpace).toEqual(['10.1.0.0/16']);
    expect(dp.subnet?.virtualNetworkKey).toBe(user.subnet?.virtualNetworkKey);
    // a resolvable reference is not an Unknown
    expect(user.vnetSubnetId).toBe('${azurerm_subnet.extra.id}');
    expect(m.subnets.map((s) => s.external)).toEqual([false, false]);
  });

  it('links a subnet to a VNet named by a literal name', () => {
    const m2 = readModel(
      tfDoc(
        vnet('v', ['10.9.0.0/16'], { name: 'hub-vnet' }),
        subnet('s', 'v', ['10.9.0.0/24'], { virtual_network_name: 'hub-vnet' }),
      ),
    );
    expect(m2.subnets[0].virtualNetwork?.address).toBe('azurerm_virtual_network.v');
  });

  it('resolves literal attributes referenced from other resources', () => {
    const m2 = readModel(
      tfDoc(
        resource('azurerm_resource_group', 'rg', { name: 'prod-rg', location: 'westeurope' }),
        aksCluster('aks', { name: ref('azurerm_resource_group', 'rg', 'name') }),
      ),
    );
    expect(m2.clusters[0].name).toBe('prod-rg');
  });
});

describe('readModel: blocks as objects or lists', () => {
  it('reads network_profile and default_node_pool given as lists of objects', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks', {
          network_profile: [
            {
              network_plugin: 'azure',
              network_plugin_mode: 'overlay',
              pod_cidr: '192.168.0.0/16',
              load_balancer_profile: [{ managed_outbound_ipv6_count: 2 }],
            },
          ],
          default_node_pool: [{ name: 'sys', vm_size: 'Standard_D4s_v5', node_count: 2 }],
        }),
      ),
    );
    const c = m.clusters[0];
    expect(c.networkProfile.podCidr).toBe('192.168.0.0/16');
    expect(c.networkProfile.loadBalancerProfile?.managedOutboundIpv6Count).toBe(2);
    expect(c.defaultNodePool?.name).toBe('sys');
    expect(c.defaultNodePool?.nodeCount).toBe(2);
    expect(m.shapeProblems).toEqual([]);
  });

  it('records a cluster without network_profile as not present', () => {
    const m = readModel(tfDoc(aksCluster('aks', { network_profile: undefined })));
    expect(m.clusters[0].networkProfile.present).toBe(false);
    expect(m.clusters[0].networkProfile.networkPlugin).toBeUndefined();
  });

  it('reads windows_profile and aci_connector_linux', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks', {
          windows_profile: [{ admin_username: 'azureuser', admin_password: '${var.win_password}' }],
          aci_connector_linux: [{ subnet_name: 'aci' }],
        }),
      ),
    );
    const c = m.clusters[0];
    expect(c.windowsProfile?.adminUsername).toBe('azureuser');
    expectUnknown(c.windowsProfile?.adminPassword, '${var.win_password}');
    expect(c.aciConnectorLinux).toBe(true);
    expect(readModel(tfDoc(aksCluster('aks'))).clusters[0].aciConnectorLinux).toBe(false);
  });
});

describe('readModel: unknowns', () => {
  it('turns variables, data sources, remote state and interpolations into Unknowns with a reason', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks', {
          kubernetes_version: '${data.azurerm_kubernetes_service_versions.current.latest_version}',
          network_profile: {
            pod_cidr: '${var.pod_cidr}',
            service_cidr: '${data.terraform_remote_state.net.outputs.svc}',
            dns_service_ip: '10.0.0.${local.n}',
            pod_cidrs: ['10.244.0.0/16', '${var.v6}'],
          },
        }),
      ),
    );
    const np = m.clusters[0].networkProfile;
    expect(expectUnknown(np.podCidr, '${var.pod_cidr}').reason).toMatch(/variable/);
    expect(expectUnknown(np.serviceCidr).reason).toMatch(/remote state/);
    expect(expectUnknown(np.dnsServiceIp).reason).toMatch(/interpolated/);
    expect(expectUnknown(m.clusters[0].kubernetesVersion).reason).toMatch(/data source/);
    const list = np.podCidrs as unknown[];
    expect(list[0]).toBe('10.244.0.0/16');
    expectUnknown(list[1], '${var.v6}');
  });

  it('treats a reference to an unknown attribute of a document resource as Unknown', () => {
    const m = readModel(
      tfDoc(
        vnet('v', ['10.1.0.0/16']),
        aksCluster('aks', { network_profile: { service_cidr: '${azurerm_virtual_network.v.guid}' } }),
      ),
    );
    expectUnknown(m.clusters[0].networkProfile.serviceCidr);
  });

  it('keeps a pool whose cluster is not in the document, without a cluster', () => {
    const m = readModel(
      tfDoc(nodePool('p', 'gone', { kubernetes_cluster_id: '${data.azurerm_kubernetes_cluster.x.id}' })),
    );
    expect(m.nodePools).toHaveLength(1);
    expect(m.nodePools[0].clusterAddress).toBeUndefined();
  });

  it('makes every attribute of a block written as an expression Unknown', () => {
    const m = readModel(tfDoc(aksCluster('aks', { network_profile: '${var.profile}' })));
    const np = m.clusters[0].networkProfile;
    expect(np.present).toBe(true);
    expectUnknown(np.networkPlugin, '${var.profile}');
    expectUnknown(effectiveNetwork(m.clusters[0]).mode);
  });
});

describe('readModel: kubernetes services and providers', () => {
  it('links a service to the cluster its provider host references ([0] and .0 spellings)', () => {
    for (const host of [
      '${azurerm_kubernetes_cluster.aks.kube_config[0].host}',
      '${azurerm_kubernetes_cluster.aks.kube_config.0.host}',
    ]) {
      const m = readModel(
        tfDoc(
          aksCluster('aks'),
          provider('kubernetes', { host }),
          k8sService('web', { spec: { ip_families: ['IPv6'], external_traffic_policy: 'Local' } }),
        ),
      );
      const s = m.services[0];
      expect(s.clusterAddress).toBe('azurerm_kubernetes_cluster.aks');
      expect(s.ipFamilies).toEqual(['IPv6']);
      expect(s.externalTrafficPolicy).toBe('Local');
      expect(m.clusters[0].services).toEqual([s]);
    }
  });

  it('honours the provider alias of a service', () => {
    const m = readModel(
      tfDoc(
        aksCluster('a'),
        aksCluster('b'),
        kubernetesProvider('a'),
        kubernetesProvider('b', 'second'),
        k8sService('x'),
        k8sService('y', { provider: 'kubernetes.second' }),
      ),
    );
    const byName = Object.fromEntries(m.services.map((s) => [s.address, s]));
    expect(byName['kubernetes_service_v1.x'].clusterAddress).toBe('azurerm_kubernetes_cluster.a');
    expect(byName['kubernetes_service_v1.y'].clusterAddress).toBe('azurerm_kubernetes_cluster.b');
    expect(byName['kubernetes_service_v1.y'].provider).toBe('kubernetes.second');
  });

  it('reads kubernetes_service (v0) with metadata and spec given as lists and ports as one object', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks'),
        kubernetesProvider('aks'),
        k8sService(
          'old',
          { metadata: [{ name: 'old-svc' }], spec: [{ type: 'LoadBalancer', port: { port: 8080, node_port: 30080 } }] },
          'kubernetes_service',
        ),
      ),
    );
    const s = m.services[0];
    expect(s.address).toBe('kubernetes_service.old');
    expect(s.name).toBe('old-svc');
    expect(s.ports).toEqual([{ name: undefined, port: 8080, targetPort: undefined, nodePort: 30080 }]);
  });

  it.each([
    ['${data.azurerm_kubernetes_cluster.x.kube_config[0].host}', /data source/],
    ['${var.host}', /variable/],
    ['${data.terraform_remote_state.aks.outputs.host}', /remote state/],
    ['https://aks.example.com', /literal address/],
  ])('says why the cluster is unknown when the host is %s', (host, reason) => {
    const m = readModel(tfDoc(aksCluster('aks'), provider('kubernetes', { host }), k8sService('web')));
    expect(m.services[0].clusterAddress).toBeUndefined();
    expect(m.services[0].clusterUnknownReason).toMatch(reason);
  });

  it('says so when the aliased provider is missing', () => {
    const m = readModel(
      tfDoc(aksCluster('aks'), kubernetesProvider('aks'), k8sService('web', { provider: 'kubernetes.nope' })),
    );
    expect(m.services[0].clusterUnknownReason).toMatch(/kubernetes\.nope/);
  });
});

describe('readModel: context subnets', () => {
  it('resolves a literal subnet ID through context.subnets into an external subnet of the parsed VNet', () => {
    const doc = tfDoc(
      aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID } }),
      nodePool('user', 'aks', { vnet_subnet_id: SUBNET_ID }),
    );
    const m = readModel(doc, {
      subnets: { [SUBNET_ID]: ['10.50.0.0/22'] },
      virtualNetworks: { [VNET_ID]: ['10.50.0.0/16'] },
    });
    const s = m.clusters[0].defaultNodePool?.subnet;
    expect(s?.external).toBe(true);
    expect(s?.addressPrefixes).toEqual(['10.50.0.0/22']);
    expect(s?.virtualNetworkKey).toBe(VNET_ID);
    expect(s?.virtualNetwork?.addressSpace).toEqual(['10.50.0.0/16']);
    expect(m.subnets).toHaveLength(1);
    expect(m.nodePools[1].subnet).toBe(s);
  });

  it('leaves the prefixes Unknown when the context does not know the subnet', () => {
    const m = readModel(tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID } })));
    const s = m.clusters[0].defaultNodePool?.subnet;
    expect(expectUnknown(s?.addressPrefixes).reason).toMatch(/context/);
    expect(s?.virtualNetworkKey).toBe(VNET_ID);
  });

  it('parses subnet IDs', () => {
    expect(parseSubnetId(SUBNET_ID)).toMatchObject({ vnetId: VNET_ID, vnetName: 'hub', subnetName: 'nodes' });
    expect(parseSubnetId('/subscriptions/x/subnets/y')).toBeUndefined();
  });
});

describe('readModel: feature registrations', () => {
  it('reads azurerm_resource_provider_registration features', () => {
    const m = readModel(
      tfDoc(featureRegistration('cs', 'Microsoft.ContainerService', ['AzureOverlayDualStackPreview'])),
    );
    expect(m.featureRegistrations).toEqual([
      expect.objectContaining({
        providerNamespace: 'Microsoft.ContainerService',
        feature: 'AzureOverlayDualStackPreview',
        registered: true,
      }),
    ]);
  });
});

describe('readModel: never throws; shape problems', () => {
  it.each([null, 3, 'x', [], [1, 2], true, {}])('reads %p without throwing', (d) => {
    const m = readModel(d);
    expect(m.clusters).toEqual([]);
  });

  it('reports a non-object document and a non-object resource key', () => {
    expect(readModel(42).shapeProblems[0].message).toMatch(/number/);
    expect(readModel({ resource: 'nope' }).shapeProblems[0].message).toMatch(/"resource" is a string/);
    expect(readModel({ resource: { azurerm_kubernetes_cluster: { aks: 5 } } }).shapeProblems[0].address).toBe(
      'azurerm_kubernetes_cluster.aks',
    );
  });

  it('reports a scalar where a block belongs and an object where a string belongs', () => {
    const m = readModel(tfDoc(aksCluster('aks', { network_profile: 7, dns_prefix: { a: 1 } })));
    expect(m.shapeProblems.map((p) => p.message).join('\n')).toMatch(/network_profile is a number/);
    expect(m.shapeProblems.map((p) => p.message).join('\n')).toMatch(/dns_prefix is an object/);
    expectUnknown(m.clusters[0].dnsPrefix);
  });
});

describe('effective values', () => {
  const cluster = (np: Record<string, unknown> | undefined) =>
    readModel(tfDoc(aksCluster('aks', { network_profile: np }))).clusters[0];

  it('applies the overlay defaults when there is no network_profile', () => {
    const n = effectiveNetwork(cluster(undefined));
    expect(n).toMatchObject({
      plugin: 'azure',
      pluginDefaulted: true,
      mode: 'overlay',
      families: ['IPv4'],
      dualStack: false,
      podCidrs: ['10.244.0.0/16'],
      serviceCidrs: ['10.0.0.0/16'],
      dnsServiceIp: '10.0.0.10',
    });
  });

  it('applies the dual-stack defaults', () => {
    const n = effectiveNetwork(
      cluster({ network_plugin: 'azure', network_plugin_mode: 'overlay', ip_versions: ['IPv4', 'IPv6'] }),
    );
    expect(n.dualStack).toBe(true);
    // AKS picks the IPv6 ranges itself when they are omitted (AKS changelog 2022-01-27): not known before apply
    expect(n.podCidrs).toEqual(['10.244.0.0/16']);
    expect(n.serviceCidrs).toEqual(['10.0.0.0/16']);
    expect(n.podIpv6ChosenByAks).toBe(true);
    expect(n.serviceIpv6ChosenByAks).toBe(true);
  });

  it('has no pod range in node-subnet mode, and kubenet keeps one', () => {
    expect(effectiveNetwork(cluster({ network_plugin: 'azure', network_plugin_mode: undefined }))).toMatchObject({
      mode: 'node-subnet',
      podCidrs: [],
    });
    expect(effectiveNetwork(cluster({ network_plugin: 'kubenet', network_plugin_mode: undefined }))).toMatchObject({
      mode: 'kubenet',
      podCidrs: ['10.244.0.0/16'],
    });
  });

  it('does not default the DNS IP when a custom service range is set', () => {
    const n = effectiveNetwork(
      cluster({ network_plugin: 'azure', network_plugin_mode: 'overlay', service_cidr: '10.100.0.0/16' }),
    );
    expect(n.serviceCidrs).toEqual(['10.100.0.0/16']);
    expect(n.dnsServiceIp).toBeUndefined();
  });

  it('keeps Unknowns Unknown', () => {
    const n = effectiveNetwork(cluster({ network_plugin: '${var.plugin}' }));
    expectUnknown(n.mode, '${var.plugin}');
    expectUnknown(n.podCidrs);
  });

  it('applies pool defaults by network mode and os type', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks', { network_profile: { network_plugin: 'azure', network_plugin_mode: undefined } }),
        nodePool('win', 'aks', {
          os_type: 'Windows',
          auto_scaling_enabled: true,
          min_count: 1,
          max_count: 9,
          node_count: undefined,
        }),
      ),
    );
    const c = m.clusters[0];
    const [dp, win] = poolsOf(c).map((p) => effectivePool(p, c));
    expect(dp).toMatchObject({
      osType: 'Linux',
      mode: 'System',
      osSku: 'Ubuntu',
      maxNodes: 3,
      maxPods: 30,
      autoscaling: false,
    });
    expect(win).toMatchObject({
      osType: 'Windows',
      mode: 'User',
      osSku: 'Windows2022',
      maxNodes: 9,
      maxPods: 30,
      autoscaling: true,
    });
  });

  it('uses node_count as the most nodes without autoscaling, and 110 max pods with kubenet', () => {
    const m = readModel(
      tfDoc(
        aksCluster('aks', {
          network_profile: { network_plugin: 'kubenet', network_plugin_mode: undefined },
          default_node_pool: { node_count: '5' },
        }),
      ),
    );
    const c = m.clusters[0];
    expect(effectivePool(c.defaultNodePool!, c)).toMatchObject({ maxNodes: 5, maxPods: 110 });
  });
});

describe('lists are read without copying, holes included', () => {
  it('a sparse list from the JavaScript API is not taken for a list of strings', () => {
    const pods: unknown[] = ['10.244.0.0/16'];
    pods[2] = 'fd12:3456:789a::/64';
    const doc = tfDoc(
      aksCluster('aks', {
        network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay', pod_cidrs: pods },
      }),
    );
    const fs = check(doc);
    expect(fs.some((f) => f.ruleId === 'document/type' && f.message.includes('pod_cidrs'))).toBe(true);
  });
});
