import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { LoadBalancerService } from '../lib/constructs/load-balancer-service';
import {
  DEFAULT_NGINX_IMAGE,
  DEFAULT_NGINX_REPLICAS,
  NginxWorkload,
  NginxWorkloadProps,
} from '../lib/constructs/nginx-workload';
import { AksStackValidation } from '../lib/constructs/stack-validation';

Testing.setupJest();

/** A stack whose kubernetes provider reaches a cluster outside the document (a data source). */
function workloadStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'workload');
  new KubernetesProvider(stack, 'kubernetes', { host: '${data.azurerm_kubernetes_cluster.aks.kube_config[0].host}' });
  return stack;
}

function synthWorkload(
  props: NginxWorkloadProps = {},
  more?: (w: NginxWorkload) => void,
): { json: Record<string, any>; stack: TerraformStack; workload: NginxWorkload } {
  const stack = workloadStack();
  const workload = new NginxWorkload(stack, 'nginx', props);
  more?.(workload);
  return { json: JSON.parse(Testing.synth(stack)), stack, workload };
}

function deployments(json: Record<string, any>): Record<string, any>[] {
  return Object.values(json.resource.kubernetes_deployment_v1 ?? {});
}

function servicesByName(json: Record<string, any>): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const s of Object.values<Record<string, any>>(json.resource.kubernetes_service_v1 ?? {}))
    out[s.metadata.name] = s;
  return out;
}

describe('NginxWorkload: the deployment', () => {
  test('defaults: nginx:1.27, 3 replicas, app=nginx labels and selector, requests, Linux nodes, port 80', () => {
    const { json } = synthWorkload();
    const [d] = deployments(json);
    expect(deployments(json)).toHaveLength(1);
    expect(DEFAULT_NGINX_IMAGE).toBe('nginx:1.27');
    expect(DEFAULT_NGINX_REPLICAS).toBe(3);
    expect(d.metadata).toEqual({ name: 'nginx', namespace: 'default', labels: { app: 'nginx' } });
    expect(d.spec.replicas).toBe('3');
    expect(d.spec.selector).toEqual({ match_labels: { app: 'nginx' } });
    expect(d.spec.template.metadata.labels).toEqual({ app: 'nginx' });
    expect(d.spec.template.spec.node_selector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(d.spec.template.spec.container).toEqual([
      {
        name: 'nginx',
        image: 'nginx:1.27',
        port: [{ container_port: 80, name: 'http' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
      },
    ]);
    expect(json.resource.kubernetes_service_v1).toBeUndefined();
  });

  test('image, replicas, name, namespace and requests from props', () => {
    const { json } = synthWorkload({
      image: 'nginx:1.29-alpine',
      replicas: 5,
      name: 'web',
      namespace: 'apps',
      requests: { cpu: '250m' },
    });
    const [d] = deployments(json);
    expect(d.metadata).toEqual({ name: 'web', namespace: 'apps', labels: { app: 'web' } });
    expect(d.spec.replicas).toBe('5');
    expect(d.spec.template.spec.container[0].image).toBe('nginx:1.29-alpine');
    expect(d.spec.template.spec.container[0].resources.requests).toEqual({ cpu: '250m', memory: '128Mi' });
  });

  test.each([-1, 1.5])('replicas %p throws with the path', (replicas) => {
    expect(() => synthWorkload({ replicas })).toThrow(/workload\/nginx: replicas is/);
  });

  test('uses the given provider for the deployment and every service', () => {
    const stack = workloadStack();
    const provider = new KubernetesProvider(stack, 'aks2', { alias: 'aks2', host: 'https://example.invalid' });
    new NginxWorkload(stack, 'nginx', { provider, expose: ['IPv4', 'IPv6'] });
    const json = JSON.parse(Testing.synth(stack));
    expect(deployments(json)[0].provider).toBe('kubernetes.aks2');
    expect(Object.values(servicesByName(json)).map((s) => s.provider)).toEqual(['kubernetes.aks2', 'kubernetes.aks2']);
  });
});

describe('NginxWorkload: expose', () => {
  test('the expose prop makes the walkthrough services nginx-ipv4 and nginx-ipv6', () => {
    const { json, workload } = synthWorkload({ expose: ['IPv4', 'IPv6'] });
    const services = servicesByName(json);
    expect(Object.keys(services).sort()).toEqual(['nginx-ipv4', 'nginx-ipv6']);
    for (const [name, family] of [
      ['nginx-ipv4', 'IPv4'],
      ['nginx-ipv6', 'IPv6'],
    ] as const) {
      expect(services[name].spec).toEqual(
        expect.objectContaining({
          type: 'LoadBalancer',
          ip_families: [family],
          ip_family_policy: 'SingleStack',
          external_traffic_policy: 'Local',
          selector: { app: 'nginx' },
          port: [{ port: 80, target_port: '80', protocol: 'TCP' }],
        }),
      );
      expect(workload.service(family)?.name).toBe(name);
    }
    expect(workload.services.map((s) => s.ipFamily)).toEqual(['IPv4', 'IPv6']);
  });

  test('fluent expose returns the service, with options', () => {
    const { json, workload } = synthWorkload({ name: 'web' }, (w) => {
      const svc = w.expose('IPv6', { port: 8080, name: 'web-v6' });
      expect(svc).toBeInstanceOf(LoadBalancerService);
      w.expose('IPv4', { externalTrafficPolicy: 'Cluster' });
    });
    const services = servicesByName(json);
    expect(services['web-v6'].spec.port).toEqual([{ port: 8080, target_port: '80', protocol: 'TCP' }]);
    expect(services['web-v6'].spec.selector).toEqual({ app: 'web' });
    expect(services['web-ipv4'].spec.external_traffic_policy).toBe('Cluster');
    expect(workload.service('IPv6')?.port).toBe(8080);
  });

  test('exposing a family twice throws', () => {
    const stack = workloadStack();
    const w = new NginxWorkload(stack, 'nginx', { expose: ['IPv6'] });
    expect(() => w.expose('IPv6')).toThrow(/IPv6 is already exposed \(service 'nginx-ipv6'\)/);
    expect(() => new NginxWorkload(stack, 'dup', { name: 'dup', expose: ['IPv4', 'IPv4'] })).toThrow(/already exposed/);
  });

  test('the cluster families go to the stack validation for every service', () => {
    const { stack, workload } = synthWorkload({ expose: ['IPv4', 'IPv6'], cluster: { ipFamilies: ['IPv4', 'IPv6'] } });
    const expected = Object.fromEntries(
      workload.services.map((s) => [`kubernetes_service_v1.${s.resource.friendlyUniqueId}`, ['IPv4', 'IPv6']]),
    );
    expect(Object.keys(expected)).toHaveLength(2);
    expect(AksStackValidation.of(stack).context().serviceClusterFamilies).toEqual(expected);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('exposing IPv6 on a single-stack cluster fails synth with service/family-not-in-cluster', () => {
    const { stack } = synthWorkload({ expose: ['IPv4', 'IPv6'], cluster: { ipFamilies: ['IPv4'] } });
    expect(() => Testing.synth(stack, true)).toThrow(/service\/family-not-in-cluster/);
    const errors = AksStackValidation.of(stack)
      .findings()
      .filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toEqual(['service/family-not-in-cluster']);
    expect(errors[0].message).toContain('nginx-ipv6');
  });

  test('the deployment is a kubernetes_deployment_v1 named after the workload, exposed as workload.deployment', () => {
    const stack = workloadStack();
    const w = new NginxWorkload(stack, 'nginx', { name: 'web' });
    expect(w.deployment).toBeInstanceOf(DeploymentV1);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DeploymentV1, {
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    });
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.kubernetes_deployment_v1)).toEqual([
      w.deployment.friendlyUniqueId,
    ]);
  });
});
