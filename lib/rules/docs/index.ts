/**
 * The rule documentation: the one source of docs/RULES.md, `rules`/`explain` and SARIF rule texts.
 * LEAD: placeholder carried over from the old RULES.md table; replaced by the sourced docs data.
 */
import type { RuleDoc } from './types';

export type { RuleDoc, RuleSource } from './types';

const TABLE: readonly (readonly [string, 'error' | 'warning', string, string])[] = [
  ['network/overlay-requires-azure', 'error', "`network_plugin_mode = overlay` needs `network_plugin = azure`", "apply"],
  ['network/pod-cidr-without-overlay', 'error', "a pod CIDR with `azure` in node-subnet mode (no overlay) is rejected: pods take subnet IPs there", "apply"],
  ['network/ip-families', 'error', "families are `[IPv4]` or `[IPv4, IPv6]`, in that order; IPv6 alone and duplicates are rejected", "apply"],
  ['network/cidr-family-mismatch', 'error', "`pod_cidrs` and `service_cidrs` match the families in count and order (IPv4 range first)", "apply"],
  ['network/cidr-syntax', 'error', "each range parses as a CIDR of its family, with the prefix length given and no host bits set (say the normalized range in the fix)", "apply"],
  ['network/service-cidr-ipv6-size', 'error', "the IPv6 service range is no larger than /108 (prefix length >= 108)", "apply"],
  ['network/service-cidr-ipv4-size', 'error', "the IPv4 service range is smaller than /12 (prefix length > 12)", "apply"],
  ['network/dns-service-ip', 'error', "set together with the service range; inside the IPv4 service range; not its first address", "apply"],
  ['network/dns-service-ip-convention', 'warning', "not the range's .10 address", "\u2013"],
  ['network/overlap', 'error', "no two of pod ranges, service ranges, VNet address spaces and node subnets overlap (same family)", "apply or silent breakage"],
  ['network/reserved-range', 'error', "no pod, service or node range overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24", "apply"],
  ['network/pod-cidr-capacity', 'error', "overlay gives every node a fixed /24 of the IPv4 pod range: the range is /24 or larger, and its /24 count covers the most nodes all pools can reach (node_count, or max_count when autoscaling)", "silent: nodes fail to join"],
  ['network/subnet-capacity', 'error', "a node subnet holds its pools' most nodes plus surge (1 node or 10%, whichever is more) plus Azure's 5 reserved addresses; in node-subnet mode every node also takes max_pods addresses", "apply or scale-out"],
  ['network/dual-stack-requires-overlay', 'error', "dual-stack needs Azure CNI Overlay", "apply"],
  ['network/dual-stack-unsupported', 'error', "dual-stack rejects: network policy `azure` or `calico`, outbound type `managedNATGateway`/`userAssignedNATGateway` (Standard NAT Gateway is IPv4-only), the virtual nodes add-on (`aci_connector_linux`)", "apply"],
  ['network/dual-stack-version', 'error', "a set `kubernetes_version` is 1.26.3 or later for dual-stack", "apply"],
  ['network/lb-profile-sku', 'error', "a load balancer profile needs the `standard` SKU; `managed_outbound_ipv6_count` needs dual-stack", "apply"],
  ['network/overlay-vm-size', 'error', "overlay does not support DCsv2-series VM sizes (`Standard_DC<n>s_v2`)", "apply"],
  ['network/kubenet-retiring', 'warning', "`kubenet` is retiring; suggest overlay", "\u2013"],
  ['pool/name', 'error', "`^[a-z][a-z0-9]{0,11}$` (1\u201312 characters) for Linux; 1\u20136 characters for Windows", "plan (Linux) / apply (Windows)"],
  ['pool/name-unique', 'error', "pool names are unique within a cluster", "apply"],
  ['pool/subnet-vnet', 'error', "every pool's subnet lies in the VNet of the default pool's subnet; a pool may name a subnet only when the default pool does (no mixing of the AKS-managed VNet with your own)", "apply"],
  ['pool/system-linux', 'error', "a `System` pool is Linux; the default pool is always Linux and System", "apply"],
  ['pool/windows-needs-azure-cni', 'error', "Windows pools need `network_plugin = azure` (overlay or node-subnet)", "apply"],
  ['pool/windows-profile', 'error', "a cluster with a Windows pool sets `windows_profile` (admin username plus a password of 14\u2013123 characters, from a sensitive variable)", "apply"],
  ['pool/os-sku', 'error', "the os_sku fits the os_type: Linux `Ubuntu`, `Ubuntu2204`, `AzureLinux`, `AzureLinux3`; Windows `Windows2019`, `Windows2022`", "apply"],
  ['pool/azure-linux-2-retired', 'error', "`AzureLinux` on a Kubernetes version below 1.32 means Azure Linux 2.0, out of support since 30 Nov 2025 and without node images since 31 Mar 2026; use `AzureLinux3` or Kubernetes >= 1.32", "apply / scale-out"],
  ['pool/windows-2019-retired', 'error', "`Windows2019` is retired (1 Mar 2026) and unavailable from Kubernetes 1.33", "apply"],
  ['pool/max-pods', 'error', "10\u2013250; a System pool at least 30; above 110 on Windows is a warning", "apply"],
  ['pool/counts', 'error', "node_count 1\u20131000 (default pool) or 0\u20131000; with autoscaling min <= node_count <= max and both set; without autoscaling neither set", "apply"],
  ['pool/windows-dual-stack-preview', 'warning', "a Windows pool in a dual-stack cluster needed the `AzureOverlayDualStackPreview` feature of `Microsoft.ContainerService`; warn unless the stack registers it", "apply"],
  ['service/ipv6-traffic-policy', 'error', "an IPv6 (or dual-stack) LoadBalancer service uses `externalTrafficPolicy: Local`: Azure Load Balancer probes IPv6 from a link-local address that Azure Linux nodes cannot route to a pod, so `Cluster` silently drops traffic", "silent breakage"],
  ['service/family-not-in-cluster', 'error', "a service's IP family is one the cluster has", "apply (service stays pending)"],
  ['service/name', 'error', "a DNS-1035 label: `^[a-z]([-a-z0-9]*[a-z0-9])?$`, at most 63 characters", "apply"],
  ['service/port', 'error', "ports are 1\u201365535", "plan"],
  ['cluster/dns-prefix', 'error', "`^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$`", "plan"],
  ['cluster/name', 'error', "1\u201363 characters: letters, digits, `-`, `_`, starting and ending with a letter or digit", "apply"],
  ['cluster/kubernetes-version', 'error', "`MAJOR.MINOR` or `MAJOR.MINOR.PATCH`", "apply"],
];

/** Every rule's documentation, in catalogue order. */
export const RULE_DOCS: readonly RuleDoc[] = TABLE.map(([id, severity, summary, otherwise]) => ({
  id, severity, summary, otherwise, sources: [], file: `lib/rules/${id.split('/')[0]}`,
}));

const BY_ID = new Map(RULE_DOCS.map((d) => [d.id, d]));

/** The documentation of a rule id; undefined for an unknown id. */
export function ruleDoc(id: string): RuleDoc | undefined {
  return BY_ID.get(id);
}
