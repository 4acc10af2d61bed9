/**
 * The machine-readable list of rule ids of RULES.md. A test compares it with RULES.md and with
 * the implemented rules, so an id cannot be documented without being enforced, or vice versa.
 */
export const RULE_IDS = [
  'network/overlay-requires-azure',
  'network/pod-cidr-without-overlay',
  'network/ip-families',
  'network/cidr-family-mismatch',
  'network/cidr-syntax',
  'network/service-cidr-ipv6-size',
  'network/service-cidr-ipv4-size',
  'network/dns-service-ip',
  'network/dns-service-ip-convention',
  'network/overlap',
  'network/reserved-range',
  'network/pod-cidr-capacity',
  'network/subnet-capacity',
  'network/dual-stack-requires-overlay',
  'network/dual-stack-unsupported',
  'network/dual-stack-version',
  'network/lb-profile-sku',
  'network/overlay-vm-size',
  'network/kubenet-retiring',
  'pool/name',
  'pool/name-unique',
  'pool/subnet-vnet',
  'pool/system-linux',
  'pool/windows-needs-azure-cni',
  'pool/windows-profile',
  'pool/os-sku',
  'pool/azure-linux-2-retired',
  'pool/windows-2019-retired',
  'pool/max-pods',
  'pool/counts',
  'pool/windows-dual-stack-preview',
  'service/ipv6-traffic-policy',
  'service/family-not-in-cluster',
  'service/name',
  'service/port',
  'cluster/dns-prefix',
  'cluster/name',
  'cluster/kubernetes-version',
] as const;

/** A rule id of RULES.md. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Ids of findings about the document itself rather than an Azure rule: a document whose shape
 * is not Terraform JSON (`document/shape`), or a rule that failed on input it did not expect
 * (`document/rule-error`; reported instead of crashing).
 */
export const DOCUMENT_RULE_IDS = ['document/shape', 'document/type', 'document/not-evaluated', 'document/rule-error'] as const;
