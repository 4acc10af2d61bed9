/**
 * Reading `azurerm_kubernetes_cluster` (with its default pool, network profile and Windows profile)
 * and `azurerm_kubernetes_cluster_node_pool` into the model. No cdktf imports.
 */
import { isUnknown } from './attr';
import type { Block, DocumentReader, ResourceEntry } from './document';
import type { NetworkBuilder } from './network';
import type {
  ClusterModel,
  LoadBalancerProfileModel,
  NetworkProfileModel,
  NodePoolModel,
  ServiceModel,
  SubnetModel,
  WindowsProfileModel,
} from './types';

import { CLUSTER_TYPE } from './resource-types';

function optional<K extends string>(key: K, v: unknown): { [P in K]?: unknown } {
  return v === undefined ? {} : ({ [key]: v } as { [P in K]?: unknown });
}

function readPool(
  reader: DocumentReader,
  b: Block,
  at: { address: string; path?: string; clusterAddress?: string },
  isDefault: boolean,
  subnet: SubnetModel | undefined,
): NodePoolModel {
  const upgrade = b.body ? reader.block(b.body.upgrade_settings, at.address, 'upgrade_settings') : undefined;
  return {
    address: at.address,
    ...(at.path !== undefined ? { path: at.path } : {}),
    ...(at.clusterAddress !== undefined ? { clusterAddress: at.clusterAddress } : {}),
    isDefault,
    name: b.get('name'),
    vmSize: b.get('vm_size'),
    nodeCount: b.get('node_count'),
    minCount: b.get('min_count'),
    maxCount: b.get('max_count'),
    autoScalingEnabled: b.get('auto_scaling_enabled') ?? b.get('enable_auto_scaling'),
    maxPods: b.get('max_pods'),
    osType: isDefault ? undefined : b.get('os_type'),
    osSku: b.get('os_sku'),
    mode: isDefault ? undefined : b.get('mode'),
    orchestratorVersion: b.get('orchestrator_version'),
    vnetSubnetId: b.body ? reader.link(b.body.vnet_subnet_id, at.address, 'vnet_subnet_id') : b.get('vnet_subnet_id'),
    ...optional(
      'podSubnetId',
      b.body ? reader.link(b.body.pod_subnet_id, at.address, 'pod_subnet_id') : b.get('pod_subnet_id'),
    ),
    ...optional('priority', isDefault ? undefined : b.get('priority')),
    ...optional('maxSurge', upgrade?.get('max_surge')),
    ...optional('maxUnavailable', upgrade?.get('max_unavailable')),
    ...(upgrade?.present ? { upgradeSettings: true as const } : {}),
    ...optional('temporaryNameForRotation', isDefault ? b.get('temporary_name_for_rotation') : undefined),
    ...optional('vmSetType', isDefault ? b.get('type') : undefined),
    ...(subnet ? { subnet } : {}),
  };
}

function readNetworkProfile(reader: DocumentReader, b: Block, address: string): NetworkProfileModel {
  const lbRaw = b.body?.load_balancer_profile;
  let loadBalancerProfile: LoadBalancerProfileModel | undefined;
  if (b.body && lbRaw !== undefined && lbRaw !== null && !(Array.isArray(lbRaw) && lbRaw.length === 0)) {
    const lb = reader.block(lbRaw, address, 'network_profile.load_balancer_profile');
    loadBalancerProfile = {
      managedOutboundIpCount: lb.get('managed_outbound_ip_count') as LoadBalancerProfileModel['managedOutboundIpCount'],
      managedOutboundIpv6Count: lb.get(
        'managed_outbound_ipv6_count',
      ) as LoadBalancerProfileModel['managedOutboundIpv6Count'],
    };
  } else if (!b.body && b.present) {
    // the whole block is unknown: so is its load balancer profile
    const u = b.get('load_balancer_profile');
    if (isUnknown(u)) loadBalancerProfile = { managedOutboundIpCount: u, managedOutboundIpv6Count: u };
  }
  // read where written (a network_profile that is a whole expression leaves it unread: other rules skip)
  const acns = b.body
    ? reader.block(b.body.advanced_networking, address, 'network_profile.advanced_networking')
    : undefined;
  const security = acns?.present ? acns.get('security_enabled') : undefined;
  // azurerm 3.x writes the data plane as ebpf_data_plane (sent as the same API field networkDataplane)
  const plane = b.get('network_data_plane');
  const ebpf = plane === undefined ? b.get('ebpf_data_plane') : undefined;
  return {
    present: b.present,
    networkPlugin: b.get('network_plugin'),
    networkPluginMode: b.get('network_plugin_mode'),
    networkPolicy: b.get('network_policy'),
    networkDataPlane: plane ?? ebpf,
    ...(plane === undefined && ebpf !== undefined ? { networkDataPlaneAttribute: 'ebpf_data_plane' as const } : {}),
    ...(security !== undefined ? { advancedNetworkingSecurity: security } : {}),
    outboundType: b.get('outbound_type'),
    loadBalancerSku: b.get('load_balancer_sku'),
    podCidr: b.get('pod_cidr'),
    podCidrs: b.get('pod_cidrs'),
    serviceCidr: b.get('service_cidr'),
    serviceCidrs: b.get('service_cidrs'),
    dnsServiceIp: b.get('dns_service_ip'),
    ipVersions: b.get('ip_versions'),
    ...(loadBalancerProfile ? { loadBalancerProfile } : {}),
  };
}

/** The lists a cluster's extra pools and services are added to while the document is read. */
export interface ClusterLinks {
  readonly nodePools: NodePoolModel[];
  readonly services: ServiceModel[];
}

/** A cluster, whose `links` lists the caller fills with its extra pools and services, and its default pool. */
export function readCluster(
  reader: DocumentReader,
  network: NetworkBuilder,
  e: ResourceEntry,
  links: ClusterLinks,
): { cluster: ClusterModel; defaultPool?: NodePoolModel } {
  const np = readNetworkProfile(reader, reader.block(e.body.network_profile, e.address, 'network_profile'), e.address);
  const dp = reader.block(e.body.default_node_pool, e.address, 'default_node_pool');
  let defaultPool: NodePoolModel | undefined;
  if (dp.present) {
    defaultPool = readPool(
      reader,
      dp,
      { address: `${e.address}.default_node_pool`, path: e.path, clusterAddress: e.address },
      true,
      network.subnetFor(dp.body?.vnet_subnet_id),
    );
  }
  const wp = reader.block(e.body.windows_profile, e.address, 'windows_profile');
  const windowsProfile: WindowsProfileModel | undefined = wp.present
    ? { adminUsername: wp.get('admin_username'), adminPassword: wp.get('admin_password') }
    : undefined;
  const aci = e.body.aci_connector_linux;
  return {
    defaultPool,
    cluster: {
      address: e.address,
      ...(e.path !== undefined ? { path: e.path } : {}),
      name: reader.value(e.body.name, e.address, 'name'),
      dnsPrefix: reader.value(e.body.dns_prefix, e.address, 'dns_prefix'),
      kubernetesVersion: reader.value(e.body.kubernetes_version, e.address, 'kubernetes_version'),
      networkProfile: np,
      ...(defaultPool ? { defaultNodePool: defaultPool } : {}),
      ...(windowsProfile ? { windowsProfile } : {}),
      aciConnectorLinux:
        aci !== undefined && aci !== null && aci !== false && !(Array.isArray(aci) && aci.length === 0),
      nodePools: links.nodePools,
      services: links.services,
    },
  };
}

/** An `azurerm_kubernetes_cluster_node_pool` resource. */
export function readNodePool(reader: DocumentReader, network: NetworkBuilder, e: ResourceEntry): NodePoolModel {
  const clusterAddress = reader.referencedAddress(e.body.kubernetes_cluster_id, CLUSTER_TYPE);
  const block: Block = { present: true, body: e.body, get: (k) => reader.value(e.body[k], e.address, k) };
  const subnet = network.subnetFor(e.body.vnet_subnet_id);
  return readPool(reader, block, { address: e.address, path: e.path, clusterAddress }, false, subnet);
}
