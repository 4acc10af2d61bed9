/**
 * `network/reserved-range`: 169.254.0.0/16, 192.0.2.0/24, 172.30.0.0/16 and 172.31.0.0/16 apply to
 * "Kubernetes service, pod, and cluster virtual network address ranges" (concepts-network-cni-overview).
 * A VNet's whole address space is not compared: azurerm's acceptance CI applies a cluster in a
 * 172.16.0.0/12 VNet (TestAccKubernetesClusterNodePool_... two-clusters test); its subnets are. No cdktf imports.
 */
import { overlaps } from '../../net';
import { type PlanModel, type SubnetModel } from '../../model';
import { modelRule } from '../frame';
import type { Finding } from '../types';
import { clusterRanges, describe, fixFor, RESERVED_CIDRS, subnetRanges, unique, type Ranges } from './ranges';

function nodeSubnets(model: PlanModel): SubnetModel[] {
  return unique(model.nodePools.map((p) => p.subnet));
}

/** `network/reserved-range`. */
export const reservedRange = modelRule('network/reserved-range', (r) => {
  const subnets = nodeSubnets(r.model);
  const parts: Ranges[] = [...r.model.clusters.map((c) => clusterRanges(r, c)), subnetRanges(r, subnets)];
  const taken = parts.flatMap((p) => p.ranges.map((x) => x.cidr));
  const out: Finding[] = [];
  for (const part of parts) {
    out.push(...part.stops);
    for (const range of part.ranges) {
      const hit = RESERVED_CIDRS.filter((x) => overlaps(range.cidr, x)).map((x) => x.normalized);
      if (hit.length === 0) continue;
      const label =
        range.kind === 'subnet' ? `node subnet ${range.cidr.normalized} (${range.owner.address})` : describe(range);
      out.push(r.report(range.owner, `${label} overlaps ${hit.join(', ')}, which AKS reserves`, fixFor(range, taken)));
    }
  }
  return out;
});
