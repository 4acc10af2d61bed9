/**
 * `pool/subnet-vnet`: "All subnets assigned to node pools must belong to the same virtual network"
 * (node-pool-unique-subnet), and a pool names a subnet only when the default pool does. No cdktf imports.
 */
import { asString, parseSubnetId, unknown, type NodePoolModel } from '../../model';
import { clusterRule, type Outcome, type RuleApi } from '../frame';
import { cut, poolLabel } from '../text';
import type { Finding } from '../types';

/** What identifies the VNet of a pool's subnet: its document address, and/or its resource group and name. */
interface VnetIdentity {
  readonly address?: string;
  readonly resourceGroup?: string;
  readonly name?: string;
  /** How messages show it. */
  readonly label: string;
}

const NAMED_VNET = /^(?:resourceGroups\/([^/]+)\/)?virtualNetworks\/([^/]+)$/;

function identityOf(pool: NodePoolModel, subnetId: string): VnetIdentity | undefined {
  const vnet = pool.subnet?.virtualNetwork;
  if (vnet && !vnet.external) return { address: vnet.address, ...(typeof vnet.name === 'string' ? { name: vnet.name } : {}), label: vnet.address };
  const parsed = parseSubnetId(subnetId);
  if (parsed) return { resourceGroup: parsed.resourceGroup, name: parsed.vnetName, label: cut(parsed.vnetId, 60) };
  const key = pool.subnet?.virtualNetworkKey;
  if (key === undefined) return undefined;
  // a document subnet naming its VNet by a literal name (lib/model/network.ts writes this key)
  const m = NAMED_VNET.exec(key);
  return m ? { resourceGroup: m[1], name: m[2], label: cut(key, 60) } : { address: key, label: cut(key, 60) };
}

/** Same VNet (true), different (false), or not decidable from what the document says (undefined). */
function sameVnet(a: VnetIdentity, b: VnetIdentity): boolean | undefined {
  if (a.address !== undefined && b.address !== undefined) return a.address === b.address;
  if (a.name === undefined || b.name === undefined) return undefined;
  const bothGroups = a.resourceGroup !== undefined && b.resourceGroup !== undefined;
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return bothGroups ? false : undefined;
  if (bothGroups) return a.resourceGroup!.toLowerCase() === b.resourceGroup!.toLowerCase();
  return a.address === undefined && b.address === undefined ? true : undefined;
}

/** The VNet of a pool's subnet (undefined: the pool names no subnet), or the finding that stops the rule. */
function vnetOf(r: RuleApi, pool: NodePoolModel): Outcome<VnetIdentity | undefined> {
  const id = r.need(pool, 'vnet_subnet_id', asString(pool.vnetSubnetId));
  if (!id.ok || id.value === undefined) return id.ok ? { ok: true, value: undefined } : id;
  const vnet = identityOf(pool, id.value);
  if (vnet) return { ok: true, value: vnet };
  return { ok: false, stop: [r.skip(pool, 'the virtual network of vnet_subnet_id', unknown(id.value, 'a subnet whose virtual network this document does not name'))] };
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
      out.push(r.report(pool, `${poolLabel(pool)} names a subnet but the default node pool of ${cluster.address} has no vnet_subnet_id (it uses the AKS-managed VNet)`, 'set default_node_pool.vnet_subnet_id to a subnet of the same VNet, or remove vnet_subnet_id from this pool'));
      continue;
    }
    const v = vnetOf(r, pool);
    if (!v.ok) {
      out.push(...v.stop);
      continue;
    }
    if (v.value === undefined) continue;
    const same = sameVnet(v.value, defVnet.value);
    if (same === false) {
      out.push(r.report(pool, `${poolLabel(pool)} uses a subnet in VNet ${v.value.label}, but the default node pool's subnet is in VNet ${defVnet.value.label}`, `use a subnet of VNet ${defVnet.value.label} for this pool`));
    } else if (same === undefined) {
      out.push(r.skip(pool, 'the virtual network of vnet_subnet_id', unknown(v.value.label, `the document does not say whether it is the default pool's VNet ${defVnet.value.label}`)));
    }
  }
  return out;
});
