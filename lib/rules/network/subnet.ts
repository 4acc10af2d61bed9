/**
 * `network/subnet-delegated`: "The subnet assigned to the AKS node pool can't be a delegated subnet"
 * (concepts-network-cni-overview). No cdktf imports.
 */
import { poolRule } from '../frame';
import { poolLabel } from '../text';

/** `network/subnet-delegated`. */
export const subnetDelegated = poolRule('network/subnet-delegated', (pool, _c, r) => {
  const s = pool.subnet;
  if (!s?.delegated) return [];
  return r.report(
    pool,
    `${poolLabel(pool)} uses subnet ${s.address}, which has a delegation block; AKS node subnets cannot be delegated`,
    'use a subnet without delegation for the nodes (a pod subnet may be delegated to Microsoft.ContainerService/managedClusters)',
  );
});
