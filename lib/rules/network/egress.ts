/**
 * Egress: `network/managed-natgw-byo-vnet` ("Managed NAT gateway isn't compatible with custom virtual
 * networks"), `network/user-natgw-subnet` and `network/user-natgw-association` ("requires
 * bring-your-own networking ... and that the NAT gateway is preconfigured on the subnet"),
 * `network/udr-subnet-route` and `network/udr-default-route` ("You must deploy the AKS cluster into an
 * existing virtual network with a subnet ... Configure a route table with a 0.0.0.0/0 route").
 * No cdktf imports.
 */
import { effectiveNetwork, isUnknown, poolsOf, type ClusterModel, type SubnetModel } from '../../model';
import { clusterRule } from '../frame';
import { poolLabel } from '../text';
import type { Finding } from '../types';

function outbound(c: ClusterModel): string | undefined {
  const o = effectiveNetwork(c).outboundType;
  return typeof o === 'string' ? o : undefined;
}

/** The distinct node subnets of the document (not existing ones) that a cluster's pools use. */
function documentSubnets(c: ClusterModel): SubnetModel[] {
  const out = new Map<string, SubnetModel>();
  for (const p of poolsOf(c)) if (p.subnet && !p.subnet.external) out.set(p.subnet.id, p.subnet);
  return [...out.values()];
}

/** `network/managed-natgw-byo-vnet`. */
export const managedNatgwByoVnet = clusterRule('network/managed-natgw-byo-vnet', (c, r) => {
  if (outbound(c) !== 'managedNATGateway') return [];
  const pool = poolsOf(c).find((p) => p.vnetSubnetId !== undefined);
  if (!pool) return [];
  return r.report(
    pool,
    `outbound_type managedNATGateway with ${poolLabel(pool)} on your own subnet: the managed NAT gateway is not compatible with custom virtual networks`,
    'use outbound_type = "userAssignedNATGateway" with a NAT gateway on the subnet, or drop vnet_subnet_id',
  );
});

function needsSubnet(id: 'network/user-natgw-subnet' | 'network/udr-subnet-route', type: string) {
  return clusterRule(id, (c, r) => {
    if (outbound(c) !== type || !c.defaultNodePool || c.defaultNodePool.vnetSubnetId !== undefined) return [];
    return r.report(
      c,
      `outbound_type ${type} needs your own subnet, but the default node pool has no vnet_subnet_id`,
      `set default_node_pool.vnet_subnet_id to a subnet ${type === 'userDefinedRouting' ? 'with a route table that has a 0.0.0.0/0 route' : 'with a NAT gateway associated'}`,
    );
  });
}

/** `network/user-natgw-subnet`. */
export const userNatgwSubnet = needsSubnet('network/user-natgw-subnet', 'userAssignedNATGateway');
/** `network/udr-subnet-route`. */
export const udrSubnetRoute = needsSubnet('network/udr-subnet-route', 'userDefinedRouting');

/** `network/user-natgw-association`. */
export const userNatgwAssociation = clusterRule('network/user-natgw-association', (c, r) => {
  if (outbound(c) !== 'userAssignedNATGateway') return [];
  return documentSubnets(c)
    .filter((s) => s.natGateway === undefined)
    .map((s) =>
      r.report(
        s,
        `node subnet ${s.address} of ${c.address} (outbound_type userAssignedNATGateway) has no NAT gateway association in this document`,
        'associate the NAT gateway with the subnet (azurerm_subnet_nat_gateway_association), or make sure it is associated elsewhere',
      ),
    );
});

/** `network/udr-default-route`. */
export const udrDefaultRoute = clusterRule('network/udr-default-route', (c, r) => {
  if (outbound(c) !== 'userDefinedRouting') return [];
  const out: Finding[] = [];
  for (const s of documentSubnets(c)) {
    const rt = s.routeTable;
    if (!rt || rt.defaultRoute === true || isUnknown(rt.defaultRoute)) continue;
    out.push(
      r.report(
        s,
        `route table ${rt.address} of node subnet ${s.address} has no 0.0.0.0/0 route, which AKS validates for outbound_type userDefinedRouting`,
        'add a route with address_prefix = "0.0.0.0/0" to your firewall or network virtual appliance',
      ),
    );
  }
  return out;
});
