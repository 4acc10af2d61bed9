/**
 * The typed model that rules read: what a Terraform JSON document (cdk.tf.json) says about AKS
 * clusters, their node pools, networks and Kubernetes services. No cdktf imports.
 *
 * Conventions:
 * - An attribute the document omits is `undefined` (rules then apply the `az aks create`
 *   defaults of RULES.md, see `lib/model/defaults.ts`).
 * - An attribute whose value is a Terraform expression that cannot be resolved inside the
 *   document (a variable, a data source, a remote state, a function call) is an {@link Unknown}.
 *   Rules that need it skip and report a warning-level finding with `skipped: true`.
 * - A value of the wrong JSON type (a number where a string belongs, an object where a list
 *   belongs) is kept as it is, typed `unknown` where that can happen, so that rules can report it.
 */

import type { CheckContext } from './context';
import type { FeatureRegistrationModel, ServiceModel } from './types-k8s';

export type { FeatureRegistrationModel, ServiceModel, ServicePortModel } from './types-k8s';

import type { Located, Value } from './types-base';
import type { VnetIdentity } from './vnet-identity';

export type { Located, Unknown, Value } from './types-base';

/**
 * `network_profile.load_balancer_profile` of `azurerm_kubernetes_cluster`, as written (numbers are
 * not converted: a numeric string stays a string); both counts are an Unknown when the whole
 * `network_profile` is an unresolved expression.
 */
export interface LoadBalancerProfileModel {
  /** `managed_outbound_ip_count`: how many managed outbound public IPv4 addresses; undefined when omitted. */
  readonly managedOutboundIpCount?: Value<number>;
  /**
   * `managed_outbound_ipv6_count`: how many managed outbound public IPv6 addresses (dual-stack only); undefined when
   * omitted.
   */
  readonly managedOutboundIpv6Count?: Value<number>;
}

/** `network_profile` of `azurerm_kubernetes_cluster`, as written (no defaults applied). */
export interface NetworkProfileModel {
  /** False when the cluster has no `network_profile` block at all. */
  readonly present: boolean;
  /** `network_plugin`, e.g. `azure`, `kubenet` or `none`. */
  readonly networkPlugin: Value<unknown>;
  /** `network_plugin_mode`, e.g. `overlay` (Azure CNI Overlay). */
  readonly networkPluginMode: Value<unknown>;
  /** `network_policy`, e.g. `azure`, `calico` or `cilium`. */
  readonly networkPolicy: Value<unknown>;
  /** `network_data_plane`, e.g. `azure` or `cilium` (or azurerm 3.x's `ebpf_data_plane`, see below). */
  readonly networkDataPlane: Value<unknown>;
  /**
   * Set when the data plane is written as `ebpf_data_plane`, azurerm 3.x's name for the same API
   * field (`networkDataplane`; removed in 4.0), so that messages name the attribute as written.
   */
  readonly networkDataPlaneAttribute?: 'ebpf_data_plane';
  /**
   * `advanced_networking.security_enabled` (Advanced Container Networking Services security: FQDN
   * and L7 policies); undefined when the block or the attribute is omitted.
   */
  readonly advancedNetworkingSecurity?: Value<unknown>;
  /** `outbound_type`, e.g. `loadBalancer`, `userDefinedRouting` or `managedNATGateway`. */
  readonly outboundType: Value<unknown>;
  /** `load_balancer_sku`: `standard` or `basic`. */
  readonly loadBalancerSku: Value<unknown>;
  /** `pod_cidr`: the single (IPv4) pod range, e.g. `10.244.0.0/16`. */
  readonly podCidr: Value<unknown>;
  /** `pod_cidrs`: a list whose items may themselves be Unknown. */
  readonly podCidrs: Value<unknown>;
  /** `service_cidr`: the single (IPv4) service range, e.g. `10.0.0.0/16`. */
  readonly serviceCidr: Value<unknown>;
  /** `service_cidrs`: the service ranges, one per IP family (a list whose items may be Unknown). */
  readonly serviceCidrs: Value<unknown>;
  /** `dns_service_ip`: the cluster DNS service address, inside the IPv4 service range, e.g. `10.0.0.10`. */
  readonly dnsServiceIp: Value<unknown>;
  /** `ip_versions`, e.g. `["IPv4", "IPv6"]`. */
  readonly ipVersions: Value<unknown>;
  /** The `load_balancer_profile` block; undefined when it is omitted. */
  readonly loadBalancerProfile?: LoadBalancerProfileModel;
}

/**
 * A subnet: an `azurerm_subnet` of the document, or an existing subnet that a node pool references
 * by a literal resource ID (`external` is then true and its prefixes come from the check context).
 */
export interface SubnetModel extends Located {
  /** The key other resources use for it: `${azurerm_subnet.x.id}` or a literal resource ID. */
  readonly id: string;
  /**
   * `name` as written; for an existing subnet, the name parsed from its resource ID (undefined when the ID is not a
   * subnet ID).
   */
  readonly name: Value<unknown>;
  /** Literal prefixes when known (from the document or the check context). */
  readonly addressPrefixes: Value<unknown>;
  /** Set when an inline subnet of a VNet writes its one prefix as `address_prefix` (messages name it so). */
  readonly prefixesAttribute?: 'address_prefix';
  /** The address of the VNet it belongs to, when it is in the document; or the VNet ID / name from the subnet ID. */
  readonly virtualNetwork?: VirtualNetworkModel;
  /**
   * The VNet key when known: the VNet's address in the document, or the VNet resource ID parsed from a literal subnet
   * ID.
   */
  readonly virtualNetworkKey?: string;
  /** True when the subnet came from the check context (an existing subnet referenced by ID). */
  readonly external: boolean;
  /** Which VNet it lies in, as a structured value (compare with `sameVnet` of lib/model/vnet-identity.ts). */
  readonly vnetIdentity?: VnetIdentity;
  /** True when the subnet has a `delegation` block (node subnets cannot be delegated). */
  readonly delegated?: boolean;
  /** The NAT gateway associated with it in the document (`azurerm_subnet_nat_gateway_association`). */
  readonly natGateway?: NatGatewayModel;
  /** The route table associated with it in the document. */
  readonly routeTable?: RouteTableModel;
}

/** An `azurerm_nat_gateway` of the document associated with a subnet. */
export interface NatGatewayModel {
  /** Its Terraform address. */
  readonly address: string;
  /** `sku_name` as written (azurerm 4.55 allows only `Standard`, which is IPv4-only); undefined when omitted. */
  readonly sku: Value<unknown>;
}

/** An `azurerm_route_table` of the document associated with a subnet. */
export interface RouteTableModel {
  /** Its Terraform address. */
  readonly address: string;
  /** Whether it has a `0.0.0.0/0` route (inline or as `azurerm_route`); an Unknown when a prefix is an expression. */
  readonly defaultRoute: Value<boolean>;
}

/**
 * A virtual network: an `azurerm_virtual_network` of the document, or an existing VNet named by the
 * literal subnet ID of a node pool (`external` is then true).
 */
export interface VirtualNetworkModel extends Located {
  /** `${azurerm_virtual_network.x.id}` for a VNet of the document; the VNet resource ID for an existing one. */
  readonly id: string;
  /** `name` as written; for an existing VNet, the name parsed from the subnet ID. */
  readonly name: Value<unknown>;
  /**
   * `address_space` as written (a list of CIDRs); for an existing VNet, the space the check
   * context gives (`virtualNetworks`), else an Unknown.
   */
  readonly addressSpace: Value<unknown>;
  /** True when the VNet is not in the document (an existing VNet known only from a literal subnet ID). */
  readonly external: boolean;
}

/**
 * A node pool: a cluster's `default_node_pool` block or an `azurerm_kubernetes_cluster_node_pool`
 * resource, attributes as written (`effectivePool` applies the defaults).
 */
export interface NodePoolModel extends Located {
  /** The address of the cluster this pool belongs to; undefined when the link is unknown. */
  readonly clusterAddress?: string;
  /** True for the cluster's `default_node_pool`. */
  readonly isDefault: boolean;
  /** `name`, the pool name, e.g. `system`. */
  readonly name: Value<unknown>;
  /** `vm_size`, e.g. `Standard_D4s_v5`. */
  readonly vmSize: Value<unknown>;
  /** `node_count`: the number of nodes (the initial count when autoscaling). */
  readonly nodeCount: Value<unknown>;
  /** `min_count`: the fewest nodes the autoscaler keeps. */
  readonly minCount: Value<unknown>;
  /** `max_count`: the most nodes the autoscaler adds. */
  readonly maxCount: Value<unknown>;
  /** `auto_scaling_enabled` (or the older `enable_auto_scaling` when the former is omitted). */
  readonly autoScalingEnabled: Value<unknown>;
  /** `max_pods`: the most pods per node. */
  readonly maxPods: Value<unknown>;
  /** `os_type` (the default pool has none: it is always Linux). */
  readonly osType: Value<unknown>;
  /** `os_sku`, e.g. `Ubuntu`, `AzureLinux` or `Windows2022`. */
  readonly osSku: Value<unknown>;
  /** `mode` (the default pool has none: it is always System). */
  readonly mode: Value<unknown>;
  /** `orchestrator_version`: the pool's Kubernetes version, e.g. `1.30`. */
  readonly orchestratorVersion: Value<unknown>;
  /** `vnet_subnet_id` as written. */
  readonly vnetSubnetId: Value<unknown>;
  /** The subnet `vnetSubnetId` resolves to, in the document or the context. */
  readonly subnet?: SubnetModel;
  /**
   * `pod_subnet_id` as written (Azure CNI with dynamic IP allocation: pods take addresses of that subnet); undefined
   * when omitted.
   */
  readonly podSubnetId?: Value<unknown>;
  /** `priority`: `Regular` or `Spot` (extra pools only). */
  readonly priority?: Value<unknown>;
  /** `upgrade_settings.max_surge`, e.g. `10%` or `3`; undefined when omitted. */
  readonly maxSurge?: Value<unknown>;
  /** `upgrade_settings.max_unavailable` (azurerm 4.x), e.g. `1`; undefined when omitted. */
  readonly maxUnavailable?: Value<unknown>;
  /** True when the pool writes an `upgrade_settings` block. */
  readonly upgradeSettings?: true;
  /** `temporary_name_for_rotation` (default pool); undefined when omitted. */
  readonly temporaryNameForRotation?: Value<unknown>;
  /** `type` of the default pool: `VirtualMachineScaleSets` (default) or `AvailabilitySet`. */
  readonly vmSetType?: Value<unknown>;
}

/** `windows_profile` of `azurerm_kubernetes_cluster`, as written: the Windows nodes' administrator account. */
export interface WindowsProfileModel {
  /** `admin_username`, e.g. `azureadmin`. */
  readonly adminUsername: Value<unknown>;
  /**
   * `admin_password`: normally an Unknown (a sensitive variable); a literal string here is a secret written into the
   * document.
   */
  readonly adminPassword: Value<unknown>;
}

/** An `azurerm_kubernetes_cluster` of the document, attributes as written (`effectiveNetwork` applies the defaults). */
export interface ClusterModel extends Located {
  /** `name`, the cluster name. */
  readonly name: Value<unknown>;
  /** `dns_prefix` of the API server's DNS name. */
  readonly dnsPrefix: Value<unknown>;
  /** `kubernetes_version`, e.g. `1.30`; undefined when omitted (Azure picks its default version). */
  readonly kubernetesVersion: Value<unknown>;
  /** The `network_profile` block (`present` is false and every attribute undefined when it is omitted). */
  readonly networkProfile: NetworkProfileModel;
  /** The `default_node_pool` block; undefined when the cluster has none. */
  readonly defaultNodePool?: NodePoolModel;
  /** Extra pools (`azurerm_kubernetes_cluster_node_pool`) linked to this cluster. */
  readonly nodePools: readonly NodePoolModel[];
  /** The `windows_profile` block; undefined when it is omitted. */
  readonly windowsProfile?: WindowsProfileModel;
  /** True when an `aci_connector_linux` block (the virtual nodes add-on) is present. */
  readonly aciConnectorLinux: boolean;
  /** Kubernetes services whose provider reaches this cluster. */
  readonly services: readonly ServiceModel[];
}

/** A problem with the shape of the document itself (e.g. `resource` is not an object). */
export interface ShapeProblem extends Located {
  /**
   * What is wrong, e.g. `network_profile.pod_cidr is an object {"a":1}, expected a string, number, boolean or list`.
   */
  readonly message: string;
}

/** Everything rules read. */
export interface PlanModel {
  /** Every `azurerm_kubernetes_cluster` of the document, with its pools and services. */
  readonly clusters: readonly ClusterModel[];
  /** Every node pool, default pools included, including pools whose cluster is unknown. */
  readonly nodePools: readonly NodePoolModel[];
  /**
   * Every `azurerm_subnet` of the document, plus the existing subnets node pools reference by a literal resource ID
   * (`external`).
   */
  readonly subnets: readonly SubnetModel[];
  /**
   * Every `azurerm_virtual_network` of the document, plus the existing VNets named by literal subnet IDs (`external`).
   */
  readonly virtualNetworks: readonly VirtualNetworkModel[];
  /**
   * Every `kubernetes_service_v1` and `kubernetes_service` of the document, including those whose cluster is unknown.
   */
  readonly services: readonly ServiceModel[];
  /** The feature registrations the document makes (see {@link FeatureRegistrationModel}). */
  readonly featureRegistrations: readonly FeatureRegistrationModel[];
  /**
   * Problems with the document's shape found while reading (the value concerned is an Unknown);
   * `check` reports each as a `document/shape` error.
   */
  readonly shapeProblems: readonly ShapeProblem[];
  /**
   * Constructs that could not be evaluated statically (a `count` or `for_each` that is an expression, a
   * `dynamic` block over an expression, a module call): `analyze` reports each as `document/not-evaluated`.
   */
  readonly notEvaluated: readonly ShapeProblem[];
  /** The check context the model was read with: the given one over the one the document carries. */
  readonly context: CheckContext;
  /** The azurerm version constraint the document pins (`terraform.required_providers.azurerm.version`), if any. */
  readonly azurermVersion?: string;
}
