/**
 * Documentation of the rules that compare a cluster's ranges with VNets and subnets, and of the
 * capacity rules. No cdktf imports.
 */
import type { RuleDoc } from './types';
import { AKS_API, AKS_CHANGELOG, issue, learn, src } from './sources';

/** The rules that compare ranges with VNets and subnets, and the capacity rules. */
export const NETWORK_SPACE_DOCS: readonly RuleDoc[] = [
  {
    id: 'network/overlap',
    severity: 'error',
    summary:
      "a cluster's pod and service ranges overlap neither each other nor any subnet of the VNets its pools " +
      'use (every subnet of those VNets known to the document, not only the node subnets); two subnets of one VNet ' +
      'do not overlap (same family)',
    otherwise: 'apply',
    sources: [
      src('AKS API 2025-10-01, serviceCidr', AKS_API, 'It must not overlap with any Subnet IP ranges.'),
      src(
        'Azure/azure-cli#20810 (RP error)',
        issue('Azure/azure-cli', 20810),
        '(ServiceCidrOverlapExistingSubnetsCidr) The specified service CIDR 10.0.0.0/16 is conflicted with an ' +
          'existing subnet CIDR 10.0.239.0/24',
      ),
      src(
        'AKS changelog, 2024-10-25',
        AKS_CHANGELOG,
        'Azure CNI Overlay now checks that the pod CIDR does not conflict with any subnet in the virtual network, ' +
          'rather than checking if it conflicts with the virtual network address space as a whole.',
      ),
      src(
        'Azure CNI Overlay concepts (pod vs service range)',
        learn('concepts-network-azure-cni-overlay'),
        "This range shouldn't overlap with the pod CIDR range",
      ),
      src('Azure/AKS#1117 (a service range equal to another subnet of the VNet fails)', issue('Azure/AKS', 1117)),
    ],
    file: 'lib/rules/network/overlap.ts',
    example: {
      failing:
        '"azurerm_subnet": { "api": { "address_prefixes": ["10.1.0.0/16"], ... } }, "network_profile": { ' +
        '"network_plugin": "azure", "network_plugin_mode": "overlay", "service_cidr": "10.1.0.0/16", ' +
        '"dns_service_ip": "10.1.0.10" }',
      fix: 'move the service range to a range no subnet of the VNet uses, e.g. service_cidr = "10.0.0.0/16"',
    },
  },
  {
    id: 'network/overlap-vnet-space',
    severity: 'warning',
    summary:
      'a pod or service range lies inside the address space of a VNet the cluster uses but hits no subnet ' +
      'the document knows: AKS accepts it (its own default does it), but a later subnet there would collide',
    otherwise: '-',
    sources: [
      src(
        'Azure/AKS#2727: `az aks create` puts the 10.0.0.0/16 service range inside its own 10.0.0.0/8 VNet',
        issue('Azure/AKS', 2727),
      ),
      src(
        'AKS changelog, 2024-10-25',
        AKS_CHANGELOG,
        'Azure CNI Overlay now checks that the pod CIDR does not conflict with any subnet in the virtual network, ' +
          'rather than checking if it conflicts with the virtual network address space as a whole.',
      ),
    ],
    file: 'lib/rules/network/overlap.ts',
    example: {
      failing:
        '"azurerm_virtual_network": { "v": { "address_space": ["10.0.0.0/8"] } }, "azurerm_subnet": { ' +
        '"nodes": ' +
        '{ "address_prefixes": ["10.1.0.0/16"] } }, "network_profile": { "network_plugin": "kubenet" }',
      fix:
        'keep pod and service ranges outside the VNet (e.g. service_cidr = "172.16.0.0/16"), or never put a ' +
        'subnet on them',
    },
  },
  {
    id: 'network/reserved-range',
    severity: 'error',
    summary:
      'no pod range, service range or node subnet overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 ' +
      'or 192.0.2.0/24 (a VNet address space that merely contains one is accepted: azurerm CI applies a 172.16.0.0/12 VNet)',
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI overview, reserved ranges',
        learn('concepts-network-cni-overview'),
        '169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24 ... Kubernetes service, pod, and cluster ' +
          'virtual network address ranges',
      ),
      src('Azure/AKS#2234 (a reserved service range fails creation)', issue('Azure/AKS', 2234)),
    ],
    file: 'lib/rules/network/reserved-range.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"pod_cidr": "169.254.0.0/16" }',
      fix: 'use a private range AKS does not reserve, e.g. pod_cidr = "10.244.0.0/16"',
    },
  },
  {
    id: 'network/pod-cidr-capacity',
    severity: 'error',
    summary:
      'overlay gives every node a fixed /24 of the IPv4 pod range: the range is /24 or larger and its /24 ' +
      'blocks cover the most nodes all pools can reach (node_count, or max_count with autoscaling; an omitted ' +
      "node_count of a node-pool resource is 0) plus each pool's upgrade surge (max_surge, default 10% rounded " +
      'up, at least 1)',
    otherwise: 'silent',
    sources: [
      src(
        'Azure CNI Overlay concepts',
        learn('concepts-network-azure-cni-overlay'),
        'Each node is assigned a `/24` address space carved out from the same CIDR',
      ),
      src(
        'AKS API 2025-10-01, maxSurge',
        AKS_API,
        'If not specified, the default is 10%. ... fractional nodes are rounded up.',
      ),
    ],
    file: 'lib/rules/network/capacity.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"pod_cidr": "10.10.0.0/22" }, "default_node_pool": { "name": "system", "node_count": 5, ... }',
      fix: 'use a pod range with a /24 per node and surge node, e.g. pod_cidr = "10.10.0.0/20", or fewer nodes',
    },
  },
  {
    id: 'network/subnet-capacity',
    severity: 'error',
    summary:
      "a node subnet holds its pools' (most nodes + surge nodes), times (1 + max_pods) in node-subnet mode " +
      "without a pod subnet, plus Azure's 5 reserved addresses per prefix",
    otherwise: 'apply',
    sources: [
      src(
        'IP address planning',
        learn('concepts-network-ip-address-planning'),
        '(number of nodes + max surge nodes) + ((number of nodes + max surge nodes) * maximum pods per node that you ' +
          'configure)',
      ),
      src(
        'Azure CNI Overlay concepts',
        learn('concepts-network-azure-cni-overlay'),
        'Azure reserves the first four and last IP addresses',
      ),
      src('AKS API 2025-10-01, maxSurge', AKS_API, 'If not specified, the default is 10%.'),
    ],
    file: 'lib/rules/network/capacity.ts',
    example: {
      failing:
        '"azurerm_subnet": { "nodes": { "address_prefixes": ["10.1.0.0/24"] } }, "default_node_pool": { ' +
        '"vnet_subnet_id": "${azurerm_subnet.nodes.id}", "node_count": 300, ... }',
      fix: 'use a larger subnet (here a /23 holds 300 + 30 surge nodes), or fewer nodes',
    },
  },
  {
    id: 'network/subnet-delegated',
    severity: 'error',
    summary: "a node pool's subnet (`vnet_subnet_id`) has no `delegation` block",
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI overview',
        learn('concepts-network-cni-overview'),
        "The subnet assigned to the AKS node pool can't be a delegated subnet.",
      ),
    ],
    file: 'lib/rules/network/subnet.ts',
    example: {
      failing:
        '"azurerm_subnet": { "nodes": { "address_prefixes": ["10.1.0.0/24"], "delegation": [{ "name": "aci", ' +
        '"service_delegation": [{ "name": "Microsoft.ContainerInstance/containerGroups" }] }] } }, ' +
        '"default_node_pool": { "vnet_subnet_id": "${azurerm_subnet.nodes.id}", ... }',
      fix: 'give the pool a subnet without delegation; keep delegated subnets for the service they are delegated to',
    },
  },
];
