/**
 * The network rules (`network/*`), in catalogue order. No cdktf imports.
 */
import type { Rule } from '../types';
import { podCidrCapacity, subnetCapacity } from './capacity';
import { cidrNormalized, cidrSyntax } from './cidr-syntax';
import { acnsSecurityCilium, ciliumPlugin, ciliumPolicy } from './cilium';
import {
  dualStackRequiresOverlay,
  dualStackSubnet,
  dualStackUnsupported,
  dualStackUserNatgw,
  dualStackVersion,
} from './dual-stack';
import { managedNatgwByoVnet, udrDefaultRoute, udrSubnetRoute, userNatgwAssociation, userNatgwSubnet } from './egress';
import { cidrFamilyMismatch, ipFamilies, ipFamiliesOrder } from './families';
import { lbProfileSku, lbSkuBasic } from './load-balancer';
import { overlap, overlapVnetSpace } from './overlap';
import {
  invalidValue,
  kubenetRetiring,
  overlayRequiresAzure,
  podCidrWithoutOverlay,
  policyAzurePlugin,
} from './plugin';
import { reservedRange } from './reserved-range';
import { dnsServiceIp, dnsServiceIpConvention, serviceCidrIpv4Size, serviceCidrIpv6Size } from './service-range';
import { subnetDelegated } from './subnet';
import { overlayVmSize } from './vm-size';

/** The network/* rules, in catalogue order. */
export const networkRules: Rule[] = [
  invalidValue,
  overlayRequiresAzure,
  podCidrWithoutOverlay,
  policyAzurePlugin,
  ciliumPlugin,
  ciliumPolicy,
  acnsSecurityCilium,
  lbSkuBasic,
  lbProfileSku,
  overlayVmSize,
  kubenetRetiring,
  ipFamilies,
  ipFamiliesOrder,
  cidrFamilyMismatch,
  cidrSyntax,
  cidrNormalized,
  serviceCidrIpv6Size,
  serviceCidrIpv4Size,
  dnsServiceIp,
  dnsServiceIpConvention,
  overlap,
  overlapVnetSpace,
  reservedRange,
  podCidrCapacity,
  subnetCapacity,
  subnetDelegated,
  dualStackRequiresOverlay,
  dualStackUnsupported,
  dualStackUserNatgw,
  dualStackVersion,
  dualStackSubnet,
  managedNatgwByoVnet,
  userNatgwSubnet,
  userNatgwAssociation,
  udrSubnetRoute,
  udrDefaultRoute,
];
