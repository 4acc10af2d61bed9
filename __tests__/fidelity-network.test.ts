/**
 * Fidelity of the corrected and new network rules (issue 11, shared/research/rule-audit.md),
 * black-box through `check()`: for each rule a failing input (rule id, severity, the value named
 * in the message) and a just-valid edge (no finding of that id). These are the spec for the rule
 * files listed in lib/rules/docs; they fail until the rules are implemented.
 */
import { aksCluster, nodePool, ref, subnet, tfDoc, vnet, type JsonObject } from './support/tf';
import {
  clusterWithNetwork,
  dualOverlay,
  expectFinding,
  expectNoError,
  expectNoErrors,
  expectNoFinding,
  overlay,
  run,
} from './support/fidelity';

const nodes = (prefixes: string[] = ['10.1.0.0/24'], overrides: JsonObject = {}) =>
  subnet('nodes', 'v', prefixes, overrides);
const onNodes = { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') } };

describe('network/invalid-value (new): enum values the provider rejects at plan', () => {
  it.each([
    ['network_plugin', 'kubernet'],
    ['network_plugin_mode', 'Overlay'],
    ['network_policy', 'Calico'],
    ['network_data_plane', 'ebpf'],
    ['outbound_type', 'natGateway'],
    ['load_balancer_sku', 'Standard'],
  ])('fails for %s = %s', (attribute, value) => {
    const np = { ...overlay(), [attribute]: value };
    expectFinding(run(clusterWithNetwork(np)), 'network/invalid-value', 'error', attribute, value);
  });
  it('just valid: every attribute with an allowed value', () => {
    const np = overlay({
      network_policy: 'cilium',
      network_data_plane: 'cilium',
      outbound_type: 'loadBalancer',
      load_balancer_sku: 'standard',
    });
    expectNoFinding(run(clusterWithNetwork(np)), 'network/invalid-value');
  });
});

describe('network/ip-families (corrected): errors only for what the provider or AKS rejects', () => {
  it.each([
    [['IPv6'], 'IPv6'],
    [['IPv4', 'IPv4'], 'IPv4'],
    [['ipv4'], 'ipv4'],
    [[], '[]'],
  ])('fails for %j', (fams, named) => {
    expectFinding(run(clusterWithNetwork(overlay({ ip_versions: fams }))), 'network/ip-families', 'error', named);
  });
  it("just valid: IPv6 listed before IPv4 is not this rule's error", () => {
    const np = overlay({ ip_versions: ['IPv6', 'IPv4'], pod_cidrs: ['fd12:3456:789a::/64', '10.244.0.0/16'] });
    expectNoFinding(run(clusterWithNetwork(np)), 'network/ip-families');
  });
});

describe('network/ip-families-order (new warning)', () => {
  const reversed = overlay({
    ip_versions: ['IPv6', 'IPv4'],
    pod_cidrs: ['fd12:3456:789a::/64', '10.244.0.0/16'],
    service_cidrs: ['fd12:3456:789a:1::/108', '10.0.0.0/16'],
    dns_service_ip: '10.0.0.10',
  });
  it('warns when IPv6 comes first', () => {
    expectFinding(run(clusterWithNetwork(reversed)), 'network/ip-families-order', 'warning', 'IPv6');
  });
  it('the reversed but consistent profile gives no error at all from the family rules', () => {
    const fs = run(clusterWithNetwork(reversed));
    for (const id of ['network/ip-families', 'network/ip-families-order', 'network/cidr-family-mismatch'])
      expectNoError(fs, id);
  });
  it('just valid: IPv4 first', () => {
    expectNoFinding(run(clusterWithNetwork(dualOverlay())), 'network/ip-families-order');
  });
});

describe('network/cidr-family-mismatch: count and family per position', () => {
  it('fails when ip_versions is reversed but the ranges are IPv4 first (the order mutation)', () => {
    const np = overlay({
      ip_versions: ['IPv6', 'IPv4'],
      pod_cidrs: ['10.10.0.0/22', 'fd00:10::/64'],
      service_cidrs: ['10.20.0.0/24', 'fd00:20::/108'],
      dns_service_ip: '10.20.0.10',
    });
    expectFinding(run(clusterWithNetwork(np)), 'network/cidr-family-mismatch', 'error', '10.10.0.0/22');
  });
  it('fails for one pod range on a dual-stack cluster', () => {
    const np = dualOverlay({ pod_cidrs: ['10.10.0.0/22'] });
    expectFinding(run(clusterWithNetwork(np)), 'network/cidr-family-mismatch', 'error', '10.10.0.0/22');
  });
  it('just valid: one range per family in the order of ip_versions', () => {
    const np = dualOverlay({
      pod_cidrs: ['10.10.0.0/22', 'fd00:10::/64'],
      service_cidrs: ['10.20.0.0/24', 'fd00:20::/108'],
      dns_service_ip: '10.20.0.10',
    });
    expectNoFinding(run(clusterWithNetwork(np)), 'network/cidr-family-mismatch');
  });
});

describe('network/cidr-syntax (corrected): unparseable ranges only', () => {
  it.each([
    ['pod_cidr', '10.244.0/16'],
    ['service_cidr', '10.0.0.0/33'],
  ])('fails for %s %s', (attribute, value) => {
    const np = overlay({
      [attribute]: value,
      ...(attribute === 'service_cidr' ? { dns_service_ip: '10.0.0.10' } : {}),
    });
    expectFinding(run(clusterWithNetwork(np)), 'network/cidr-syntax', 'error', value);
  });
  it('fails for an IPv6 list entry that is not an address', () => {
    const np = dualOverlay({ pod_cidrs: ['10.244.0.0/16', 'fd12:zz::/64'] });
    expectFinding(run(clusterWithNetwork(np)), 'network/cidr-syntax', 'error', 'fd12:zz::/64');
  });
  it.each([['10.244.1.0/16'], ['10.244.0.0']])(
    'just valid: %s (host bits, or no prefix length) is no syntax error',
    (value) => {
      expectNoFinding(run(clusterWithNetwork(overlay({ pod_cidr: value }))), 'network/cidr-syntax');
    },
  );
});

describe('network/cidr-normalized (new warning)', () => {
  it('warns about host bits and names the normalized range', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ pod_cidr: '10.244.1.0/16' }))),
      'network/cidr-normalized',
      'warning',
      '10.244.1.0/16',
      '10.244.0.0/16',
    );
  });
  it("warns about an IPv6 range with host bits (as azurerm's own dual-stack tests write it)", () => {
    const np = {
      network_plugin: 'kubenet',
      ip_versions: ['IPv4', 'IPv6'],
      pod_cidrs: ['10.1.1.0/24', '2002::1234:abcd:ffff:c0a8:101/120'],
    };
    expectFinding(
      run(clusterWithNetwork(np)),
      'network/cidr-normalized',
      'warning',
      '2002::1234:abcd:ffff:c0a8:100/120',
    );
  });
  it('warns about a range without a prefix length, naming it', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ pod_cidr: '10.244.0.0' }))),
      'network/cidr-normalized',
      'warning',
      '10.244.0.0',
    );
  });
  it('just valid: a network address with its prefix length', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ pod_cidr: '10.244.0.0/16' }))), 'network/cidr-normalized');
  });
});

describe('network/overlap (corrected): against every subnet of the VNets the pools use, not the VNet space', () => {
  const vnet8 = () => vnet('v', ['10.0.0.0/8']);
  it("fails when the service range equals another (non-node) subnet of the node subnet's VNet", () => {
    const doc = clusterWithNetwork(
      overlay({ service_cidr: '10.2.0.0/16', dns_service_ip: '10.2.0.10' }),
      onNodes,
      vnet8(),
      nodes(['10.1.0.0/24']),
      subnet('api', 'v', ['10.2.0.0/16']),
    );
    expectFinding(run(doc), 'network/overlap', 'error', '10.2.0.0/16');
  });
  it('fails when the pod range hits a subnet of the VNet that no pool uses', () => {
    const doc = clusterWithNetwork(
      overlay({ pod_cidr: '10.3.0.0/16' }),
      onNodes,
      vnet8(),
      nodes(['10.1.0.0/24']),
      subnet('db', 'v', ['10.3.4.0/24']),
    );
    expectFinding(run(doc), 'network/overlap', 'error', '10.3.0.0/16', '10.3.4.0/24');
  });
  it('fails when the pod and service ranges overlap', () => {
    const np = overlay({ pod_cidr: '10.0.0.0/16', service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' });
    expectFinding(run(clusterWithNetwork(np)), 'network/overlap', 'error', '10.0.0.0/16');
  });
  it('fails when two subnets of one VNet overlap', () => {
    const doc = clusterWithNetwork(
      overlay(),
      onNodes,
      vnet8(),
      nodes(['10.1.0.0/24']),
      subnet('other', 'v', ['10.1.0.128/25']),
    );
    expectFinding(run(doc), 'network/overlap', 'error', '10.1.0.128/25');
  });
  it('just valid: the default service range inside a 10.0.0.0/8 VNet whose subnets it does not hit', () => {
    const doc = clusterWithNetwork({ network_plugin: 'kubenet' }, onNodes, vnet8(), nodes(['10.1.0.0/16']));
    expectNoFinding(run(doc), 'network/overlap');
  });
  it('just valid: a subnet of a VNet no pool of the cluster uses', () => {
    const doc = clusterWithNetwork(
      overlay({ pod_cidr: '10.3.0.0/16' }),
      onNodes,
      vnet('v', ['10.1.0.0/16']),
      nodes(['10.1.0.0/24']),
      vnet('w', ['10.3.0.0/16']),
      subnet('elsewhere', 'w', ['10.3.4.0/24']),
    );
    expectNoFinding(run(doc), 'network/overlap');
  });
});

describe('network/overlap-vnet-space (new warning)', () => {
  it('warns when a range lies in the VNet space but hits no subnet', () => {
    const doc = clusterWithNetwork(
      { network_plugin: 'kubenet' },
      onNodes,
      vnet('v', ['10.0.0.0/8']),
      nodes(['10.1.0.0/16']),
    );
    expectFinding(run(doc), 'network/overlap-vnet-space', 'warning', '10.0.0.0/16', '10.0.0.0/8');
  });
  it('just valid: ranges outside the VNet space', () => {
    const doc = clusterWithNetwork(overlay(), onNodes, vnet('v', ['10.1.0.0/16']), nodes(['10.1.0.0/24']));
    expectNoFinding(run(doc), 'network/overlap-vnet-space');
  });
});

describe('network/reserved-range: node subnets, not whole VNet spaces', () => {
  it('fails for a node subnet in a reserved range', () => {
    const doc = clusterWithNetwork(
      overlay(),
      onNodes,
      vnet('v', ['10.1.0.0/16', '192.0.2.0/24']),
      nodes(['192.0.2.0/24']),
    );
    expectFinding(run(doc), 'network/reserved-range', 'error', '192.0.2.0/24');
  });
  it('just valid: a VNet space that contains a reserved range but no node subnet in it (azurerm CI applies a 172.16.0.0/12 VNet)', () => {
    const doc = clusterWithNetwork(overlay(), onNodes, vnet('v', ['172.16.0.0/12']), nodes(['172.16.0.0/24']));
    expectNoFinding(run(doc), 'network/reserved-range');
  });
  it('just valid: a VNet outside the reserved ranges', () => {
    const doc = clusterWithNetwork(overlay(), onNodes, vnet('v', ['10.1.0.0/16']), nodes(['10.1.0.0/24']));
    expectNoFinding(run(doc), 'network/reserved-range');
  });
});

describe('network/pod-cidr-capacity (corrected): surge nodes count, an omitted pool node_count is 0', () => {
  const withPods = (pool: JsonObject, ...extra: ReturnType<typeof nodePool>[]) =>
    clusterWithNetwork(overlay({ pod_cidr: '10.10.0.0/22' }), { default_node_pool: pool }, ...extra);
  it('fails for 4 nodes + 1 surge node on a /22 (4 blocks of /24)', () => {
    expectFinding(run(withPods({ node_count: 4 })), 'network/pod-cidr-capacity', 'error', '10.10.0.0/22');
  });
  it('fails for 3 nodes with max_surge 50% (2 surge nodes) on a /22', () => {
    const f = run(withPods({ node_count: 3, upgrade_settings: { max_surge: '50%' } }));
    expectFinding(f, 'network/pod-cidr-capacity', 'error', '10.10.0.0/22');
  });
  it('just valid: 3 nodes + 1 surge node on a /22', () => {
    expectNoFinding(run(withPods({ node_count: 3 })), 'network/pod-cidr-capacity');
  });
  it('just valid: a node pool resource without node_count adds no node', () => {
    const doc = withPods({ node_count: 3 }, nodePool('user', 'aks', { node_count: undefined }));
    expectNoFinding(run(doc), 'network/pod-cidr-capacity');
  });
});

describe('network/subnet-capacity (corrected): max_surge is read', () => {
  const onSmall = (pool: JsonObject) =>
    clusterWithNetwork(
      overlay(),
      { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), ...pool } },
      vnet('v', ['10.1.0.0/16']),
      nodes(['10.1.0.0/28']),
    );
  it('fails for 10 nodes + 4 surge nodes (33%) on a /28 (11 usable addresses)', () => {
    expectFinding(
      run(onSmall({ node_count: 10, upgrade_settings: { max_surge: '33%' } })),
      'network/subnet-capacity',
      'error',
      '10.1.0.0/28',
    );
  });
  it('just valid: 10 nodes + 1 surge node (the default 10%) on a /28', () => {
    expectNoFinding(run(onSmall({ node_count: 10 })), 'network/subnet-capacity');
  });
});

describe('network/subnet-delegated (new)', () => {
  const delegation = [{ name: 'aci', service_delegation: [{ name: 'Microsoft.ContainerInstance/containerGroups' }] }];
  it('fails for a node subnet with a delegation', () => {
    const doc = clusterWithNetwork(
      overlay(),
      onNodes,
      vnet('v', ['10.1.0.0/16']),
      nodes(['10.1.0.0/24'], { delegation }),
    );
    expectFinding(run(doc), 'network/subnet-delegated', 'error', 'azurerm_subnet.nodes');
  });
  it('just valid: a delegated API server subnet next to an undelegated node subnet', () => {
    const api = subnet('api', 'v', ['10.1.1.0/28'], {
      delegation: [{ name: 'aks', service_delegation: [{ name: 'Microsoft.ContainerService/managedClusters' }] }],
    });
    const doc = clusterWithNetwork(
      overlay(),
      {
        ...onNodes,
        api_server_access_profile: {
          subnet_id: ref('azurerm_subnet', 'api'),
          virtual_network_integration_enabled: true,
        },
      },
      vnet('v', ['10.1.0.0/16']),
      nodes(['10.1.0.0/24']),
      api,
    );
    expectNoFinding(run(doc), 'network/subnet-delegated');
  });
});

describe('network/lb-sku-basic (new)', () => {
  it('fails for the basic load balancer', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ load_balancer_sku: 'basic' }))),
      'network/lb-sku-basic',
      'error',
      'basic',
    );
  });
  it('just valid: standard', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ load_balancer_sku: 'standard' }))), 'network/lb-sku-basic');
  });
});

describe('network/cilium-plugin and network/cilium-policy (new)', () => {
  it('fails for the Cilium data plane with kubenet', () => {
    const np = { network_plugin: 'kubenet', network_data_plane: 'cilium' };
    expectFinding(run(clusterWithNetwork(np)), 'network/cilium-plugin', 'error', 'kubenet');
  });
  it('just valid: Cilium on Azure CNI node subnet (no overlay required)', () => {
    expectNoFinding(
      run(clusterWithNetwork({ network_plugin: 'azure', network_data_plane: 'cilium' })),
      'network/cilium-plugin',
    );
  });
  it('fails for network_policy cilium without the Cilium data plane', () => {
    expectFinding(
      run(clusterWithNetwork(overlay({ network_policy: 'cilium' }))),
      'network/cilium-policy',
      'error',
      'cilium',
    );
  });
  it('fails for the Cilium data plane with network_policy calico', () => {
    const np = overlay({ network_data_plane: 'cilium', network_policy: 'calico' });
    expectFinding(run(clusterWithNetwork(np)), 'network/cilium-policy', 'error', 'calico');
  });
  it('just valid: the Cilium data plane without a network_policy', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ network_data_plane: 'cilium' }))), 'network/cilium-policy');
  });
});

describe("azurerm 3.x's ebpf_data_plane is the data plane (the same API field networkDataplane)", () => {
  // azurerm's own 3.x acceptance test advancedNetworkingAzureCiliumPolicy writes exactly this
  it('just valid: ebpf_data_plane cilium with network_policy cilium', () => {
    const np = overlay({ ebpf_data_plane: 'cilium', network_policy: 'cilium' });
    expectNoErrors(run(clusterWithNetwork(np)));
  });
  it('fails for ebpf_data_plane cilium with network_policy calico, naming ebpf_data_plane', () => {
    const np = overlay({ ebpf_data_plane: 'cilium', network_policy: 'calico' });
    expectFinding(run(clusterWithNetwork(np)), 'network/cilium-policy', 'error', 'ebpf_data_plane', 'calico');
  });
  it('fails for ebpf_data_plane with kubenet', () => {
    const np = { network_plugin: 'kubenet', ebpf_data_plane: 'cilium' };
    expectFinding(run(clusterWithNetwork(np)), 'network/cilium-plugin', 'error', 'ebpf_data_plane', 'kubenet');
  });
  it("fails for an ebpf_data_plane value azurerm 3.x does not accept ('azure' is 4.x's network_data_plane only)", () => {
    const np = overlay({ ebpf_data_plane: 'azure' });
    expectFinding(run(clusterWithNetwork(np)), 'network/invalid-value', 'error', 'ebpf_data_plane', 'azure');
  });
  it('network_data_plane wins when both are written', () => {
    const np = overlay({ network_data_plane: 'azure', ebpf_data_plane: 'cilium', network_policy: 'cilium' });
    expectFinding(run(clusterWithNetwork(np)), 'network/cilium-policy', 'error', 'network_data_plane');
  });
});

describe('network/policy-azure-plugin (new)', () => {
  it('fails for Azure NPM with kubenet', () => {
    const np = { network_plugin: 'kubenet', network_policy: 'azure' };
    expectFinding(run(clusterWithNetwork(np)), 'network/policy-azure-plugin', 'error', 'kubenet');
  });
  it('just valid: Calico with kubenet, Azure NPM with overlay', () => {
    expectNoFinding(
      run(clusterWithNetwork({ network_plugin: 'kubenet', network_policy: 'calico' })),
      'network/policy-azure-plugin',
    );
    expectNoFinding(run(clusterWithNetwork(overlay({ network_policy: 'azure' }))), 'network/policy-azure-plugin');
  });
});

describe('network/overlay-vm-size (corrected fix text)', () => {
  it('suggests DCasv5 / DCadsv5 for a DCsv2 size', () => {
    const f = expectFinding(
      run(clusterWithNetwork(overlay(), { default_node_pool: { vm_size: 'Standard_DC2s_v2' } })),
      'network/overlay-vm-size',
      'error',
      'Standard_DC2s_v2',
    );
    expect(f.fix).toMatch(/DCa(d)?sv5|DC\d+a(d)?s_v5/);
  });
});

describe('network/pod-cidr-without-overlay (corrected): pod_cidrs with a pod subnet is not judged', () => {
  it('fails for pod_cidr in node-subnet mode', () => {
    expectFinding(
      run(clusterWithNetwork({ network_plugin: 'azure', pod_cidr: '10.244.0.0/16' })),
      'network/pod-cidr-without-overlay',
      'error',
      '10.244.0.0/16',
    );
  });
  it('just valid: pod_cidrs in node-subnet mode when the pool has a pod subnet', () => {
    const doc = clusterWithNetwork(
      { network_plugin: 'azure', pod_cidrs: ['10.244.0.0/16'] },
      {
        default_node_pool: {
          vnet_subnet_id: ref('azurerm_subnet', 'nodes'),
          pod_subnet_id: ref('azurerm_subnet', 'pods'),
        },
      },
      vnet('v', ['10.1.0.0/16']),
      nodes(['10.1.0.0/24']),
      subnet('pods', 'v', ['10.1.16.0/20']),
    );
    expectNoError(run(doc), 'network/pod-cidr-without-overlay');
  });
});

describe('skip messages name what decides the value', () => {
  it('without a network_profile, a variable kubernetes_version is named as what decides the network mode', () => {
    const doc = tfDoc(aksCluster('aks', { network_profile: undefined, kubernetes_version: '${var.aks_version}' }));
    const skips = run(doc).filter((f) => f.skipped && f.ruleId.startsWith('network/'));
    expect(skips.length).toBeGreaterThan(0);
    for (const f of skips) {
      expect(f.message).toContain('kubernetes_version');
      expect(f.message).not.toContain('network_plugin_mode) is ${var.aks_version}');
    }
  });
  it('a skip in a document (not a plan) points at the plan, where Terraform has evaluated the value', () => {
    const doc = tfDoc(
      aksCluster('aks', {
        network_profile: { pod_cidr: '${var.pods}', network_plugin: 'azure', network_plugin_mode: 'overlay' },
      }),
    );
    const f = run(doc).find((x) => x.skipped && x.message.includes('var.pods'));
    expect(f?.fix).toContain('terraform show -json');
    expect(f?.fix).not.toContain('at synth');
  });
});

describe('each finding once', () => {
  it('a rule that meets the same unknown through several pools reports it once per element', () => {
    const doc = tfDoc(
      aksCluster('aks', { kubernetes_version: '${var.k8s}' }),
      nodePool('one', 'aks', { orchestrator_version: '1.33' }),
      nodePool('two', 'aks', { orchestrator_version: '1.33' }),
    );
    const fs = run(doc);
    const keys = fs.map((f) => `${f.ruleId} ${f.address} ${f.message}`);
    expect(
      keys.filter((k) => k.startsWith('pool/orchestrator-version-skew azurerm_kubernetes_cluster.aks ')).length,
    ).toBe(1);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('a skip names a long data source address whole', () => {
    const address = 'data.azurerm_kubernetes_service_versions.current';
    const doc = tfDoc(aksCluster('aks', { kubernetes_version: `\${${address}.latest_version}` }));
    const f = run(doc).find((x) => x.skipped && x.ruleId === 'cluster/kubernetes-version');
    expect(f?.message).toContain(`(${address})`);
  });
});

describe('network/acns-security-cilium (new)', () => {
  const acns = (security: unknown, extra: JsonObject = {}) =>
    overlay({ advanced_networking: { observability_enabled: true, security_enabled: security }, ...extra });
  it('fails for ACNS security on the Azure data plane (azurerm acceptance test, ExpectError)', () => {
    const np = acns(true, { network_data_plane: 'azure' });
    expectFinding(run(clusterWithNetwork(np)), 'network/acns-security-cilium', 'error', 'network_data_plane', 'azure');
  });
  it('fails for ACNS security with the data plane omitted', () => {
    expectFinding(run(clusterWithNetwork(acns(true))), 'network/acns-security-cilium', 'error', 'omitted');
  });
  it('just valid: ACNS security on Cilium, and observability alone on the Azure data plane', () => {
    expectNoErrors(run(clusterWithNetwork(acns(true, { network_data_plane: 'cilium' }))));
    expectNoFinding(
      run(clusterWithNetwork(acns(false, { network_data_plane: 'azure' }))),
      'network/acns-security-cilium',
    );
  });
  it('is silent on the Cilium data plane whatever security_enabled is (nothing to check)', () => {
    const fs = run(clusterWithNetwork(acns('${var.acns_security}', { network_data_plane: 'cilium' })));
    expect(fs.filter((f) => f.ruleId === 'network/acns-security-cilium')).toEqual([]);
  });
  it('skips, with a warning, when security_enabled is a variable', () => {
    const fs = run(clusterWithNetwork(acns('${var.acns_security}')));
    expect(fs.find((f) => f.ruleId === 'network/acns-security-cilium')?.skipped).toBe(true);
  });
});

describe('skip reasons for values from resources that could not be expanded', () => {
  it('names the unevaluated count, not a missing resource', () => {
    const doc = tfDoc(
      aksCluster('aks', { network_profile: overlay({ pod_cidr: '${terraform_data.cfg.input.pod_cidr}' }) }),
    );
    (doc.resource as Record<string, unknown>).terraform_data = {
      cfg: { count: '${var.n}', input: { pod_cidr: '10.1.0.0/16' } },
    };
    const skips = run(doc).filter((f) => f.skipped && f.message.includes('terraform_data.cfg'));
    expect(skips.length).toBeGreaterThan(0);
    for (const f of skips) {
      expect(f.message).toContain('count or for_each cannot be evaluated');
      expect(f.message).not.toContain('not in this document');
    }
  });
  it('a value from a plan gets no advice to check the plan', () => {
    const doc = tfDoc(aksCluster('aks', { network_profile: overlay({ pod_cidr: '${plan.sensitive}' }) }));
    const f = run(doc).find((x) => x.skipped && x.message.includes('sensitive'));
    expect(f).toBeDefined();
    expect(f?.fix).not.toContain('terraform show -json');
  });
});

describe('network/pod-cidr-without-overlay skips name the attribute written', () => {
  it('pod_cidrs as a variable: the skip names pod_cidrs', () => {
    const fs = run(clusterWithNetwork({ network_plugin: 'azure', pod_cidrs: '${var.pods}' }));
    const f = fs.find((x) => x.ruleId === 'network/pod-cidr-without-overlay');
    expect(f?.skipped).toBe(true);
    expect(f?.message).toContain('network_profile.pod_cidrs is');
  });
});
