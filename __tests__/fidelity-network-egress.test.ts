/**
 * Fidelity of the corrected and new dual-stack and egress rules, black-box through `check()`:
 * a failing input and a just-valid edge per rule. They fail until the rules are implemented.
 */
import { ref, resource, subnet, vnet, type JsonObject } from './support/tf';
import {
  clusterWithNetwork,
  dualOverlay,
  expectFinding,
  expectNoError,
  expectNoFinding,
  overlay,
  run,
} from './support/fidelity';

const DUAL_PREFIXES = ['10.1.0.0/24', 'fd00:10:1::/64'];
const dualVnet = () => vnet('v', ['10.1.0.0/16', 'fd00:10::/48']);
const nodes = (prefixes: string[] = DUAL_PREFIXES, overrides: JsonObject = {}) =>
  subnet('nodes', 'v', prefixes, overrides);
const onNodes = { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') } };
const EXTERNAL_SUBNET =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/' +
  'virtualNetworks/' +
  'hub/subnets/nodes';

/** A Standard NAT gateway of the document, associated with subnet `nodes`. */
function natGateway(): ReturnType<typeof resource>[] {
  return [
    resource('azurerm_nat_gateway', 'gw', {
      name: 'gw',
      location: 'westeurope',
      resource_group_name: 'rg',
      sku_name: 'Standard',
    }),
    resource('azurerm_subnet_nat_gateway_association', 'gw', {
      subnet_id: ref('azurerm_subnet', 'nodes'),
      nat_gateway_id: ref('azurerm_nat_gateway', 'gw'),
    }),
  ];
}

/** A route table of the document with `routes`, associated with subnet `nodes`. */
function routeTable(routes: JsonObject[]): ReturnType<typeof resource>[] {
  return [
    resource('azurerm_route_table', 'fw', {
      name: 'fw',
      location: 'westeurope',
      resource_group_name: 'rg',
      route: routes,
    }),
    resource('azurerm_subnet_route_table_association', 'fw', {
      subnet_id: ref('azurerm_subnet', 'nodes'),
      route_table_id: ref('azurerm_route_table', 'fw'),
    }),
  ];
}
const route = (prefix: string) => ({
  name: `to-${prefix.replace(/[./]/g, '-')}`,
  address_prefix: prefix,
  next_hop_type: 'VirtualAppliance',
  next_hop_in_ip_address: '10.1.2.4',
});

describe('network/dual-stack-requires-overlay (corrected): only Azure CNI node-subnet mode', () => {
  it('fails for dual-stack Azure CNI without overlay', () => {
    const np = { network_plugin: 'azure', ip_versions: ['IPv4', 'IPv6'] };
    expectFinding(run(clusterWithNetwork(np)), 'network/dual-stack-requires-overlay', 'error', 'azure');
  });
  it.each([['kubenet'], ['none']])('just valid: %s dual-stack', (plugin) => {
    const np = { network_plugin: plugin, ip_versions: ['IPv4', 'IPv6'] };
    expectNoFinding(run(clusterWithNetwork(np)), 'network/dual-stack-requires-overlay');
  });
});

describe('network/dual-stack-unsupported (corrected)', () => {
  it.each([
    ['network_policy azure', { network_policy: 'azure' }, 'azure'],
    ['network_policy calico', { network_policy: 'calico' }, 'calico'],
    ['outbound_type managedNATGateway', { outbound_type: 'managedNATGateway' }, 'managedNATGateway'],
  ])('fails for %s', (_what, extra, named) => {
    expectFinding(run(clusterWithNetwork(dualOverlay(extra))), 'network/dual-stack-unsupported', 'error', named);
  });
  it('fails for the virtual nodes add-on', () => {
    const doc = clusterWithNetwork(dualOverlay(), { aci_connector_linux: { subnet_name: 'aci' } });
    expectFinding(run(doc), 'network/dual-stack-unsupported', 'error', 'aci_connector_linux');
  });
  it("fails for userAssignedNATGateway when the node subnet's NAT gateway is a document Standard gateway", () => {
    const doc = clusterWithNetwork(
      dualOverlay({ outbound_type: 'userAssignedNATGateway' }),
      onNodes,
      dualVnet(),
      nodes(),
      ...natGateway(),
    );
    expectFinding(run(doc), 'network/dual-stack-unsupported', 'error', 'userAssignedNATGateway');
  });
  it('just valid: userAssignedNATGateway on an existing subnet whose gateway the document does not show', () => {
    const doc = clusterWithNetwork(dualOverlay({ outbound_type: 'userAssignedNATGateway' }), {
      default_node_pool: { vnet_subnet_id: EXTERNAL_SUBNET },
    });
    expectNoError(run(doc, { subnets: { [EXTERNAL_SUBNET]: DUAL_PREFIXES } }), 'network/dual-stack-unsupported');
  });
  it('just valid: Cilium network policy on dual-stack', () => {
    const doc = clusterWithNetwork(dualOverlay({ network_data_plane: 'cilium', network_policy: 'cilium' }), {
      kubernetes_version: '1.33',
    });
    expectNoFinding(run(doc), 'network/dual-stack-unsupported');
  });
});

describe('network/dual-stack-user-natgw (new warning)', () => {
  it('warns for userAssignedNATGateway on dual-stack when the gateway is not in the document', () => {
    const doc = clusterWithNetwork(dualOverlay({ outbound_type: 'userAssignedNATGateway' }), {
      default_node_pool: { vnet_subnet_id: EXTERNAL_SUBNET },
    });
    expectFinding(
      run(doc, { subnets: { [EXTERNAL_SUBNET]: DUAL_PREFIXES } }),
      'network/dual-stack-user-natgw',
      'warning',
      'userAssignedNATGateway',
    );
  });
  it('just valid: single-stack userAssignedNATGateway', () => {
    const doc = clusterWithNetwork(overlay({ outbound_type: 'userAssignedNATGateway' }), {
      default_node_pool: { vnet_subnet_id: EXTERNAL_SUBNET },
    });
    expectNoFinding(run(doc, { subnets: { [EXTERNAL_SUBNET]: ['10.1.0.0/24'] } }), 'network/dual-stack-user-natgw');
  });
});

describe('network/dual-stack-version (corrected): Cilium dual-stack needs 1.29', () => {
  const cilium = dualOverlay({ network_data_plane: 'cilium' });
  it('fails for Cilium dual-stack on 1.28', () => {
    expectFinding(
      run(clusterWithNetwork(cilium, { kubernetes_version: '1.28' })),
      'network/dual-stack-version',
      'error',
      '1.28',
    );
  });
  it('fails for Cilium dual-stack on the number 1.25 (converted to "1.25")', () => {
    expectFinding(
      run(clusterWithNetwork(cilium, { kubernetes_version: 1.25 })),
      'network/dual-stack-version',
      'error',
      '1.25',
    );
  });
  it('just valid: Cilium dual-stack on 1.29', () => {
    expectNoFinding(run(clusterWithNetwork(cilium, { kubernetes_version: '1.29' })), 'network/dual-stack-version');
  });
  it('just valid: dual-stack with the Azure data plane on 1.26.0 (the old 1.26.3 floor is gone)', () => {
    expectNoFinding(
      run(clusterWithNetwork(dualOverlay(), { kubernetes_version: '1.26.0' })),
      'network/dual-stack-version',
    );
  });
});

describe('network/dual-stack-subnet (new)', () => {
  it('fails for a dual-stack cluster on a node subnet without an IPv6 prefix', () => {
    const doc = clusterWithNetwork(dualOverlay(), onNodes, dualVnet(), nodes(['10.1.0.0/24']));
    expectFinding(run(doc), 'network/dual-stack-subnet', 'error', '10.1.0.0/24');
  });
  it('just valid: the node subnet has both families', () => {
    expectNoFinding(run(clusterWithNetwork(dualOverlay(), onNodes, dualVnet(), nodes())), 'network/dual-stack-subnet');
  });
});

describe('network/managed-natgw-byo-vnet (new)', () => {
  it('fails for managedNATGateway with your own subnet', () => {
    const doc = clusterWithNetwork(
      overlay({ outbound_type: 'managedNATGateway' }),
      onNodes,
      dualVnet(),
      nodes(['10.1.0.0/24']),
    );
    expectFinding(run(doc), 'network/managed-natgw-byo-vnet', 'error', 'managedNATGateway');
  });
  it('just valid: managedNATGateway on the AKS-managed VNet', () => {
    expectNoFinding(
      run(clusterWithNetwork(overlay({ outbound_type: 'managedNATGateway' }))),
      'network/managed-natgw-byo-vnet',
    );
  });
});

describe('network/user-natgw-subnet and network/user-natgw-association (new)', () => {
  it('fails for userAssignedNATGateway without vnet_subnet_id', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ outbound_type: 'userAssignedNATGateway' }))),
      'network/user-natgw-subnet',
      'error',
      'userAssignedNATGateway',
    );
  });
  it('warns when the node subnet of the document has no NAT gateway association', () => {
    const doc = clusterWithNetwork(
      overlay({ outbound_type: 'userAssignedNATGateway' }),
      onNodes,
      dualVnet(),
      nodes(['10.1.0.0/24']),
    );
    const fs = run(doc);
    expectNoFinding(fs, 'network/user-natgw-subnet');
    expectFinding(fs, 'network/user-natgw-association', 'warning', 'azurerm_subnet.nodes');
  });
  it('just valid: a subnet with a NAT gateway association', () => {
    const doc = clusterWithNetwork(
      overlay({ outbound_type: 'userAssignedNATGateway' }),
      onNodes,
      dualVnet(),
      nodes(['10.1.0.0/24']),
      ...natGateway(),
    );
    const fs = run(doc);
    expectNoFinding(fs, 'network/user-natgw-subnet');
    expectNoFinding(fs, 'network/user-natgw-association');
  });
});

describe('network/udr-subnet-route and network/udr-default-route (new)', () => {
  it('fails for userDefinedRouting without vnet_subnet_id', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ outbound_type: 'userDefinedRouting' }))),
      'network/udr-subnet-route',
      'error',
      'userDefinedRouting',
    );
  });
  it("warns when the node subnet's route table has no 0.0.0.0/0 route", () => {
    const doc = clusterWithNetwork(
      overlay({ outbound_type: 'userDefinedRouting' }),
      onNodes,
      dualVnet(),
      nodes(['10.1.0.0/24']),
      ...routeTable([route('10.0.0.0/8')]),
    );
    const fs = run(doc);
    expectNoFinding(fs, 'network/udr-subnet-route');
    expectFinding(fs, 'network/udr-default-route', 'warning', 'azurerm_route_table.fw');
  });
  it('just valid: a route table with a default route on the node subnet', () => {
    const doc = clusterWithNetwork(
      overlay({ outbound_type: 'userDefinedRouting' }),
      onNodes,
      dualVnet(),
      nodes(['10.1.0.0/24']),
      ...routeTable([route('0.0.0.0/0')]),
    );
    const fs = run(doc);
    expectNoFinding(fs, 'network/udr-subnet-route');
    expectNoFinding(fs, 'network/udr-default-route');
  });
});
