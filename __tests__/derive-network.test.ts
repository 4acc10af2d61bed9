/**
 * The pure derivations the constructs share with the model (lib/model/derive-network.ts,
 * lib/model/construct-defaults.ts) and the structured VNet identity (lib/model/vnet-identity.ts).
 */
import { defaultMaxPods, effectiveNetwork, isUnknown } from '../lib/model';
import type { ClusterModel, NetworkMode } from '../lib/model';
import { constructMaxPods, defaultDnsPrefix, DEFAULT_MAX_PODS_WINDOWS } from '../lib/model/construct-defaults';
import { defaultDnsServiceIp, defaultRanges, isDualStack, networkModeOf, usesPodCidr } from '../lib/model/derive-network';
import { sameVnet, vnetByAddress, vnetByName, vnetOfSubnetId } from '../lib/model/vnet-identity';

/** A cluster model with only the network profile set (all effectiveNetwork reads). */
const clusterWith = (networkProfile: Record<string, unknown>): ClusterModel => ({ networkProfile }) as unknown as ClusterModel;

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

  test('agrees with the model (effectiveNetwork) for every plugin and mode as written', () => {
    for (const plugin of ['azure', 'kubenet', 'none', 'cilium']) {
      for (const mode of [undefined, 'overlay', 'Overlay']) {
        const derived = networkModeOf(plugin, mode);
        const model = effectiveNetwork(clusterWith({ networkPlugin: plugin, networkPluginMode: mode })).mode;
        expect([plugin, mode, typeof derived === 'string' ? derived : 'invalid']).toEqual([plugin, mode, isUnknown(model) ? 'invalid' : model]);
      }
    }
  });
});

describe('dual-stack and pod ranges', () => {
  test('isDualStack: any IPv6 family (IPv6 alone is rejected by network/ip-families, and counts as dual-stack)', () => {
    expect([isDualStack(['IPv4']), isDualStack(['IPv4', 'IPv6']), isDualStack(['IPv6']), isDualStack([])]).toEqual([false, true, true, false]);
  });

  test('isDualStack agrees with the model', () => {
    for (const families of [['IPv4'], ['IPv4', 'IPv6'], ['IPv6', 'IPv4'], ['IPv6']]) {
      expect(effectiveNetwork(clusterWith({ networkPlugin: 'azure', networkPluginMode: 'overlay', ipVersions: families })).dualStack).toBe(isDualStack(families));
    }
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

  test('defaultRanges gives the model its single-stack and dual-stack overlay defaults', () => {
    const single = effectiveNetwork(clusterWith({ networkPlugin: 'azure', networkPluginMode: 'overlay' }));
    expect([single.podCidrs, single.serviceCidrs]).toEqual([defaultRanges(['IPv4'], 'pod'), defaultRanges(['IPv4'], 'service')]);
    const dual = effectiveNetwork(clusterWith({ networkPlugin: 'azure', networkPluginMode: 'overlay', ipVersions: ['IPv4', 'IPv6'] }));
    expect([dual.podCidrs, dual.serviceCidrs]).toEqual([defaultRanges(['IPv4', 'IPv6'], 'pod'), defaultRanges(['IPv4', 'IPv6'], 'service')]);
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
    expect(constructMaxPods('overlay', 'Linux')).toBe(defaultMaxPods('overlay'));
    expect(constructMaxPods('node-subnet', 'Linux')).toBe(defaultMaxPods('node-subnet'));
    expect(constructMaxPods('node-subnet', 'Windows')).toBe(defaultMaxPods('node-subnet'));
    expect(constructMaxPods('overlay', 'Windows')).toBe(DEFAULT_MAX_PODS_WINDOWS);
    expect([constructMaxPods('kubenet', 'Linux'), constructMaxPods('none', 'Linux'), constructMaxPods(undefined, 'Linux')]).toEqual([undefined, undefined, undefined]);
  });

  test.each([
    ['aks', 'aks'],
    ['my_cluster.prod', 'my-cluster-prod'],
    ['_aks_', 'aks'],
    ['___', 'aks'],
    ['a'.repeat(60), 'a'.repeat(54)],
  ])('defaultDnsPrefix(%s) = %s', (name, expected) => {
    expect(defaultDnsPrefix(name)).toBe(expected);
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
    expect(vnetOfSubnetId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1')).toBeUndefined();
  });

  test('vnetByName and vnetByAddress label as messages show them', () => {
    expect(vnetByName('vnet1', 'rg')).toEqual({ name: 'vnet1', resourceGroup: 'rg', label: 'resourceGroups/rg/virtualNetworks/vnet1' });
    expect(vnetByName('vnet1')).toEqual({ name: 'vnet1', label: 'virtualNetworks/vnet1' });
    expect(vnetByAddress('azurerm_virtual_network.v', 'vnet1')).toEqual({ address: 'azurerm_virtual_network.v', name: 'vnet1', label: 'azurerm_virtual_network.v' });
  });

  test('sameVnet: decides by address, else by name and resource group (case-insensitive), else undecidable', () => {
    const byId = vnetOfSubnetId(ID)!;
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), vnetByAddress('azurerm_virtual_network.a'))).toBe(true);
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), vnetByAddress('azurerm_virtual_network.b'))).toBe(false);
    expect(sameVnet(byId, vnetByName('VNET1', 'rg-net'))).toBe(true);
    expect(sameVnet(byId, vnetByName('vnet1', 'other'))).toBe(false);
    expect(sameVnet(byId, vnetByName('vnet2', 'rg-net'))).toBe(false);
    expect(sameVnet(byId, vnetByName('vnet2'))).toBeUndefined();
    expect(sameVnet(byId, vnetByName('vnet1'))).toBe(true);
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a', 'vnet1'), vnetByName('vnet1'))).toBeUndefined();
    expect(sameVnet(vnetByAddress('azurerm_virtual_network.a'), byId)).toBeUndefined();
  });
});
