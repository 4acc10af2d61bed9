/**
 * The resource types the model reads, each named once. Problems with resources of other types (a
 * `for_each` over a variable on a diagnostic setting, say) concern no rule and are not reported.
 * No cdktf imports.
 */

/** `azurerm_kubernetes_cluster`. */
export const CLUSTER_TYPE = 'azurerm_kubernetes_cluster';
/** `azurerm_kubernetes_cluster_node_pool`. */
export const NODE_POOL_TYPE = 'azurerm_kubernetes_cluster_node_pool';
/** `azurerm_virtual_network`. */
export const VNET_TYPE = 'azurerm_virtual_network';
/** `azurerm_subnet`. */
export const SUBNET_TYPE = 'azurerm_subnet';
/** `azurerm_nat_gateway` and its subnet association. */
export const NAT_GATEWAY_TYPE = 'azurerm_nat_gateway';
export const NAT_GATEWAY_ASSOCIATION_TYPE = 'azurerm_subnet_nat_gateway_association';
/** `azurerm_route_table`, its subnet association, and its `azurerm_route`s. */
export const ROUTE_TABLE_TYPE = 'azurerm_route_table';
export const ROUTE_TABLE_ASSOCIATION_TYPE = 'azurerm_subnet_route_table_association';
export const ROUTE_TYPE = 'azurerm_route';
/** Kubernetes services, in the order they are read. */
export const SERVICE_TYPES = ['kubernetes_service_v1', 'kubernetes_service'] as const;
/** Resource provider (feature) registrations. */
export const PROVIDER_REGISTRATION_TYPE = 'azurerm_resource_provider_registration';
export const FEATURE_REGISTRATION_TYPE = 'azurerm_resource_provider_feature_registration';

/** Every type above: the resources whose reading problems are reported. */
export const MODEL_TYPES: ReadonlySet<string> = new Set([
  CLUSTER_TYPE,
  NODE_POOL_TYPE,
  VNET_TYPE,
  SUBNET_TYPE,
  NAT_GATEWAY_TYPE,
  NAT_GATEWAY_ASSOCIATION_TYPE,
  ROUTE_TABLE_TYPE,
  ROUTE_TABLE_ASSOCIATION_TYPE,
  ROUTE_TYPE,
  ...SERVICE_TYPES,
  PROVIDER_REGISTRATION_TYPE,
  FEATURE_REGISTRATION_TYPE,
]);
