import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceProviderRegistration } from '@cdktf/provider-azurerm/lib/resource-provider-registration';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { AksCluster, AksClusterProps } from '../lib/constructs';
import {
  CONSTRUCT_IPV6_POD_CIDR,
  CONSTRUCT_IPV6_SERVICE_CIDR,
  CONSTRUCT_NODE_COUNT,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_VM_SIZE,
} from '../lib/facts';

Testing.setupJest();

const BASE = { name: 'aks', resourceGroupName: 'rg', location: 'eastus2' };

/** Synthesizes one cluster (plus whatever `extra` adds) and returns the JSON string and the cluster. */
function synthCluster(
  props: Partial<AksClusterProps> = {},
  extra?: (scope: Construct, c: AksCluster) => void,
): { json: string; cluster: AksCluster } {
  let cluster: AksCluster | undefined;
  const json = Testing.synthScope((scope) => {
    cluster = new AksCluster(scope, 'aks', { ...BASE, ...props });
    extra?.(scope, cluster);
  });
  return { json, cluster: cluster! };
}

/** The resources of one type in a synthesized JSON string. */
function resources(json: string, type: string): Record<string, any>[] {
  return Object.values(JSON.parse(json).resource?.[type] ?? {});
}

function clusterJson(json: string): Record<string, any> {
  const clusters = resources(json, 'azurerm_kubernetes_cluster');
  expect(clusters).toHaveLength(1);
  return clusters[0];
}

function vnetSubnet(scope: Construct, id: string, prefix: string): Subnet {
  return new Subnet(scope, id, {
    name: id,
    resourceGroupName: 'rg',
    virtualNetworkName: 'vnet',
    addressPrefixes: [prefix],
  });
}

describe('AksCluster: az aks create defaults (RULES.md)', () => {
  const { json, cluster } = synthCluster();
  const c = clusterJson(json);

  test('--network-plugin omitted: Azure CNI Overlay', () => {
    expect(json).toHaveResourceWithProperties(KubernetesCluster, {
      network_profile: expect.objectContaining({ network_plugin: 'azure', network_plugin_mode: 'overlay' }),
    });
    expect(cluster.networkMode).toBe('overlay');
  });

  test('--pod-cidr omitted on overlay: 10.244.0.0/16', () => {
    expect(c.network_profile.pod_cidr).toBe(DEFAULT_POD_CIDR);
    expect(c.network_profile.pod_cidr).toBe('10.244.0.0/16');
    expect(cluster.podCidrs).toEqual(['10.244.0.0/16']);
  });

  test('--service-cidr / --dns-service-ip omitted: 10.0.0.0/16 / 10.0.0.10', () => {
    expect(c.network_profile.service_cidr).toBe(DEFAULT_SERVICE_CIDR);
    expect(c.network_profile.dns_service_ip).toBe(DEFAULT_DNS_SERVICE_IP);
    expect([c.network_profile.service_cidr, c.network_profile.dns_service_ip]).toEqual(['10.0.0.0/16', '10.0.0.10']);
    expect(cluster.serviceCidrs).toEqual(['10.0.0.0/16']);
    expect(cluster.dnsServiceIp).toBe('10.0.0.10');
  });

  test('--ip-families omitted: ipv4 (single-stack fields, no lists)', () => {
    expect(c.network_profile.ip_versions).toEqual(['IPv4']);
    expect(c.network_profile.pod_cidrs).toBeUndefined();
    expect(c.network_profile.service_cidrs).toBeUndefined();
    expect(cluster.ipFamilies).toEqual(['IPv4']);
    expect(cluster.dualStack).toBe(false);
  });

  test('--node-count omitted: 3; default pool Linux nodepool1 with the walkthrough VM size', () => {
    expect(c.default_node_pool).toEqual({
      name: 'nodepool1',
      node_count: CONSTRUCT_NODE_COUNT,
      vm_size: DEFAULT_VM_SIZE,
      max_pods: DEFAULT_MAX_PODS.overlay,
      os_sku: 'Ubuntu',
    });
    expect(c.default_node_pool.node_count).toBe(3);
  });

  test('max pods per node on overlay: 250', () => {
    expect(c.default_node_pool.max_pods).toBe(250);
  });

  test('system-assigned identity, dns prefix from the name, no profiles or role assignments', () => {
    expect(c.identity).toEqual({ type: 'SystemAssigned' });
    expect(c.dns_prefix).toBe('aks');
    expect(c.linux_profile).toBeUndefined();
    expect(c.windows_profile).toBeUndefined();
    expect(c.kubernetes_version).toBeUndefined();
    expect(resources(json, 'azurerm_role_assignment')).toEqual([]);
    expect(JSON.parse(json).variable).toBeUndefined();
  });

  test('cluster.resource is the azurerm KubernetesCluster', () => {
    expect(cluster.resource).toBeInstanceOf(KubernetesCluster);
    expect(cluster.resource.node.path).toBe('stack/aks/resource');
  });
});

describe('AksCluster: network modes', () => {
  test('overlay with --pod-cidr 192.168.0.0/16', () => {
    const { json, cluster } = synthCluster({ podCidr: '192.168.0.0/16' });
    expect(json).toHaveResourceWithProperties(KubernetesCluster, {
      network_profile: expect.objectContaining({
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        pod_cidr: '192.168.0.0/16',
        service_cidr: '10.0.0.0/16',
        dns_service_ip: '10.0.0.10',
      }),
    });
    expect(cluster.podCidrs).toEqual(['192.168.0.0/16']);
  });

  test('explicit azure + overlay renders the same network profile as the default', () => {
    const explicit = clusterJson(
      synthCluster({ networkPlugin: 'azure', networkPluginMode: 'overlay' }).json,
    ).network_profile;
    const implicit = clusterJson(synthCluster().json).network_profile;
    expect(explicit).toEqual(implicit);
  });

  test('node-subnet mode: azure without a mode, no pod range, max pods 30', () => {
    const { json, cluster } = synthCluster({ networkPlugin: 'azure' });
    const c = clusterJson(json);
    expect(c.network_profile.network_plugin).toBe('azure');
    expect(c.network_profile).not.toHaveProperty('network_plugin_mode');
    expect(c.network_profile).not.toHaveProperty('pod_cidr');
    expect(c.network_profile).not.toHaveProperty('pod_cidrs');
    expect(c.network_profile.service_cidr).toBe('10.0.0.0/16');
    expect(c.default_node_pool.max_pods).toBe(DEFAULT_MAX_PODS['node-subnet']);
    expect(cluster.networkMode).toBe('node-subnet');
    expect(cluster.podCidrs).toEqual([]);
  });

  test('node-subnet mode with a pod CIDR renders it, for the rules to report', () => {
    const c = clusterJson(synthCluster({ networkPlugin: 'azure', podCidr: '10.244.0.0/16' }).json);
    expect(c.network_profile.pod_cidr).toBe('10.244.0.0/16');
    expect(c.network_profile).not.toHaveProperty('network_plugin_mode');
  });

  test('networkPlugin none: bring your own CNI, no pod range, no max pods', () => {
    const { json, cluster } = synthCluster({ networkPlugin: 'none' });
    const c = clusterJson(json);
    expect(c.network_profile.network_plugin).toBe('none');
    expect(c.network_profile).not.toHaveProperty('network_plugin_mode');
    expect(c.network_profile).not.toHaveProperty('pod_cidr');
    expect(c.default_node_pool).not.toHaveProperty('max_pods');
    expect(cluster.networkMode).toBe('none');
  });

  test('a networkPluginMode azurerm rejects gives network mode unknown (as in the model), so no max pods default', () => {
    const { json, cluster } = synthCluster({ networkPlugin: 'azure', networkPluginMode: 'Overlay' as 'overlay' });
    expect(cluster.networkMode).toBe('unknown');
    expect(clusterJson(json).default_node_pool).not.toHaveProperty('max_pods');
    expect(clusterJson(json).network_profile).not.toHaveProperty('pod_cidr');
  });

  test('kubenet dual-stack: a default pod range per family, no max pods (AKS decides)', () => {
    const { json, cluster } = synthCluster({ networkPlugin: 'kubenet', ipFamilies: ['IPv4', 'IPv6'] });
    expect(cluster.networkMode).toBe('kubenet');
    expect(clusterJson(json).network_profile.pod_cidrs).toEqual([DEFAULT_POD_CIDR, CONSTRUCT_IPV6_POD_CIDR]);
    expect(clusterJson(json).default_node_pool).not.toHaveProperty('max_pods');
  });

  test('dual-stack with the documented defaults', () => {
    const { json, cluster } = synthCluster({ ipFamilies: ['IPv4', 'IPv6'] });
    const np = clusterJson(json).network_profile;
    expect(np).toEqual({
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      ip_versions: ['IPv4', 'IPv6'],
      pod_cidrs: [DEFAULT_POD_CIDR, CONSTRUCT_IPV6_POD_CIDR],
      service_cidrs: [DEFAULT_SERVICE_CIDR, CONSTRUCT_IPV6_SERVICE_CIDR],
      dns_service_ip: '10.0.0.10',
    });
    expect(np.pod_cidrs).toEqual(['10.244.0.0/16', 'fd12:3456:789a::/64']);
    expect(np.service_cidrs).toEqual(['10.0.0.0/16', 'fd12:3456:789a:1::/108']);
    expect(cluster.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(cluster.podCidrs).toEqual(['10.244.0.0/16', 'fd12:3456:789a::/64']);
    expect(cluster.serviceCidrs).toEqual(['10.0.0.0/16', 'fd12:3456:789a:1::/108']);
    expect(cluster.dualStack).toBe(true);
  });

  test('dual-stack with custom ranges: the DNS IP is the .10 of the IPv4 service range', () => {
    const np = clusterJson(
      synthCluster({
        ipFamilies: ['IPv4', 'IPv6'],
        podCidrs: ['192.168.0.0/16', 'fd00:10::/64'],
        serviceCidrs: ['172.16.0.0/16', 'fd00:20::/108'],
      }).json,
    ).network_profile;
    expect(np.pod_cidrs).toEqual(['192.168.0.0/16', 'fd00:10::/64']);
    expect(np.service_cidrs).toEqual(['172.16.0.0/16', 'fd00:20::/108']);
    expect(np.dns_service_ip).toBe('172.16.0.10');
  });

  test('single-stack custom service range: DNS IP .10 of it; an explicit DNS IP wins', () => {
    expect(clusterJson(synthCluster({ serviceCidr: '10.2.0.0/24' }).json).network_profile.dns_service_ip).toBe(
      '10.2.0.10',
    );
    const np = clusterJson(
      synthCluster({ serviceCidr: '10.2.0.0/24', dnsServiceIp: '10.2.0.53' }).json,
    ).network_profile;
    expect(np).toMatchObject({ service_cidr: '10.2.0.0/24', dns_service_ip: '10.2.0.53' });
  });

  test('an unparseable service range gets no computed DNS IP (the rules report the range)', () => {
    const np = clusterJson(synthCluster({ serviceCidr: '10.2.0.0/33' }).json).network_profile;
    expect(np.service_cidr).toBe('10.2.0.0/33');
    expect(np).not.toHaveProperty('dns_service_ip');
  });

  test('podCidrs in single-stack renders the list field', () => {
    const np = clusterJson(synthCluster({ podCidrs: ['10.50.0.0/16'] }).json).network_profile;
    expect(np.pod_cidrs).toEqual(['10.50.0.0/16']);
    expect(np).not.toHaveProperty('pod_cidr');
  });

  test('ipFamilies in the wrong order is rendered as given (network/ip-families reports it)', () => {
    const np = clusterJson(synthCluster({ ipFamilies: ['IPv6', 'IPv4'] }).json).network_profile;
    expect(np.ip_versions).toEqual(['IPv6', 'IPv4']);
    expect(np.pod_cidrs).toEqual(['fd12:3456:789a::/64', '10.244.0.0/16']);
  });

  test('networkPolicy, networkDataplane and outboundType pass through', () => {
    const { json } = synthCluster({
      networkPolicy: 'cilium',
      networkDataplane: 'cilium',
      outboundType: 'userDefinedRouting',
    });
    expect(json).toHaveResourceWithProperties(KubernetesCluster, {
      network_profile: expect.objectContaining({
        network_policy: 'cilium',
        network_data_plane: 'cilium',
        outbound_type: 'userDefinedRouting',
      }),
    });
  });

  test('a token pod range is rendered as its expression', () => {
    const out = Testing.synthScope((scope) => {
      const v = new TerraformVariable(scope, 'pod_cidr', { type: 'string' });
      new AksCluster(scope, 'aks', { ...BASE, podCidr: v.stringValue });
    });
    expect(clusterJson(out).network_profile.pod_cidr).toBe('${var.pod_cidr}');
  });
});

describe('AksCluster: cluster options', () => {
  test('kubernetesVersion, tags, skuTier, dnsPrefix', () => {
    const { json, cluster } = synthCluster({
      kubernetesVersion: '1.33',
      tags: { env: 'dev' },
      skuTier: 'Standard',
      dnsPrefix: 'myaks',
    });
    expect(json).toHaveResourceWithProperties(KubernetesCluster, {
      kubernetes_version: '1.33',
      tags: { env: 'dev' },
      sku_tier: 'Standard',
      dns_prefix: 'myaks',
    });
    expect(cluster.kubernetesVersion).toBe('1.33');
  });

  test('the default dns prefix replaces characters a DNS prefix cannot hold', () => {
    expect(clusterJson(synthCluster({ name: 'my_cluster.prod_' }).json).dns_prefix).toBe('my-cluster-prod');
    expect(clusterJson(synthCluster({ name: 'x'.repeat(70) }).json).dns_prefix).toHaveLength(54);
  });

  test('sshPublicKey renders linux_profile with azureuser', () => {
    const key = 'ssh-rsa AAAAB3NzaC1yc2E test@example';
    const c = clusterJson(synthCluster({ sshPublicKey: key }).json);
    expect(c.linux_profile).toEqual({ admin_username: 'azureuser', ssh_key: { key_data: key } });
    expect(
      clusterJson(synthCluster({ sshPublicKey: key, linuxAdminUsername: 'ops' }).json).linux_profile.admin_username,
    ).toBe('ops');
  });

  test('a private key given as sshPublicKey throws', () => {
    expect(() =>
      synthCluster({ sshPublicKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----' }),
    ).toThrow(/stack\/aks: sshPublicKey holds a private key/);
  });

  test('defaultNodePool options', () => {
    const c = clusterJson(
      synthCluster({
        defaultNodePool: {
          name: 'system',
          vmSize: 'Standard_D4s_v5',
          nodeCount: 2,
          maxPods: 60,
          zones: ['1', '2', '3'],
          osSku: 'AzureLinux3',
        },
      }).json,
    );
    expect(c.default_node_pool).toEqual({
      name: 'system',
      vm_size: 'Standard_D4s_v5',
      node_count: 2,
      max_pods: 60,
      zones: ['1', '2', '3'],
      os_sku: 'AzureLinux3',
    });
  });

  test('default pool autoscaling: min/max turn auto_scaling_enabled on', () => {
    const c = clusterJson(synthCluster({ defaultNodePool: { minCount: 1, maxCount: 5 } }).json);
    expect(c.default_node_pool).toMatchObject({ auto_scaling_enabled: true, min_count: 1, max_count: 5 });
    expect(c.default_node_pool).not.toHaveProperty('node_count');
  });
});

describe('AksCluster: custom subnets and Network Contributor', () => {
  test('a default pool on your own subnet gets vnet_subnet_id and a Network Contributor assignment on it', () => {
    const out = Testing.synthScope((scope) => {
      const subnet = vnetSubnet(scope, 'nodes', '10.240.0.0/16');
      new AksCluster(scope, 'aks', { ...BASE, defaultNodePool: { vnetSubnet: subnet } });
    });
    expect(clusterJson(out).default_node_pool.vnet_subnet_id).toBe('${azurerm_subnet.nodes.id}');
    expect(out).toHaveResourceWithProperties(RoleAssignment, {
      scope: '${azurerm_subnet.nodes.id}',
      role_definition_name: 'Network Contributor',
      principal_id: '${azurerm_kubernetes_cluster.aks_resource_DCE01269.identity[0].principal_id}',
    });
  });

  test('one assignment per distinct subnet; pools sharing a subnet share it', () => {
    const out = Testing.synthScope((scope) => {
      const a = vnetSubnet(scope, 'a', '10.240.0.0/16');
      const b = vnetSubnet(scope, 'b', '10.241.0.0/16');
      const c = new AksCluster(scope, 'aks', { ...BASE, defaultNodePool: { vnetSubnet: a } });
      c.addNodePool('p1', { name: 'p1', vnetSubnet: a });
      c.addNodePool('p2', { name: 'p2', vnetSubnet: b });
      c.addNodePool('p3', {
        name: 'p3',
        vnetSubnet: {
          id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/c',
        },
      });
    });
    expect(
      resources(out, 'azurerm_role_assignment')
        .map((r) => r.scope)
        .sort(),
    ).toEqual(
      [
        '${azurerm_subnet.a.id}',
        '${azurerm_subnet.b.id}',
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/c',
      ].sort(),
    );
  });

  test('networkContributorScope: one assignment on the given scope (e.g. the VNet)', () => {
    const out = Testing.synthScope((scope) => {
      const c = new AksCluster(scope, 'aks', {
        ...BASE,
        networkContributorScope: '/vnet-id',
        defaultNodePool: { vnetSubnet: vnetSubnet(scope, 'a', '10.240.0.0/16') },
      });
      c.addNodePool('p2', { name: 'p2', vnetSubnet: vnetSubnet(scope, 'b', '10.241.0.0/16') });
    });
    expect(resources(out, 'azurerm_role_assignment').map((r) => r.scope)).toEqual(['/vnet-id']);
  });

  test('assignNetworkContributor: false renders no assignment', () => {
    const out = Testing.synthScope((scope) => {
      new AksCluster(scope, 'aks', {
        ...BASE,
        assignNetworkContributor: false,
        defaultNodePool: { vnetSubnet: vnetSubnet(scope, 'a', '10.240.0.0/16') },
      });
    });
    expect(resources(out, 'azurerm_role_assignment')).toEqual([]);
    expect(clusterJson(out).default_node_pool.vnet_subnet_id).toBe('${azurerm_subnet.a.id}');
  });
});

describe('AksCluster: props misuse throws at construction', () => {
  test.each<[string, Partial<AksClusterProps>, RegExp]>([
    [
      'podCidr and podCidrs',
      { podCidr: '10.1.0.0/16', podCidrs: ['10.1.0.0/16'] },
      /stack\/aks: both podCidr \(10\.1\.0\.0\/16\) and podCidrs are set/,
    ],
    [
      'serviceCidr and serviceCidrs',
      { serviceCidr: '10.0.0.0/16', serviceCidrs: ['10.0.0.0/16'] },
      /both serviceCidr .* and serviceCidrs are set/,
    ],
    [
      'an unknown ipFamilies value',
      { ipFamilies: ['ipv4' as 'IPv4'] },
      /network\/ip-families: ipFamilies has an unknown value 'ipv4'/,
    ],
    [
      'podCidr with dual-stack',
      { ipFamilies: ['IPv4', 'IPv6'], podCidr: '10.1.0.0/16' },
      /podCidr \(10\.1\.0\.0\/16\) is the single-stack flag/,
    ],
    [
      'serviceCidr with dual-stack',
      { ipFamilies: ['IPv4', 'IPv6'], serviceCidr: '10.0.0.0/16' },
      /serviceCidr .* is the single-stack flag/,
    ],
    [
      'a literal Windows password',
      { windowsProfile: { adminUsername: 'azureuser', adminPassword: 'P@ssw0rd1234567!' } },
      /pool\/windows-password-literal: windowsProfile\.adminPassword is a literal string/,
    ],
  ])('%s', (_name, props, message) => {
    expect(() => synthCluster(props)).toThrow(message);
  });
});

describe('AksCluster: Azure rules are left to the rule engine (one place, lib/rules)', () => {
  test('empty ipFamilies is not a construction error: it reaches ip_versions and network/ip-families reports it at synth', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AksCluster(stack, 'aks', { ...BASE, ipFamilies: [] });
    expect(clusterJson(Testing.synth(stack)).network_profile.ip_versions).toEqual([]);
    expect(() => Testing.synth(stack, true)).toThrow(/network\/ip-families: ip_versions .*is empty/);
  });
});

describe('AksCluster: Windows profile and the dual-stack preview feature', () => {
  test('windowsProfile with a token password renders it without a variable of our own', () => {
    const out = Testing.synthScope((scope) => {
      const pw = new TerraformVariable(scope, 'my_password', { type: 'string', sensitive: true });
      new AksCluster(scope, 'aks', {
        ...BASE,
        windowsProfile: { adminUsername: 'winadmin', adminPassword: pw.stringValue },
      });
    });
    expect(clusterJson(out).windows_profile).toEqual({
      admin_username: 'winadmin',
      admin_password: '${var.my_password}',
    });
    expect(Object.keys(JSON.parse(out).variable)).toEqual(['my_password']);
  });

  test('registerDualStackPreviewFeature renders one Microsoft.ContainerService registration per stack', () => {
    const out = Testing.synthScope((scope) => {
      new AksCluster(scope, 'aks', { ...BASE, ipFamilies: ['IPv4', 'IPv6'], registerDualStackPreviewFeature: true });
      new AksCluster(scope, 'aks2', {
        ...BASE,
        name: 'aks2',
        ipFamilies: ['IPv4', 'IPv6'],
        registerDualStackPreviewFeature: true,
      });
    });
    expect(out).toHaveResourceWithProperties(ResourceProviderRegistration, {
      name: 'Microsoft.ContainerService',
      feature: [{ name: 'AzureOverlayDualStackPreview', registered: true }],
    });
    expect(resources(out, 'azurerm_resource_provider_registration')).toHaveLength(1);
    expect(
      resources(synthCluster({ ipFamilies: ['IPv4', 'IPv6'] }).json, 'azurerm_resource_provider_registration'),
    ).toHaveLength(0);
  });
});

describe('AksCluster.kubernetesProvider', () => {
  test('same stack: host and base64-decoded credentials from kube_config; memoized per stack', () => {
    let same = false;
    const out = Testing.synthScope((scope) => {
      const c = new AksCluster(scope, 'aks', BASE);
      const p = c.kubernetesProvider(scope);
      same = c.kubernetesProvider(scope) === p;
    });
    expect(same).toBe(true);
    const kube = 'azurerm_kubernetes_cluster.aks_resource_DCE01269.kube_config[0]';
    expect(out).toHaveProviderWithProperties(KubernetesProvider, {
      host: `\${${kube}.host}`,
      client_certificate: `\${base64decode(${kube}.client_certificate)}`,
      client_key: `\${base64decode(${kube}.client_key)}`,
      cluster_ca_certificate: `\${base64decode(${kube}.cluster_ca_certificate)}`,
    });
    expect(JSON.parse(out).provider.kubernetes).toHaveLength(1);
    expect(JSON.parse(out).provider.kubernetes[0]).not.toHaveProperty('alias');
  });

  test('a second cluster in the same stack gets an aliased provider', () => {
    const out = Testing.synthScope((scope) => {
      new AksCluster(scope, 'a', { ...BASE, name: 'a' }).kubernetesProvider(scope);
      new AksCluster(scope, 'b', { ...BASE, name: 'b' }).kubernetesProvider(scope);
    });
    const providers = JSON.parse(out).provider.kubernetes as Record<string, unknown>[];
    expect(providers.map((p) => p.alias)).toEqual([undefined, 'b-kubernetes']);
  });

  test('another stack: cdktf passes kube_config through sensitive cross-stack outputs', () => {
    const app = Testing.app();
    const infra = new TerraformStack(app, 'infra');
    new AzurermProvider(infra, 'azurerm', { features: [{}] });
    const cluster = new AksCluster(infra, 'aks', BASE);
    const workload = new TerraformStack(app, 'workload');
    cluster.kubernetesProvider(workload);
    app.synth();
    const read = (stack: string): any =>
      JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    const w = read('workload');
    const provider = w.provider.kubernetes[0];
    expect(Object.keys(w.data.terraform_remote_state)).toEqual(['cross-stack-reference-input-infra']);
    expect(provider.host).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-infra\.outputs\.[^}]+host\}$/,
    );
    for (const attr of ['client_certificate', 'client_key', 'cluster_ca_certificate']) {
      expect(provider[attr]).toMatch(
        new RegExp(
          `^\\$\\{base64decode\\(data\\.terraform_remote_state\\.cross-stack-reference-input-infra\\.outputs\\.[^)]+${attr}\\)\\}$`,
        ),
      );
    }
    const outputs = Object.values<{ sensitive: boolean; value: string }>(read('infra').output);
    expect(outputs).toHaveLength(4);
    expect(outputs.every((o) => o.sensitive === true && o.value.includes('.kube_config[0].'))).toBe(true);
  });
});
