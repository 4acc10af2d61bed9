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

/** A value that the document holds only as an unresolved Terraform expression. */
export interface Unknown {
  readonly kind: 'unknown';
  /** The expression as written, e.g. `${var.pod_cidr}` (a value of the wrong type: its JSON text). */
  readonly expression: string;
  /** Why it is unknown, when more can be said than "an unresolved expression", e.g. `a variable`, `an object where a string belongs`. */
  readonly reason?: string;
}

/** A string-ish attribute: the literal, an unresolved expression, or absent. */
export type Value<T> = T | Unknown | undefined;

/** Where a model element came from. */
export interface Located {
  /** The Terraform address, e.g. `azurerm_kubernetes_cluster.aks` (a default pool: `azurerm_kubernetes_cluster.aks.default_node_pool`). */
  readonly address: string;
  /** The cdktf construct path from the `//` metadata, e.g. `dual-stack/aks/resource`. */
  readonly path?: string;
}

export interface LoadBalancerProfileModel {
  readonly managedOutboundIpCount?: Value<number>;
  readonly managedOutboundIpv6Count?: Value<number>;
}

/** `network_profile` of `azurerm_kubernetes_cluster`, as written (no defaults applied). */
export interface NetworkProfileModel {
  /** False when the cluster has no `network_profile` block at all. */
  readonly present: boolean;
  readonly networkPlugin: Value<unknown>;
  readonly networkPluginMode: Value<unknown>;
  readonly networkPolicy: Value<unknown>;
  readonly networkDataPlane: Value<unknown>;
  readonly outboundType: Value<unknown>;
  readonly loadBalancerSku: Value<unknown>;
  readonly podCidr: Value<unknown>;
  /** `pod_cidrs`: a list whose items may themselves be Unknown. */
  readonly podCidrs: Value<unknown>;
  readonly serviceCidr: Value<unknown>;
  readonly serviceCidrs: Value<unknown>;
  readonly dnsServiceIp: Value<unknown>;
  /** `ip_versions`, e.g. `["IPv4", "IPv6"]`. */
  readonly ipVersions: Value<unknown>;
  readonly loadBalancerProfile?: LoadBalancerProfileModel;
}

export interface SubnetModel extends Located {
  /** The key other resources use for it: `${azurerm_subnet.x.id}` or a literal resource ID. */
  readonly id: string;
  readonly name: Value<unknown>;
  /** Literal prefixes when known (from the document or the check context). */
  readonly addressPrefixes: Value<unknown>;
  /** The address of the VNet it belongs to, when it is in the document; or the VNet ID / name from the subnet ID. */
  readonly virtualNetwork?: VirtualNetworkModel;
  /** The VNet key when known: the VNet's address in the document, or the VNet resource ID parsed from a literal subnet ID. */
  readonly virtualNetworkKey?: string;
  /** True when the subnet came from the check context (an existing subnet referenced by ID). */
  readonly external: boolean;
}

export interface VirtualNetworkModel extends Located {
  readonly id: string;
  readonly name: Value<unknown>;
  readonly addressSpace: Value<unknown>;
  readonly external: boolean;
}

export interface NodePoolModel extends Located {
  /** The address of the cluster this pool belongs to; undefined when the link is unknown. */
  readonly clusterAddress?: string;
  /** True for the cluster's `default_node_pool`. */
  readonly isDefault: boolean;
  readonly name: Value<unknown>;
  readonly vmSize: Value<unknown>;
  readonly nodeCount: Value<unknown>;
  readonly minCount: Value<unknown>;
  readonly maxCount: Value<unknown>;
  readonly autoScalingEnabled: Value<unknown>;
  readonly maxPods: Value<unknown>;
  /** `os_type` (the default pool has none: it is always Linux). */
  readonly osType: Value<unknown>;
  readonly osSku: Value<unknown>;
  /** `mode` (the default pool has none: it is always System). */
  readonly mode: Value<unknown>;
  readonly orchestratorVersion: Value<unknown>;
  /** `vnet_subnet_id` as written. */
  readonly vnetSubnetId: Value<unknown>;
  /** The subnet `vnetSubnetId` resolves to, in the document or the context. */
  readonly subnet?: SubnetModel;
  /** `pod_subnet_id` as written (Azure CNI with dynamic IP allocation: pods take addresses of that subnet); undefined when omitted. */
  readonly podSubnetId?: Value<unknown>;
}

export interface WindowsProfileModel {
  readonly adminUsername: Value<unknown>;
  readonly adminPassword: Value<unknown>;
}

export interface ClusterModel extends Located {
  readonly name: Value<unknown>;
  readonly dnsPrefix: Value<unknown>;
  readonly kubernetesVersion: Value<unknown>;
  readonly networkProfile: NetworkProfileModel;
  readonly defaultNodePool?: NodePoolModel;
  /** Extra pools (`azurerm_kubernetes_cluster_node_pool`) linked to this cluster. */
  readonly nodePools: readonly NodePoolModel[];
  readonly windowsProfile?: WindowsProfileModel;
  /** True when an `aci_connector_linux` block (the virtual nodes add-on) is present. */
  readonly aciConnectorLinux: boolean;
  /** Kubernetes services whose provider reaches this cluster. */
  readonly services: readonly ServiceModel[];
}

export interface ServicePortModel {
  readonly name: Value<unknown>;
  readonly port: Value<unknown>;
  readonly targetPort: Value<unknown>;
  readonly nodePort: Value<unknown>;
}

export interface ServiceModel extends Located {
  readonly name: Value<unknown>;
  readonly namespace: Value<unknown>;
  /** `spec.type`, e.g. `LoadBalancer`. */
  readonly type: Value<unknown>;
  readonly ipFamilies: Value<unknown>;
  readonly ipFamilyPolicy: Value<unknown>;
  readonly externalTrafficPolicy: Value<unknown>;
  readonly ports: readonly ServicePortModel[];
  /** The `provider` meta-argument, e.g. `kubernetes.workload`; undefined for the default provider. */
  readonly provider?: string;
  /** The cluster the provider's host references, when that is in the document. */
  readonly clusterAddress?: string;
  /** Why the cluster is not known, when `clusterAddress` is undefined (e.g. the host is a data source). */
  readonly clusterUnknownReason?: string;
}

export interface FeatureRegistrationModel extends Located {
  /** The resource provider namespace, e.g. `Microsoft.ContainerService`. */
  readonly providerNamespace: Value<unknown>;
  /** The feature name, e.g. `AzureOverlayDualStackPreview`. */
  readonly feature: Value<unknown>;
  readonly registered: Value<unknown>;
}

/** A problem with the shape of the document itself (e.g. `resource` is not an object). */
export interface ShapeProblem extends Located {
  readonly message: string;
}

/** Everything rules read. */
export interface PlanModel {
  readonly clusters: readonly ClusterModel[];
  /** Every node pool, default pools included, including pools whose cluster is unknown. */
  readonly nodePools: readonly NodePoolModel[];
  readonly subnets: readonly SubnetModel[];
  readonly virtualNetworks: readonly VirtualNetworkModel[];
  readonly services: readonly ServiceModel[];
  readonly featureRegistrations: readonly FeatureRegistrationModel[];
  readonly shapeProblems: readonly ShapeProblem[];
}
