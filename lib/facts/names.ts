/**
 * Name and number formats of clusters and Kubernetes services. Pure; no cdktf imports.
 */

/**
 * `dns_prefix`: 1-54 letters, digits and hyphens, starting and ending with a letter or digit
 * (azurerm v4.55.0 `validate/kubernetes.go` `KubernetesDNSPrefix`, tests `{DNSPrefix: "a", Errors: 0}`).
 */
export const DNS_PREFIX_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/;
/** Cluster name: API `resourceName` pattern `^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`. */
export const CLUSTER_NAME_PATTERN = /^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
/** Kubernetes Service names are DNS-1035 labels (k8s apimachinery `IsDNS1035Label`). */
export const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1035 labels are at most 63 characters. */
export const DNS_1035_MAX_LENGTH = 63;
/** Service ports: 1-65535 (kubernetes provider `IsPortNumber`). */
export const PORT_RANGE: readonly [number, number] = [1, 65535];
/** The kube-apiserver's default NodePort range (`--service-node-port-range`), which AKS does not expose. */
export const NODE_PORT_RANGE: readonly [number, number] = [30000, 32767];
