import { readFileSync } from 'fs';
import { join } from 'path';
import { RULE_IDS } from '../lib/rules/catalogue';
import { RULES } from '../lib/rules/registry';
import { CHANGE_RULES } from '../lib/rules/change';
import { check } from '../lib/rules';
import fc from 'fast-check';
import { aksCluster, k8sService, kubernetesProvider, nodePool, ref, subnet, tfDoc, vnet } from './support/tf';

/** The rule rows of docs/RULES.md: `| id | rule | severity | otherwise |`. */
function documentedRules(): { id: string; severity: string }[] {
  const text = readFileSync(join(__dirname, '..', 'docs', 'RULES.md'), 'utf8');
  const rows: { id: string; severity: string }[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // ['', id, rule, severity, otherwise, '']
    if (cells.length < 6) continue;
    const id = cells[1];
    if (!/^[a-z]+\/[a-z0-9-]+$/.test(id)) continue;
    rows.push({ id, severity: cells[3] });
  }
  return rows;
}

describe('the rule catalogue', () => {
  const documented = documentedRules();

  it('docs/RULES.md lists rules, each once', () => {
    expect(documented.length).toBeGreaterThan(30);
    expect(new Set(documented.map((r) => r.id)).size).toBe(documented.length);
  });

  it('RULE_IDS equals the ids of docs/RULES.md', () => {
    expect([...RULE_IDS].sort()).toEqual(documented.map((r) => r.id).sort());
  });

  it('every documented rule is implemented exactly once in RULES', () => {
    const implemented = RULES.map((r) => r.id);
    expect(new Set(implemented).size).toBe(implemented.length);
    // change/* findings come from a plan's resource_changes (lib/rules/change), not from rules over the model
    expect([...implemented].sort()).toEqual(
      documented
        .map((r) => r.id)
        .filter((id) => !id.startsWith('change/'))
        .sort(),
    );
    expect(
      documented
        .map((r) => r.id)
        .filter((id) => id.startsWith('change/'))
        .sort(),
    ).toEqual(Object.keys(CHANGE_RULES).sort());
  });

  it("each rule's severity matches the table", () => {
    const bySeverity = new Map(documented.map((r) => [r.id, r.severity]));
    const mismatched = RULES.filter((r) => bySeverity.get(r.id) !== r.severity).map(
      (r) => `${r.id}: ${r.severity} != ${String(bySeverity.get(r.id))}`,
    );
    expect(mismatched).toEqual([]);
  });

  it('every rule has a description', () => {
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(10);
  });
});

it('unresolved expressions lead to skipped-rule warnings, never to errors', () => {
  const v = (name: string) => `\${var.${name}}`;
  const doc = tfDoc(
    vnet('v', [v('space')]),
    subnet('s', 'v', [v('prefix')]),
    aksCluster('aks', {
      name: v('name'),
      dns_prefix: v('dns'),
      kubernetes_version: v('k8s'),
      network_profile: {
        pod_cidr: v('pod'),
        ip_versions: v('families'),
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
      },
      default_node_pool: {
        name: v('pool'),
        vnet_subnet_id: ref('azurerm_subnet', 's'),
        node_count: v('n'),
        max_pods: v('pods'),
        os_sku: 'AzureLinux',
      },
      windows_profile: { admin_username: v('user'), admin_password: v('pw') },
    }),
    nodePool('win', 'aks', {
      name: v('winname'),
      os_type: v('os'),
      mode: v('mode'),
      node_count: v('wn'),
      max_pods: v('wpods'),
      vnet_subnet_id: v('wsubnet'),
    }),
    kubernetesProvider('aks'),
    k8sService('web', {
      metadata: { name: v('svc') },
      spec: {
        ip_families: v('svcfam'),
        external_traffic_policy: v('etp'),
        port: [{ port: v('port'), target_port: v('tp') }],
      },
    }),
  );
  const mine = /^(pool|service|cluster)\/|^network\/(overlap|reserved-range|pod-cidr-capacity|subnet-capacity)$/;
  const findings = check(doc).filter((f) => mine.test(f.ruleId));
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(findings.length).toBeGreaterThan(10);
  expect(findings.every((f) => f.skipped === true && f.severity === 'warning')).toBe(true);
  for (const id of [
    'cluster/kubernetes-version',
    'pool/name',
    'pool/counts',
    'pool/max-pods',
    'service/port',
    'network/overlap',
    'network/pod-cidr-capacity',
  ]) {
    expect(findings.map((f) => f.ruleId)).toContain(id);
  }
  // names built from expressions matter to no network rule: they are not checked and not reported
  for (const id of ['cluster/name', 'cluster/dns-prefix', 'service/name'])
    expect(findings.map((f) => f.ruleId)).not.toContain(id);
});

describe('the rules never throw', () => {
  // Every attribute the pool, service, cluster and capacity rules read gets arbitrary JSON values:
  // wrong types become findings of the rule, Unknowns skipped warnings, never a crash
  // (`document/rule-error`) and never a skipped finding that is an error.
  const anyValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer({ min: -5, max: 70000 }),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.constantFrom(
      '${var.x}',
      'Windows',
      'Linux',
      'System',
      'AzureLinux',
      '10.0.0.0/8',
      'IPv6',
      'LoadBalancer',
      '1.31',
      ref('azurerm_subnet', 's'),
    ),
    fc.array(
      fc.oneof(fc.string(), fc.integer(), fc.constant('${var.y}'), fc.constant('IPv6'), fc.constant('10.1.0.0/24')),
    ),
    fc.dictionary(fc.string(), fc.string()),
  );
  it('on arbitrary attribute values', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 12, maxLength: 12 }), (v) => {
        const doc = tfDoc(
          vnet('v', [v[0]]),
          subnet('s', 'v', v[1] as unknown[]),
          aksCluster('aks', {
            name: v[2],
            dns_prefix: v[3],
            kubernetes_version: v[4],
            network_profile: { pod_cidr: v[5], ip_versions: v[6], network_plugin: v[7] },
            default_node_pool: { vnet_subnet_id: v[8], node_count: v[9], max_pods: v[10], os_sku: v[11] },
            windows_profile: { admin_password: v[0], admin_username: v[1] },
          }),
          nodePool('p', 'aks', {
            os_type: v[2],
            mode: v[3],
            name: v[4],
            node_count: v[5],
            min_count: v[6],
            max_count: v[7],
            auto_scaling_enabled: v[8],
            max_pods: v[9],
            vnet_subnet_id: v[10],
            orchestrator_version: v[11],
            os_sku: v[0],
          }),
          kubernetesProvider('aks'),
          k8sService('w', {
            metadata: { name: v[0] },
            spec: {
              type: v[1],
              ip_families: v[2],
              ip_family_policy: v[3],
              external_traffic_policy: v[4],
              port: [{ port: v[5], target_port: v[6], node_port: v[7] }],
            },
          }),
        );
        const findings = check(doc);
        expect(findings.filter((f) => f.ruleId === 'document/rule-error')).toEqual([]);
        expect(findings.filter((f) => f.skipped && f.severity !== 'warning')).toEqual([]);
        for (const f of findings) expect(f.message.startsWith(`${f.ruleId}: `)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
