import { readModel } from '../lib/model';
import { runRules } from '../lib/rules';
import { networkRules } from '../lib/rules/network/index';
import type { CheckContext, Finding } from '../lib/rules/types';
import { RULE_IDS } from '../lib/rules/catalogue';
import { aksCluster, nodePool, ref, subnet, tfDoc, vnet, type JsonObject } from './support/tf';

/** Findings of this file's rules only. */
function run(doc: unknown, context: CheckContext = {}): Finding[] {
  return runRules(readModel(doc, context), networkRules).filter((f) => !f.ruleId.startsWith('document/'));
}
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const ofRule = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);

/** A single cluster document whose network_profile is replaced by `np` (undefined: no network_profile). */
function withNetwork(np: JsonObject | undefined, clusterOverrides: JsonObject = {}): JsonObject {
  return tfDoc(
    aksCluster('aks', { network_profile: undefined, ...clusterOverrides }),
    ...(np ? [{ resource: { azurerm_kubernetes_cluster: { aks: { network_profile: np } } } }] : []),
  );
}
const overlay = (extra: JsonObject = {}) =>
  withNetwork({ network_plugin: 'azure', network_plugin_mode: 'overlay', ...extra });
const dual = (extra: JsonObject = {}, cluster: JsonObject = {}) =>
  withNetwork(
    { network_plugin: 'azure', network_plugin_mode: 'overlay', ip_versions: ['IPv4', 'IPv6'], ...extra },
    cluster,
  );

/** Asserts exactly one error of `id`, with the message starting with the id, and returns it. */
function expectError(fs: Finding[], id: string): Finding {
  const found = ofRule(fs, id).filter((f) => f.severity === 'error');
  expect(found).toHaveLength(1);
  expect(found[0].message.startsWith(`${id}: `)).toBe(true);
  expect(found[0].fix.length).toBeGreaterThan(0);
  expect(found[0].address).toBe('azurerm_kubernetes_cluster.aks');
  expect(found[0].path).toBe('test/aks/resource');
  return found[0];
}
function expectNoFinding(fs: Finding[], id: string): void {
  expect(ofRule(fs, id)).toEqual([]);
}

describe('every rule of this file is registered once', () => {
  it('has every network/ id of the catalogue, once', () => {
    const ids = networkRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(RULE_IDS.filter((id) => id.startsWith('network/')).sort());
  });
});

describe('network/overlay-requires-azure', () => {
  it('fails for kubenet + overlay', () => {
    expect(
      expectError(
        run(withNetwork({ network_plugin: 'kubenet', network_plugin_mode: 'overlay' })),
        'network/overlay-requires-azure',
      ).message,
    ).toMatch(/kubenet/);
  });
  it('passes for azure + overlay', () => expectNoFinding(run(overlay()), 'network/overlay-requires-azure'));
});

describe('network/pod-cidr-without-overlay', () => {
  it('fails for a pod CIDR in node-subnet mode', () => {
    expect(
      expectError(
        run(withNetwork({ network_plugin: 'azure', pod_cidr: '10.244.0.0/16' })),
        'network/pod-cidr-without-overlay',
      ).message,
    ).toMatch(/10\.244\.0\.0\/16/);
  });
  it('passes with overlay, and for node-subnet without a pod CIDR', () => {
    expectNoFinding(run(overlay({ pod_cidr: '10.244.0.0/16' })), 'network/pod-cidr-without-overlay');
    expectNoFinding(run(withNetwork({ network_plugin: 'azure' })), 'network/pod-cidr-without-overlay');
  });
});

describe('network/ip-families', () => {
  it.each([
    [['IPv6'], /IPv6 alone/],
    [['IPv4', 'IPv4'], /twice/],
    [['ipv4'], /not IPv4 or IPv6/],
  ])('fails for %j', (fams, why) => {
    expect(expectError(run(overlay({ ip_versions: fams })), 'network/ip-families').message).toMatch(why);
  });
  it.each([[['IPv4']], [['IPv4', 'IPv6']]])('passes for %j', (fams) =>
    expectNoFinding(run(overlay({ ip_versions: fams })), 'network/ip-families'),
  );
  it('reports a string where the list belongs as document/type (Terraform rejects it), not a skipped warning', () => {
    const fs = runRules(readModel(overlay({ ip_versions: 'IPv4' })), networkRules);
    expect(fs.filter((f) => f.ruleId === 'document/type')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('ip_versions') },
    ]);
    expect(fs.filter((f) => f.skipped)).toEqual([]);
  });
  it('warns (network/ip-families-order) for IPv6 before IPv4, which the API accepts', () => {
    const fs = run(overlay({ ip_versions: ['IPv6', 'IPv4'] }));
    expectNoFinding(fs, 'network/ip-families');
    expect(ofRule(fs, 'network/ip-families-order')).toMatchObject([
      { severity: 'warning', message: expect.stringContaining('[IPv4, IPv6]') },
    ]);
    expectNoFinding(run(overlay({ ip_versions: ['IPv4', 'IPv6'] })), 'network/ip-families-order');
  });
});

describe('network/cidr-family-mismatch', () => {
  it('fails when pod_cidrs lists IPv6 first', () => {
    const f = expectError(
      run(dual({ pod_cidrs: ['fd12:3456:789a::/64', '10.244.0.0/16'] })),
      'network/cidr-family-mismatch',
    );
    expect(f.message).toMatch(/pod_cidrs/);
    expect(f.fix).toMatch(/10\.244\.0\.0\/16/);
  });
  it('fails when service_cidrs has one range for two families', () => {
    expect(expectError(run(dual({ service_cidrs: ['10.0.0.0/16'] })), 'network/cidr-family-mismatch').message).toMatch(
      /1 range\(s\) for the 2 IP families/,
    );
  });
  it('reports pod_cidrs written as a string instead of a list as document/type', () => {
    const fs = runRules(readModel(dual({ pod_cidrs: '10.244.0.0/16' })), networkRules);
    expect(fs.filter((f) => f.ruleId === 'document/type')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('pod_cidrs') },
    ]);
  });
  it('fails for an IPv6 pod_cidr in a single-stack cluster', () => {
    expectError(run(overlay({ pod_cidr: 'fd00::/64' })), 'network/cidr-family-mismatch');
  });
  it('passes for lists in family order', () => {
    expectNoFinding(
      run(
        dual({
          pod_cidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
          service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
          dns_service_ip: '10.0.0.10',
        }),
      ),
      'network/cidr-family-mismatch',
    );
  });
});

describe('network/cidr-syntax', () => {
  // host bits and a missing prefix length are accepted (the API's pattern makes the prefix optional; azurerm's
  // acceptance tests apply `2002::1234:abcd:ffff:c0a8:101/120`): a warning that shows the normalized range
  it('warns for host bits set and says the normalized range (network/cidr-normalized)', () => {
    const fs = run(overlay({ pod_cidr: '10.244.1.0/16' }));
    expectNoFinding(fs, 'network/cidr-syntax');
    const f = ofRule(fs, 'network/cidr-normalized');
    expect(f).toMatchObject([
      {
        severity: 'warning',
        message: expect.stringMatching(/10\.244\.1\.0\/16 has host bits set/),
        fix: expect.stringMatching(/10\.244\.0\.0\/16/),
      },
    ]);
  });
  it('warns for a missing prefix length; fails for a malformed address', () => {
    expect(ofRule(run(overlay({ pod_cidr: '10.244.0.0' })), 'network/cidr-normalized')).toMatchObject([
      { severity: 'warning', message: expect.stringContaining('10.244.0.0/32') },
    ]);
    expectNoFinding(run(overlay({ pod_cidr: '10.244.0.0' })), 'network/cidr-syntax');
    expect(expectError(run(overlay({ pod_cidr: '10.244/16' })), 'network/cidr-syntax').message).toMatch(
      /four decimal octets/,
    );
  });
  it('warns for an IPv6 service range with host bits set', () => {
    expect(
      ofRule(
        run(dual({ service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::1/108'], dns_service_ip: '10.0.0.10' })),
        'network/cidr-normalized',
      )[0].fix,
    ).toMatch(/fd12:3456:789a:1::\/108/);
  });
  it('checks VNet address spaces and subnet prefixes too', () => {
    const fs = run(
      tfDoc(vnet('v', ['10.1.0.1/16', '10.2.0/16']), subnet('s', 'v', ['10.1.0.0/24']), aksCluster('aks')),
    );
    expect(ofRule(fs, 'network/cidr-normalized').map((f) => f.address)).toEqual(['azurerm_virtual_network.v']);
    expect(ofRule(fs, 'network/cidr-syntax').map((f) => f.address)).toEqual(['azurerm_virtual_network.v']);
  });
  it('checks subnet prefixes given in the check context', () => {
    const id = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/nodes';
    const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: id } }));
    const bad = ofRule(run(doc, { subnets: { [id]: ['10.5.0.7/24'] } }), 'network/cidr-normalized');
    expect(bad.map((f) => [f.address, f.fix])).toEqual([[id, 'write the network address: 10.5.0.0/24']]);
    expectNoFinding(run(doc, { subnets: { [id]: ['10.5.0.0/24'] } }), 'network/cidr-normalized');
    expectNoFinding(run(doc), 'network/cidr-normalized');
  });
  it('passes for normalized ranges', () =>
    expectNoFinding(
      run(overlay({ pod_cidr: '10.244.0.0/16', service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' })),
      'network/cidr-syntax',
    ));
});

describe('network/service-cidr-ipv6-size', () => {
  const svc = (v6: string) => dual({ service_cidrs: ['10.0.0.0/16', v6], dns_service_ip: '10.0.0.10' });
  it('fails for /107 and /100, suggesting the /108', () => {
    expectError(run(svc('fd12:3456:789a:1::/107')), 'network/service-cidr-ipv6-size');
    const f = expectError(run(svc('fd12:3456:789a:1::/100')), 'network/service-cidr-ipv6-size');
    expect(f.message).toBe('network/service-cidr-ipv6-size: service range fd12:3456:789a:1::/100 is larger than /108');
    expect(f.fix).toBe('use a /108 or smaller, e.g. fd12:3456:789a:1::/108');
  });
  it('passes for /108 and /112', () => {
    expectNoFinding(run(svc('fd12:3456:789a:1::/108')), 'network/service-cidr-ipv6-size');
    expectNoFinding(run(svc('fd12:3456:789a:1::/112')), 'network/service-cidr-ipv6-size');
  });
  it('passes with the dual-stack default service range', () =>
    expectNoFinding(run(dual()), 'network/service-cidr-ipv6-size'));
});

describe('network/service-cidr-ipv4-size', () => {
  const svc = (r: string, dns: string) => overlay({ service_cidr: r, dns_service_ip: dns });
  it('fails for /12', () =>
    expect(expectError(run(svc('10.0.0.0/12', '10.0.0.10')), 'network/service-cidr-ipv4-size').fix).toMatch(
      /10\.0\.0\.0\/16/,
    ));
  it('passes for /13', () => expectNoFinding(run(svc('10.0.0.0/13', '10.0.0.10')), 'network/service-cidr-ipv4-size'));
});

describe('network/dns-service-ip', () => {
  const svc = (dns: string | undefined, range: string | null = '10.0.0.0/16') =>
    overlay({ ...(range ? { service_cidr: range } : {}), ...(dns ? { dns_service_ip: dns } : {}) });
  it('fails at the first address (.1) and the network address (.0)', () => {
    expect(expectError(run(svc('10.0.0.1')), 'network/dns-service-ip').message).toMatch(/first address/);
    expect(expectError(run(svc('10.0.0.0')), 'network/dns-service-ip').message).toMatch(/network address/);
  });
  it('fails at the broadcast address, which Kubernetes never allocates to an IPv4 service; passes one below it', () => {
    const fs = run(svc('10.0.255.255'));
    expect(expectError(fs, 'network/dns-service-ip').message).toMatch(/broadcast address/);
    expect(ofRule(fs, 'network/dns-service-ip-convention')).toEqual([]);
    expect(errors(run(svc('10.0.255.254')))).toEqual([]);
  });
  it('passes at .2 with no error (a convention warning only)', () => {
    const fs = run(svc('10.0.0.2'));
    expect(errors(fs)).toEqual([]);
    expect(ofRule(fs, 'network/dns-service-ip-convention').map((f) => f.severity)).toEqual(['warning']);
  });
  it('fails outside the service range, naming a fix inside it', () => {
    expect(expectError(run(svc('10.1.0.10')), 'network/dns-service-ip').fix).toMatch(/10\.0\.0\.10/);
  });
  it('fails when set without a service range, and a service range without it', () => {
    expect(expectError(run(svc('10.0.0.10', null)), 'network/dns-service-ip').message).toMatch(
      /without a service range/,
    );
    expect(expectError(run(svc(undefined, '10.100.0.0/16')), 'network/dns-service-ip').fix).toMatch(/10\.100\.0\.10/);
  });
  it('does not throw on an unparsable DNS IP in a service range of fewer than 11 addresses', () => {
    const fs = runRules(readModel(svc('not-an-ip', '10.0.0.0/29')), networkRules);
    expect(fs.filter((f) => f.ruleId === 'document/rule-error')).toEqual([]);
    expect(expectError(fs, 'network/dns-service-ip').fix).toContain('10.0.0.2');
  });
  it('fails for an IPv6 DNS address', () => {
    expect(
      expectError(
        run(dual({ service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'], dns_service_ip: 'fd12:3456:789a:1::a' })),
        'network/dns-service-ip',
      ).message,
    ).toMatch(/IPv4/);
  });
  it('checks the defaults when nothing is set: no finding', () => {
    expectNoFinding(run(withNetwork(undefined)), 'network/dns-service-ip');
    expectNoFinding(run(withNetwork(undefined)), 'network/dns-service-ip-convention');
  });
});

describe('network/dns-service-ip-convention', () => {
  it('warns when the DNS IP is not .10', () => {
    const f = ofRule(
      run(overlay({ service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.53' })),
      'network/dns-service-ip-convention',
    );
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].fix).toMatch(/10\.0\.0\.10/);
  });
  it('is quiet at .10', () =>
    expectNoFinding(
      run(overlay({ service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' })),
      'network/dns-service-ip-convention',
    ));
});

describe('network/dual-stack-requires-overlay', () => {
  it('fails for dual-stack in node-subnet mode', () => {
    expectError(
      run(withNetwork({ network_plugin: 'azure', ip_versions: ['IPv4', 'IPv6'] })),
      'network/dual-stack-requires-overlay',
    );
  });
  it('passes for kubenet and none dual-stack, which Azure accepts (configure-kubenet-dual-stack; provider acceptance tests)', () => {
    expectNoFinding(
      run(withNetwork({ network_plugin: 'kubenet', ip_versions: ['IPv4', 'IPv6'] })),
      'network/dual-stack-requires-overlay',
    );
    expectNoFinding(
      run(withNetwork({ network_plugin: 'none', ip_versions: ['IPv4', 'IPv6'] })),
      'network/dual-stack-requires-overlay',
    );
  });
  it('passes for dual-stack overlay, and for dual-stack with the plugin omitted (overlay by default)', () => {
    expectNoFinding(run(dual()), 'network/dual-stack-requires-overlay');
    expectNoFinding(run(withNetwork({ ip_versions: ['IPv4', 'IPv6'] })), 'network/dual-stack-requires-overlay');
  });
});

describe('network/dual-stack-unsupported', () => {
  it.each([
    [{ network_policy: 'azure' }, {}, /network_policy azure/],
    [{ network_policy: 'calico' }, {}, /network_policy calico/],
    [{ outbound_type: 'managedNATGateway' }, {}, /NAT gateway is IPv4-only/],
    [{}, { aci_connector_linux: { subnet_name: 'aci' } }, /aci_connector_linux/],
  ])('fails for %j %j', (np, cl, why) => {
    expect(expectError(run(dual(np, cl)), 'network/dual-stack-unsupported').message).toMatch(why);
  });
  it('passes for cilium and loadBalancer outbound', () =>
    expectNoFinding(
      run(dual({ network_policy: 'cilium', network_data_plane: 'cilium', outbound_type: 'loadBalancer' })),
      'network/dual-stack-unsupported',
    ));
  it('does not apply to single-stack', () =>
    expectNoFinding(
      run(overlay({ network_policy: 'azure', outbound_type: 'managedNATGateway' })),
      'network/dual-stack-unsupported',
    ));
  it('warns (network/dual-stack-user-natgw) for userAssignedNATGateway whose gateway is not in the document: StandardV2 works', () => {
    const fs = run(dual({ outbound_type: 'userAssignedNATGateway' }));
    expectNoFinding(fs, 'network/dual-stack-unsupported');
    expect(ofRule(fs, 'network/dual-stack-user-natgw')).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('network/dual-stack-version (Cilium dual-stack needs 1.29)', () => {
  const cilium = { network_policy: 'cilium', network_data_plane: 'cilium' };
  it('fails for 1.28.9 with the Cilium data plane', () =>
    expect(
      expectError(run(dual(cilium, { kubernetes_version: '1.28.9' })), 'network/dual-stack-version').message,
    ).toMatch(/1\.28\.9/));
  it.each(['1.29', '1.29.0', '1.33.1'])('passes for %s', (v) =>
    expectNoFinding(run(dual(cilium, { kubernetes_version: v })), 'network/dual-stack-version'),
  );
  it('does not apply without Cilium (no supported AKS version is below the old 1.26.3 floor)', () =>
    expectNoFinding(run(dual({}, { kubernetes_version: '1.25' })), 'network/dual-stack-version'));
  it('does not apply to single-stack', () => expectNoFinding(run(overlay({}), {}), 'network/dual-stack-version'));
});

describe('network/lb-profile-sku', () => {
  it('fails for a basic SKU with a load balancer profile', () => {
    expectError(
      run(overlay({ load_balancer_sku: 'basic', load_balancer_profile: { managed_outbound_ip_count: 2 } })),
      'network/lb-profile-sku',
    );
  });
  it('fails for managed_outbound_ipv6_count on single-stack', () => {
    expect(
      expectError(run(overlay({ load_balancer_profile: { managed_outbound_ipv6_count: 1 } })), 'network/lb-profile-sku')
        .message,
    ).toMatch(/dual-stack/);
  });
  it('passes for standard (default) SKU, and IPv6 outbound IPs on dual-stack', () => {
    expectNoFinding(
      run(overlay({ load_balancer_profile: { managed_outbound_ip_count: 2 } })),
      'network/lb-profile-sku',
    );
    expectNoFinding(
      run(
        dual({
          load_balancer_sku: 'standard',
          load_balancer_profile: [{ managed_outbound_ip_count: 1, managed_outbound_ipv6_count: 2 }],
        }),
      ),
      'network/lb-profile-sku',
    );
  });
});

describe('network/overlay-vm-size', () => {
  it('fails for a DCsv2 size on any pool of an overlay cluster', () => {
    const fs = run(tfDoc(aksCluster('aks'), nodePool('conf', 'aks', { vm_size: 'Standard_DC4s_v2' })));
    const f = ofRule(fs, 'network/overlay-vm-size');
    expect(f).toHaveLength(1);
    expect(f[0].address).toBe('azurerm_kubernetes_cluster_node_pool.conf');
    expect(f[0].fix).toMatch(/DCasv5/);
  });
  it('fails for Standard_DC8_v2, the DCsv2 size without the s', () => {
    expect(
      ofRule(
        run(tfDoc(aksCluster('aks'), nodePool('conf', 'aks', { vm_size: 'Standard_DC8_v2' }))),
        'network/overlay-vm-size',
      ),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining('Standard_DC8_v2') }]);
  });
  it('checks the default pool of a cluster that omits the network profile (overlay by default)', () => {
    expect(
      ofRule(
        run(withNetwork(undefined, { default_node_pool: { vm_size: 'Standard_DC2s_v2' } })),
        'network/overlay-vm-size',
      ),
    ).toHaveLength(1);
  });
  it('passes for DCsv3, and for DCsv2 in node-subnet mode', () => {
    expectNoFinding(
      run(tfDoc(aksCluster('aks'), nodePool('conf', 'aks', { vm_size: 'Standard_DC4s_v3' }))),
      'network/overlay-vm-size',
    );
    expectNoFinding(
      run(withNetwork({ network_plugin: 'azure' }, { default_node_pool: { vm_size: 'Standard_DC2s_v2' } })),
      'network/overlay-vm-size',
    );
  });
});

describe('network/kubenet-retiring', () => {
  it('warns for kubenet', () => {
    const f = ofRule(run(withNetwork({ network_plugin: 'kubenet' })), 'network/kubenet-retiring');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].fix).toMatch(/overlay/);
  });
  it('is quiet for overlay', () => expectNoFinding(run(overlay()), 'network/kubenet-retiring'));
});

describe('unknown values skip rules with a warning, never an error', () => {
  it('skips size and DNS rules on an unresolved service range', () => {
    const fs = run(overlay({ service_cidr: '${var.service_cidr}', dns_service_ip: '10.0.0.10' }));
    expect(errors(fs)).toEqual([]);
    const sk = fs.filter((f) => f.skipped);
    expect(sk.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['network/cidr-syntax', 'network/service-cidr-ipv4-size', 'network/dns-service-ip']),
    );
    for (const f of sk) {
      expect(f.severity).toBe('warning');
      expect(f.message).toMatch(/\$\{var\.service_cidr\}/);
    }
  });
  it('skips dual-stack rules when ip_versions is unresolved', () => {
    const fs = run(overlay({ ip_versions: '${var.families}', network_policy: 'azure' }));
    expect(errors(fs)).toEqual([]);
    expect(ofRule(fs, 'network/dual-stack-unsupported')[0]).toMatchObject({ skipped: true, severity: 'warning' });
  });
  it('skips the VM size check when the plugin is unresolved', () => {
    const fs = run(
      tfDoc(
        aksCluster('aks', { network_profile: { network_plugin: '${var.plugin}' } }),
        nodePool('conf', 'aks', { vm_size: 'Standard_DC4s_v2' }),
      ),
    );
    expect(errors(fs)).toEqual([]);
    expect(ofRule(fs, 'network/overlay-vm-size')[0]).toMatchObject({ skipped: true });
  });
});

describe('walkthrough configurations produce no errors from these rules', () => {
  it('overlay with pod CIDR 192.168.0.0/16', () => {
    expect(errors(run(overlay({ pod_cidr: '192.168.0.0/16' })))).toEqual([]);
  });
  it('dual-stack with the default ranges', () => {
    expect(run(dual({}, { kubernetes_version: '1.33' }))).toEqual([]);
  });
  it('dual-stack with a Windows pool of 2 nodes', () => {
    const doc = tfDoc(
      aksCluster('aks', {
        network_profile: { ip_versions: ['IPv4', 'IPv6'] },
        windows_profile: { admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' },
      }),
      nodePool('win', 'aks', { os_type: 'Windows', node_count: 2, vm_size: 'Standard_D4s_v5' }),
    );
    expect(errors(run(doc))).toEqual([]);
  });
  it('a node pool on a second subnet of the same VNet', () => {
    const doc = tfDoc(
      vnet('v', ['10.10.0.0/16']),
      subnet('nodes', 'v', ['10.10.0.0/24']),
      subnet('pool2', 'v', ['10.10.1.0/24']),
      aksCluster('aks', {
        network_profile: { pod_cidr: '192.168.0.0/16' },
        default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') },
      }),
      nodePool('pool2', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'pool2') }),
    );
    expect(errors(run(doc))).toEqual([]);
  });
});

describe('a document with several problems returns all of them', () => {
  it('reports each rule', () => {
    const fs = run(
      withNetwork(
        {
          network_plugin: 'azure',
          ip_versions: ['IPv4', 'IPv6'],
          pod_cidr: '10.244.0.0/16',
          service_cidrs: ['10.0.0.0/12', 'fd12:3456:789a:1::/100'],
          dns_service_ip: '10.0.0.1',
        },
        { kubernetes_version: '1.25.0' },
      ),
    );
    expect(new Set(errors(fs).map((f) => f.ruleId))).toEqual(
      new Set([
        'network/pod-cidr-without-overlay',
        'network/service-cidr-ipv4-size',
        'network/service-cidr-ipv6-size',
        'network/dns-service-ip',
        'network/dual-stack-requires-overlay',
      ]),
    );
  });
});
