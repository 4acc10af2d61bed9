/**
 * What terraform-provider-azurerm does when an attribute of `azurerm_kubernetes_cluster`, its
 * `default_node_pool`, or `azurerm_kubernetes_cluster_node_pool` changes: replace the resource
 * (ForceNew, possibly conditional through CustomizeDiff), cycle the node pool through
 * `temporary_name_for_rotation`, or update in place. Two provider lines: 4.55 (what
 * `@cdktf/provider-azurerm` 14.23.1 wraps) and 4.66+ (4.66.0 to 4.81.0 and 5.2.0, which added the
 * in-place Azure CNI Overlay migrations). Data only; collected in shared research
 * `plan-json-and-run-tasks.md`, section C. No cdktf imports.
 */

/** A provider line with its own ForceNew rules. */
export type ProviderLine = '4.55' | '4.66';

/**
 * When a change of the attribute replaces the resource:
 * - `always`: any change (schema `ForceNew: true`);
 * - `unless-kubenet-to-overlay`: except `kubenet` -> `azure` with `network_plugin_mode = "overlay"`;
 * - `unless-to-overlay`: except a change whose new value is `overlay`;
 * - `unless-from-empty`: except from an empty value;
 * - `unless-from-empty-or-to-cilium`: except from empty, or `azure`/`calico` -> `cilium`;
 * - `once-set`: only when the old value is not empty;
 * - `unless-rotation-name`: except when the old value is the `temporary_name_for_rotation` (a failed cycle's recovery);
 * - `true-to-false`: only `true` -> `false`;
 * - `unless-ubuntu-azurelinux`: except Ubuntu* <-> AzureLinux*.
 */
export type ReplaceWhen =
  | 'always'
  | 'unless-kubenet-to-overlay'
  | 'unless-to-overlay'
  | 'unless-from-empty'
  | 'unless-from-empty-or-to-cilium'
  | 'once-set'
  | 'unless-rotation-name'
  | 'true-to-false'
  | 'unless-ubuntu-azurelinux';

/** One ForceNew row. */
export interface ForceNewRule {
  /** The attribute below the resource, nested blocks dotted: `network_profile.pod_cidr`, `default_node_pool.name`. */
  readonly attribute: string;
  readonly when: ReplaceWhen;
  /** The provider source line that makes it so. */
  readonly source: string;
}

/** One provider line's rules. */
export interface ProviderTable {
  readonly line: ProviderLine;
  /** `azurerm_kubernetes_cluster` (its `default_node_pool` included). */
  readonly cluster: readonly ForceNewRule[];
  /** `azurerm_kubernetes_cluster_node_pool`. */
  readonly pool: readonly ForceNewRule[];
}

const REPO = 'https://github.com/hashicorp/terraform-provider-azurerm/blob';
/** v4.81.0 (the 4.66+ line's rules; identical flags in v5.2.0). */
const V481 = '5782a75422c68a0d0804ac16d97dcaf3df5ee2fa';
/** v4.55.0. */
const V455 = '37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df';
const KCR = 'internal/services/containers/kubernetes_cluster_resource.go';
const KNP = 'internal/services/containers/kubernetes_nodepool.go';
const NPR = 'internal/services/containers/kubernetes_cluster_node_pool_resource.go';

/** A source link: `src(V481, KCR, '136-152')`. */
function src(commit: string, file: string, lines: string): string {
  const [a, b] = lines.split('-');
  return `${REPO}/${commit}/${file}#L${a}${b !== undefined ? `-L${b}` : ''}`;
}

/** Rows the same in both lines (line numbers of v4.81.0). */
const CLUSTER_COMMON: readonly ForceNewRule[] = [
  { attribute: 'name', when: 'always', source: src(V481, KCR, '227-231') },
  { attribute: 'resource_group_name', when: 'always', source: src(V481, KCR, '227-231') },
  { attribute: 'location', when: 'always', source: src(V481, KCR, '234') },
  { attribute: 'dns_prefix', when: 'always', source: src(V481, KCR, '485-498') },
  { attribute: 'dns_prefix_private_cluster', when: 'always', source: src(V481, KCR, '485-498') },
  { attribute: 'network_profile.network_plugin_mode', when: 'unless-to-overlay', source: src(V481, KCR, '159-161') },
  { attribute: 'network_profile.service_cidr', when: 'always', source: src(V481, KCR, '1211-1216') },
  { attribute: 'network_profile.service_cidrs', when: 'always', source: src(V481, KCR, '1219-1227') },
  { attribute: 'network_profile.dns_service_ip', when: 'always', source: src(V481, KCR, '1168-1173') },
  { attribute: 'network_profile.ip_versions', when: 'always', source: src(V481, KCR, '1364-1376') },
  { attribute: 'network_profile.network_mode', when: 'always', source: src(V481, KCR, '1143-1147') },
  { attribute: 'network_profile.load_balancer_sku', when: 'always', source: src(V481, KCR, '1230-1234') },
  { attribute: 'windows_profile.admin_username', when: 'always', source: src(V481, KCR, '1662-1666') },
  { attribute: 'linux_profile.admin_username', when: 'always', source: src(V481, KCR, '759-763') },
  { attribute: 'linux_profile.ssh_key.key_data', when: 'always', source: src(V481, KCR, '772-776') },
  { attribute: 'oidc_issuer_enabled', when: 'true-to-false', source: src(V481, KCR, '90-93') },
  { attribute: 'default_node_pool.name', when: 'unless-rotation-name', source: src(V481, KCR, '110-121') },
  ...[
    'type',
    'capacity_reservation_group_id',
    'gpu_instance',
    'gpu_driver',
    'node_public_ip_prefix_id',
    'proximity_placement_group_id',
    'host_group_id',
  ].map((a): ForceNewRule => ({
    attribute: `default_node_pool.${a}`,
    when: 'always',
    source: src(V481, KNP, '56-253'),
  })),
  ...['private_cluster_enabled', 'node_resource_group', 'disk_encryption_set_id', 'edge_zone'].map(
    (a): ForceNewRule => ({
      attribute: a,
      when: 'always',
      source: `${REPO}/${V481}/website/docs/r/kubernetes_cluster.html.markdown#L110-L186`,
    }),
  ),
];

/** The node pool resource's ForceNew rows (the same set in 4.55: NPR@37bf7f0 schema). */
const POOL: readonly ForceNewRule[] = [
  { attribute: 'name', when: 'always', source: src(V481, NPR, '168-181') },
  { attribute: 'kubernetes_cluster_id', when: 'always', source: src(V481, NPR, '168-181') },
  { attribute: 'os_type', when: 'always', source: src(V481, NPR, '364-370') },
  { attribute: 'os_sku', when: 'unless-ubuntu-azurelinux', source: src(V481, NPR, '70-84') },
  { attribute: 'priority', when: 'always', source: src(V481, NPR, '381-388') },
  { attribute: 'eviction_policy', when: 'always', source: src(V481, NPR, '214-218') },
  { attribute: 'spot_max_price', when: 'always', source: src(V481, NPR, '405-410') },
  { attribute: 'windows_profile.outbound_nat_enabled', when: 'always', source: src(V481, NPR, '443-458') },
  ...[
    'host_group_id',
    'capacity_reservation_group_id',
    'gpu_instance',
    'gpu_driver',
    'node_public_ip_prefix_id',
    'proximity_placement_group_id',
  ].map((a): ForceNewRule => ({ attribute: a, when: 'always', source: src(V481, NPR, '199-397') })),
];

/** The two provider lines' tables. */
export const FORCE_NEW: Readonly<Record<ProviderLine, ProviderTable>> = {
  '4.55': {
    line: '4.55',
    cluster: [
      ...CLUSTER_COMMON,
      { attribute: 'network_profile.network_plugin', when: 'always', source: src(V455, KCR, '1058-1061') },
      { attribute: 'network_profile.pod_cidr', when: 'always', source: src(V455, KCR, '1119-1124') },
      { attribute: 'network_profile.pod_cidrs', when: 'always', source: src(V455, KCR, '1127-1135') },
      { attribute: 'network_profile.network_policy', when: 'unless-from-empty', source: src(V455, KCR, '110-119') },
      { attribute: 'network_profile.network_data_plane', when: 'unless-from-empty', source: src(V455, KCR, '98-100') },
    ],
    pool: POOL,
  },
  '4.66': {
    line: '4.66',
    cluster: [
      ...CLUSTER_COMMON,
      {
        attribute: 'network_profile.network_plugin',
        when: 'unless-kubenet-to-overlay',
        source: src(V481, KCR, '136-152'),
      },
      { attribute: 'network_profile.pod_cidr', when: 'once-set', source: src(V481, KCR, '181-183') },
      { attribute: 'network_profile.pod_cidrs', when: 'once-set', source: src(V481, KCR, '184-186') },
      {
        attribute: 'network_profile.network_policy',
        when: 'unless-from-empty-or-to-cilium',
        source: src(V481, KCR, '162-180'),
      },
      {
        attribute: 'network_profile.network_data_plane',
        when: 'unless-from-empty-or-to-cilium',
        source: src(V481, KCR, '122-135'),
      },
    ],
    pool: POOL,
  },
};

/**
 * Node pool attributes that the provider changes by cycling the pool: it creates a temporary
 * pool named `temporary_name_for_rotation`, deletes and recreates the pool with the new
 * settings (no cordon and drain), then deletes the temporary pool; without
 * `temporary_name_for_rotation` the apply fails. The plan shows a plain `update`. The same in
 * 4.55 (KCR@37bf7f0 L2589-2630) and 4.66+; 3.x names (`enable_host_encryption`,
 * `enable_node_public_ip`) are listed too, for plans of older providers.
 */
export const CYCLE_ATTRIBUTES: readonly string[] = [
  'vm_size',
  'vnet_subnet_id',
  'pod_subnet_id',
  'max_pods',
  'zones',
  'os_disk_size_gb',
  'os_disk_type',
  'kubelet_disk_type',
  'kubelet_config',
  'linux_os_config',
  'fips_enabled',
  'host_encryption_enabled',
  'enable_host_encryption',
  'node_public_ip_enabled',
  'enable_node_public_ip',
  'snapshot_id',
  'ultra_ssd_enabled',
];

/** Cycling attributes of the default node pool only (KCR L2747-2765). */
export const DEFAULT_POOL_CYCLE_ONLY: readonly string[] = ['only_critical_addons_enabled'];

// Where cycling and its failure without `temporary_name_for_rotation` are implemented (azurerm v4.81.0):
// kubernetes_cluster_resource.go L2747-2840 (default pool; os_sku L2770-2779),
// kubernetes_cluster_node_pool_resource.go L1009-1048, website/docs/r/kubernetes_cluster.html.markdown L376.

const AKS_DOCS = 'https://github.com/MicrosoftDocs/azure-aks-docs/blob';
const TERRAFORM = 'https://github.com/hashicorp/terraform/blob/2072cd4426bd2a6d8c7b62aeeba22eb369d02a4d';

/** Azure's documentation of the in-place network migrations and of egress changes; the plan format. */
export const AZURE_SOURCES = {
  upgradeAzureCni: `${AKS_DOCS}/11d96eef45203ead1fd63a3fde02747bec494c4c/articles/aks/upgrade-azure-cni.md`,
  egressOutboundType: `${AKS_DOCS}/054357a245b04488ded561385b7661319776300f/articles/aks/egress-outboundtype.md`,
  dualStackIssue: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/32814',
  overlayInPlacePr:
    'https://github.com/hashicorp/terraform-provider-azurerm/commit/c272dad82b8bed7ecde1ccfd8e68e8194df41f91',
  planFormat: `${TERRAFORM}/website/docs/internals/json-format.mdx`,
} as const;

/**
 * The provider line of an azurerm version or constraint (`4.55.0`, `~> 4.66`, `>= 3.0, < 5`):
 * the first version it names; 4.66 and later (5.x included) -> `4.66`, anything older -> `4.55`.
 * @returns undefined when `constraint` names no version
 */
export function providerLine(constraint: unknown): ProviderLine | undefined {
  if (typeof constraint !== 'string') return undefined;
  const m = /(\d+)\.(\d+)/.exec(constraint);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 4 || (major === 4 && minor >= 66) ? '4.66' : '4.55';
}
