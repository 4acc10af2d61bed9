/**
 * The node pool rules (`pool/*`), in catalogue order. A pool's OS is Linux unless `os_type` says
 * otherwise (the default pool is always Linux); its mode is `User` unless `mode` says otherwise (the
 * default pool is always `System`). No cdktf imports.
 */
import type { Rule } from '../types';
import { counts } from './counts';
import { maxPods, maxPodsTotal, maxPodsWindows } from './max-pods';
import { spotSystem, systemLinux, systemNodeCount } from './mode';
import { poolName, poolNameUnique } from './name';
import { azureLinux2, osSku, osSkuVersion, windows2019Retired, windows2019Unsupported } from './os-sku';
import { poolSubnetVnet } from './subnet-vnet';
import { upgradeSettings } from './upgrade-settings';
import { versionSkew } from './version-skew';
import { windowsAzureNpm, windowsCilium, windowsNeedsAzureCni } from './windows';
import { windowsPasswordLiteral, windowsProfile } from './windows-profile';

/** The pool/* rules, in catalogue order. */
export const poolRules: Rule[] = [
  poolName,
  poolNameUnique,
  poolSubnetVnet,
  systemLinux,
  systemNodeCount,
  spotSystem,
  counts,
  maxPods,
  maxPodsWindows,
  maxPodsTotal,
  versionSkew,
  windowsNeedsAzureCni,
  windowsCilium,
  windowsAzureNpm,
  windowsProfile,
  windowsPasswordLiteral,
  osSku,
  osSkuVersion,
  azureLinux2,
  windows2019Retired,
  windows2019Unsupported,
  upgradeSettings,
];
