import { check } from '../lib/rules';
import type { CheckContext, Finding } from '../lib/rules';
import { aksCluster, nodePool, ref, subnet, tfDoc, vnet } from './support/tf';

const of = (doc: unknown, ruleId: string, ctx?: CheckContext): Finding[] =>
  check(doc, ctx).filter((f) => f.ruleId === ruleId);
const WIN_PROFILE = {
  windows_profile: { admin_username: 'azureadmin', admin_password: '${var.windows_admin_password}' },
};
const win = (name: string, extra: Record<string, unknown> = {}) =>
  nodePool(name, 'aks', { os_type: 'Windows', node_count: 2, ...extra });
const SUBNET_ID = (vnetName: string, name: string) =>
  `/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/${vnetName}/subnets/${name}`;

describe('pool/name', () => {
  it('accepts a 12-character Linux name and a 6-character Windows name', () => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), nodePool('abcdefghijkl', 'aks'), win('win123')), 'pool/name'),
    ).toEqual([]);
  });
  it('rejects a 13-character Linux name', () => {
    const f = of(tfDoc(aksCluster('aks'), nodePool('abcdefghijklm', 'aks')), 'pool/name');
    expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_kubernetes_cluster_node_pool.abcdefghijklm' }]);
    expect(f[0].message).toContain("pool/name: node pool name 'abcdefghijklm'");
    expect(f[0].fix).toContain("'abcdefghijkl'");
  });
  it('rejects a 7-character Windows name', () => {
    const f = of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win1234')), 'pool/name');
    expect(f).toMatchObject([
      { severity: 'error', message: expect.stringContaining("Windows node pool name 'win1234' has 7 characters") },
    ]);
    expect(f[0].fix).toContain("'win123'");
  });
  it.each(['User', '1pool', 'my-pool', ''])('rejects %j (charset)', (n) => {
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { name: n })), 'pool/name')).toMatchObject([
      { severity: 'error' },
    ]);
  });
  it('checks the default pool, and skips with a warning when the OS of a 7-12 character name is unknown', () => {
    expect(of(tfDoc(aksCluster('aks', { default_node_pool: { name: 'System' } })), 'pool/name')).toMatchObject([
      { severity: 'error', address: 'azurerm_kubernetes_cluster.aks.default_node_pool' },
    ]);
    expect(
      of(tfDoc(aksCluster('aks'), nodePool('windows', 'aks', { os_type: '${var.os}' })), 'pool/name'),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('pool/name-unique', () => {
  it('rejects a pool named like the default pool, and accepts distinct names', () => {
    const f = of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { name: 'system' })), 'pool/name-unique');
    expect(f).toMatchObject([
      {
        severity: 'error',
        address: 'azurerm_kubernetes_cluster_node_pool.p',
        message: expect.stringContaining(
          "'system' is already used by azurerm_kubernetes_cluster.aks.default_node_pool",
        ),
      },
    ]);
    expect(of(tfDoc(aksCluster('aks'), nodePool('user', 'aks')), 'pool/name-unique')).toEqual([]);
  });
  it('allows the same pool name in two clusters', () => {
    expect(
      of(
        tfDoc(
          aksCluster('a'),
          aksCluster('b'),
          nodePool('u1', 'a', { name: 'user' }),
          nodePool('u2', 'b', { name: 'user' }),
        ),
        'pool/name-unique',
      ),
    ).toEqual([]);
  });
  it('suggests names no pool uses, each suggestion once', () => {
    const pools = ['a', 'b', 'c', 'd'].map((n, i) => nodePool(n, 'aks', { name: i < 3 ? 'user' : 'user2' }));
    const fixes = of(tfDoc(aksCluster('aks'), ...pools), 'pool/name-unique').map(
      (f) => /e\.g\. '([^']+)'/.exec(f.fix)?.[1],
    );
    expect(fixes).toHaveLength(2);
    expect(new Set(fixes).size).toBe(2);
    for (const name of fixes) expect(['user', 'user2', 'system']).not.toContain(name);
  });
  it('suggests a free name that pool/name accepts (Windows: at most 6 characters)', () => {
    const win = { os_type: 'Windows', name: 'winabc' };
    const doc = tfDoc(aksCluster('aks'), nodePool('w1', 'aks', win), nodePool('w2', 'aks', win));
    const [f] = of(doc, 'pool/name-unique');
    const suggested = /e\.g\. '([^']+)'/.exec(f.fix)?.[1] ?? '';
    expect(suggested).toMatch(/^[a-z][a-z0-9]{0,5}$/);
    const renamed = tfDoc(
      aksCluster('aks'),
      nodePool('w1', 'aks', win),
      nodePool('w2', 'aks', { ...win, name: suggested }),
    );
    expect(of(renamed, 'pool/name-unique')).toEqual([]);
    expect(of(renamed, 'pool/name')).toEqual([]);
  });
});

describe('pool/subnet-vnet', () => {
  const base = [
    vnet('v1', ['10.1.0.0/16']),
    vnet('v2', ['10.2.0.0/16']),
    subnet('a', 'v1', ['10.1.0.0/24']),
    subnet('b', 'v1', ['10.1.1.0/24']),
    subnet('c', 'v2', ['10.2.0.0/24']),
  ];
  const cluster = aksCluster('aks', { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'a') } });
  it('accepts a pool on a second subnet of the same VNet', () => {
    expect(
      of(
        tfDoc(...base, cluster, nodePool('user', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'b') })),
        'pool/subnet-vnet',
      ),
    ).toEqual([]);
  });
  it('rejects a pool on a subnet of another VNet', () => {
    expect(
      of(
        tfDoc(...base, cluster, nodePool('user', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'c') })),
        'pool/subnet-vnet',
      ),
    ).toMatchObject([
      {
        severity: 'error',
        address: 'azurerm_kubernetes_cluster_node_pool.user',
        message: expect.stringContaining('azurerm_virtual_network.v2'),
      },
    ]);
  });
  it('rejects a pool naming a subnet when the default pool uses the managed VNet', () => {
    expect(
      of(
        tfDoc(...base, aksCluster('aks'), nodePool('user', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'b') })),
        'pool/subnet-vnet',
      ),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining('AKS-managed VNet') }]);
  });
  it('compares existing subnets referenced by ID by their VNet', () => {
    const c = aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID('hub', 'nodes') } });
    expect(
      of(tfDoc(c, nodePool('user', 'aks', { vnet_subnet_id: SUBNET_ID('hub', 'other') })), 'pool/subnet-vnet'),
    ).toEqual([]);
    expect(
      of(tfDoc(c, nodePool('user', 'aks', { vnet_subnet_id: SUBNET_ID('spoke', 'other') })), 'pool/subnet-vnet'),
    ).toMatchObject([{ severity: 'error' }]);
  });
  it('skips with a warning when a subnet ID is an unresolved expression', () => {
    expect(
      of(
        tfDoc(...base, cluster, nodePool('user', 'aks', { vnet_subnet_id: '${data.azurerm_subnet.x.id}' })),
        'pool/subnet-vnet',
      ),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('pool/system-linux', () => {
  it('rejects a Windows System pool; accepts a Windows User pool', () => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { mode: 'System' })), 'pool/system-linux'),
    ).toMatchObject([{ severity: 'error', fix: expect.stringContaining("mode = 'User'") }]);
    expect(of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { mode: 'User' })), 'pool/system-linux')).toEqual([]);
  });
  it('rejects a Windows os_sku on the default pool', () => {
    expect(
      of(tfDoc(aksCluster('aks', { default_node_pool: { os_sku: 'Windows2022' } })), 'pool/system-linux'),
    ).toMatchObject([{ severity: 'error', address: 'azurerm_kubernetes_cluster.aks.default_node_pool' }]);
  });
});

describe('pool/windows-needs-azure-cni', () => {
  it('rejects a Windows pool on kubenet; accepts it on overlay and node-subnet Azure CNI', () => {
    expect(
      of(
        tfDoc(
          aksCluster('aks', {
            ...WIN_PROFILE,
            network_profile: { network_plugin: 'kubenet', network_plugin_mode: undefined },
          }),
          win('win'),
        ),
        'pool/windows-needs-azure-cni',
      ),
    ).toMatchObject([
      {
        severity: 'error',
        address: 'azurerm_kubernetes_cluster_node_pool.win',
        message: expect.stringContaining("network_plugin 'kubenet'"),
      },
    ]);
    expect(of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win')), 'pool/windows-needs-azure-cni')).toEqual([]);
    expect(
      of(
        tfDoc(aksCluster('aks', { ...WIN_PROFILE, network_profile: { network_plugin_mode: undefined } }), win('win')),
        'pool/windows-needs-azure-cni',
      ),
    ).toEqual([]);
  });
  it('skips with a warning when the plugin is a variable', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { ...WIN_PROFILE, network_profile: { network_plugin: '${var.plugin}' } }), win('win')),
        'pool/windows-needs-azure-cni',
      ),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('pool/windows-profile', () => {
  it('accepts a username and a password from a variable', () => {
    expect(of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win')), 'pool/windows-profile')).toEqual([]);
  });
  it('accepts a Windows pool without windows_profile where AKS generates one (Azure CNI, standard LB, scale sets)', () => {
    expect(of(tfDoc(aksCluster('aks'), win('win')), 'pool/windows-profile')).toEqual([]);
  });
  it('rejects a Windows pool without windows_profile where AKS does not generate one (basic load balancer)', () => {
    const doc = tfDoc(aksCluster('aks', { network_profile: { load_balancer_sku: 'basic' } }), win('win'));
    expect(of(doc, 'pool/windows-profile')).toMatchObject([
      { severity: 'error', address: 'azurerm_kubernetes_cluster.aks', message: expect.stringContaining('basic') },
    ]);
  });
  it('rejects a literal password outside 14-123 characters or with too few character classes, never printing it', () => {
    for (const pw of [
      'Aa1-'.repeat(3) + 'A',
      'Secret-Passw0rd',
      'Aa1-'.repeat(30) + 'Aa1',
      'Aa1-'.repeat(31),
      'alllowercase-only',
    ]) {
      const doc = tfDoc(
        aksCluster('aks', { windows_profile: { admin_username: 'azureadmin', admin_password: pw } }),
        win('win'),
      );
      const f = of(doc, 'pool/windows-profile');
      const length = pw.length;
      const weak = pw === 'alllowercase-only';
      expect(f).toHaveLength(length < 14 || length > 123 || weak ? 1 : 0);
      // a literal password is a secret-hygiene warning whatever its length
      expect(of(doc, 'pool/windows-password-literal')).toMatchObject([{ severity: 'warning' }]);
      expect(JSON.stringify(check(doc))).not.toContain(pw);
    }
  });
  it('rejects a missing password or username', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { windows_profile: { admin_username: 'azureadmin' } }), win('win')),
        'pool/windows-profile',
      ),
    ).toMatchObject([{ message: expect.stringContaining('no admin_password') }]);
    expect(
      of(
        tfDoc(aksCluster('aks', { windows_profile: { admin_password: '${var.pw}' } }), win('win')),
        'pool/windows-profile',
      ),
    ).toMatchObject([{ message: expect.stringContaining('no admin_username') }]);
    expect(
      of(
        tfDoc(
          aksCluster('aks', { windows_profile: { admin_username: 'admin', admin_password: '${var.pw}' } }),
          win('win'),
        ),
        'pool/windows-profile',
      ),
    ).toMatchObject([{ message: expect.stringContaining('reserves') }]);
  });
});

describe('pool/os-sku', () => {
  it.each([
    ['Linux', 'AzureLinux3'],
    ['Linux', 'Ubuntu2204'],
    ['Windows', 'Windows2022'],
  ])('accepts %s %s', (os, sku) => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), nodePool('p', 'aks', { os_type: os, os_sku: sku })), 'pool/os-sku'),
    ).toEqual([]);
  });
  it.each([
    ['Linux', 'Windows2022'],
    ['Windows', 'Ubuntu'],
    ['Linux', 'CBLMariner2'],
  ])('rejects %s %s', (os, sku) => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), nodePool('p', 'aks', { os_type: os, os_sku: sku })), 'pool/os-sku'),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining(`os_sku '${sku}'`) }]);
  });
  it('rejects an os_type other than Linux or Windows', () => {
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { os_type: 'linux' })), 'pool/os-sku')).toMatchObject([
      { severity: 'error' },
    ]);
  });
  it('reports a Windows os_sku on the default pool once, under pool/system-linux', () => {
    const fs = check(tfDoc(aksCluster('aks', { default_node_pool: { os_sku: 'Windows2019' } }))).filter(
      (f) => f.severity === 'error' && f.ruleId.startsWith('pool/'),
    );
    expect(fs.map((f) => f.ruleId)).toEqual(['pool/system-linux']);
  });
  it('reports Windows2019 on a Linux pool once, under pool/os-sku', () => {
    const fs = check(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { os_sku: 'Windows2019' }))).filter(
      (f) => f.severity === 'error' && f.ruleId.startsWith('pool/'),
    );
    expect(fs.map((f) => f.ruleId)).toEqual(['pool/os-sku']);
  });
});

describe('pool/azure-linux-2-retired', () => {
  it('rejects AzureLinux on 1.31 (cluster version) and on a pool orchestrator_version of 1.31.5', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { kubernetes_version: '1.31', default_node_pool: { os_sku: 'AzureLinux' } })),
        'pool/azure-linux-2-retired',
      ),
    ).toMatchObject([{ severity: 'error', fix: expect.stringContaining("'AzureLinux3'") }]);
    expect(
      of(
        tfDoc(
          aksCluster('aks', { kubernetes_version: '1.33' }),
          nodePool('p', 'aks', { os_sku: 'AzureLinux', orchestrator_version: '1.31.5' }),
        ),
        'pool/azure-linux-2-retired',
      ),
    ).toMatchObject([{ address: 'azurerm_kubernetes_cluster_node_pool.p' }]);
  });
  it('accepts AzureLinux on 1.32, on an unset version (Azure default >= 1.32), and AzureLinux3 on 1.31', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { kubernetes_version: '1.32', default_node_pool: { os_sku: 'AzureLinux' } })),
        'pool/azure-linux-2-retired',
      ),
    ).toEqual([]);
    expect(
      of(tfDoc(aksCluster('aks', { default_node_pool: { os_sku: 'AzureLinux' } })), 'pool/azure-linux-2-retired'),
    ).toEqual([]);
    expect(
      of(
        tfDoc(aksCluster('aks', { kubernetes_version: '1.31', default_node_pool: { os_sku: 'AzureLinux3' } })),
        'pool/azure-linux-2-retired',
      ),
    ).toEqual([]);
  });
  it('leaves AzureLinux on a Windows pool to pool/os-sku', () => {
    const fs = check(
      tfDoc(aksCluster('aks', { ...WIN_PROFILE, kubernetes_version: '1.31' }), win('win', { os_sku: 'AzureLinux' })),
    ).filter((f) => f.severity === 'error');
    expect(fs.map((f) => f.ruleId)).toEqual(['pool/os-sku']);
  });
  it('skips with a warning when the version is a variable', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { kubernetes_version: '${var.k8s}', default_node_pool: { os_sku: 'AzureLinux' } })),
        'pool/azure-linux-2-retired',
      ),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('pool/windows-2019-retired', () => {
  it('rejects Windows2019 and accepts Windows2022', () => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { os_sku: 'Windows2019' })), 'pool/windows-2019-retired'),
    ).toMatchObject([{ severity: 'error', fix: "set os_sku = 'Windows2022'" }]);
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { os_sku: 'Windows2022' })), 'pool/windows-2019-retired'),
    ).toEqual([]);
  });
});

describe('pool/max-pods', () => {
  it.each([10, 250])('accepts %d on a User pool', (n) => {
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: n })), 'pool/max-pods')).toEqual([]);
  });
  it.each([9, 251, 0])('rejects %d', (n) => {
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: n })), 'pool/max-pods')).toMatchObject([
      { severity: 'error', message: expect.stringContaining(`max_pods ${n}`) },
    ]);
  });
  it('needs room for 30 pods on a System pool: max_pods x nodes (29 x 1 fails, 30 x 1 and 10 x 3 pass)', () => {
    const sys = (maxPods: number, nodes: number) =>
      tfDoc(aksCluster('aks', { default_node_pool: { max_pods: maxPods, node_count: nodes } }));
    expect(of(sys(29, 1), 'pool/max-pods')).toMatchObject([
      {
        severity: 'error',
        address: 'azurerm_kubernetes_cluster.aks.default_node_pool',
        message: expect.stringContaining('room for 29 pods'),
      },
    ]);
    expect(of(sys(30, 1), 'pool/max-pods')).toEqual([]);
    expect(of(sys(10, 3), 'pool/max-pods')).toEqual([]);
    expect(of(sys(10, 2), 'pool/max-pods')).toMatchObject([{ severity: 'error' }]);
    expect(
      of(
        tfDoc(aksCluster('aks'), nodePool('p', 'aks', { mode: 'System', max_pods: 29, node_count: 1 })),
        'pool/max-pods',
      ),
    ).toMatchObject([{ severity: 'error' }]);
  });
  it('warns on a User pool with room for fewer than 30 pods (pool/max-pods-total)', () => {
    expect(
      of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: 10, node_count: 2 })), 'pool/max-pods-total'),
    ).toMatchObject([{ severity: 'warning' }]);
    expect(
      of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: 10, node_count: 3 })), 'pool/max-pods-total'),
    ).toEqual([]);
  });
  it('warns above 110 on Windows (111 warns, 110 passes) under pool/max-pods-windows', () => {
    expect(
      of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { max_pods: 111 })), 'pool/max-pods-windows'),
    ).toMatchObject([{ severity: 'warning' }]);
    expect(of(tfDoc(aksCluster('aks', WIN_PROFILE), win('win', { max_pods: 110 })), 'pool/max-pods-windows')).toEqual(
      [],
    );
  });
  it('reports a string that is not a number as document/type and a variable as skipped', () => {
    expect(
      check(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: 'lots' }))).filter(
        (f) => f.ruleId === 'document/type',
      ),
    ).toMatchObject([{ severity: 'error' }]);
    expect(
      of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { max_pods: '${var.max_pods}' })), 'pool/max-pods'),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('pool/counts', () => {
  const c = (pool: Record<string, unknown>) => tfDoc(aksCluster('aks', { default_node_pool: pool }));
  it('default pool: node_count 1 and 1000 pass, 0 and 1001 fail', () => {
    expect(of(c({ node_count: 1 }), 'pool/counts')).toEqual([]);
    expect(of(c({ node_count: 1000 }), 'pool/counts')).toEqual([]);
    expect(of(c({ node_count: 0 }), 'pool/counts')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('node_count 0') },
    ]);
    expect(of(c({ node_count: 1001 }), 'pool/counts')).toMatchObject([{ severity: 'error' }]);
  });
  it('other pools: node_count 0 passes, -1 fails', () => {
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { node_count: 0 })), 'pool/counts')).toEqual([]);
    expect(of(tfDoc(aksCluster('aks'), nodePool('p', 'aks', { node_count: -1 })), 'pool/counts')).toMatchObject([
      { severity: 'error' },
    ]);
  });
  it('autoscaling: min <= node_count <= max passes at both edges, outside fails', () => {
    expect(of(c({ auto_scaling_enabled: true, min_count: 3, max_count: 5, node_count: 3 }), 'pool/counts')).toEqual([]);
    expect(of(c({ auto_scaling_enabled: true, min_count: 3, max_count: 5, node_count: 5 }), 'pool/counts')).toEqual([]);
    expect(
      of(c({ auto_scaling_enabled: true, min_count: 3, max_count: 5, node_count: 6 }), 'pool/counts'),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining('outside min_count 3 - max_count 5') }]);
    expect(
      of(c({ auto_scaling_enabled: true, min_count: 6, max_count: 5, node_count: undefined }), 'pool/counts'),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining('greater than max_count') }]);
  });
  it('reports a node_count above 1000 once, not again as outside min_count/max_count', () => {
    const f = of(
      tfDoc(
        aksCluster('aks'),
        nodePool('p', 'aks', { auto_scaling_enabled: true, min_count: 0, max_count: 1000, node_count: 1001 }),
      ),
      'pool/counts',
    );
    expect(f).toMatchObject([{ severity: 'error', message: expect.stringContaining('node_count 1001') }]);
    expect(f).toHaveLength(1);
  });
  it('autoscaling needs both min and max; without it neither may be set', () => {
    expect(of(c({ auto_scaling_enabled: true, max_count: 5 }), 'pool/counts')).toMatchObject([
      { message: expect.stringContaining('no min_count') },
    ]);
    expect(of(c({ min_count: 1, max_count: 5 }), 'pool/counts')).toMatchObject([
      { message: expect.stringContaining('sets min_count and max_count without auto_scaling_enabled') },
    ]);
  });
  it('skips with a warning on an unknown count', () => {
    expect(of(c({ node_count: '${var.n}' }), 'pool/counts')).toMatchObject([{ severity: 'warning', skipped: true }]);
    expect(
      of(
        c({ auto_scaling_enabled: true, node_count: '${var.n}', min_count: '${var.min}', max_count: '${var.max}' }),
        'pool/counts',
      ),
    ).toHaveLength(1);
  });
});

it('pool/windows-dual-stack-preview is retired: no finding for a Windows pool in a dual-stack cluster (AKS changelog 2026-07-17)', () => {
  const dual = aksCluster('aks', { ...WIN_PROFILE, network_profile: { ip_versions: ['IPv4', 'IPv6'] } });
  expect(check(tfDoc(dual, win('win'))).filter((f) => f.ruleId === 'pool/windows-dual-stack-preview')).toEqual([]);
});

it('the walkthrough dual-stack cluster with a 2-node Windows pool has no errors', () => {
  const f = check(
    tfDoc(aksCluster('aks', { ...WIN_PROFILE, network_profile: { ip_versions: ['IPv4', 'IPv6'] } }), win('win')),
  );
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
});

it('reports every pool problem of a document', () => {
  const doc = tfDoc(
    aksCluster('aks', { default_node_pool: { max_pods: 5 } }),
    nodePool('win', 'aks', {
      name: 'windows1',
      os_type: 'Windows',
      os_sku: 'Windows2019',
      mode: 'System',
      min_count: 1,
    }),
    nodePool('dup', 'aks', { name: 'system' }),
  );
  const ids = new Set(
    check(doc)
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId),
  );
  expect([...ids].sort()).toEqual([
    'pool/counts',
    'pool/max-pods',
    'pool/name',
    'pool/name-unique',
    'pool/system-linux',
    'pool/windows-2019-retired',
  ]);
});
