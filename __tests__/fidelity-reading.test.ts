/**
 * Fidelity of reading (issue 11, items 1-3), black-box through `check()`: every shape of
 * Terraform JSON that Terraform accepts, Terraform's value conversions, and `count`, `for_each`,
 * `dynamic` and `module` either evaluated (when static) or named in a `document/not-evaluated`
 * warning. They fail until the reader is fixed.
 */
import { aksCluster, nodePool, resource, tfDoc, type JsonObject } from './support/tf';
import { expectFinding, expectNoError, expectNoFinding, run } from './support/fidelity';

/** An overlay network profile whose dns_service_ip lies outside its service range (a known error). */
const BAD_DNS_PROFILE: JsonObject = {
  network_plugin: 'azure',
  network_plugin_mode: 'overlay',
  service_cidr: '10.20.0.0/24',
  dns_service_ip: '10.30.0.10',
};

/** The body of a cluster with {@link BAD_DNS_PROFILE}, nested blocks written as one-element arrays. */
function badDnsBody(): JsonObject {
  return {
    name: 'aks',
    location: 'westeurope',
    resource_group_name: 'rg',
    dns_prefix: 'aks',
    identity: [{ type: 'SystemAssigned' }],
    default_node_pool: [{ name: 'system', vm_size: 'Standard_DS2_v2', node_count: 2 }],
    network_profile: [BAD_DNS_PROFILE],
  };
}

describe("block bodies as one-element arrays (hcl2json's shape, allowed by the HCL JSON spec)", () => {
  it('reads resource.<type>.<name> as an array of one body', () => {
    const fs = run({ resource: { azurerm_kubernetes_cluster: { aks: [badDnsBody()] } } });
    expectNoFinding(fs, 'document/shape');
    expectFinding(fs, 'network/dns-service-ip', 'error', '10.30.0.10');
  });
  it('reads arrays at every level: resource, <type>, <name> and nested blocks', () => {
    const fs = run({ resource: [{ azurerm_kubernetes_cluster: [{ aks: [badDnsBody()] }] }] });
    expectNoFinding(fs, 'document/shape');
    expectFinding(fs, 'network/dns-service-ip', 'error', '10.30.0.10');
  });
  it('reads a node pool resource written as an array and links it to its cluster', () => {
    const body = { ...badDnsBody(), network_profile: [{ network_plugin: 'azure', network_plugin_mode: 'overlay' }] };
    const pool = {
      name: 'win',
      kubernetes_cluster_id: '${azurerm_kubernetes_cluster.aks.id}',
      vm_size: 'Standard_D4s_v5',
      os_type: 'Windows',
      node_count: 1,
      os_sku: 'Windows2019',
    };
    const fs = run({
      resource: { azurerm_kubernetes_cluster: { aks: [body] }, azurerm_kubernetes_cluster_node_pool: { win: [pool] } },
    });
    expectNoFinding(fs, 'document/shape');
    expectFinding(fs, 'pool/windows-2019-retired', 'error', 'Windows2019');
  });
});

describe('values converted as Terraform converts them', () => {
  it('a number for kubernetes_version is the string "1.29": no version error, and Azure Linux 2.0 is found', () => {
    const fs = run(tfDoc(aksCluster('aks', { kubernetes_version: 1.29, default_node_pool: { os_sku: 'AzureLinux' } })));
    expectNoFinding(fs, 'cluster/kubernetes-version');
    expectFinding(fs, 'pool/azure-linux-2-retired', 'error', '1.29');
  });
  it("a reference to another resource's id used as a name is unknown, not literal text", () => {
    const doc = tfDoc(
      resource('random_pet', 'name', { length: 2 }),
      resource('random_pet', 'prefix', { length: 2 }),
      aksCluster('aks', { name: '${random_pet.name.id}', dns_prefix: '${random_pet.prefix.id}' }),
    );
    const fs = run(doc);
    expectNoError(fs, 'cluster/name');
    expectNoError(fs, 'cluster/dns-prefix');
    expect(fs.filter((f) => f.message.includes("'${random_pet")).map((f) => f.message)).toEqual([]);
  });
});

describe('count, for_each, dynamic and module: evaluated when static, otherwise named', () => {
  const podRange = { network_profile: { pod_cidr: '10.10.0.0/21' }, default_node_pool: { node_count: 1 } };
  it('a literal count = 3 pool is three pools for capacity (1 + 3 x 3 = 10 nodes, more than 8 blocks of /24)', () => {
    const doc = tfDoc(
      aksCluster('aks', podRange),
      nodePool('user', 'aks', { count: 3, name: 'user${count.index}', node_count: 3 }),
    );
    const fs = run(doc);
    expectFinding(fs, 'network/pod-cidr-capacity', 'error', '10.10.0.0/21');
    expectNoFinding(fs, 'pool/name-unique');
  });
  it('the same pool without count fits (1 + 1 surge and 3 + 1 surge: 6 blocks of 8)', () => {
    const doc = tfDoc(aksCluster('aks', podRange), nodePool('user', 'aks', { node_count: 3 }));
    expectNoFinding(run(doc), 'network/pod-cidr-capacity');
  });
  it('count = 0 makes a resource absent', () => {
    const doc = tfDoc(
      aksCluster('aks', { dns_prefix: 'fine' }),
      aksCluster('gone', { count: 0, dns_prefix: '-bad-' }),
      nodePool('huge', 'aks', { count: 0, node_count: 1000 }),
    );
    const fs = run(doc);
    expectNoFinding(fs, 'cluster/dns-prefix');
    expectNoFinding(fs, 'network/pod-cidr-capacity');
    expect(fs.filter((f) => f.address.includes('gone') || f.address.includes('huge')).map((f) => f.message)).toEqual(
      [],
    );
  });
  it('a count that cannot be evaluated is named in document/not-evaluated', () => {
    const fs = run(tfDoc(aksCluster('aks'), nodePool('user', 'aks', { count: '${var.pool_count}' })));
    expectFinding(fs, 'document/not-evaluated', 'warning', 'count');
  });
  // the cluster body is an object here, so that these tests hold apart from the array-shape ones
  const withDynamic = (dynamic: JsonObject) => tfDoc(aksCluster('aks', { network_profile: undefined, dynamic }));
  it('a dynamic block over a literal JSON list renders its blocks', () => {
    const fs = run(withDynamic({ network_profile: { for_each: ['overlay'], content: BAD_DNS_PROFILE } }));
    expectFinding(fs, 'network/dns-service-ip', 'error', '10.30.0.10');
    expectNoFinding(fs, 'document/not-evaluated');
  });
  it('a dynamic block over a literal HCL list expression (as hcl2json writes it) renders its blocks', () => {
    const fs = run(withDynamic({ network_profile: [{ for_each: '${["overlay"]}', content: [BAD_DNS_PROFILE] }] }));
    expectFinding(fs, 'network/dns-service-ip', 'error', '10.30.0.10');
  });
  it('a dynamic block over a variable is named in document/not-evaluated, not read as the defaults', () => {
    const content = { network_plugin: '${network_profile.value.plugin}' };
    const fs = run(withDynamic({ network_profile: { for_each: '${var.profiles}', content } }));
    expectFinding(fs, 'document/not-evaluated', 'warning', 'network_profile');
  });
  it('a module call is named in document/not-evaluated', () => {
    const doc = { module: { aks: { source: 'Azure/aks/azurerm', version: '9.0.0', prefix: 'demo' } } };
    expectFinding(run(doc), 'document/not-evaluated', 'warning', 'aks');
  });
  it('a for_each over a variable is named in document/not-evaluated', () => {
    const fs = run(
      tfDoc(aksCluster('aks'), nodePool('pools', 'aks', { for_each: '${var.pools}', name: '${each.key}' })),
    );
    expectFinding(fs, 'document/not-evaluated', 'warning', 'for_each');
  });
  it('resources no rule reads are not reported when they cannot be evaluated (no noise)', () => {
    const doc = tfDoc(aksCluster('aks'));
    const resource = doc.resource as Record<string, unknown>;
    resource.azurerm_monitor_diagnostic_setting = {
      diag: {
        for_each: '${var.targets}',
        name: 'd',
        dynamic: { enabled_log: { for_each: '${var.logs}', content: {} } },
      },
    };
    resource.azurerm_resource_group = { rg: { count: '${var.create ? 1 : 0}', name: 'rg', location: 'eastus2' } };
    expectNoFinding(run(doc), 'document/not-evaluated');
  });
});

describe('inline subnets of a VNet', () => {
  const vnetWith = (subnet: JsonObject) =>
    tfDoc(
      aksCluster('aks'),
      resource('azurerm_virtual_network', 'n', {
        name: 'n',
        location: 'westeurope',
        resource_group_name: 'rg',
        address_space: ['10.0.0.0/16'],
        subnet: { name: 's', ...subnet },
      }),
    );
  it('a skip names address_prefix as written (not address_prefixes[0])', () => {
    const f = run(vnetWith({ address_prefix: '${var.p}' })).find(
      (x) => x.skipped && x.ruleId === 'network/cidr-syntax',
    );
    expect(f?.message).toContain('skipped: address_prefix is ${var.p}');
  });
  it('a literal address_prefix is read and checked', () => {
    expectFinding(run(vnetWith({ address_prefix: '10.0.1.0/33' })), 'network/cidr-syntax', 'error', 'address_prefix');
  });
});

describe('a resource with very many instances (hostile or mistaken input)', () => {
  it('reads at most 10,000 instances of count or for_each and says so', () => {
    const route = (extra: JsonObject) =>
      resource('azurerm_route', 'r', { name: 'r', route_table_name: 't', address_prefix: '10.0.0.0/24', ...extra });
    const keys = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    for (const doc of [tfDoc(route({ count: 10_001 })), tfDoc(route({ for_each: keys }))]) {
      const f = expectFinding(run(doc), 'document/not-evaluated', 'warning', 'more than 10,000 instances');
      expect(f.address).toBe('azurerm_route.r');
    }
  });
});
