/**
 * `pool/subnet-vnet`: "All subnets assigned to node pools must belong to the same virtual network"
 * (node-pool-unique-subnet), and a pool names a subnet only when the default pool does. No cdktf imports.
 */
import { asString, sameVnet, unknown, vnetOfSubnetId, type NodePoolModel, type VnetIdentity } from '../../model';
import { clusterRule, type Outcome, type RuleApi } from '../frame';
import { cut, poolLabel } from '../text';
import type { Finding } from '../types';

function identityOf(pool: NodePoolModel, subnetId: string): VnetIdentity | undefined {
  return pool.subnet?.vnetIdentity ?? vnetOfSubnetId(subnetId);
}

/** The VNet of a pool's subnet (undefined: the pool names no subnet), or the finding that stops the rule. */
function vnetOf(r: RuleApi, pool: NodePoolModel): Outcome<VnetIdentity | undefined> {
  const id = r.need(pool, 'vnet_subnet_id', asString(pool.vnetSubnetId));
  if (!id.ok || id.value === undefined) return id.ok ? { ok: true, value: undefined } : id;
  const vnet = identityOf(pool, id.value);
  if (vnet) return { ok: true, value: vnet };
  return {
    ok: false,
    stop: [
      r.skip(
        pool,
        'the virtual network of vnet_subnet_id',
        unknown(id.value, 'a subnet whose virtual network this document does not name'),
      ),
    ],
  };
}

/** `pool/subnet-vnet`. */
export const poolSubnetVnet = clusterRule('pool/subnet-vnet', (cluster, r) => {
  const def = cluster.defaultNodePool;
  const others = cluster.nodePools.filter((p) => p.vnetSubnetId !== undefined);
  if (!def || others.length === 0) return [];
  const defVnet = vnetOf(r, def);
  if (!defVnet.ok) return defVnet.stop;
  const out: Finding[] = [];
  for (const pool of others) {
    if (defVnet.value === undefined) {
      out.push(
        r.report(
          pool,
          `${poolLabel(pool)} names a subnet but the default node pool of ${cluster.address} has no vnet_subnet_id (it uses the AKS-managed VNet)`,
          'set default_node_pool.vnet_subnet_id to a subnet of the same VNet, or remove vnet_subnet_id from this pool',
        ),
      );
      continue;
    }
    const v = vnetOf(r, pool);
    if (!v.ok) {
      out.push(...v.stop);
      continue;
    }
    if (v.value === undefined) continue;
    const same = sameVnet(v.value, defVnet.value);
    // a label can be a VNet ID of any length
    const [mine, theirs] = [cut(v.value.label, 60), cut(defVnet.value.label, 60)];
    if (same === false) {
      out.push(
        r.report(
          pool,
          `${poolLabel(pool)} uses a subnet in VNet ${mine}, but the default node pool's subnet is in VNet ${theirs}`,
          `use a subnet of VNet ${theirs} for this pool`,
        ),
      );
    } else if (same === undefined) {
      out.push(
        r.skip(
          pool,
          'the virtual network of vnet_subnet_id',
          unknown(mine, `the document does not say whether it is the default pool's VNet ${theirs}`),
        ),
      );
    }
  }
  return out;
});
