/**
 * Links shared by the rule documentation: one builder per kind of source, so that every rule
 * cites the same snapshot (the audit in shared/research/rule-audit.md read these). No cdktf imports.
 */
import type { RuleSource } from './types';

/** An AKS article on Microsoft Learn, e.g. `learn('azure-cni-overlay')`. */
export function learn(article: string): string {
  return `https://learn.microsoft.com/azure/aks/${article}`;
}

/** A file of terraform-provider-azurerm at tag v4.55.0 (the version @cdktf/provider-azurerm 14.23.1 wraps). */
export function azurerm(path: string): string {
  return `https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/${path}`;
}

/** An include (retirement notice) of the AKS docs repository. */
export function aksInclude(name: string): string {
  return `https://github.com/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/includes/${name}.md`;
}

/** An AKS release note, e.g. `aksRelease('2026-05-29')`. */
export function aksRelease(date: string): string {
  return `https://github.com/Azure/AKS/releases/tag/${date}`;
}

/** An issue of a GitHub repository, e.g. `issue('Azure/AKS', 1545)`. */
export function issue(repo: string, n: number): string {
  return `https://github.com/${repo}/issues/${n}`;
}

/** The AKS changelog (entries are cited by date in the source title). */
export const AKS_CHANGELOG = 'https://github.com/Azure/AKS/blob/master/CHANGELOG.md';

/** The AKS REST API specification, stable 2025-10-01. */
export const AKS_API =
  'https://github.com/Azure/azure-rest-api-specs/blob/main/specification/containerservice/resource-manager/' +
  'Microsoft.ContainerService/aks/stable/2025-10-01/managedClusters.json';

/** azurerm's `azurerm_kubernetes_cluster` documentation. */
export const AZURERM_CLUSTER_DOCS = azurerm('website/docs/r/kubernetes_cluster.html.markdown');
/** azurerm's `azurerm_kubernetes_cluster` schema (plan-time validation). */
export const AZURERM_CLUSTER = azurerm('internal/services/containers/kubernetes_cluster_resource.go');
/** azurerm's apply-time validation of `azurerm_kubernetes_cluster`. */
export const AZURERM_CLUSTER_VALIDATE = azurerm('internal/services/containers/kubernetes_cluster_validate.go');
/** azurerm's default node pool schema and expansion. */
export const AZURERM_NODEPOOL = azurerm('internal/services/containers/kubernetes_nodepool.go');
/** azurerm's `azurerm_kubernetes_cluster_node_pool` resource. */
export const AZURERM_POOL = azurerm('internal/services/containers/kubernetes_cluster_node_pool_resource.go');
/** azurerm's Kubernetes name validators. */
export const AZURERM_K8S_VALIDATE = azurerm('internal/services/containers/validate/kubernetes.go');
/** azurerm's network profile acceptance tests (configurations the provider's CI applies). */
export const AZURERM_NETWORK_TESTS = azurerm(
  'internal/services/containers/kubernetes_cluster_network_resource_test.go',
);

/** Terraform's JSON configuration syntax. */
export const TF_JSON = 'https://developer.hashicorp.com/terraform/language/syntax/json';
/** The HCL JSON specification. */
export const HCL_JSON_SPEC = 'https://github.com/hashicorp/hcl/blob/main/json/spec.md';

/** A source; `quote` is the sentence or code line that shows the fact. */
export function src(title: string, url: string, quote?: string): RuleSource {
  return quote === undefined ? { title, url } : { title, url, quote };
}
