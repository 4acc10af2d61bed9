/**
 * Documentation of the rules about a cluster's own ranges: IP families, CIDR syntax, service
 * range sizes and the DNS service IP. No cdktf imports.
 */
import type { RuleDoc } from './types';
import {
  AKS_API,
  AKS_CHANGELOG,
  AZURERM_CLUSTER,
  AZURERM_CLUSTER_DOCS,
  AZURERM_CLUSTER_VALIDATE,
  AZURERM_NETWORK_TESTS,
  learn,
  src,
} from './sources';

const K8S_BITMAP =
  'https://github.com/kubernetes/kubernetes/blob/master/pkg/registry/core/service/ipallocator/bitmap.go';

/** The rules about a cluster's own ranges. */
export const NETWORK_RANGE_DOCS: readonly RuleDoc[] = [
  {
    id: 'network/ip-families',
    severity: 'error',
    summary:
      '`ip_versions` is a list of `IPv4` and `IPv6`, not empty, without duplicates, and not IPv6 alone ' +
      '(unknown spellings such as `ipv4` fail at plan)',
    otherwise: 'plan / apply',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, expandIPVersions',
        AZURERM_CLUSTER,
        '`ip_versions` must be `IPv4` or `IPv4` and `IPv6`. `IPv6` alone is not supported',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, ip_versions schema',
        AZURERM_CLUSTER,
        'ValidateFunc: validation.StringInSlice([]string{ string(managedclusters.IPFamilyIPvFour), ' +
          'string(managedclusters.IPFamilyIPvSix), }, false)',
      ),
      src('Azure CNI Overlay, dual-stack', learn('azure-cni-overlay'), 'Only `ipv4` and `ipv4,ipv6` are supported'),
    ],
    file: 'lib/rules/network/families.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", "ip_versions": ' +
        '["IPv6"] }',
      fix: 'set ip_versions = ["IPv4"] for single-stack or ["IPv4", "IPv6"] for dual-stack',
    },
  },
  {
    id: 'network/ip-families-order',
    severity: 'warning',
    summary:
      '`ip_versions` lists IPv6 before IPv4: the API accepts it, but IPv4 first is what every tool and ' +
      'document assumes (no source shows a rejection)',
    otherwise: '-',
    sources: [
      src(
        'AKS changelog, 2022-11-27 (IPv6 first was accepted by the API)',
        AKS_CHANGELOG,
        'Fixed an issue ... causing apiserver to crash if the cluster has IPv6 listed first in the serviceCIDRs ' +
          'property',
      ),
    ],
    file: 'lib/rules/network/families.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"ip_versions": ["IPv6", "IPv4"] }',
      fix: 'list IPv4 first: ip_versions = ["IPv4", "IPv6"] (and the ranges in the same order)',
    },
  },
  {
    id: 'network/cidr-family-mismatch',
    severity: 'error',
    summary:
      '`pod_cidrs` and `service_cidrs` have one range per family of `ip_versions`, in the same order; ' +
      '`pod_cidr` / `service_cidr` hold an IPv4 range (an empty list is unset: azurerm sends nothing)',
    otherwise: 'plan / apply',
    sources: [
      src(
        'Azure CNI Overlay, dual-stack',
        learn('azure-cni-overlay'),
        'The count and order of ranges in this list must match the value provided to `--ip-families`.',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_validate.go',
        AZURERM_CLUSTER_VALIDATE,
        'dual-stack networking must be enabled and `ip_versions` must be set to ["IPv4", "IPv6"] in order to ' +
          'specify multiple values in `pod_cidrs`',
      ),
      src(
        'AKS API 2025-10-01, podCidrs',
        AKS_API,
        'One IPv4 CIDR is expected for single-stack networking. Two CIDRs, one for each IP family (IPv4/IPv6), is ' +
          'expected for dual-stack networking.',
      ),
    ],
    file: 'lib/rules/network/families.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"ip_versions": ["IPv4", "IPv6"], "pod_cidrs": ["10.244.0.0/16"] }',
      fix:
        'give one range per family in the order of ip_versions: pod_cidrs = ["10.244.0.0/16", ' +
        '"fd12:3456:789a::/64"]',
    },
  },
  {
    id: 'network/cidr-syntax',
    severity: 'error',
    summary:
      'each range (pod, service, VNet address space, subnet prefix) parses as an address of its family with ' +
      'an optional prefix length of that family',
    otherwise: 'plan / apply',
    sources: [
      src(
        'AKS API 2025-10-01, podCidr / serviceCidr pattern',
        AKS_API,
        '"pattern": "^([0-9]{1,3}\\.){3}[0-9]{1,3}(\\/([0-9]|[1-2][0-9]|3[0-2]))?$"',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, pod_cidr / service_cidr',
        AZURERM_CLUSTER,
        'ValidateFunc: validate.CIDR',
      ),
    ],
    file: 'lib/rules/network/cidr-syntax.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", "pod_cidr": ' +
        '"10.244.0/16" }',
      fix: 'write the range as four dotted numbers and a prefix length, e.g. pod_cidr = "10.244.0.0/16"',
    },
  },
  {
    id: 'network/cidr-normalized',
    severity: 'warning',
    summary:
      'a range with host bits set, or without a prefix length, is accepted but reads as another range: the ' +
      'message shows the normalized range',
    otherwise: '-',
    sources: [
      src(
        'azurerm v4.55.0 network acceptance tests (applied by the provider CI)',
        AZURERM_NETWORK_TESTS,
        'pod_cidrs = ["10.1.1.0/24", "2002::1234:abcd:ffff:c0a8:101/120"]',
      ),
      src(
        'AKS API 2025-10-01, podCidr pattern (the prefix length is optional)',
        AKS_API,
        '(\\/([0-9]|[1-2][0-9]|3[0-2]))?$',
      ),
    ],
    file: 'lib/rules/network/cidr-syntax.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", "pod_cidr": ' +
        '"10.244.1.0/16" }',
      fix: 'write the network address: pod_cidr = "10.244.0.0/16"',
    },
  },
  {
    id: 'network/service-cidr-ipv6-size',
    severity: 'error',
    summary: 'the IPv6 service range is no larger than /108 (prefix length >= 108)',
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI Overlay, dual-stack',
        learn('azure-cni-overlay'),
        'The IPv6 subnet assigned to `--service-cidrs` can be no larger than `/108`.',
      ),
    ],
    file: 'lib/rules/network/service-range.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"ip_versions": ["IPv4", "IPv6"], "service_cidrs": ["10.0.0.0/16", "fd12:3456:789a:1::/100"], ' +
        '"dns_service_ip": "10.0.0.10" }',
      fix: 'use a /108 or smaller IPv6 service range, e.g. fd12:3456:789a:1::/108',
    },
  },
  {
    id: 'network/service-cidr-ipv4-size',
    severity: 'error',
    summary: 'the IPv4 service range is smaller than /12 (prefix length > 12)',
    otherwise: 'apply',
    sources: [
      src('Azure CNI Overlay concepts', learn('concepts-network-azure-cni-overlay'), 'It must be smaller than `/12`.'),
      src(
        'azurerm v4.55.0 docs, kubernetes_cluster (service_cidr)',
        AZURERM_CLUSTER_DOCS,
        'Service address CIDR must be smaller than /12',
      ),
    ],
    file: 'lib/rules/network/service-range.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"service_cidr": "10.0.0.0/12", "dns_service_ip": "10.0.0.10" }',
      fix: 'use a /13 or smaller service range, e.g. service_cidr = "10.0.0.0/16"',
    },
  },
  {
    id: 'network/dns-service-ip',
    severity: 'error',
    summary:
      '`dns_service_ip` is set together with the service range, lies inside the IPv4 service range, and ' +
      'is not its first, network or broadcast address (an empty string or list is unset, as azurerm reads it)',
    otherwise: 'plan / apply',
    sources: [
      src(
        'AKS API 2025-10-01, dnsServiceIP',
        AKS_API,
        'It must be within the Kubernetes service address range specified in serviceCidr.',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_validate.go',
        AZURERM_CLUSTER_VALIDATE,
        '`dns_service_ip` and `service_cidr` should all be empty or both should be set',
      ),
      src(
        'Azure CNI Overlay concepts',
        learn('concepts-network-azure-cni-overlay'),
        "Don't use the first IP address in your address range, because this address is used for the " +
          '`kubernetes.default.svc.cluster.local` address.',
      ),
      src('Kubernetes ipallocator/bitmap.go', K8S_BITMAP, "Don't use the IPv4 network's broadcast address"),
    ],
    file: 'lib/rules/network/service-range.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"service_cidr": "10.20.0.0/24", "dns_service_ip": "10.30.0.10" }',
      fix: 'use an address inside the service range, e.g. dns_service_ip = "10.20.0.10"',
    },
  },
  {
    id: 'network/dns-service-ip-convention',
    severity: 'warning',
    summary: '`dns_service_ip` is not the .10 address of the service range, which AKS and most tooling expect',
    otherwise: '-',
    sources: [
      src(
        'Configure kubenet networking',
        learn('configure-kubenet'),
        'The address should be the *.10* address of your service IP address range. The default value is 10.0.0.10.',
      ),
    ],
    file: 'lib/rules/network/service-range.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"service_cidr": "10.20.0.0/24", "dns_service_ip": "10.20.0.53" }',
      fix: 'use dns_service_ip = "10.20.0.10"',
    },
  },
];
