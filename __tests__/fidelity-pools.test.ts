/**
 * Fidelity of the corrected and new node pool rules, black-box through `check()`: a failing
 * input and a just-valid edge per rule. They fail until the rules are implemented.
 */
import { aksCluster, nodePool, tfDoc, type JsonObject } from './support/tf';
import { expectFinding, expectNoError, expectNoFinding, run } from './support/fidelity';

/** Cluster `aks` (overlay, default pool of 3 nodes) with `cluster` overrides and node pools. */
const withPools = (cluster: JsonObject, ...pools: ReturnType<typeof nodePool>[]) =>
  tfDoc(aksCluster('aks', cluster), ...pools);
const win = (overrides: JsonObject = {}) => nodePool('win', 'aks', { os_type: 'Windows', node_count: 1, ...overrides });
const PASSWORD_VAR = '${var.windows_admin_password}';

describe('pool/system-node-count (new)', () => {
  it('fails for a mode = System pool resource with node_count 0', () => {
    expectFinding(
      run(withPools({}, nodePool('sys2', 'aks', { mode: 'System', node_count: 0 }))),
      'pool/system-node-count',
      'error',
      'sys2',
    );
  });
  it('fails for a mode = System pool resource without node_count or autoscaling (azurerm sends 0)', () => {
    const doc = withPools({}, nodePool('sys2', 'aks', { mode: 'System', node_count: undefined }));
    expectFinding(run(doc), 'pool/system-node-count', 'error', 'sys2');
  });
  it('fails for a default pool without node_count or autoscaling', () => {
    const doc = withPools({ default_node_pool: { node_count: undefined } });
    expectFinding(run(doc), 'pool/system-node-count', 'error', 'node_count');
  });
  it('just valid: a System pool that autoscales from 1 node', () => {
    const doc = withPools(
      {},
      nodePool('sys2', 'aks', {
        mode: 'System',
        node_count: undefined,
        auto_scaling_enabled: true,
        min_count: 1,
        max_count: 3,
      }),
    );
    expectNoFinding(run(doc), 'pool/system-node-count');
  });
  it('just valid: a User pool of 0 nodes', () => {
    expectNoFinding(run(withPools({}, nodePool('user', 'aks', { node_count: 0 }))), 'pool/system-node-count');
  });
});

describe('pool/spot-system (new)', () => {
  it('fails for a Spot System pool', () => {
    expectFinding(
      run(withPools({}, nodePool('spot', 'aks', { priority: 'Spot', mode: 'System' }))),
      'pool/spot-system',
      'error',
      'spot',
    );
  });
  it('just valid: a Spot User pool', () => {
    expectNoFinding(
      run(withPools({}, nodePool('spot', 'aks', { priority: 'Spot', eviction_policy: 'Delete' }))),
      'pool/spot-system',
    );
  });
});

describe('pool/counts (corrected): 0 min/max without autoscaling is unset', () => {
  it('fails for min_count 1 / max_count 3 without autoscaling', () => {
    const doc = withPools({}, nodePool('user', 'aks', { auto_scaling_enabled: false, min_count: 1, max_count: 3 }));
    expectFinding(run(doc), 'pool/counts', 'error', 'min_count');
  });
  it('just valid: min_count 0 and max_count 0 without autoscaling', () => {
    const doc = withPools(
      {},
      nodePool('user', 'aks', { node_count: undefined, auto_scaling_enabled: false, min_count: 0, max_count: 0 }),
    );
    expectNoFinding(run(doc), 'pool/counts');
  });
});

describe('pool/max-pods (corrected): a System pool holds 30 pods in total', () => {
  it('fails for a 1-node System pool with max_pods 20', () => {
    expectFinding(
      run(withPools({ default_node_pool: { node_count: 1, max_pods: 20 } })),
      'pool/max-pods',
      'error',
      '20',
    );
  });
  it('fails for an autoscaling System pool whose min_count 1 x max_pods 20 is below 30', () => {
    const pool = { node_count: 1, auto_scaling_enabled: true, min_count: 1, max_count: 5, max_pods: 20 };
    expectFinding(run(withPools({ default_node_pool: pool })), 'pool/max-pods', 'error', '20');
  });
  it('fails for max_pods 251', () => {
    expectFinding(run(withPools({}, nodePool('user', 'aks', { max_pods: 251 }))), 'pool/max-pods', 'error', '251');
  });
  it('just valid: max_pods 10 on a 3-node System pool (30 pods)', () => {
    expectNoFinding(run(withPools({ default_node_pool: { node_count: 3, max_pods: 10 } })), 'pool/max-pods');
  });
  it('just valid: max_pods 250', () => {
    expectNoFinding(run(withPools({}, nodePool('user', 'aks', { max_pods: 250 }))), 'pool/max-pods');
  });
});

describe('pool/max-pods-windows (new warning id)', () => {
  const cluster = { windows_profile: { admin_username: 'azureuser', admin_password: PASSWORD_VAR } };
  it('warns above 110 on Windows', () => {
    expectFinding(run(withPools(cluster, win({ max_pods: 150 }))), 'pool/max-pods-windows', 'warning', '150');
  });
  it('just valid: 110 on Windows', () => {
    expectNoFinding(run(withPools(cluster, win({ max_pods: 110 }))), 'pool/max-pods-windows');
  });
});

describe('pool/max-pods-total (new warning)', () => {
  it('warns for a 2-node User pool with max_pods 10 (20 pods)', () => {
    expectFinding(
      run(withPools({}, nodePool('user', 'aks', { node_count: 2, max_pods: 10 }))),
      'pool/max-pods-total',
      'warning',
      '10',
    );
  });
  it('just valid: 3 nodes x 10 pods, and a pool of 0 nodes', () => {
    expectNoFinding(
      run(withPools({}, nodePool('user', 'aks', { node_count: 3, max_pods: 10 }))),
      'pool/max-pods-total',
    );
    expectNoFinding(
      run(withPools({}, nodePool('user', 'aks', { node_count: 0, max_pods: 10 }))),
      'pool/max-pods-total',
    );
  });
});

describe('pool/orchestrator-version-skew (new)', () => {
  it.each([
    ['1.34', 'newer than'],
    ['1.30', 'three minors behind'],
    ['2.33', 'another major'],
  ])('fails for a pool on %s with the control plane on 1.33 (%s)', (v) => {
    const doc = withPools({ kubernetes_version: '1.33' }, nodePool('user', 'aks', { orchestrator_version: v }));
    expectFinding(run(doc), 'pool/orchestrator-version-skew', 'error', v);
  });
  it('fails for a default pool whose orchestrator_version differs from kubernetes_version', () => {
    const doc = withPools({ kubernetes_version: '1.33', default_node_pool: { orchestrator_version: '1.32' } });
    expectFinding(run(doc), 'pool/orchestrator-version-skew', 'error', '1.32');
  });
  it('just valid: two minors behind, and the number 1.33 against the string "1.33"', () => {
    expectNoFinding(
      run(withPools({ kubernetes_version: '1.33' }, nodePool('user', 'aks', { orchestrator_version: '1.31' }))),
      'pool/orchestrator-version-skew',
    );
    const numeric = withPools({ kubernetes_version: 1.33, default_node_pool: { orchestrator_version: '1.33' } });
    expectNoFinding(run(numeric), 'pool/orchestrator-version-skew');
  });
});

describe('pool/windows-cilium and pool/windows-azure-npm (new)', () => {
  const profile = { windows_profile: { admin_username: 'azureuser', admin_password: PASSWORD_VAR } };
  it('fails for a Windows pool with the Cilium data plane', () => {
    const doc = withPools({ ...profile, network_profile: { network_data_plane: 'cilium' } }, win());
    expectFinding(run(doc), 'pool/windows-cilium', 'error', 'win');
  });
  it("fails for a Windows pool with azurerm 3.x's ebpf_data_plane cilium, naming it", () => {
    const doc = withPools({ ...profile, network_profile: { ebpf_data_plane: 'cilium' } }, win());
    expectFinding(run(doc), 'pool/windows-cilium', 'error', 'win', 'ebpf_data_plane');
  });
  it('just valid: Windows with the Azure data plane', () => {
    expectNoFinding(run(withPools(profile, win())), 'pool/windows-cilium');
  });
  it('warns (retired, not rejected for onboarded subscriptions) for a Windows pool with Azure NPM', () => {
    const doc = withPools({ ...profile, network_profile: { network_policy: 'azure' } }, win());
    expectFinding(run(doc), 'pool/windows-azure-npm', 'warning', 'win');
  });
  it('just valid: Windows without a network policy', () => {
    expectNoFinding(run(withPools(profile, win())), 'pool/windows-azure-npm');
  });
});

describe('pool/windows-profile (corrected): only rejections', () => {
  const secret = 'Sh0rt-Pass!12';
  it('fails for a literal password of 13 characters, without showing it', () => {
    const f = expectFinding(
      run(withPools({ windows_profile: { admin_username: 'azureuser', admin_password: secret } }, win())),
      'pool/windows-profile',
      'error',
      '13',
    );
    expect(f.message).not.toContain(secret);
    expect(f.fix).not.toContain(secret);
  });
  it('fails for a literal password of one character class', () => {
    const lower = 'onlylowercaseletters';
    const f = expectFinding(
      run(withPools({ windows_profile: { admin_username: 'azureuser', admin_password: lower } }, win())),
      'pool/windows-profile',
      'error',
    );
    expect(f.message).not.toContain(lower);
  });
  it('fails for a reserved admin username', () => {
    const doc = withPools({ windows_profile: { admin_username: 'admin', admin_password: PASSWORD_VAR } }, win());
    expectFinding(run(doc), 'pool/windows-profile', 'error', 'admin');
  });
  it('fails for a Windows pool without windows_profile when the default pool is an AvailabilitySet', () => {
    const doc = withPools({ default_node_pool: { type: 'AvailabilitySet' } }, win());
    expectFinding(run(doc), 'pool/windows-profile', 'error', 'windows_profile');
  });
  it('just valid: no windows_profile with Azure CNI, standard load balancer and scale sets (AKS generates it)', () => {
    expectNoFinding(run(withPools({}, win())), 'pool/windows-profile');
  });
  it('just valid: a literal password of 22 characters and 4 classes is no rejection', () => {
    const doc = withPools(
      { windows_profile: { admin_username: 'azureuser', admin_password: 'Corr3ct-Horse-Battery!' } },
      win(),
    );
    expectNoError(run(doc), 'pool/windows-profile');
  });
});

describe('pool/windows-password-literal (new warning)', () => {
  const literal = 'Corr3ct-Horse-Battery!';
  it('warns for a literal password and never shows it', () => {
    const f = expectFinding(
      run(withPools({ windows_profile: { admin_username: 'azureuser', admin_password: literal } }, win())),
      'pool/windows-password-literal',
      'warning',
      'admin_password',
    );
    expect(f.message).not.toContain(literal);
    expect(f.fix).not.toContain(literal);
  });
  it('just valid: the password from a variable', () => {
    const doc = withPools({ windows_profile: { admin_username: 'azureuser', admin_password: PASSWORD_VAR } }, win());
    expectNoFinding(run(doc), 'pool/windows-password-literal');
  });
});

describe('pool/os-sku (corrected fix)', () => {
  it('fails for an unknown os_sku and suggests AzureLinux (3.0 on 1.32+), not AzureLinux3', () => {
    const f = expectFinding(
      run(withPools({}, nodePool('user', 'aks', { os_sku: 'Mariner' }))),
      'pool/os-sku',
      'error',
      'Mariner',
    );
    expect(f.fix).toMatch(/AzureLinux(?!3)/);
  });
  it('just valid: AzureLinux3 on a Linux pool', () => {
    expectNoFinding(run(withPools({}, nodePool('user', 'aks', { os_sku: 'AzureLinux3' }))), 'pool/os-sku');
  });
});

describe('pool/os-sku-k8s-version (new)', () => {
  it.each([
    ['AzureLinux3', '1.37', {}],
    ['Ubuntu2204', '1.37', {}],
    ['Windows2022', '1.37', { os_type: 'Windows', name: 'win' }],
  ])('fails for %s on %s', (sku, version, extra) => {
    const doc = withPools({ kubernetes_version: version }, nodePool('p', 'aks', { os_sku: sku, ...extra }));
    expectFinding(run(doc), 'pool/os-sku-k8s-version', 'error', sku, version);
  });
  it.each([
    ['AzureLinux3', '1.36'],
    ['Ubuntu2204', '1.36'],
    ['AzureLinux3', undefined],
  ])('just valid: %s on %s', (sku, version) => {
    const doc = withPools(version ? { kubernetes_version: version } : {}, nodePool('p', 'aks', { os_sku: sku }));
    expectNoFinding(run(doc), 'pool/os-sku-k8s-version');
  });
});

describe('pool/azure-linux-2-retired (corrected): a numeric version is converted', () => {
  it('fails for AzureLinux on the number 1.29', () => {
    const doc = withPools({ kubernetes_version: 1.29, default_node_pool: { os_sku: 'AzureLinux' } });
    expectFinding(run(doc), 'pool/azure-linux-2-retired', 'error', '1.29');
  });
  it('just valid: AzureLinux on the number 1.32', () => {
    expectNoFinding(
      run(withPools({ kubernetes_version: 1.32, default_node_pool: { os_sku: 'AzureLinux' } })),
      'pool/azure-linux-2-retired',
    );
  });
});

describe('pool/windows-2019-retired and pool/windows-2019-unsupported (split by version)', () => {
  const ws2019 = win({ os_sku: 'Windows2019' });
  it.each([['1.33'], [undefined]])('fails on Kubernetes %s (unset: the default is newer)', (version) => {
    const f = expectFinding(
      run(withPools(version ? { kubernetes_version: version } : {}, ws2019)),
      'pool/windows-2019-retired',
      'error',
      'Windows2019',
    );
    expect(f.fix).toContain('Windows2022');
  });
  it('warns, without an error, on Kubernetes 1.32', () => {
    const fs = run(withPools({ kubernetes_version: '1.32' }, ws2019));
    expectNoFinding(fs, 'pool/windows-2019-retired');
    expectFinding(fs, 'pool/windows-2019-unsupported', 'warning', '1.32');
  });
  it('just valid: no unsupported warning where the retired error applies', () => {
    expectNoFinding(run(withPools({ kubernetes_version: '1.33' }, ws2019)), 'pool/windows-2019-unsupported');
  });
});

describe('pool/upgrade-settings (new)', () => {
  const drainOnly = { upgrade_settings: { drain_timeout_in_minutes: 15 } };
  it('fails for an upgrade_settings block with neither max_surge nor max_unavailable (azurerm ExpectError)', () => {
    expectFinding(run(withPools({}, nodePool('user', 'aks', drainOnly))), 'pool/upgrade-settings', 'error', 'user');
  });
  it("does not judge the default pool's block (the cited rejection is the node pool resource's)", () => {
    expectNoFinding(run(withPools({ default_node_pool: drainOnly })), 'pool/upgrade-settings');
  });
  it('just valid: max_surge, or max_unavailable, or a Spot pool, or no block', () => {
    for (const settings of [{ max_surge: '10%' }, { max_surge: '0', max_unavailable: '1' }]) {
      expectNoFinding(
        run(withPools({}, nodePool('user', 'aks', { upgrade_settings: settings }))),
        'pool/upgrade-settings',
      );
    }
    const spot = nodePool('spot', 'aks', { priority: 'Spot', eviction_policy: 'Delete', ...drainOnly });
    expectNoFinding(run(withPools({}, spot)), 'pool/upgrade-settings');
    expectNoFinding(run(withPools({}, nodePool('user', 'aks'))), 'pool/upgrade-settings');
  });
  it('a max_surge written as a variable is set (no finding)', () => {
    const doc = withPools({}, nodePool('user', 'aks', { upgrade_settings: { max_surge: '${var.surge}' } }));
    expect(run(doc).filter((f) => f.ruleId === 'pool/upgrade-settings')).toEqual([]);
  });
});

describe('a Windows pool on a cluster whose network plugin is not known', () => {
  it('without a network_profile and with a variable kubernetes_version, the rule skips naming kubernetes_version', () => {
    const doc = withPools({ network_profile: undefined, kubernetes_version: '${var.k8s}' }, win());
    const f = run(doc).find((x) => x.ruleId === 'pool/windows-needs-azure-cni');
    expect(f?.skipped).toBe(true);
    expect(f?.message).toContain('kubernetes_version');
  });
  it('just valid: without a network_profile on a known version, nothing to report (AKS picks Azure CNI Overlay)', () => {
    const doc = withPools({ network_profile: undefined, kubernetes_version: '1.33' }, win());
    expectNoFinding(run(doc), 'pool/windows-needs-azure-cni');
  });
});
