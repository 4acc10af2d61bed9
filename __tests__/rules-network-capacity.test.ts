import { check } from '../lib/rules';
import type { CheckContext, Finding } from '../lib/rules';
import { surgeNodes } from '../lib/facts';
import { suggestFreeRange } from '../lib/rules/network/ranges';
import { overlaps, parseCidr } from '../lib/net';
import { aksCluster, nodePool, ref, subnet, tfDoc, vnet } from './support/tf';

const of = (doc: unknown, ruleId: string, ctx?: CheckContext): Finding[] =>
  check(doc, ctx).filter((f) => f.ruleId === ruleId);
const SUBNET_ID =
  '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/nodes';
const onSubnet = (name: string, extra: Record<string, unknown> = {}) =>
  aksCluster('aks', { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', name), ...extra } });

describe('network/overlap', () => {
  it('rejects a pod range overlapping the service range of the same cluster, and suggests a free range', () => {
    const f = of(tfDoc(aksCluster('aks', { network_profile: { pod_cidr: '10.0.0.0/16' } })), 'network/overlap');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      address: 'azurerm_kubernetes_cluster.aks',
      message:
        'network/overlap: pod range 10.0.0.0/16 of azurerm_kubernetes_cluster.aks overlaps service range 10.0.0.0/16 of azurerm_kubernetes_cluster.aks',
    });
    const suggestion = /e\.g\. (\S+)$/.exec(f[0].fix)![1];
    expect(overlaps(suggestion, '10.0.0.0/16')).toBe(false);
  });
  it('accepts adjacent ranges (service 10.0.0.0/16, pod 10.1.0.0/16)', () => {
    expect(of(tfDoc(aksCluster('aks', { network_profile: { pod_cidr: '10.1.0.0/16' } })), 'network/overlap')).toEqual(
      [],
    );
  });
  it('accepts the default service range 10.0.0.0/16 inside a VNet 10.0.0.0/8 that hits no subnet (az aks create does it), with a warning', () => {
    const doc = tfDoc(vnet('v', ['10.0.0.0/8']), subnet('nodes', 'v', ['10.240.0.0/16']), onSubnet('nodes'));
    expect(of(doc, 'network/overlap')).toEqual([]);
    expect(
      of(doc, 'network/overlap-vnet-space')
        .map((x) => [x.severity, x.message.split(' lies')[0]])
        .sort(),
    ).toEqual([
      ['warning', 'network/overlap-vnet-space: pod range 10.244.0.0/16 of azurerm_kubernetes_cluster.aks'],
      ['warning', 'network/overlap-vnet-space: service range 10.0.0.0/16 of azurerm_kubernetes_cluster.aks'],
    ]);
  });
  it('rejects a service range that overlaps another subnet of the same VNet, not only the node subnet (ServiceCidrOverlapExistingSubnetsCidr)', () => {
    const doc = tfDoc(
      vnet('v', ['10.0.0.0/8']),
      subnet('nodes', 'v', ['10.240.0.0/16']),
      subnet('apiserver', 'v', ['10.0.239.0/24']),
      onSubnet('nodes'),
    );
    expect(of(doc, 'network/overlap')).toMatchObject([
      {
        severity: 'error',
        message: expect.stringContaining(
          'service range 10.0.0.0/16 of azurerm_kubernetes_cluster.aks overlaps subnet 10.0.239.0/24 (azurerm_subnet.apiserver)',
        ),
      },
    ]);
  });
  it('rejects a pod range overlapping a subnet known only from the check context', () => {
    const doc = tfDoc(
      aksCluster('aks', {
        network_profile: { pod_cidr: '192.168.0.0/16' },
        default_node_pool: { vnet_subnet_id: SUBNET_ID },
      }),
    );
    expect(of(doc, 'network/overlap', { subnets: { [SUBNET_ID]: ['192.168.10.0/24'] } })).toMatchObject([
      { severity: 'error', message: expect.stringContaining(`overlaps subnet 192.168.10.0/24 (${SUBNET_ID})`) },
    ]);
    expect(of(doc, 'network/overlap', { subnets: { [SUBNET_ID]: ['10.50.0.0/24'] } })).toEqual([]);
  });
  it('skips with a warning when an existing subnet has no prefixes in the context', () => {
    const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID } }));
    expect(of(doc, 'network/overlap')).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
  it('rejects two overlapping subnets of one VNet; accepts adjacent ones and the same prefix in two VNets', () => {
    const f = of(
      tfDoc(vnet('v', ['10.1.0.0/16']), subnet('a', 'v', ['10.1.0.0/24']), subnet('b', 'v', ['10.1.0.128/25'])),
      'network/overlap',
    );
    expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_subnet.b' }]);
    expect(
      of(
        tfDoc(vnet('v', ['10.1.0.0/16']), subnet('a', 'v', ['10.1.0.0/25']), subnet('b', 'v', ['10.1.0.128/25'])),
        'network/overlap',
      ),
    ).toEqual([]);
    expect(
      of(
        tfDoc(
          vnet('v1', ['10.1.0.0/16']),
          subnet('a', 'v1', ['10.1.0.0/24']),
          vnet('v2', ['10.1.0.0/16']),
          subnet('b', 'v2', ['10.1.0.0/24']),
        ),
        'network/overlap',
      ),
    ).toEqual([]);
  });
  it('compares a cluster only with the VNets and subnets its pools use (unpeered VNets may share space)', () => {
    // the VNets overlap each other and the default pod range, but no pool uses them
    expect(
      of(tfDoc(vnet('v1', ['10.244.0.0/16']), vnet('v2', ['10.244.0.0/17']), aksCluster('aks')), 'network/overlap'),
    ).toEqual([]);
    // once the cluster's pool uses v1, its pod range overlapping a subnet of v1 is an error
    const f = of(
      tfDoc(vnet('v1', ['10.244.0.0/16']), subnet('nodes', 'v1', ['10.244.0.0/24']), onSubnet('nodes')),
      'network/overlap',
    );
    expect(f).toMatchObject([
      {
        severity: 'error',
        message: expect.stringContaining(
          'pod range 10.244.0.0/16 of azurerm_kubernetes_cluster.aks overlaps subnet 10.244.0.0/24',
        ),
      },
    ]);
  });
  it('reports nothing across 100 copies of one environment (ranges may repeat across clusters)', () => {
    const items = [];
    for (let i = 0; i < 100; i++)
      items.push(
        vnet(`v${i}`, ['10.1.0.0/16']),
        subnet(`s${i}`, `v${i}`, ['10.1.0.0/24']),
        aksCluster(`aks${i}`, { default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', `s${i}`) } }),
      );
    expect(of(tfDoc(...items), 'network/overlap')).toEqual([]);
  });
  it('does not compare a subnet with its own VNet, nor pod ranges of different clusters', () => {
    expect(
      of(
        tfDoc(vnet('v', ['10.1.0.0/16']), subnet('a', 'v', ['10.1.0.0/24']), aksCluster('a1'), aksCluster('a2')),
        'network/overlap',
      ),
    ).toEqual([]);
  });
  it('compares ranges of the same family only (dual-stack defaults pass)', () => {
    expect(
      of(tfDoc(aksCluster('aks', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } })), 'network/overlap'),
    ).toEqual([]);
    expect(
      of(
        tfDoc(
          aksCluster('aks', {
            network_profile: {
              ip_versions: ['IPv4', 'IPv6'],
              pod_cidrs: ['10.244.0.0/16', 'fd12:3456:789a:1::/64'],
              service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
            },
          }),
        ),
        'network/overlap',
      ),
    ).toMatchObject([{ message: expect.stringContaining('pod range fd12:3456:789a:1::/64') }]);
  });
});

describe('network/reserved-range', () => {
  it.each(['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24', '172.30.5.0/24'])(
    'rejects pod range %s',
    (r) => {
      const f = of(tfDoc(aksCluster('aks', { network_profile: { pod_cidr: r } })), 'network/reserved-range');
      expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_kubernetes_cluster.aks' }]);
      const suggestion = /e\.g\. (\S+)$/.exec(f[0].fix)![1];
      expect(
        ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'].some((x) => overlaps(x, suggestion)),
      ).toBe(false);
    },
  );
  it('accepts the ranges just outside (172.29.0.0/16, 172.32.0.0/16, 192.0.3.0/24)', () => {
    for (const r of ['172.29.0.0/16', '172.32.0.0/16', '192.0.3.0/24']) {
      expect(of(tfDoc(aksCluster('aks', { network_profile: { pod_cidr: r } })), 'network/reserved-range')).toEqual([]);
    }
  });
  it('rejects a service range and a node subnet in a reserved range', () => {
    expect(
      of(
        tfDoc(aksCluster('aks', { network_profile: { service_cidr: '172.31.0.0/16', dns_service_ip: '172.31.0.10' } })),
        'network/reserved-range',
      ),
    ).toMatchObject([{ message: expect.stringContaining('service range 172.31.0.0/16') }]);
    const f = of(
      tfDoc(vnet('v', ['192.0.0.0/16']), subnet('nodes', 'v', ['192.0.2.0/24']), onSubnet('nodes')),
      'network/reserved-range',
    );
    // the node subnet is reported; the VNet's space that contains it is not (azurerm CI applies a 172.16.0.0/12 VNet)
    expect(f.map((x) => [x.severity, x.address]).sort()).toEqual([['error', 'azurerm_subnet.nodes']]);
  });
});

describe('network/pod-cidr-capacity', () => {
  const pods = (podCidr: string, defaultCount: number, extra: ReturnType<typeof nodePool>[] = []) =>
    tfDoc(
      aksCluster('aks', { network_profile: { pod_cidr: podCidr }, default_node_pool: { node_count: defaultCount } }),
      ...extra,
    );
  it('a /23 holds one node and its upgrade surge node; a /24 does not', () => {
    expect(of(pods('192.168.0.0/23', 1), 'network/pod-cidr-capacity')).toEqual([]);
    const f = of(pods('192.168.0.0/24', 1), 'network/pod-cidr-capacity');
    expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_kubernetes_cluster.aks' }]);
    expect(f[0].message).toContain('holds 1 /24 block(s)');
    expect(f[0].message).toContain('system: 1 + 1 surge');
    expect(f[0].fix).toContain('192.168.0.0/23');
  });
  it('counts upgrade_settings.max_surge', () => {
    const doc = (surge: string) =>
      tfDoc(
        aksCluster('aks', {
          network_profile: { pod_cidr: '192.168.0.0/22' },
          default_node_pool: { node_count: 2, upgrade_settings: { max_surge: surge } },
        }),
      );
    expect(of(doc('2'), 'network/pod-cidr-capacity')).toEqual([]);
    expect(of(doc('3'), 'network/pod-cidr-capacity')).toHaveLength(1);
  });
  it('rejects a range smaller than /24', () => {
    expect(of(pods('192.168.0.0/25', 1), 'network/pod-cidr-capacity')).toMatchObject([
      {
        severity: 'error',
        message: expect.stringContaining('smaller than /24'),
        fix: expect.stringContaining('192.168.0.0/24'),
      },
    ]);
  });
  it('sums all pools, using max_count when autoscaling (a /22 holds 4 nodes)', () => {
    const withAuto = (max: number) =>
      pods('192.168.0.0/21', 1, [
        nodePool('user', 'aks', { auto_scaling_enabled: true, min_count: 1, max_count: max, node_count: 1 }),
      ]);
    // (1 + 1 surge) + (max + 1 surge) /24 blocks in a /21 (8 blocks)
    expect(of(withAuto(5), 'network/pod-cidr-capacity')).toEqual([]);
    expect(of(withAuto(6), 'network/pod-cidr-capacity')).toMatchObject([
      { message: expect.stringContaining('reach 9 nodes with upgrade surge (system: 1 + 1 surge, user: 6 + 1 surge)') },
    ]);
  });
  it('counts an omitted node_count as 0 (azurerm sends 0) and uses the default pod range 10.244.0.0/16', () => {
    expect(
      of(
        tfDoc(
          aksCluster('aks', {
            network_profile: { pod_cidr: '10.244.0.0/23' },
            default_node_pool: { node_count: undefined },
          }),
        ),
        'network/pod-cidr-capacity',
      ),
    ).toEqual([]);
    expect(
      of(
        tfDoc(
          aksCluster('aks', { network_profile: { pod_cidr: '10.244.0.0/23' }, default_node_pool: { node_count: 3 } }),
        ),
        'network/pod-cidr-capacity',
      ),
    ).toHaveLength(1);
    expect(of(tfDoc(aksCluster('aks')), 'network/pod-cidr-capacity')).toEqual([]);
  });
  it('does not apply in node-subnet mode; skips with a warning on an unknown count', () => {
    expect(
      of(
        tfDoc(
          aksCluster('aks', {
            network_profile: { network_plugin_mode: undefined },
            default_node_pool: { node_count: 1000 },
          }),
        ),
        'network/pod-cidr-capacity',
      ),
    ).toEqual([]);
    expect(
      of(
        tfDoc(
          aksCluster('aks', {
            network_profile: { pod_cidr: '192.168.0.0/24' },
            default_node_pool: { node_count: '${var.n}' },
          }),
        ),
        'network/pod-cidr-capacity',
      ),
    ).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('network/subnet-capacity', () => {
  it('surge is 1 node or 10%, whichever is more', () => {
    expect([1, 9, 10, 11, 20, 21].map((n) => surgeNodes(n))).toEqual([1, 1, 1, 2, 2, 3]);
  });
  it('surge follows upgrade_settings.max_surge: a count or a percentage rounded up', () => {
    expect(surgeNodes(10, '3')).toBe(3);
    expect(surgeNodes(10, '33%')).toBe(4);
    expect(surgeNodes(0, '33%')).toBe(0);
    expect(surgeNodes(10, 'lots')).toBeUndefined();
  });
  it('overlay: a /28 (16 - 5 = 11 addresses) holds 10 nodes + 1 surge, not 11 nodes + 2 surge', () => {
    const doc = (n: number) =>
      tfDoc(vnet('v', ['10.1.0.0/16']), subnet('nodes', 'v', ['10.1.0.0/28']), onSubnet('nodes', { node_count: n }));
    expect(of(doc(10), 'network/subnet-capacity')).toEqual([]);
    const f = of(doc(11), 'network/subnet-capacity');
    expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_subnet.nodes', path: 'test/nodes' }]);
    expect(f[0].message).toContain('has 11 usable addresses');
    expect(f[0].message).toContain('need 13');
    expect(f[0].fix).toContain('10.1.0.0/27');
  });
  it('pools sharing a subnet add up: exactly 16 needed passes, one more fails', () => {
    const doc = (userNodes: number) =>
      tfDoc(
        vnet('v', ['10.1.0.0/16']),
        subnet('nodes', 'v', ['10.1.0.0/28']),
        onSubnet('nodes', { node_count: 1 }),
        nodePool('user', 'aks', { node_count: userNodes, vnet_subnet_id: ref('azurerm_subnet', 'nodes') }),
      );
    // system (1 + 1 surge) + user (8 + 1 surge) + 5 reserved = 16
    expect(of(doc(8), 'network/subnet-capacity')).toEqual([]);
    // system (1 + 1) + user (9 + 1) + 5 = 17 > 16
    expect(of(doc(9), 'network/subnet-capacity')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('need 12') },
    ]);
  });
  it('node-subnet mode: every node also takes max_pods addresses', () => {
    // (3 nodes + 1 surge) x (1 + 30) = 124 + 5 reserved = 129 > 128 (/25); a /24 holds it
    const doc = (prefix: string) =>
      tfDoc(
        vnet('v', ['10.1.0.0/16']),
        subnet('nodes', 'v', [prefix]),
        aksCluster('aks', {
          network_profile: { network_plugin_mode: undefined },
          default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), node_count: 3 },
        }),
      );
    expect(of(doc('10.1.0.0/25'), 'network/subnet-capacity')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('need 124'), fix: expect.stringContaining('10.1.0.0/24') },
    ]);
    expect(of(doc('10.1.0.0/24'), 'network/subnet-capacity')).toEqual([]);
    // explicit max_pods 30 on a /25 (123 usable): system (3 + 1) x 31 = 124; an empty user pool adds nothing
    const explicit = tfDoc(
      vnet('v', ['10.1.0.0/16']),
      subnet('nodes', 'v', ['10.1.0.0/25']),
      aksCluster('aks', {
        network_profile: { network_plugin_mode: undefined },
        default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), node_count: 3, max_pods: 30 },
      }),
      nodePool('user', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), node_count: 0, max_pods: 30 }),
    );
    expect(of(explicit, 'network/subnet-capacity')).toMatchObject([{ severity: 'error' }]);
  });
  it('node-subnet mode with pod_subnet_id: pods take the pod subnet, the node subnet holds nodes only', () => {
    const doc = tfDoc(
      vnet('v', ['10.1.0.0/16']),
      subnet('nodes', 'v', ['10.1.0.0/28']),
      subnet('pods', 'v', ['10.1.16.0/20']),
      aksCluster('aks', {
        network_profile: { network_plugin_mode: undefined },
        default_node_pool: {
          vnet_subnet_id: ref('azurerm_subnet', 'nodes'),
          pod_subnet_id: ref('azurerm_subnet', 'pods'),
          node_count: 10,
        },
      }),
    );
    expect(of(doc, 'network/subnet-capacity')).toEqual([]);
    const full = tfDoc(
      vnet('v', ['10.1.0.0/16']),
      subnet('nodes', 'v', ['10.1.0.0/28']),
      subnet('pods', 'v', ['10.1.16.0/20']),
      aksCluster('aks', {
        network_profile: { network_plugin_mode: undefined },
        default_node_pool: {
          vnet_subnet_id: ref('azurerm_subnet', 'nodes'),
          pod_subnet_id: ref('azurerm_subnet', 'pods'),
          node_count: 11,
        },
      }),
    );
    expect(of(full, 'network/subnet-capacity')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('need 13') },
    ]);
  });
  it('names auto_scaling_enabled when that is the unresolved value', () => {
    const doc = tfDoc(
      aksCluster('aks', {
        default_node_pool: { auto_scaling_enabled: '${var.autoscale}', min_count: 1, max_count: 3 },
      }),
    );
    expect(of(doc, 'network/pod-cidr-capacity')).toMatchObject([
      {
        severity: 'warning',
        skipped: true,
        message: expect.stringContaining('auto_scaling_enabled is ${var.autoscale}'),
      },
    ]);
  });
  it('skips with a warning when max_pods (node-subnet mode) or the subnet of a pool is an unresolved expression', () => {
    const nodeSubnet = tfDoc(
      vnet('v', ['10.1.0.0/16']),
      subnet('nodes', 'v', ['10.1.0.0/25']),
      aksCluster('aks', {
        network_profile: { network_plugin_mode: undefined },
        default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), max_pods: '${var.max_pods}' },
      }),
    );
    expect(of(nodeSubnet, 'network/subnet-capacity')).toMatchObject([
      { severity: 'warning', skipped: true, message: expect.stringContaining('${var.max_pods}') },
    ]);
    const unknownSubnet = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: '${var.subnet_id}' } }));
    expect(of(unknownSubnet, 'network/subnet-capacity')).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
  it('checks a subnet known only from the check context; skips with a warning without it', () => {
    const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID, node_count: 10 } }));
    expect(of(doc, 'network/subnet-capacity', { subnets: { [SUBNET_ID]: ['10.9.0.0/28'] } })).toEqual([]);
    expect(of(doc, 'network/subnet-capacity', { subnets: { [SUBNET_ID]: ['10.9.0.0/29'] } })).toMatchObject([
      { severity: 'error', address: SUBNET_ID },
    ]);
    expect(of(doc, 'network/subnet-capacity')).toMatchObject([{ severity: 'warning', skipped: true }]);
  });
});

describe('suggestFreeRange', () => {
  it('returns a range of the asked size that overlaps nothing given', () => {
    const taken = [parseCidr('10.244.0.0/16'), parseCidr('192.168.0.0/16')];
    const r = suggestFreeRange('IPv4', 16, taken)!;
    expect(parseCidr(r).prefixLength).toBe(16);
    expect(taken.some((t) => overlaps(t, r))).toBe(false);
  });
});

it('the walkthrough valid configurations have no network errors', () => {
  const docs = [
    tfDoc(aksCluster('aks', { network_profile: { pod_cidr: '192.168.0.0/16' } })),
    tfDoc(aksCluster('aks', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } })),
    tfDoc(
      vnet('v', ['10.1.0.0/16']),
      subnet('nodes', 'v', ['10.1.0.0/24']),
      subnet('extra', 'v', ['10.1.1.0/24']),
      onSubnet('nodes'),
      nodePool('user', 'aks', { vnet_subnet_id: ref('azurerm_subnet', 'extra') }),
    ),
  ];
  for (const d of docs) expect(check(d).filter((f) => f.severity === 'error')).toEqual([]);
});

it('reports every network problem of a document at once', () => {
  const doc = tfDoc(
    vnet('v', ['10.1.0.0/16']),
    subnet('nodes', 'v', ['10.1.0.0/29']),
    aksCluster('aks', {
      network_profile: { pod_cidr: '172.30.0.0/24', service_cidr: '10.1.0.0/16', dns_service_ip: '10.1.0.10' },
      default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), node_count: 3 },
    }),
  );
  const ids = new Set(
    check(doc)
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId),
  );
  for (const id of [
    'network/overlap',
    'network/reserved-range',
    'network/pod-cidr-capacity',
    'network/subnet-capacity',
  ])
    expect(ids).toContain(id);
});
