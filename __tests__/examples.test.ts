/**
 * One snapshot per example stack (the full synthesized JSON), plus targeted assertions of what
 * the walkthrough requires, so that a careless snapshot update cannot hide a regression.
 */
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  addExampleStacks,
  configureBackend,
  curlCommand,
  DualStackStack,
  DualStackWindowsStack,
  DualStackWorkloadStack,
  EXAMPLE_STACK_NAMES,
  OverlayDedicatedSubnetStack,
  OverlayStack,
} from '../examples';
import { AksStackValidation } from '../lib/constructs/stack-validation';

type Json = Record<string, any>;
type StackClass = new (scope: Construct, id: string, props?: any) => TerraformStack;

const EXAMPLES: [string, StackClass][] = [
  ['overlay', OverlayStack],
  ['overlay-dedicated-subnet', OverlayDedicatedSubnetStack],
  ['dual-stack', DualStackStack],
  ['dual-stack-windows', DualStackWindowsStack],
  ['dual-stack-workload', DualStackWorkloadStack],
];

/** Synthesizes one example stack with the rule engine's validation on (throws on any error finding). */
function synthExample(
  cls: StackClass,
  name: string,
  props?: object,
): { stack: TerraformStack; json: Json; text: string } {
  const stack = new cls(Testing.app(), name, props);
  const text = Testing.synth(stack, true);
  return { stack, json: JSON.parse(text), text };
}

function only(json: Json, type: string, kind: 'resource' | 'data' = 'resource'): Json {
  const items = Object.values<Json>(json[kind]?.[type] ?? {});
  expect(items).toHaveLength(1);
  return items[0];
}

describe.each(EXAMPLES)('example %s', (name, cls) => {
  const { stack, json, text } = synthExample(cls, name);

  test('snapshot of the synthesized stack', () => {
    expect(text).toMatchSnapshot();
  });

  test('passes every rule: no errors, no warnings', () => {
    expect(AksStackValidation.of(stack).findings()).toEqual([]);
  });

  test('has an azurerm provider with features {} and no subscription in the JSON by default', () => {
    expect(json.provider.azurerm).toHaveLength(1);
    expect(json.provider.azurerm[0].features).toEqual([{}]);
    expect(json.provider.azurerm[0].subscription_id).toBeUndefined();
  });

  test('takes name, location, resource group and subscription from props', () => {
    const props = {
      name: 'aks-prod',
      location: 'westeurope',
      resourceGroupName: 'rg-prod',
      subscriptionId: '11111111-2222-3333-4444-555555555555',
    };
    const { json: custom } = synthExample(cls, name, props);
    expect(custom.provider.azurerm[0].subscription_id).toBe(props.subscriptionId);
    if (cls === DualStackWorkloadStack) {
      expect(only(custom, 'azurerm_kubernetes_cluster', 'data')).toEqual({
        name: 'aks-prod',
        resource_group_name: 'rg-prod',
      });
      return;
    }
    expect(only(custom, 'azurerm_resource_group')).toEqual({ name: 'rg-prod', location: 'westeurope' });
    const cluster = only(custom, 'azurerm_kubernetes_cluster');
    expect(cluster.name).toBe('aks-prod');
    expect(cluster.location).toBe('westeurope');
    expect(cluster.resource_group_name).toMatch(/^\$\{azurerm_resource_group\.[^.]+\.name\}$/);
  });
});

describe('walkthrough requirements', () => {
  test('overlay: azure + overlay, pod CIDR 192.168.0.0/16, single stack', () => {
    const { json } = synthExample(OverlayStack, 'overlay');
    const np = only(json, 'azurerm_kubernetes_cluster').network_profile;
    expect(np.network_plugin).toBe('azure');
    expect(np.network_plugin_mode).toBe('overlay');
    expect(np.pod_cidr).toBe('192.168.0.0/16');
    expect(np.ip_versions).toEqual(['IPv4']);
    expect(np.pod_cidrs).toBeUndefined();
  });

  test('overlay-dedicated-subnet: a VNet with two subnets, the default pool on one, a System pool of 1 node on the other', () => {
    const { json } = synthExample(OverlayDedicatedSubnetStack, 'overlay-dedicated-subnet');
    const vnet = only(json, 'azurerm_virtual_network');
    expect(vnet.address_space).toEqual(['10.224.0.0/12']);
    const subnets = json.resource.azurerm_subnet as Record<string, Json>;
    expect(Object.keys(subnets)).toHaveLength(2);
    const ref = (key: string): string => `\${azurerm_subnet.${key}.id}`;
    const byPrefix = (prefix: string): string =>
      Object.entries(subnets).find(([, s]) => s.address_prefixes[0] === prefix)![0];
    const cluster = only(json, 'azurerm_kubernetes_cluster');
    expect(cluster.network_profile).toEqual(
      expect.objectContaining({ network_plugin: 'azure', network_plugin_mode: 'overlay', pod_cidr: '192.168.0.0/16' }),
    );
    expect(cluster.default_node_pool.vnet_subnet_id).toBe(ref(byPrefix('10.224.0.0/16')));
    const pool = only(json, 'azurerm_kubernetes_cluster_node_pool');
    expect(pool).toEqual(
      expect.objectContaining({ mode: 'System', node_count: 1, vnet_subnet_id: ref(byPrefix('10.225.0.0/16')) }),
    );
    expect(pool.vnet_subnet_id).not.toBe(cluster.default_node_pool.vnet_subnet_id);
    for (const s of Object.values(subnets))
      expect(s.virtual_network_name).toMatch(/^\$\{azurerm_virtual_network\.[^.]+\.name\}$/);
  });

  test('dual-stack: ip_versions [IPv4, IPv6] with the default dual-stack ranges', () => {
    const { json } = synthExample(DualStackStack, 'dual-stack');
    const np = only(json, 'azurerm_kubernetes_cluster').network_profile;
    expect(np).toEqual(
      expect.objectContaining({
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        ip_versions: ['IPv4', 'IPv6'],
        pod_cidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
        service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
      }),
    );
  });

  test('dual-stack-windows: dual-stack plus a Windows pool of 2 nodes; AKS generates the Windows profile, no password anywhere', () => {
    const { json, text } = synthExample(DualStackWindowsStack, 'dual-stack-windows');
    const cluster = only(json, 'azurerm_kubernetes_cluster');
    expect(cluster.network_profile.ip_versions).toEqual(['IPv4', 'IPv6']);
    const pool = only(json, 'azurerm_kubernetes_cluster_node_pool');
    expect(pool).toEqual(expect.objectContaining({ os_type: 'Windows', node_count: 2, name: 'npwin' }));
    expect(cluster).not.toHaveProperty('windows_profile');
    expect(json).not.toHaveProperty('variable');
    expect(text).not.toMatch(/admin_password|windows_admin_password/);
  });

  test("dual-stack-windows: no preview-feature registration by default; 'az-cli' and 'terraform' on request", () => {
    const { stack, json } = synthExample(DualStackWindowsStack, 'dual-stack-windows');
    expect(AksStackValidation.of(stack).context().registeredFeatures).toEqual([]);
    expect(json.resource.azurerm_resource_provider_registration).toBeUndefined();
    expect(json.provider.azurerm[0].resource_provider_registrations).toBeUndefined();

    const { stack: cli } = synthExample(DualStackWindowsStack, 'dual-stack-windows', {
      previewFeatureRegistration: 'az-cli',
    });
    expect(AksStackValidation.of(cli).context().registeredFeatures).toEqual([
      'Microsoft.ContainerService/AzureOverlayDualStackPreview',
    ]);

    const { stack: tf, json: tfJson } = synthExample(DualStackWindowsStack, 'dual-stack-windows', {
      previewFeatureRegistration: 'terraform',
    });
    expect(only(tfJson, 'azurerm_resource_provider_registration')).toEqual({
      name: 'Microsoft.ContainerService',
      feature: [{ name: 'AzureOverlayDualStackPreview', registered: true }],
    });
    expect(tfJson.provider.azurerm[0].resource_provider_registrations).toBe('none');
    expect(AksStackValidation.of(tf).findings()).toEqual([]);
    expect(() => synthExample(DualStackWindowsStack, 'x', { previewFeatureRegistration: 'portal' })).toThrow(
      /previewFeatureRegistration is 'portal'; use 'none', 'az-cli' or 'terraform'/,
    );
  });

  test('dual-stack-workload: NGINX with IPv4 and IPv6 LoadBalancer services (IPv6 with Local) through the data-source kubernetes provider', () => {
    const { json } = synthExample(DualStackWorkloadStack, 'dual-stack-workload');
    expect(json.resource.azurerm_kubernetes_cluster).toBeUndefined();
    expect(json.resource.azurerm_resource_group).toBeUndefined();
    const data = only(json, 'azurerm_kubernetes_cluster', 'data');
    expect(data).toEqual({ name: 'aks-dual-stack', resource_group_name: 'rg-aks-dual-stack' });
    const [dataKey] = Object.keys(json.data.azurerm_kubernetes_cluster);
    const kube = json.provider.kubernetes;
    expect(kube).toHaveLength(1);
    expect(kube[0].host).toBe(`\${data.azurerm_kubernetes_cluster.${dataKey}.kube_config[0].host}`);
    expect(kube[0].client_key).toBe(
      `\${base64decode(data.azurerm_kubernetes_cluster.${dataKey}.kube_config[0].client_key)}`,
    );

    const deployment = only(json, 'kubernetes_deployment_v1');
    expect(deployment.spec.template.spec.container[0].image).toMatch(/^nginx:/);
    const services = Object.fromEntries(
      Object.entries(json.resource.kubernetes_service_v1 as Record<string, Json>).map(([k, s]) => [
        s.metadata.name,
        { key: k, ...s },
      ]),
    );
    expect(Object.keys(services).sort()).toEqual(['nginx-ipv4', 'nginx-ipv6']);
    expect(services['nginx-ipv6'].spec).toEqual(
      expect.objectContaining({ type: 'LoadBalancer', ip_families: ['IPv6'], external_traffic_policy: 'Local' }),
    );
    expect(services['nginx-ipv4'].spec).toEqual(
      expect.objectContaining({ type: 'LoadBalancer', ip_families: ['IPv4'] }),
    );

    const ip = (svc: string): string =>
      `\${kubernetes_service_v1.${services[svc].key}.status[0].load_balancer[0].ingress[0].ip}`;
    expect(json.output.nginx_ipv4_ip.value).toBe(ip('nginx-ipv4'));
    expect(json.output.nginx_ipv6_ip.value).toBe(ip('nginx-ipv6'));
    expect(json.output.verify_ipv4.value).toBe(`curl -s "http://${ip('nginx-ipv4')}"`);
    expect(json.output.verify_ipv6.value).toBe(`curl -s "http://[${ip('nginx-ipv6')}]"`);
  });

  test('dual-stack-workload: the services judge the cluster families given as props', () => {
    expect(() => synthExample(DualStackWorkloadStack, 'dual-stack-workload', { clusterIpFamilies: ['IPv4'] })).toThrow(
      /service\/family-not-in-cluster/,
    );
    const { json } = synthExample(DualStackWorkloadStack, 'dual-stack-workload', {
      clusterIpFamilies: ['IPv4'],
      expose: ['IPv4'],
    });
    expect(Object.keys(json.output).sort()).toEqual(['nginx_ipv4_ip', 'verify_ipv4']);
  });

  test('curlCommand brackets IPv6 only', () => {
    expect(curlCommand('IPv6', '2001:db8::1')).toBe('curl -s "http://[2001:db8::1]"');
    expect(curlCommand('IPv4', '20.1.2.3')).toBe('curl -s "http://20.1.2.3"');
  });
});

describe('the App wiring (examples/index.ts)', () => {
  test('addExampleStacks creates the five stacks under their names, workload after dual-stack', () => {
    const app = Testing.app();
    const stacks = addExampleStacks(app, {});
    expect(app.node.children.filter((c) => c instanceof TerraformStack).map((c) => c.node.id)).toEqual([
      ...EXAMPLE_STACK_NAMES,
    ]);
    expect(stacks.dualStackWorkload.dependencies).toEqual([stacks.dualStack]);
  });

  test('the workload stack reads the dual-stack cluster by default, and follows its props', () => {
    const app = Testing.app();
    const stacks = addExampleStacks(
      app,
      {},
      { dualStack: { name: 'aks-ds', resourceGroupName: 'rg-ds', subscriptionId: 'sub' } },
    );
    const json = JSON.parse(Testing.synth(stacks.dualStackWorkload));
    expect(only(json, 'azurerm_kubernetes_cluster', 'data')).toEqual({ name: 'aks-ds', resource_group_name: 'rg-ds' });
    expect(json.provider.azurerm[0].subscription_id).toBe('sub');
    const ds = only(JSON.parse(Testing.synth(stacks.dualStack)), 'azurerm_kubernetes_cluster');
    expect(ds.name).toBe('aks-ds');
  });

  test('configureBackend: local, with a checkout-independent relative state path, without TF_CLOUD_ORGANIZATION', () => {
    for (const env of [{}, { TF_CLOUD_ORGANIZATION: '' }, { TF_CLOUD_ORGANIZATION: '  ', TF_WORKSPACE_PREFIX: 'x-' }]) {
      const stack = new TerraformStack(Testing.app(), 'overlay');
      configureBackend(stack, env);
      const terraform = stack.toTerraform().terraform;
      expect(terraform.cloud).toBeUndefined();
      expect(terraform.backend).toEqual({ local: { path: '../../../terraform.overlay.tfstate' } });
    }
  });

  test('configureBackend: Terraform Cloud with workspace <prefix><stack>', () => {
    const cases: [object, string][] = [
      [{ TF_CLOUD_ORGANIZATION: 'acme' }, 'aks-overlay-dual-stack'],
      [{ TF_CLOUD_ORGANIZATION: 'acme', TF_WORKSPACE_PREFIX: 'team-a-' }, 'team-a-dual-stack'],
      [{ TF_CLOUD_ORGANIZATION: 'acme', TF_WORKSPACE_PREFIX: '' }, 'dual-stack'],
    ];
    for (const [env, workspace] of cases) {
      const stack = new TerraformStack(Testing.app(), 'dual-stack');
      expect(configureBackend(stack, env)).toBeDefined();
      const tf = JSON.parse(Testing.synth(stack)).terraform;
      expect(tf.cloud).toEqual({ organization: 'acme', workspaces: { name: workspace } });
      expect(tf.backend).toBeUndefined();
    }
    const stack = new TerraformStack(Testing.app(), 'overlay');
    configureBackend(stack, { TF_CLOUD_ORGANIZATION: 'acme', TF_CLOUD_HOSTNAME: 'tfe.example.com' });
    expect(JSON.parse(Testing.synth(stack)).terraform.cloud).toEqual({
      organization: 'acme',
      hostname: 'tfe.example.com',
      workspaces: { name: 'aks-overlay-overlay' },
    });
  });
});
