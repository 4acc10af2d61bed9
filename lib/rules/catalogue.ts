/**
 * The machine-readable list of rule ids of RULES.md (the ids of lib/rules/docs, without the
 * `document/*` ids). Tests compare it with the rule documentation, with RULES.md and with the
 * implemented rules, so an id cannot be documented without being enforced, or vice versa.
 */
export const RULE_IDS = [
  'network/invalid-value',
  'network/overlay-requires-azure',
  'network/pod-cidr-without-overlay',
  'network/policy-azure-plugin',
  'network/cilium-plugin',
  'network/cilium-policy',
  'network/acns-security-cilium',
  'network/lb-sku-basic',
  'network/lb-profile-sku',
  'network/overlay-vm-size',
  'network/kubenet-retiring',
  'network/ip-families',
  'network/ip-families-order',
  'network/cidr-family-mismatch',
  'network/cidr-syntax',
  'network/cidr-normalized',
  'network/service-cidr-ipv6-size',
  'network/service-cidr-ipv4-size',
  'network/dns-service-ip',
  'network/dns-service-ip-convention',
  'network/overlap',
  'network/overlap-vnet-space',
  'network/reserved-range',
  'network/pod-cidr-capacity',
  'network/subnet-capacity',
  'network/subnet-delegated',
  'network/dual-stack-requires-overlay',
  'network/dual-stack-unsupported',
  'network/dual-stack-user-natgw',
  'network/dual-stack-version',
  'network/dual-stack-subnet',
  'network/managed-natgw-byo-vnet',
  'network/user-natgw-subnet',
  'network/user-natgw-association',
  'network/udr-subnet-route',
  'network/udr-default-route',
  'pool/name',
  'pool/name-unique',
  'pool/subnet-vnet',
  'pool/system-linux',
  'pool/system-node-count',
  'pool/spot-system',
  'pool/counts',
  'pool/max-pods',
  'pool/max-pods-windows',
  'pool/max-pods-total',
  'pool/orchestrator-version-skew',
  'pool/windows-needs-azure-cni',
  'pool/windows-cilium',
  'pool/windows-azure-npm',
  'pool/windows-profile',
  'pool/windows-password-literal',
  'pool/os-sku',
  'pool/os-sku-k8s-version',
  'pool/azure-linux-2-retired',
  'pool/windows-2019-retired',
  'pool/windows-2019-unsupported',
  'pool/upgrade-settings',
  'service/ipv6-traffic-policy',
  'service/family-not-in-cluster',
  'service/name',
  'service/port',
  'cluster/name',
  'cluster/dns-prefix',
  'cluster/kubernetes-version',
  'cluster/kubernetes-version-number',
  'change/cluster-replaced',
  'change/pool-replaced',
  'change/pool-cycled',
  'change/rotation-name-missing',
  'change/network-migration',
  'change/egress-changed',
  'change/cluster-deleted',
  'change/pool-deleted',
] as const;

/** A rule id of RULES.md. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Ids of findings about the document itself rather than an Azure rule: a document whose shape
 * is not Terraform JSON (`document/shape`), a rule that failed on input it did not expect
 * (`document/rule-error`; reported instead of crashing), a `count` / `for_each` / `dynamic` block
 * / `module` call that could not be evaluated (`document/not-evaluated`), and a suppression that
 * matches nothing (`document/stale-suppression`).
 */
export const DOCUMENT_RULE_IDS = [
  'document/shape',
  'document/type',
  'document/rule-error',
  'document/not-evaluated',
  'document/stale-suppression',
] as const;
