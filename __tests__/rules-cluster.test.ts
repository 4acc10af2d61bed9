import { check } from '../lib/rules';
import type { CheckContext, Finding } from '../lib/rules';
import { aksCluster, nodePool, tfDoc } from './support/tf';

const of = (doc: unknown, ruleId: string, ctx?: CheckContext): Finding[] =>
  check(doc, ctx).filter((f) => f.ruleId === ruleId);

describe('cluster/dns-prefix', () => {
  // 1 character is valid: azurerm v4.55.0 validate/kubernetes.go tests {DNSPrefix: "a", Errors: 0}
  it.each(['a', '2', 'ab', 'a-b', 'A1', 'x'.repeat(54)])('accepts %s', (p) => {
    expect(of(tfDoc(aksCluster('aks', { dns_prefix: p })), 'cluster/dns-prefix')).toEqual([]);
  });
  it.each(['x'.repeat(55), '-ab', 'ab-', 'a_b', 'a.b', '-'])('rejects %s', (p) => {
    const f = of(tfDoc(aksCluster('aks', { dns_prefix: p })), 'cluster/dns-prefix');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      address: 'azurerm_kubernetes_cluster.aks',
      path: 'test/aks/resource',
    });
    expect(f[0].message).toContain(`cluster/dns-prefix: dns_prefix '${p}'`);
    const suggestion = /'([^']+)'$/.exec(f[0].fix)![1];
    expect(suggestion).toMatch(/^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/);
  });
  it('judges a number as the string Terraform converts it to; an object is a type error; an expression is not checked', () => {
    expect(of(tfDoc(aksCluster('aks', { dns_prefix: 42 })), 'cluster/dns-prefix')).toEqual([]);
    expect(
      check(tfDoc(aksCluster('aks', { dns_prefix: { a: 1 } })))
        .filter((f) => f.severity === 'error')
        .map((f) => f.ruleId),
    ).toContain('document/shape');
    // names built from variables or random_pet do not matter to any network rule: no skipped-rule noise
    expect(of(tfDoc(aksCluster('aks', { dns_prefix: '${var.prefix}' })), 'cluster/dns-prefix')).toEqual([]);
    expect(of(tfDoc(aksCluster('aks', { name: '${random_pet.p.id}' })), 'cluster/name')).toEqual([]);
  });
});

describe('cluster/name', () => {
  it.each(['a', 'aks_prod-1', 'x'.repeat(63)])('accepts %s', (n) => {
    expect(of(tfDoc(aksCluster('aks', { name: n })), 'cluster/name')).toEqual([]);
  });
  it.each(['x'.repeat(64), '-aks', 'aks_', 'aks.prod', 'aks prod', ''])('rejects %j', (n) => {
    const f = of(tfDoc(aksCluster('aks', { name: n })), 'cluster/name');
    expect(f).toMatchObject([{ ruleId: 'cluster/name', severity: 'error' }]);
    expect(f[0].message.startsWith('cluster/name: ')).toBe(true);
    expect(/'([^']+)'$/.exec(f[0].fix)![1]).toMatch(/^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/);
  });
});

describe('cluster/kubernetes-version', () => {
  it.each(['1.33', '1.32.7'])('accepts %s', (v) => {
    expect(of(tfDoc(aksCluster('aks', { kubernetes_version: v })), 'cluster/kubernetes-version')).toEqual([]);
  });
  it('accepts an omitted version', () => {
    expect(of(tfDoc(aksCluster('aks')), 'cluster/kubernetes-version')).toEqual([]);
  });
  it.each(['1', 'v1.33', '1.33.1.1', '1.33-preview', '1.x'])('rejects %s', (v) => {
    expect(of(tfDoc(aksCluster('aks', { kubernetes_version: v })), 'cluster/kubernetes-version')).toMatchObject([
      {
        severity: 'error',
        message: `cluster/kubernetes-version: kubernetes_version '${v}' is not MAJOR.MINOR or MAJOR.MINOR.PATCH`,
      },
    ]);
  });
  it('converts a number as Terraform does (1.29 -> "1.29") and judges the result', () => {
    expect(of(tfDoc(aksCluster('aks', { kubernetes_version: 1.29 })), 'cluster/kubernetes-version')).toEqual([]);
    expect(of(tfDoc(aksCluster('aks', { kubernetes_version: 2 })), 'cluster/kubernetes-version')).toMatchObject([
      { severity: 'error' },
    ]);
  });
  it('checks a node pool orchestrator_version too', () => {
    const f = of(
      tfDoc(aksCluster('aks'), nodePool('user', 'aks', { orchestrator_version: '1.33.x' })),
      'cluster/kubernetes-version',
    );
    expect(f).toMatchObject([{ severity: 'error', address: 'azurerm_kubernetes_cluster_node_pool.user' }]);
  });
});

it('reports every cluster problem of a document', () => {
  const f = check(tfDoc(aksCluster('aks', { name: 'bad name', dns_prefix: '-x', kubernetes_version: 'latest' })));
  expect(
    f
      .filter((x) => x.severity === 'error')
      .map((x) => x.ruleId)
      .sort(),
  ).toEqual(['cluster/dns-prefix', 'cluster/kubernetes-version', 'cluster/name']);
});
