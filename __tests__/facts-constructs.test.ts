/**
 * The facts the constructs derive their defaults from (lib/facts/network.ts derivations the model
 * uses too, lib/facts/constructs.ts), and the structured VNet identity (lib/model/vnet-identity.ts).
 */
import {
  constructMaxPods,
  CONSTRUCT_WINDOWS_MAX_PODS,
  DEFAULT_MAX_PODS,
  defaultDnsPrefix,
  defaultDnsServiceIp,
  defaultRanges,
  DNS_PREFIX_PATTERN,
  isDualStack,
  networkModeOf,
  OS_SKU,
  OS_SKUS,
  usesPodCidr,
  type NetworkMode,
} from '../lib/facts';
import { effectiveNetwork } from '../lib/model';
import type { ClusterModel } from '../lib/model';
import { sameVnet, vnetByAddress, vnetByName, vnetOfSubnetId } from '../lib/model/vnet-identity';

/** A cluster model with only the network profile set (all effectiveNetwork reads when the profile is present). */
const clusterWith = (networkProfile: Record<string, unknown>): ClusterModel =>
  ({ networkProfile: { present: true, ...networkProfile } }) as unknown as ClusterModel;

describe('networkModeOf', () => {
  test.each<[string, string | undefined, ReturnType<typeof networkModeOf>]>([
    ['azure', 'overlay', 'overlay'],
    ['azure', undefined, 'node-subnet'],
    ['kubenet', undefined, 'kubenet'],
    ['none', undefined, 'none'],
    ['azure', 'Overlay', { invalid: 'network_plugin_mode' }],
    ['cilium', undefined, { invalid: 'network_plugin' }],
  ])('%s + %s -> %j', (plugin, mode, expected) => {
    expect(networkModeOf(plugin, mode)).toEqual(expected);
  });
});

describe('dual-stack and pod ranges', () => {
  test('isDualStack: any IPv6 family (IPv6 alone is rejected by network/ip-families, and counts as dual-stack)', () => {
    expect([isDualStack(['IPv4']), isDualStack(['IPv4', 'IPv6']), isDualStack(['IPv6']), isDualStack([])]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test('usesPodCidr: overlay and kubenet take a pod range, node-subnet and none do not', () => {
    const modes: NetworkMode[] = ['overlay', 'kubenet', 'node-subnet', 'none'];
    expect(modes.map(usesPodCidr)).toEqual([true, true, false, false]);
  });

  test('defaultRanges: one default per family, in family order; other values get none', () => {
    expect(defaultRanges(['IPv4'], 'pod')).toEqual(['10.244.0.0/16']);
    expect(defaultRanges(['IPv4', 'IPv6'], 'pod')).toEqual(['10.244.0.0/16', 'fd12:3456:789a::/64']);
    expect(defaultRanges(['IPv4', 'IPv6'], 'service')).toEqual(['10.0.0.0/16', 'fd12:3456:789a:1::/108']);
    expect(defaultRanges(['IPv6', 'IPv4'], 'service')).toEqual(['fd12:3456:789a:1::/108', '10.0.0.0/16']);
    expect(defaultRanges(['ipv4', 'IPv6'], 'pod')).toEqual(['fd12:3456:789a::/64']);
  });

  test('defaultRanges gives the single-stack defaults the model assumes', () => {
    const single = effectiveNetwork(clusterWith({ networkPlugin: 'azure', networkPluginMode: 'overlay' }));
    expect([single.podCidrs, single.serviceCidrs]).toEqual([
      defaultRanges(['IPv4'], 'pod'),
      defaultRanges(['IPv4'], 'service'),
    ]);
  });

  test.each<[string[], string | undefined]>([
    [['10.0.0.0/16'], '10.0.0.10'],
    [['10.0.0.0/16', 'fd12:3456:789a:1::/108'], '10.0.0.10'],
    [['fd12:3456:789a:1::/108', '10.2.0.0/16'], '10.2.0.10'],
    [['172.16.8.0/28'], '172.16.8.10'],
    [['172.16.8.0/29'], undefined],
    [['fd12:3456:789a:1::/108'], undefined],
    [['not-a-cidr'], undefined],
    [[], undefined],
  ])('defaultDnsServiceIp(%j) = %s', (ranges, expected) => {
    expect(defaultDnsServiceIp(ranges)).toBe(expected);
  });
});

describe('construct defaults', () => {
  test('constructMaxPods: the mode default for Linux, 110 for Windows on overlay, nothing where AKS decides', () => {
    expect(constructMaxPods('overlay', 'Linux')).toBe(DEFAULT_MAX_PODS.overlay);
    expect(constructMaxPods('node-subnet', 'Linux')).toBe(DEFAULT_MAX_PODS['node-subnet']);
    expect(constructMaxPods('node-subnet', 'Windows')).toBe(DEFAULT_MAX_PODS['node-subnet']);
    expect(constructMaxPods('overlay', 'Windows')).toBe(CONSTRUCT_WINDOWS_MAX_PODS);
    expect([
      constructMaxPods('kubenet', 'Linux'),
      constructMaxPods('none', 'Linux'),
      constructMaxPods(undefined, 'Linux'),
    ]).toEqual([undefined, undefined, undefined]);
  });

  test.each([
    ['aks', 'aks'],
    ['my_cluster.prod', 'my-cluster-prod'],
    ['_aks_', 'aks'],
    ['___', 'aks'],
    ['a'.repeat(60), 'a'.repeat(54)],
  ])('defaultDnsPrefix(%s) = %s, a valid dns_prefix', (name, expected) => {
    expect(defaultDnsPrefix(name)).toBe(expected);
    expect(defaultDnsPrefix(name)).toMatch(DNS_PREFIX_PATTERN);
  });

  test("OS_SKU (the constructs' OsSku) names exactly the os_sku values of OS_SKUS", () => {
    expect(Object.values(OS_SKU).sort()).toEqual([...OS_SKUS.Linux, ...OS_SKUS.Windows].sort());
  });
});

describe('VNet identity', () => {
  const ID = '/subscriptions/s/resourceGroups/RG-Net/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/nodes';

  test('vnetOfSubnetId reads the resource group and VNet of a subnet ID, labelled by the VNet ID', () => {
    expect(vnetOfSubnetId(ID)).toEqual({
      resourceGroup: 'RG-Net',
      name: 'vnet1',
      label: '/subscriptions/s/resourceGroups/RG-Net/providers/Microsoft.Network/virtualNetworks/vnet1',
    });
    expect(vnetOfSubnetId(`${ID}/`)).toBeDefined();
    expect(vnetOfSubnetId('${azurerm_subnet.nodes.id}')).toBeUndefined();
    expect(
      vnetOfSubnetId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1'),
    ).toBeUndefined();
  });

  test('vnetByName and vnetByAddress label as messages show them', () => {
    expect(vnetByName('vnet1', 'rg')).toEqual({
      name: 'vnet1',
      resourceGroup: 'rg',
      label: 'resourceGroups/rg/virtualNetworks/vnet1',
    });
    expect(vnetByName('vnet1')).toEqual({ name: 'vnet1', label: 'virtualNetworks/vnet1' });
    expect(vnetByAddress('azurerm_virtual_network.v', 'vnet1')).toEqual({
      address: 'azurerm_virtual_network.v',
      name: 'vnet1',
      label: 'azurerm_virtual_network.v',
    });
  });

  test('sameVnet: decides by address, else by name and resource group (case-insensitive), else undecidable', () => {
    const byId = vnetOfSubnetId(ID)!;
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), vnetByAddress('azurerm_virtual_network.a'))).toBe(true);
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), vnetByAddress('azurerm_virtual_network.b'))).toBe(
      false,
    );
    expect(sameVnet(byId, vnetByName('VNET1', 'rg-net'))).toBe(true);
    expect(sameVnet(byId, vnetByName('vnet1', 'other'))).toBe(false);
    expect(sameVnet(byId, vnetByName('vnet2', 'rg-net'))).toBe(false);
    expect(sameVnet(byId, vnetByName('vnet2'))).toBeUndefined();
    expect(sameVnet(byId, vnetByName('vnet1'))).toBe(true);
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a', 'vnet1'), vnetByName('vnet1'))).toBeUndefined();
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), byId)).toBeUndefined();
  });
});
