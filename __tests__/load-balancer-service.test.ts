import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AksCluster } from '../lib/constructs/aks-cluster';
import { LoadBalancerService, LoadBalancerServiceProps } from '../lib/constructs/load-balancer-service';
import { AksStackValidation } from '../lib/constructs/stack-validation';

Testing.setupJest();

const CLUSTER = { name: 'aks', resourceGroupName: 'rg', location: 'eastus2' };
const SERVICE: LoadBalancerServiceProps = { name: 'web-ipv6', ipFamily: 'IPv6', port: 80, selector: { app: 'web' } };

/** A stack with a kubernetes provider reaching a cluster the document cannot see (another stack, a data source). */
function remoteClusterStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'workload');
  new KubernetesProvider(stack, 'kubernetes', { host: '${data.azurerm_kubernetes_cluster.aks.kube_config[0].host}' });
  return stack;
}

/** A stack with an azurerm provider, for a cluster and its services in one stack. */
function sameStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'same');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** The single kubernetes_service_v1 of a synthesized stack. */
function serviceJson(json: string): Record<string, any> {
  const services = Object.values<Record<string, any>>(JSON.parse(json).resource.kubernetes_service_v1 ?? {});
  expect(services).toHaveLength(1);
  return services[0];
}

/** The rule ids of the error findings of a stack. */
function errorRules(stack: TerraformStack): string[] {
  return AksStackValidation.of(stack)
    .findings()
    .filter((f) => f.severity === 'error')
    .map((f) => f.ruleId);
}

describe('LoadBalancerService: rendering', () => {
  test('a single-family LoadBalancer with port, target port, selector and namespace', () => {
    const stack = remoteClusterStack();
    new LoadBalancerService(stack, 'svc', { ...SERVICE, targetPort: 8080, namespace: 'web' });
    const svc = serviceJson(Testing.synth(stack));
    expect(svc.metadata).toEqual({ name: 'web-ipv6', namespace: 'web' });
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      ip_families: ['IPv6'],
      ip_family_policy: 'SingleStack',
      external_traffic_policy: 'Local',
      selector: { app: 'web' },
      port: [{ port: 80, target_port: '8080', protocol: 'TCP' }],
    });
  });

  test.each(['IPv4', 'IPv6'] as const)(
    '%s: externalTrafficPolicy defaults to Local, targetPort to port, namespace to default',
    (ipFamily) => {
      const stack = remoteClusterStack();
      const s = new LoadBalancerService(stack, 'svc', { ...SERVICE, name: 'web', ipFamily, port: 8443 });
      const svc = serviceJson(Testing.synth(stack));
      expect(svc.spec.external_traffic_policy).toBe('Local');
      expect(svc.spec.ip_families).toEqual([ipFamily]);
      expect(svc.spec.port).toEqual([{ port: 8443, target_port: '8443', protocol: 'TCP' }]);
      expect(svc.metadata.namespace).toBe('default');
      expect(s.externalTrafficPolicy).toBe('Local');
    },
  );

  test('IPv4 may use Cluster', () => {
    const stack = remoteClusterStack();
    new LoadBalancerService(stack, 'svc', {
      ...SERVICE,
      ipFamily: 'IPv4',
      externalTrafficPolicy: 'Cluster',
      cluster: { ipFamilies: ['IPv4'] },
    });
    expect(serviceJson(Testing.synth(stack)).spec.external_traffic_policy).toBe('Cluster');
    expect(errorRules(stack)).toEqual([]);
  });

  test('ip is the token of the ingress IP', () => {
    const stack = remoteClusterStack();
    const s = new LoadBalancerService(stack, 'svc', SERVICE);
    new TerraformOutput(stack, 'ip', { value: s.ip });
    const json = JSON.parse(Testing.synth(stack));
    const [address] = Object.keys(json.resource.kubernetes_service_v1);
    expect(json.output.ip.value).toBe(`\${kubernetes_service_v1.${address}.status[0].load_balancer[0].ingress[0].ip}`);
  });

  test('uses the given kubernetes provider', () => {
    const stack = remoteClusterStack();
    const other = new KubernetesProvider(stack, 'other', { alias: 'other', host: 'https://example.invalid' });
    new LoadBalancerService(stack, 'svc', { ...SERVICE, provider: other });
    expect(serviceJson(Testing.synth(stack)).provider).toBe('kubernetes.other');
  });

  test('an ipFamily that is not IPv4 or IPv6 throws, naming the rule and the construct', () => {
    const stack = remoteClusterStack();
    expect(() => new LoadBalancerService(stack, 'svc', { ...SERVICE, ipFamily: 'ipv6' as never })).toThrow(
      /service\/family-not-in-cluster.*'ipv6'.*'IPv6'/,
    );
    expect(() => new LoadBalancerService(stack, 'svc2', { ...SERVICE, ipFamily: 'IPv6' })).not.toThrow();
  });
});

describe('LoadBalancerService: the cluster families reach the stack validation', () => {
  test('keyed by the service Terraform address', () => {
    const stack = remoteClusterStack();
    const s = new LoadBalancerService(stack, 'svc', { ...SERVICE, cluster: { ipFamilies: ['IPv4', 'IPv6'] } });
    const address = `kubernetes_service_v1.${s.resource.friendlyUniqueId}`;
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.kubernetes_service_v1)).toEqual([
      s.resource.friendlyUniqueId,
    ]);
    expect(AksStackValidation.of(stack).context().serviceClusterFamilies).toEqual({ [address]: ['IPv4', 'IPv6'] });
  });

  test('without a cluster nothing is added', () => {
    const stack = remoteClusterStack();
    new LoadBalancerService(stack, 'svc', SERVICE);
    expect(AksStackValidation.of(stack).context().serviceClusterFamilies).toEqual({});
  });

  test('an AksCluster gives its own families', () => {
    const stack = sameStack();
    const cluster = new AksCluster(stack, 'aks', { ...CLUSTER, ipFamilies: ['IPv4', 'IPv6'] });
    cluster.kubernetesProvider(stack);
    const s = new LoadBalancerService(stack, 'svc', { ...SERVICE, cluster });
    expect(AksStackValidation.of(stack).context().serviceClusterFamilies).toEqual({
      [`kubernetes_service_v1.${s.resource.friendlyUniqueId}`]: ['IPv4', 'IPv6'],
    });
  });
});

describe('LoadBalancerService: the service rules fail synth (rule engine of lib/rules)', () => {
  test("IPv6 with externalTrafficPolicy 'Cluster' fails with service/ipv6-traffic-policy", () => {
    const stack = remoteClusterStack();
    new LoadBalancerService(stack, 'svc', {
      ...SERVICE,
      externalTrafficPolicy: 'Cluster',
      cluster: { ipFamilies: ['IPv4', 'IPv6'] },
    });
    expect(() => Testing.synth(stack, true)).toThrow(/service\/ipv6-traffic-policy/);
    expect(errorRules(stack)).toEqual(['service/ipv6-traffic-policy']);
  });

  test('IPv6 on a single-stack cluster in another stack fails with service/family-not-in-cluster', () => {
    const stack = remoteClusterStack();
    new LoadBalancerService(stack, 'svc', { ...SERVICE, cluster: { ipFamilies: ['IPv4'] } });
    expect(() => Testing.synth(stack, true)).toThrow(/service\/family-not-in-cluster/);
    expect(errorRules(stack)).toEqual(['service/family-not-in-cluster']);
  });

  test('IPv6 on a single-stack AksCluster in the same stack fails with service/family-not-in-cluster', () => {
    const stack = sameStack();
    const cluster = new AksCluster(stack, 'aks', CLUSTER);
    new LoadBalancerService(stack, 'svc', { ...SERVICE, cluster, provider: cluster.kubernetesProvider(stack) });
    expect(() => Testing.synth(stack, true)).toThrow(/service\/family-not-in-cluster/);
  });

  test('IPv6 with Local on a dual-stack cluster passes', () => {
    const stack = sameStack();
    const cluster = new AksCluster(stack, 'aks', { ...CLUSTER, ipFamilies: ['IPv4', 'IPv6'] });
    new LoadBalancerService(stack, 'svc', { ...SERVICE, cluster, provider: cluster.kubernetesProvider(stack) });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(errorRules(stack)).toEqual([]);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ServiceV1, {
      spec: expect.objectContaining({ ip_families: ['IPv6'] }),
    });
  });
});
