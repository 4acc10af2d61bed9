/**
 * Documentation of the dual-stack rules and the egress (outbound type) rules. No cdktf imports.
 */
import type { RuleDoc } from './types';
import { AZURERM_CLUSTER_DOCS, azurerm, learn, src } from './sources';

const NAT_GATEWAY = learn('nat-gateway');
const EGRESS = learn('egress-outboundtype');
const OVERLAY_DUAL_STACK_LIMITS = 'Azure CNI Overlay, "Dual-stack networking limitations"';

/** The dual-stack and egress rules. */
export const NETWORK_DUAL_STACK_DOCS: readonly RuleDoc[] = [
  {
    id: 'network/dual-stack-requires-overlay',
    severity: 'error',
    summary:
      'dual-stack with `network_plugin = azure` needs overlay: Azure CNI in node-subnet mode has no ' +
      'dual-stack (kubenet and `none` dual-stack are accepted; kubenet-retiring warns about kubenet)',
    otherwise: 'apply',
    sources: [
      src(
        'Configure dual-stack networking, Limitations',
        learn('configure-dual-stack'),
        'Azure CNI Overlay is required',
      ),
    ],
    file: 'lib/rules/network/dual-stack.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "azure", "ip_versions": ["IPv4", "IPv6"] }',
      fix: 'add network_plugin_mode = "overlay"',
    },
  },
  {
    id: 'network/dual-stack-unsupported',
    severity: 'error',
    summary:
      'a dual-stack cluster has no network policy `azure` or `calico`, no outbound type `managedNATGateway`, ' +
      "no virtual nodes add-on (`aci_connector_linux`), and no `userAssignedNATGateway` whose node subnet's NAT " +
      'gateway is in the document (azurerm 4.55 creates only Standard NAT gateways, which are IPv4-only)',
    otherwise: 'apply',
    sources: [
      src(
        OVERLAY_DUAL_STACK_LIMITS,
        learn('azure-cni-overlay'),
        'Azure network policies; Calico network policies; Standard NAT Gateway, which supports only IPv4. For ' +
          'dual-stack egress, use StandardV2 NAT Gateway. ... Virtual nodes add-on',
      ),
      src(
        'azurerm v4.55.0 nat_gateway_resource.go (sku_name allows only Standard)',
        azurerm('internal/services/network/nat_gateway_resource.go'),
      ),
    ],
    file: 'lib/rules/network/dual-stack.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"ip_versions": ["IPv4", "IPv6"], "outbound_type": "managedNATGateway" }',
      fix: 'use outbound_type = "loadBalancer" (the default), or a user-assigned StandardV2 NAT gateway',
    },
  },
  {
    id: 'network/dual-stack-user-natgw',
    severity: 'warning',
    summary:
      'a dual-stack cluster with `outbound_type = userAssignedNATGateway` whose NAT gateway is not in the ' +
      'document: it works only with a StandardV2 NAT gateway (Standard is IPv4-only)',
    otherwise: '-',
    sources: [
      src(
        'Managed or user-assigned NAT gateway',
        NAT_GATEWAY,
        'Both Standard and StandardV2 NAT gateways are supported for this `outbound-type`',
      ),
      src(
        OVERLAY_DUAL_STACK_LIMITS,
        learn('azure-cni-overlay'),
        'Standard NAT Gateway, which supports only IPv4. For dual-stack egress, use StandardV2 NAT Gateway.',
      ),
    ],
    file: 'lib/rules/network/dual-stack.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"ip_versions": ["IPv4", "IPv6"], "outbound_type": "userAssignedNATGateway" }, ' +
        '"default_node_pool": { "vnet_subnet_id": "/subscriptions/.../subnets/nodes", ... }',
      fix: "make sure the node subnet's NAT gateway is a StandardV2 gateway with an IPv6 public IP",
    },
  },
  {
    id: 'network/dual-stack-version',
    severity: 'error',
    summary: 'dual-stack with the Cilium data plane needs Kubernetes 1.29 or later (a set `kubernetes_version`)',
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI Overlay, dual-stack with Azure CNI Powered by Cilium',
        learn('azure-cni-overlay'),
        'You must have Kubernetes version 1.29 or greater.',
      ),
    ],
    file: 'lib/rules/network/dual-stack.ts',
    example: {
      failing:
        '"kubernetes_version": "1.28", "network_profile": { "network_plugin": "azure", ' +
        '"network_plugin_mode": "overlay", "network_data_plane": "cilium", "ip_versions": ["IPv4", "IPv6"] }',
      fix: 'set kubernetes_version to 1.29 or later (a supported version such as "1.34")',
    },
  },
  {
    id: 'network/dual-stack-subnet',
    severity: 'error',
    summary: "a dual-stack cluster's node subnets known to the document have an IPv6 prefix",
    otherwise: 'apply',
    sources: [
      src(
        'Configure dual-stack networking',
        learn('configure-dual-stack'),
        'Dual-stack networking is required for the Azure virtual network and the pod CIDR.',
      ),
      src(
        'Azure CNI Overlay, dual-stack',
        learn('azure-cni-overlay'),
        'nodes receive both an IPv4 and IPv6 address from the Azure virtual network subnet',
      ),
    ],
    file: 'lib/rules/network/dual-stack.ts',
    example: {
      failing:
        '"azurerm_subnet": { "nodes": { "address_prefixes": ["10.1.0.0/24"] } }, "network_profile": { ' +
        '"network_plugin": "azure", "network_plugin_mode": "overlay", "ip_versions": ["IPv4", "IPv6"] }, ' +
        '"default_node_pool": { "vnet_subnet_id": "${azurerm_subnet.nodes.id}", ... }',
      fix: 'give the subnet (and its VNet) an IPv6 prefix too: address_prefixes = ["10.1.0.0/24", "fd00:10:1::/64"]',
    },
  },
  {
    id: 'network/managed-natgw-byo-vnet',
    severity: 'error',
    summary: '`outbound_type = managedNATGateway` with a pool on your own subnet (`vnet_subnet_id`)',
    otherwise: 'apply',
    sources: [
      src(
        'Managed or user-assigned NAT gateway',
        NAT_GATEWAY,
        "Managed NAT gateway isn't compatible with custom virtual networks.",
      ),
    ],
    file: 'lib/rules/network/egress.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"outbound_type": "managedNATGateway" }, "default_node_pool": { "vnet_subnet_id": ' +
        '"${azurerm_subnet.nodes.id}", ... }',
      fix: 'use outbound_type = "userAssignedNATGateway" with a NAT gateway on the subnet, or drop vnet_subnet_id',
    },
  },
  {
    id: 'network/user-natgw-subnet',
    severity: 'error',
    summary: '`outbound_type = userAssignedNATGateway` needs your own subnet: the default pool sets `vnet_subnet_id`',
    otherwise: 'apply',
    sources: [
      src(
        'Managed or user-assigned NAT gateway',
        NAT_GATEWAY,
        'This configuration requires bring-your-own networking ... and that the NAT gateway is preconfigured on the ' +
          'subnet.',
      ),
    ],
    file: 'lib/rules/network/egress.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"outbound_type": "userAssignedNATGateway" }, "default_node_pool": { "name": "system", ... }',
      fix: 'set default_node_pool.vnet_subnet_id to a subnet with a NAT gateway association',
    },
  },
  {
    id: 'network/user-natgw-association',
    severity: 'warning',
    summary:
      '`outbound_type = userAssignedNATGateway` with a node subnet of the document that has no NAT gateway ' +
      'association in the document (it may be associated elsewhere)',
    otherwise: '-',
    sources: [
      src(
        'Managed or user-assigned NAT gateway',
        NAT_GATEWAY,
        'This configuration requires bring-your-own networking ... and that the NAT gateway is preconfigured on the ' +
          'subnet.',
      ),
    ],
    file: 'lib/rules/network/egress.ts',
    example: {
      failing:
        '"azurerm_subnet": { "nodes": { ... } }, "network_profile": { "outbound_type": ' +
        '"userAssignedNATGateway", ' +
        '... }, "default_node_pool": { "vnet_subnet_id": "${azurerm_subnet.nodes.id}", ... }',
      fix: 'add an azurerm_subnet_nat_gateway_association of the subnet and your NAT gateway',
    },
  },
  {
    id: 'network/udr-subnet-route',
    severity: 'error',
    summary: '`outbound_type = userDefinedRouting` needs your own subnet: the default pool sets `vnet_subnet_id`',
    otherwise: 'apply',
    sources: [
      src(
        'Customize cluster egress with outbound types',
        EGRESS,
        'You must deploy the AKS cluster into an existing virtual network with a subnet',
      ),
      src('azurerm v4.55.0 docs, kubernetes_cluster (outbound_type)', AZURERM_CLUSTER_DOCS),
    ],
    file: 'lib/rules/network/egress.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"outbound_type": "userDefinedRouting" }, "default_node_pool": { "name": "system", ... }',
      fix: 'set default_node_pool.vnet_subnet_id to a subnet whose route table sends 0.0.0.0/0 to your firewall',
    },
  },
  {
    id: 'network/udr-default-route',
    severity: 'warning',
    summary:
      '`outbound_type = userDefinedRouting` with a route table of the document on the node subnet that has no ' +
      '`0.0.0.0/0` route (AKS validates a default route for this outbound type)',
    otherwise: '-',
    sources: [
      src(
        'Customize cluster egress with outbound types',
        EGRESS,
        'Configure a route table with a `0.0.0.0/0` route ... and associate the route table with the cluster subnet',
      ),
      src(
        'Customize cluster egress with outbound types (outbound type none)',
        EGRESS,
        "doesn't require a default route as part of validation",
      ),
    ],
    file: 'lib/rules/network/egress.ts',
    example: {
      failing:
        '"azurerm_route_table": { "fw": { "route": [{ "address_prefix": "10.0.0.0/8", ... }] } }, ' +
        '"azurerm_subnet_route_table_association": { "a": { "subnet_id": "${azurerm_subnet.nodes.id}", ' +
        '"route_table_id": "${azurerm_route_table.fw.id}" } }',
      fix: 'add a route { address_prefix = "0.0.0.0/0", next_hop_type = "VirtualAppliance", ... } to the route table',
    },
  },
];
