/**
 * Documentation of the cluster rules (`cluster/*`). No cdktf imports.
 */
import type { RuleDoc } from './types';
import { AKS_API, AZURERM_K8S_VALIDATE, src } from './sources';

const TF_TOSTRING = 'https://developer.hashicorp.com/terraform/language/functions/tostring';

/** The cluster rules. */
export const CLUSTER_DOCS: readonly RuleDoc[] = [
  {
    id: 'cluster/name',
    severity: 'error',
    summary:
      'the cluster name is 1-63 letters, digits, `-` and `_`, starting and ending with a letter or digit ' +
      '(a reference such as `${random_pet.x.id}` is not judged)',
    otherwise: 'apply',
    sources: [
      src(
        'AKS API 2025-10-01, resourceName path parameter',
        AKS_API,
        '"minLength": 1, "maxLength": 63, "pattern": "^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$"',
      ),
    ],
    file: 'lib/rules/cluster/index.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster": { "aks": { "name": "aks.prod", ... } }',
      fix: 'use a name such as "aks-prod"',
    },
  },
  {
    id: 'cluster/dns-prefix',
    severity: 'error',
    summary:
      '`dns_prefix` is 1-54 letters, digits and `-`, starting and ending with a letter or digit: ' +
      '`^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$`',
    otherwise: 'plan',
    sources: [
      src(
        'azurerm v4.55.0 validate/kubernetes.go, KubernetesDNSPrefix',
        AZURERM_K8S_VALIDATE,
        'if len(dnsPrefix) < 2 { re := regexp.MustCompile(`^[a-zA-Z\\d]`) ... (tests: {DNSPrefix: "a", Errors: 0})',
      ),
      src(
        'PSRule Azure.AKS.DNSPrefix',
        'https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.DNSPrefix/',
        'Between 1 and 54 characters long',
      ),
    ],
    file: 'lib/rules/cluster/index.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster": { "aks": { "dns_prefix": "-aks", ... } }',
      fix: 'start and end with a letter or digit, e.g. dns_prefix = "aks"',
    },
  },
  {
    id: 'cluster/kubernetes-version',
    severity: 'error',
    summary:
      "`kubernetes_version` (and a pool's `orchestrator_version`) is `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, " +
      'judged after Terraform\'s conversion (the number 1.29 is the string "1.29")',
    otherwise: 'apply',
    sources: [
      src(
        'AKS API 2025-10-01, orchestratorVersion',
        AKS_API,
        'Both patch version <major.minor.patch> (e.g. 1.20.13) and <major.minor> (e.g. 1.20) are supported.',
      ),
      src(
        'Terraform tostring (automatic conversion)',
        TF_TOSTRING,
        'Explicit type conversions are rarely necessary in Terraform because it will convert types automatically ' +
          'where required.',
      ),
    ],
    file: 'lib/rules/cluster/index.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster": { "aks": { "kubernetes_version": "v1.33-latest", ... } }',
      fix: 'write digits and dots only, e.g. kubernetes_version = "1.33"',
    },
  },
  {
    id: 'cluster/kubernetes-version-number',
    severity: 'warning',
    summary:
      '`kubernetes_version` or `orchestrator_version` written as a number whose converted string has a ' +
      'one-digit minor (1.30 in JSON is the number 1.3, sent as "1.3"): write the version as a string',
    otherwise: '-',
    sources: [
      src('Terraform tostring', TF_TOSTRING, 'tostring(1) ... "1"'),
      src(
        'JSON number grammar (RFC 8259): 1.30 and 1.3 are the same number',
        'https://www.rfc-editor.org/rfc/rfc8259#section-6',
      ),
    ],
    file: 'lib/rules/cluster/index.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster": { "aks": { "kubernetes_version": 1.30, ... } }',
      fix: 'write kubernetes_version = "1.30" (a string)',
    },
  },
];
