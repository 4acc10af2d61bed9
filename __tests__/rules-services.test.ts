import { check } from '../lib/rules';
import type { CheckContext, Finding } from '../lib/rules';
import { aksCluster, k8sService, kubernetesProvider, provider, tfDoc } from './support/tf';

const of = (doc: unknown, ruleId: string, ctx?: CheckContext): Finding[] =>
  check(doc, ctx).filter((f) => f.ruleId === ruleId);
const dual = aksCluster('aks', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } });
const single = aksCluster('aks');
const svc = (spec: Record<string, unknown>, name = 'web') => k8sService(name, { spec });
const port = (p: Record<string, unknown>) => k8sService('web', { spec: { port: [{ name: 'http', ...p }] } });

describe('service/ipv6-traffic-policy', () => {
  it('rejects an IPv6 LoadBalancer with the policy omitted (Kubernetes default Cluster) or Cluster', () => {
    for (const etp of [undefined, 'Cluster']) {
      const f = of(
        tfDoc(dual, kubernetesProvider('aks'), svc({ ip_families: ['IPv6'], external_traffic_policy: etp })),
        'service/ipv6-traffic-policy',
      );
      expect(f).toMatchObject([
        {
          severity: 'error',
          address: 'kubernetes_service_v1.web',
          path: 'test/web/resource',
          fix: "set spec.external_traffic_policy = 'Local'",
        },
      ]);
    }
  });
  it('accepts Local', () => {
    expect(
      of(
        tfDoc(dual, kubernetesProvider('aks'), svc({ ip_families: ['IPv6'], external_traffic_policy: 'Local' })),
        'service/ipv6-traffic-policy',
      ),
    ).toEqual([]);
  });
  it('accepts an IPv4 service with Cluster, and a ClusterIP IPv6 service', () => {
    expect(
      of(
        tfDoc(dual, kubernetesProvider('aks'), svc({ ip_families: ['IPv4'], external_traffic_policy: 'Cluster' })),
        'service/ipv6-traffic-policy',
      ),
    ).toEqual([]);
    expect(
      of(
        tfDoc(dual, kubernetesProvider('aks'), svc({ type: 'ClusterIP', ip_families: ['IPv6'] })),
        'service/ipv6-traffic-policy',
      ),
    ).toEqual([]);
  });
  it('treats a PreferDualStack service on a dual-stack cluster as IPv6, and on a single-stack cluster as IPv4', () => {
    expect(
      of(
        tfDoc(dual, kubernetesProvider('aks'), svc({ ip_family_policy: 'PreferDualStack' })),
        'service/ipv6-traffic-policy',
      ),
    ).toMatchObject([{ severity: 'error' }]);
    expect(
      of(
        tfDoc(single, kubernetesProvider('aks'), svc({ ip_family_policy: 'PreferDualStack' })),
        'service/ipv6-traffic-policy',
      ),
    ).toEqual([]);
  });
  it('also reads kubernetes_service (v0)', () => {
    expect(
      of(
        tfDoc(
          dual,
          kubernetesProvider('aks'),
          k8sService('old', { spec: { ip_families: ['IPv6'] } }, 'kubernetes_service'),
        ),
        'service/ipv6-traffic-policy',
      ),
    ).toMatchObject([{ address: 'kubernetes_service.old' }]);
  });
});

describe('service/family-not-in-cluster', () => {
  it('rejects IPv6 on a single-stack cluster, accepts it on a dual-stack cluster', () => {
    const doc = (c: typeof single) =>
      tfDoc(c, kubernetesProvider('aks'), svc({ ip_families: ['IPv6'], external_traffic_policy: 'Local' }));
    expect(of(doc(single), 'service/family-not-in-cluster')).toMatchObject([
      {
        severity: 'error',
        message: expect.stringContaining("asks for 'IPv6' but cluster azurerm_kubernetes_cluster.aks has only IPv4"),
      },
    ]);
    expect(of(doc(dual), 'service/family-not-in-cluster')).toEqual([]);
  });
  it('rejects RequireDualStack on a single-stack cluster', () => {
    expect(
      of(
        tfDoc(single, kubernetesProvider('aks'), svc({ ip_family_policy: 'RequireDualStack' })),
        'service/family-not-in-cluster',
      ),
    ).toMatchObject([{ severity: 'error' }]);
  });
  it('follows the provider alias of a resource to its cluster', () => {
    const doc = tfDoc(
      single,
      aksCluster('v6', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } }),
      kubernetesProvider('aks'),
      kubernetesProvider('v6', 'v6'),
      k8sService('web', {
        provider: 'kubernetes.v6',
        spec: { ip_families: ['IPv6'], external_traffic_policy: 'Local' },
      }),
    );
    expect(of(doc, 'service/family-not-in-cluster')).toEqual([]);
  });
  it('uses context.serviceClusterFamilies when the document cannot resolve the cluster, else skips with a warning', () => {
    const doc = tfDoc(
      provider('kubernetes', { host: '${data.azurerm_kubernetes_cluster.x.kube_config[0].host}' }),
      svc({ ip_families: ['IPv6'], external_traffic_policy: 'Local' }),
    );
    expect(
      of(doc, 'service/family-not-in-cluster', { serviceClusterFamilies: { 'kubernetes_service_v1.web': ['IPv4'] } }),
    ).toMatchObject([{ severity: 'error' }]);
    expect(
      of(doc, 'service/family-not-in-cluster', {
        serviceClusterFamilies: { 'kubernetes_service_v1.web': ['IPv4', 'IPv6'] },
      }),
    ).toEqual([]);
    const skippedF = of(doc, 'service/family-not-in-cluster');
    expect(skippedF).toMatchObject([
      { severity: 'warning', skipped: true, message: expect.stringContaining('data source') },
    ]);
    expect(skippedF[0].fix).toContain('serviceClusterFamilies');
  });
});

describe('service/name', () => {
  it('accepts a 63-character DNS-1035 label and a single letter', () => {
    expect(of(tfDoc(single, kubernetesProvider('aks'), k8sService('a'.repeat(63))), 'service/name')).toEqual([]);
    expect(of(tfDoc(single, kubernetesProvider('aks'), k8sService('w')), 'service/name')).toEqual([]);
  });
  it.each(['a'.repeat(64), 'Web', '1web', 'web-', 'web_app', 'web.app'])('rejects %s', (n) => {
    const f = of(tfDoc(single, kubernetesProvider('aks'), k8sService('s', { metadata: { name: n } })), 'service/name');
    expect(f).toMatchObject([
      { severity: 'error', message: expect.stringContaining(`service/name: service name '${n}'`) },
    ]);
    const suggestion = /'([^']+)'$/.exec(f[0].fix)![1];
    expect(suggestion).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
    expect(suggestion.length).toBeLessThanOrEqual(63);
  });
});

describe('service/port', () => {
  it('accepts 1 and 65535 for port and target_port, 30000 and 32767 for node_port, and a named target_port', () => {
    expect(
      of(
        tfDoc(single, kubernetesProvider('aks'), port({ port: 65535, target_port: '65535', node_port: 32767 })),
        'service/port',
      ),
    ).toEqual([]);
    expect(
      of(tfDoc(single, kubernetesProvider('aks'), port({ port: 1, target_port: 1, node_port: 30000 })), 'service/port'),
    ).toEqual([]);
    expect(
      of(tfDoc(single, kubernetesProvider('aks'), port({ port: 80, target_port: 'http' })), 'service/port'),
    ).toEqual([]);
  });
  it.each([
    [{ port: 65536 }, 'spec.port[0].port 65536'],
    [{ port: 0 }, 'spec.port[0].port 0'],
    [{ port: 80, target_port: '65536' }, 'spec.port[0].target_port 65536'],
    [{ port: 80, node_port: 70000 }, 'spec.port[0].node_port 70000'],
    // the API server's NodePort range (--service-node-port-range, default 30000-32767; AKS does not expose it)
    [{ port: 80, node_port: 29999 }, "spec.port[0].node_port 29999 of service 'web' is outside 30000-32767"],
    [{ port: 80, node_port: 32768 }, 'spec.port[0].node_port 32768'],
  ])('rejects %j', (p, text) => {
    expect(of(tfDoc(single, kubernetesProvider('aks'), port(p)), 'service/port')).toMatchObject([
      { severity: 'error', message: expect.stringContaining(text) },
    ]);
  });
  it('reports a port of the wrong type as document/type, skips an unknown one', () => {
    expect(
      check(tfDoc(single, kubernetesProvider('aks'), port({ port: 'eighty' }))).filter(
        (f) => f.ruleId === 'document/type',
      ),
    ).toMatchObject([{ severity: 'error', message: expect.stringContaining('spec.port[0].port') }]);
    expect(of(tfDoc(single, kubernetesProvider('aks'), port({ port: '${var.port}' })), 'service/port')).toMatchObject([
      { severity: 'warning', skipped: true },
    ]);
  });
});

it('reports every service problem of a document', () => {
  const doc = tfDoc(
    single,
    kubernetesProvider('aks'),
    k8sService('bad', { metadata: { name: 'Bad_Name' }, spec: { ip_families: ['IPv6'], port: [{ port: 70000 }] } }),
    k8sService('ok'),
  );
  const ids = check(doc)
    .filter((f) => f.severity === 'error')
    .map((f) => f.ruleId)
    .sort();
  expect(ids).toEqual(['service/family-not-in-cluster', 'service/ipv6-traffic-policy', 'service/name', 'service/port']);
});
