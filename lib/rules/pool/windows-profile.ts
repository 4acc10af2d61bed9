/**
 * `pool/windows-profile` and `pool/windows-password-literal`. AKS generates a Windows profile itself
 * for Azure CNI, a standard load balancer and scale sets ("All AKS clusters created after May, 2020
 * should have WindowsProfile by default if network-plugin is set to azure, load-balancer-sku is set to
 * standard and vm-set-type is set to VirtualMachineScaleSets", Azure/AKS#1545). A password value is
 * never shown. No cdktf imports.
 */
import { RESERVED_WINDOWS_ADMIN_NAMES, WINDOWS_ADMIN_NAME_MAX, WINDOWS_PASSWORD_LENGTH } from '../../facts';
import { asString, effectiveNetwork, isUnknown, type ClusterModel } from '../../model';
import { clusterRule, type RuleApi } from '../frame';
import { cut, poolLabel } from '../text';
import type { Finding } from '../types';
import { windowsPools } from './common';

const [MIN, MAX] = WINDOWS_PASSWORD_LENGTH;
const FROM_VARIABLE = `pass admin_password from a sensitive variable of ${MIN}-${MAX} characters, or omit windows_profile and let AKS generate it`;

/** Why AKS would not generate a Windows profile for this cluster, or undefined when it would. */
function noGeneratedProfile(cluster: ClusterModel): string | undefined {
  if (effectiveNetwork(cluster).loadBalancerSku === 'basic') return 'its load balancer SKU is basic';
  if (asString(cluster.defaultNodePool?.vmSetType) === 'AvailabilitySet')
    return 'its default pool uses an availability set';
  return undefined;
}

/** Character classes of a password: lower, upper, digit, special. */
function classes(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[\W_]/].filter((re) => re.test(pw)).length;
}

function usernameProblems(r: RuleApi, cluster: ClusterModel, raw: unknown): Finding[] {
  const user = r.need(cluster, 'windows_profile.admin_username', asString(raw));
  if (!user.ok) return user.stop;
  const u = user.value;
  if (u === undefined || u.trim() === '')
    return [
      r.report(
        cluster,
        `windows_profile of ${cluster.address} has no admin_username`,
        "set windows_profile.admin_username, e.g. 'azureuser'",
      ),
    ];
  const why =
    u.length > WINDOWS_ADMIN_NAME_MAX
      ? `longer than ${WINDOWS_ADMIN_NAME_MAX} characters`
      : u.endsWith('.')
        ? "ending in '.'"
        : RESERVED_WINDOWS_ADMIN_NAMES.includes(u.toLowerCase())
          ? 'a name Azure reserves'
          : undefined;
  if (why === undefined) return [];
  return [
    r.report(
      cluster,
      `windows_profile.admin_username '${cut(u, 40)}' is ${why}`,
      `use a name such as 'azureuser' (at most ${WINDOWS_ADMIN_NAME_MAX} characters, not a reserved name like 'admin')`,
    ),
  ];
}

/** `pool/windows-profile`. */
export const windowsProfile = clusterRule('pool/windows-profile', (cluster, r) => {
  const wp = cluster.windowsProfile;
  if (!wp) {
    const { pools, stops } = windowsPools(r, cluster);
    const why = pools.length > 0 ? noGeneratedProfile(cluster) : undefined;
    if (why === undefined) return stops;
    return [
      r.report(
        cluster,
        `cluster ${cluster.address} has Windows ${poolLabel(pools[0])} but no windows_profile, and AKS does not generate one because ${why}`,
        FROM_VARIABLE.replace(', or omit windows_profile and let AKS generate it', ' in a windows_profile block'),
      ),
    ];
  }
  const out = usernameProblems(r, cluster, wp.adminUsername);
  const pw = wp.adminPassword;
  // a number converts to a string as in Terraform; an object is a shape problem the reader reported without its value
  const text =
    isUnknown(pw) || pw === undefined
      ? undefined
      : typeof pw === 'string' || typeof pw === 'number'
        ? String(pw)
        : undefined;
  if (pw === undefined)
    out.push(r.report(cluster, `windows_profile of ${cluster.address} has no admin_password`, FROM_VARIABLE));
  if (text === undefined) return out;
  const length = [...text].length;
  if (length < MIN || length > MAX) {
    out.push(
      r.report(
        cluster,
        `windows_profile.admin_password of ${cluster.address} has ${length} characters, outside ${MIN}-${MAX} (the value is not shown)`,
        FROM_VARIABLE,
      ),
    );
  } else if (classes(text) < 3) {
    out.push(
      r.report(
        cluster,
        `windows_profile.admin_password of ${cluster.address} has ${classes(text)} of the 4 character classes (lower, upper, digit, special); Azure needs 3 (the value is not shown)`,
        FROM_VARIABLE,
      ),
    );
  }
  return out;
});

/** `pool/windows-password-literal`: a literal password is stored in plain text in the document and the state. */
export const windowsPasswordLiteral = clusterRule('pool/windows-password-literal', (cluster, r) => {
  const pw = cluster.windowsProfile?.adminPassword;
  if (pw === undefined || isUnknown(pw)) return [];
  return r.report(
    cluster,
    `windows_profile.admin_password of ${cluster.address} is a literal in the document (the value is not shown): the secret is stored in plain text`,
    FROM_VARIABLE,
  );
});
