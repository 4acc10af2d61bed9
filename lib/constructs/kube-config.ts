/**
 * The kubernetes provider settings that come from an AKS `kube_config`, shared by
 * `AksCluster.kubernetesProvider` and stacks that read an existing cluster with the
 * `azurerm_kubernetes_cluster` data source.
 */
import type { KubernetesProviderConfig } from '@cdktf/provider-kubernetes/lib/provider';
import { Fn } from 'cdktf';

/** The `kube_config` attributes of a cluster resource or data source (`cluster.kubeConfig.get(0)`). */
export interface AksKubeConfig {
  /** The API server URL. */
  readonly host: string;
  /** The client certificate, base64-encoded as AKS returns it. */
  readonly clientCertificate: string;
  /** The client key, base64-encoded. */
  readonly clientKey: string;
  /** The cluster CA certificate, base64-encoded. */
  readonly clusterCaCertificate: string;
}

/**
 * The kubernetes provider's connection settings from an AKS `kube_config`: the host, and the
 * client certificate, key and cluster CA base64-decoded (`Fn.base64decode`), as the provider
 * expects PEM text.
 * @example
 * const kube = new DataAzurermKubernetesCluster(this, 'aks', { name, resourceGroupName }).kubeConfig.get(0);
 * new KubernetesProvider(this, 'kubernetes', kubernetesProviderConnection(kube));
 */
export function kubernetesProviderConnection(
  kube: AksKubeConfig,
): Pick<KubernetesProviderConfig, 'host' | 'clientCertificate' | 'clientKey' | 'clusterCaCertificate'> {
  return {
    host: kube.host,
    clientCertificate: Fn.base64decode(kube.clientCertificate),
    clientKey: Fn.base64decode(kube.clientKey),
    clusterCaCertificate: Fn.base64decode(kube.clusterCaCertificate),
  };
}
