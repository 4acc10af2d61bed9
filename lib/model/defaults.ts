/**
 * @deprecated The AKS defaults live in lib/facts; these names are kept for compatibility.
 */
export {
  DEFAULT_NETWORK_PLUGIN,
  DEFAULT_NETWORK_PLUGIN_MODE,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_IP_FAMILIES,
  DEFAULT_WINDOWS_OS_SKU,
  DEFAULT_LINUX_OS_SKU,
  DEFAULT_VM_SIZE,
} from '../facts';

import {
  CONSTRUCT_IPV6_POD_CIDR,
  CONSTRUCT_IPV6_SERVICE_CIDR,
  CONSTRUCT_NODE_COUNT,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
} from '../facts';

/** @deprecated the dual-stack pod ranges the constructs render: lib/facts `CONSTRUCT_IPV6_POD_CIDR`. */
export const DEFAULT_DUAL_STACK_POD_CIDRS: readonly string[] = [DEFAULT_POD_CIDR, CONSTRUCT_IPV6_POD_CIDR];
/** @deprecated the dual-stack service ranges the constructs render: lib/facts `CONSTRUCT_IPV6_SERVICE_CIDR`. */
export const DEFAULT_DUAL_STACK_SERVICE_CIDRS: readonly string[] = [DEFAULT_SERVICE_CIDR, CONSTRUCT_IPV6_SERVICE_CIDR];
/** @deprecated lib/facts `DEFAULT_MAX_PODS.overlay`. */
export const DEFAULT_MAX_PODS_OVERLAY = DEFAULT_MAX_PODS.overlay;
/** @deprecated lib/facts `DEFAULT_MAX_PODS['node-subnet']`. */
export const DEFAULT_MAX_PODS_NODE_SUBNET = DEFAULT_MAX_PODS['node-subnet'];
/** @deprecated the node count the constructs render: lib/facts `CONSTRUCT_NODE_COUNT`. */
export const DEFAULT_NODE_COUNT = CONSTRUCT_NODE_COUNT;
