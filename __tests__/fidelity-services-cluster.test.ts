/**
 * Fidelity of the corrected and new service and cluster rules, black-box through `check()`: a
 * failing input and a just-valid edge per rule. They fail until the rules are implemented.
 */
import { aksCluster, k8sService, kubernetesProvider, tfDoc, type JsonObject } from './support/tf';
import { expectFinding, expectNoFinding, run } from './support/fidelity';

const DUAL = { network_profile: { ip_versions: ['IPv4', 'IPv6'] } };
const withService = (spec: JsonObject, cluster: JsonObject = DUAL) =>
  tfDoc(aksCluster('aks', cluster), kubernetesProvider('aks'), k8sService('web', { spec }));

describe('service/port (corrected): node_port in 30000-32767', () => {
  it.each([[8080], [32768], [29999]])('fails for node_port %d', (nodePort) => {
    const doc = withService({ type: 'NodePort', port: [{ port: 80, target_port: '80', node_port: nodePort }] });
    expectFinding(run(doc), 'service/port', 'error', String(nodePort));
  });
  it.each([[30000], [32767]])('just valid: node_port %d', (nodePort) => {
    const doc = withService({ type: 'NodePort', port: [{ port: 80, target_port: '80', node_port: nodePort }] });
    expectNoFinding(run(doc), 'service/port');
  });
});

describe('service/family-not-in-cluster (otherwise: apply, 422)', () => {
  it('fails for an IPv6 service on a single-stack cluster', () => {
    const doc = withService({ ip_families: ['IPv6'], external_traffic_policy: 'Local' }, {});
    expectFinding(run(doc), 'service/family-not-in-cluster', 'error', 'IPv6');
  });
  it('just valid: an IPv6 service on a dual-stack cluster', () => {
    expectNoFinding(
      run(withService({ ip_families: ['IPv6'], external_traffic_policy: 'Local' })),
      'service/family-not-in-cluster',
    );
  });
});

describe('service/ipv6-traffic-policy stays an error', () => {
  it("fails for an IPv6 LoadBalancer with external_traffic_policy Cluster, whatever the pools' OS", () => {
    expectFinding(
      run(withService({ ip_families: ['IPv6'], external_traffic_policy: 'Cluster' })),
      'service/ipv6-traffic-policy',
      'error',
      'Cluster',
    );
  });
  it('just valid: Local', () => {
    expectNoFinding(
      run(withService({ ip_families: ['IPv6'], external_traffic_policy: 'Local' })),
      'service/ipv6-traffic-policy',
    );
  });
});

describe('cluster/dns-prefix (corrected): 1-54 characters', () => {
  it.each([
    ['-aks', '-aks'],
    ['a'.repeat(55), 'a'.repeat(55)],
    ['aks-', 'aks-'],
  ])('fails for %s', (prefix, named) => {
    expectFinding(run(tfDoc(aksCluster('aks', { dns_prefix: prefix }))), 'cluster/dns-prefix', 'error', named);
  });
  it.each([['a'], ['2'], ['a'.repeat(54)], ['a-b']])('just valid: %s', (prefix) => {
    expectNoFinding(run(tfDoc(aksCluster('aks', { dns_prefix: prefix }))), 'cluster/dns-prefix');
  });
});

describe("cluster/kubernetes-version (corrected): judged after Terraform's number-to-string conversion", () => {
  it('fails for text that is not a version', () => {
    expectFinding(
      run(tfDoc(aksCluster('aks', { kubernetes_version: '1.33-latest' }))),
      'cluster/kubernetes-version',
      'error',
      '1.33-latest',
    );
  });
  it.each([[1.29], ['1.29'], ['1.33.2']])('just valid: %j', (version) => {
    expectNoFinding(run(tfDoc(aksCluster('aks', { kubernetes_version: version }))), 'cluster/kubernetes-version');
  });
});

describe('cluster/kubernetes-version-number (new warning)', () => {
  it('warns for the number 1.30, which JSON reads (and Terraform sends) as "1.3"', () => {
    // JSON.parse('1.30') === 1.3: the document cannot tell them apart
    const doc = JSON.parse('{"k": 1.30}') as { k: number };
    expectFinding(
      run(tfDoc(aksCluster('aks', { kubernetes_version: doc.k }))),
      'cluster/kubernetes-version-number',
      'warning',
      '1.3',
    );
  });
  it('warns for an orchestrator_version number too', () => {
    const f = run(
      tfDoc(aksCluster('aks', { kubernetes_version: '1.30', default_node_pool: { orchestrator_version: 1.3 } })),
    );
    expectFinding(f, 'cluster/kubernetes-version-number', 'warning', '1.3');
  });
  it.each([[1.29], ['1.30']])('just valid: %j', (version) => {
    expectNoFinding(
      run(tfDoc(aksCluster('aks', { kubernetes_version: version }))),
      'cluster/kubernetes-version-number',
    );
  });
});
