/**
 * OS SKUs: `pool/os-sku`, `pool/os-sku-k8s-version`, `pool/azure-linux-2-retired`,
 * `pool/windows-2019-retired`, `pool/windows-2019-unsupported`. No cdktf imports.
 */
import {
  AZURE_LINUX_3_MIN_VERSION,
  compareVersion,
  DEFAULT_WINDOWS_OS_SKU,
  OS_SKU_VERSIONS,
  OS_SKUS,
  AZURERM3_ONLY_LINUX_OS_SKUS,
  showBound,
  versionAtLeast,
  WINDOWS_2019_LAST_VERSION,
  type KubernetesVersion,
} from '../../facts';
import { admitsAzurerm3, asString, effectivePool, isUnknown, type ClusterModel, type NodePoolModel } from '../../model';
import { poolRule, type Outcome, type RuleApi } from '../frame';
import { cut, poolLabel } from '../text';
import { poolOs } from './common';

/** The pool's Kubernetes version (its orchestrator_version, else the cluster's), or what stops the rule. */
function poolVersion(
  r: RuleApi,
  pool: NodePoolModel,
  cluster: ClusterModel | undefined,
): Outcome<KubernetesVersion | undefined> {
  const attribute =
    pool.orchestratorVersion !== undefined || !cluster
      ? 'orchestrator_version'
      : `kubernetes_version of ${cluster.address}`;
  return r.need(pool, attribute, effectivePool(pool, cluster).version);
}

/** The written os_sku when it is a string and the pool is not of the other OS. */
function skuOf(pool: NodePoolModel, os: 'Linux' | 'Windows'): string | undefined {
  const sku = asString(pool.osSku);
  const type = poolOs(pool);
  if (typeof sku !== 'string' || (typeof type === 'string' && type !== os)) return undefined;
  return sku;
}

/** `pool/os-sku`: azurerm v4.55.0 `StringInSlice` (plan). */
export const osSku = poolRule('pool/os-sku', (pool, _c, r) => {
  const os = poolOs(pool);
  if (typeof os === 'string' && os !== 'Linux' && os !== 'Windows') {
    return r.report(
      pool,
      `${poolLabel(pool)} has os_type '${cut(os, 40)}'; it must be 'Linux' or 'Windows'`,
      "set os_type = 'Linux' or 'Windows'",
    );
  }
  const sku = r.need(pool, 'os_sku', asString(pool.osSku));
  if (!sku.ok) return sku.stop;
  if (sku.value === undefined) return [];
  // a document pinning azurerm 3.x may also use the SKUs 4.0 removed
  const linux = admitsAzurerm3(r.model.azurermVersion)
    ? [...OS_SKUS.Linux, ...AZURERM3_ONLY_LINUX_OS_SKUS]
    : OS_SKUS.Linux;
  const allowed = { Linux: linux, Windows: OS_SKUS.Windows };
  const all = [...allowed.Linux, ...allowed.Windows];
  const v = sku.value;
  if (isUnknown(os)) {
    if (all.includes(v)) {
      const n = r.need(pool, 'os_type', os);
      return n.ok ? [] : n.stop;
    }
    return r.report(
      pool,
      `os_sku '${cut(v, 40)}' of ${poolLabel(pool)} is not one of ${all.join(', ')}`,
      'use one of the listed os_sku values',
    );
  }
  // a Windows os_sku on the default pool is pool/system-linux's finding (the default pool is always Linux)
  if (pool.isDefault && OS_SKUS.Windows.includes(v)) return [];
  const family = os as 'Linux' | 'Windows';
  if (allowed[family].includes(v)) return [];
  const suggestion = family === 'Windows' ? DEFAULT_WINDOWS_OS_SKU : 'AzureLinux';
  if (family === 'Linux' && AZURERM3_ONLY_LINUX_OS_SKUS.includes(v)) {
    return r.report(
      pool,
      `os_sku '${v}' of ${poolLabel(pool)} was removed in azurerm 4.0 (this document pins ${r.model.azurermVersion ?? 'no azurerm version, so 4.x applies'})`,
      "use os_sku = 'AzureLinux', or pin azurerm 3.x",
    );
  }
  return r.report(
    pool,
    `os_sku '${cut(v, 40)}' of ${poolLabel(pool)} does not fit os_type ${family} (${allowed[family].join(', ')})`,
    `use os_sku = '${suggestion}' (AzureLinux is Azure Linux 3.0 from Kubernetes 1.32)`,
  );
});

/** `pool/os-sku-k8s-version`: the upgrade-os-version table, judged when the version is set. */
export const osSkuVersion = poolRule('pool/os-sku-k8s-version', (pool, cluster, r) => {
  const sku = asString(pool.osSku);
  if (typeof sku !== 'string' || !Object.prototype.hasOwnProperty.call(OS_SKU_VERSIONS, sku)) return [];
  const v = poolVersion(r, pool, cluster);
  if (!v.ok) return v.stop;
  if (!v.value) return [];
  const { min, max } = OS_SKU_VERSIONS[sku];
  const below = min !== undefined && compareVersion(v.value, min) < 0;
  const above = max !== undefined && compareVersion(v.value, max) > 0;
  if (!below && !above) return [];
  const range = `${min ? showBound(min) : 'any'} to ${max ? showBound(max) : 'any'}`;
  return r.report(
    pool,
    `${poolLabel(pool)} uses os_sku '${sku}' on Kubernetes ${v.value.text}; ${sku} runs on ${range}`,
    `${skuFor(sku, above)}, or use a version in ${range}`,
  );
});

/**
 * An os_sku that runs where `sku` does not: below its range Windows2022 (Windows) or Ubuntu (on every
 * version; AzureLinux is the retired 2.0 below 1.32); above it, no os_sku (AKS picks Windows2025 from 1.36)
 * or AzureLinux (3.0 from 1.32).
 */
function skuFor(sku: string, above: boolean): string {
  if (sku.startsWith('Windows'))
    return above ? 'remove os_sku (AKS picks Windows Server 2025 from Kubernetes 1.36)' : "set os_sku = 'Windows2022'";
  return above ? "set os_sku = 'AzureLinux' (Azure Linux 3.0) or 'Ubuntu'" : "set os_sku = 'Ubuntu'";
}

/**
 * `pool/azure-linux-2-retired`: "Azure Linux 2.0 is default for Kubernetes version 1.27 to 1.31"; out of support 30 Nov
 * 2025.
 */
export const azureLinux2 = poolRule('pool/azure-linux-2-retired', (pool, cluster, r) => {
  if (skuOf(pool, 'Linux') !== 'AzureLinux') return [];
  const v = poolVersion(r, pool, cluster);
  if (!v.ok) return v.stop;
  if (!v.value || versionAtLeast(v.value, AZURE_LINUX_3_MIN_VERSION)) return []; // unset: AKS's default, >= 1.32
  return r.report(
    pool,
    `${poolLabel(pool)} uses os_sku 'AzureLinux' on Kubernetes ${v.value.text}, which is Azure Linux 2.0: out of support since 30 Nov 2025, no node images since 31 Mar 2026`,
    `set os_sku = 'AzureLinux3', or use Kubernetes ${showBound(AZURE_LINUX_3_MIN_VERSION)} or later`,
  );
});

function windows2019(id: 'pool/windows-2019-retired' | 'pool/windows-2019-unsupported', retired: boolean) {
  return poolRule(id, (pool, cluster, r) => {
    if (skuOf(pool, 'Windows') !== 'Windows2019' || pool.isDefault) return [];
    const v = poolVersion(r, pool, cluster);
    if (!v.ok) return retired ? v.stop : [];
    // no version: AKS's default, which is newer than 1.32
    const creatable = v.value !== undefined && compareVersion(v.value, WINDOWS_2019_LAST_VERSION) <= 0;
    if (creatable === retired) return [];
    const on = v.value ? `Kubernetes ${v.value.text}` : 'the default Kubernetes version';
    return retired
      ? r.report(
          pool,
          `${poolLabel(pool)} uses os_sku 'Windows2019' on ${on}: new Windows Server 2019 pools cannot be created on Kubernetes 1.33 or later (retired 1 Mar 2026)`,
          `set os_sku = '${DEFAULT_WINDOWS_OS_SKU}'`,
        )
      : r.report(
          pool,
          `${poolLabel(pool)} uses os_sku 'Windows2019' on ${on}: retired on 1 Mar 2026 and unsupported; its node images are removed on 1 Apr 2027`,
          `set os_sku = '${DEFAULT_WINDOWS_OS_SKU}'`,
        );
  });
}

/** `pool/windows-2019-retired` (error: 1.33+ or unset) and `pool/windows-2019-unsupported` (warning: below 1.33). */
export const windows2019Retired = windows2019('pool/windows-2019-retired', true);
export const windows2019Unsupported = windows2019('pool/windows-2019-unsupported', false);
