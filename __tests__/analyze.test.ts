import { analyze, check } from '../lib/rules';
import { runCheck } from '../lib/cli/check-command';
import { renderReport } from '../lib/cli/report';
import { aksCluster, nodePool, tfDoc } from './support/tf';

const SUBNET_ID = '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/nodes';

/** A synthesized stack that uses an existing subnet and carries its prefixes in its cdktf metadata. */
function stackWithExistingSubnet(prefix: string): Record<string, unknown> {
  const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID, node_count: 3 } }));
  return { ...doc, '//': { metadata: { 'cdktf-aks-overlay': { subnets: { [SUBNET_ID]: [prefix] } } } } };
}

describe('analyze: one read, one context', () => {
  it('merges the context a document carries, for check, the CLI summary and the report alike', () => {
    const doc = stackWithExistingSubnet('10.1.0.0/29'); // 3 usable addresses: too small for 3 nodes + surge
    const { model, findings } = analyze(doc);
    expect(model.subnets.find((s) => s.id === SUBNET_ID)?.addressPrefixes).toEqual(['10.1.0.0/29']);
    expect(findings.map((f) => f.ruleId)).toContain('network/subnet-capacity');
    const run = runCheck([{ name: 'stack', file: 'cdk.tf.json', document: doc }]);
    expect(run.stacks[0].unknownSubnets).toEqual([]);
    expect(run.stacks[0].findings.map((f) => f.ruleId)).toContain('network/subnet-capacity');
    const report = renderReport([{ name: 'stack', file: 'cdk.tf.json', document: doc }]);
    expect(report).not.toContain('prefixes unknown');
    expect(report).toContain('10.1.0.0/29');
  });

  it('without that metadata the subnet prefixes are unknown and the CLI says how to give them', () => {
    const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID, node_count: 3 } }));
    expect(runCheck([{ name: 'stack', file: 'cdk.tf.json', document: doc }]).stacks[0].unknownSubnets).toEqual([
      SUBNET_ID,
    ]);
  });

  it('treats a null or malformed context from untyped JS as no context, keeping every finding (B10)', () => {
    const doc = tfDoc(aksCluster('aks', { dns_prefix: '-bad-' }));
    const expected = check(doc).map((f) => f.ruleId);
    expect(expected).toContain('cluster/dns-prefix');
    expect(check(doc, null).map((f) => f.ruleId)).toEqual(expected);
    expect(check(doc, 'nonsense' as never).map((f) => f.ruleId)).toEqual(expected);
    expect(check(doc, { subnets: { [SUBNET_ID]: 'not a list' } } as never).map((f) => f.ruleId)).toEqual(expected);
  });

  it('never throws and reports what it cannot read', () => {
    for (const doc of [null, 42, 'x', [], { resource: 'x' }]) {
      expect(() => analyze(doc)).not.toThrow();
      expect(analyze(doc).findings.some((f) => f.ruleId === 'document/shape')).toBe(true);
    }
  });
});

describe('reading what the document itself settles', () => {
  it('resolves literal locals (a map too), so version-aware rules run', () => {
    const doc = {
      ...tfDoc(
        aksCluster('aks', {
          kubernetes_version: '${local.versions["prod"]}',
          default_node_pool: { os_sku: 'AzureLinux' },
        }),
      ),
      locals: [{ versions: { prod: '1.29' } }],
    };
    expect(check(doc).map((f) => f.ruleId)).toContain('pool/azure-linux-2-retired');
    const newer = { ...doc, locals: [{ versions: { prod: '1.33' } }] };
    expect(check(newer).map((f) => f.ruleId)).not.toContain('pool/azure-linux-2-retired');
  });

  it('says when a reference names a resource that is not in the document', () => {
    const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: '${azurerm_subnet.elsewhere.id}' } }));
    const skipped = check(doc).filter((f) => f.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0].message).toContain('azurerm_subnet.elsewhere, a resource that is not in this document');
  });

  it('names the network mode, not pod_cidr, when an unknown plugin decides the default pod range', () => {
    const doc = tfDoc(
      aksCluster('aks', { network_profile: { network_plugin: '${var.plugin}', network_plugin_mode: undefined } }),
    );
    const overlap = check(doc).filter((f) => f.ruleId === 'network/overlap' && f.skipped);
    expect(overlap.map((f) => f.message)).toEqual([
      expect.stringContaining('the network mode, which decides the pod range'),
    ]);
  });
});

describe('what the document cannot settle is not judged', () => {
  it('a resource whose count is not a literal (a feature toggle) is not checked, and says so', () => {
    const doc = tfDoc(
      aksCluster('aks'),
      nodePool('spot', 'aks', { name: 'Bad_Name', count: '${var.enable_spot ? 1 : 0}' }),
    );
    const findings = check(doc);
    expect(findings.filter((f) => f.ruleId === 'pool/name')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'document/not-evaluated')).toMatchObject([
      { severity: 'warning', message: expect.stringContaining('may not exist and is not checked') },
    ]);
    // a literal count still makes the instances
    expect(
      check(tfDoc(aksCluster('aks'), nodePool('spot', 'aks', { name: 'Bad_Name', count: 2 }))).filter(
        (f) => f.ruleId === 'pool/name',
      ),
    ).toHaveLength(2);
  });

  it('os_sku CBLMariner is accepted where the document pins azurerm 3.x, and rejected (removed in 4.0) otherwise', () => {
    const pool = nodePool('p', 'aks', { os_sku: 'CBLMariner' });
    const pinned = {
      ...tfDoc(aksCluster('aks'), pool),
      terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm', version: '~> 3.3' } } },
    };
    expect(check(pinned).filter((f) => f.ruleId === 'pool/os-sku')).toEqual([]);
    expect(check(tfDoc(aksCluster('aks'), pool)).filter((f) => f.ruleId === 'pool/os-sku')).toMatchObject([
      { severity: 'error', message: expect.stringContaining('removed in azurerm 4.0') },
    ]);
  });
});
