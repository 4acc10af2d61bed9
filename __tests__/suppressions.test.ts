/**
 * lib/rules/suppressions.ts: validation, matching, applySuppressions (stale suppressions) and the
 * document metadata round trip, pure (no cdktf).
 */
import { check, CONTEXT_METADATA_KEY, RULE_IDS, type Finding } from '../lib/rules';
import {
  addressMatches,
  applySuppressions,
  pathCovers,
  STALE_SUPPRESSION_RULE_ID,
  SuppressionError,
  suppressionsFromDocument,
  suppressionsToMetadata,
  validateSuppression,
  validateSuppressions,
  type Suppression,
} from '../lib/rules/suppressions';
import { aksCluster, tfDoc } from './support/tf';

const F = (ruleId: string, address: string, path?: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId,
  severity,
  address,
  ...(path !== undefined ? { path } : {}),
  message: `${ruleId}: x`,
  fix: 'y',
});

describe('validateSuppression', () => {
  test('keeps rule, reason, resource and path (trimmed, trailing slash of a path dropped) and records the source', () => {
    expect(
      validateSuppression(
        { rule: 'network/overlap', reason: ' accepted ', resource: 'azurerm_*', path: 'prod/aks/' },
        's',
        'cfg',
      ),
    ).toEqual({ rule: 'network/overlap', reason: 'accepted', resource: 'azurerm_*', path: 'prod/aks', source: 'cfg' });
  });

  test.each([
    [{ rule: 'network/overlap' }, /^s\.reason: a non-empty reason is required for network\/overlap$/],
    [{ rule: 'network/overlap', reason: '   ' }, /^s\.reason: a non-empty reason/],
    [{ rule: 'network/overlap', reason: 42 }, /^s\.reason: a non-empty reason/],
    [
      { rule: 'network/overlapp', reason: 'r' },
      /^s\.rule: unknown rule id 'network\/overlapp' \(did you mean network\/overlap/,
    ],
    [
      { rule: 'no/such-rule', reason: 'r' },
      /^s\.rule: unknown rule id 'no\/such-rule'; `cdktf-aks-overlay rules` lists them$/,
    ],
    [{ reason: 'r' }, /^s\.rule: a rule id is required$/],
    [
      { rule: 'network/overlap', reason: 'r', id: 'x' },
      /^s\.id: unknown key \(expected rule, reason, resource, path\)$/,
    ],
    [{ rule: 'network/overlap', reason: 'r', resource: '' }, /^s\.resource: expected a non-empty string$/],
    ['network/overlap', /^s: expected an object/],
  ])('%j is refused with a message naming the key', (value, message) => {
    expect(() => validateSuppression(value, 's')).toThrow(SuppressionError);
    expect(() => validateSuppression(value, 's')).toThrow(message);
  });

  test('every rule id of the catalogue may be suppressed; a list names the index of the bad entry', () => {
    expect(validateSuppressions(RULE_IDS.map((rule) => ({ rule, reason: 'r' })))).toHaveLength(RULE_IDS.length);
    expect(() => validateSuppressions([{ rule: 'pool/name', reason: 'r' }, { rule: 'pool/name' }])).toThrow(
      /^suppressions\[1\]\.reason/,
    );
    expect(() => validateSuppressions({ rule: 'pool/name' })).toThrow(/^suppressions: expected a list/);
  });
});

describe('matching', () => {
  test('address patterns: * matches any run, the rest literally, the whole address', () => {
    expect(addressMatches('azurerm_kubernetes_cluster.*', 'azurerm_kubernetes_cluster.aks_resource_1')).toBe(true);
    expect(addressMatches('azurerm_kubernetes_cluster.*', 'azurerm_kubernetes_cluster_node_pool.win')).toBe(false);
    expect(addressMatches('*.aks', 'azurerm_kubernetes_cluster.aks')).toBe(true);
    expect(addressMatches('azurerm_subnet.a', 'azurerm_subnetXa')).toBe(false);
    expect(addressMatches('azurerm_subnet.a', 'azurerm_subnet.ab')).toBe(false);
  });

  test('a path covers the construct itself and its subtree, not a sibling with the same prefix', () => {
    expect(pathCovers('prod/aks', 'prod/aks')).toBe(true);
    expect(pathCovers('prod/aks', 'prod/aks/resource')).toBe(true);
    expect(pathCovers('prod/aks', 'prod/aks2/resource')).toBe(false);
    expect(pathCovers('prod/aks', undefined)).toBe(false);
  });
});

describe('applySuppressions', () => {
  const findings = [
    F('network/overlap', 'azurerm_kubernetes_cluster.a', 'prod/a/resource'),
    F('network/overlap', 'azurerm_kubernetes_cluster.b', 'prod/b/resource'),
    F('pool/max-pods', 'azurerm_kubernetes_cluster_node_pool.w', 'prod/a/w/resource', 'warning'),
  ];

  test('a path suppression marks only the findings under it, with its reason and source, and keeps the order', () => {
    const s: Suppression = { rule: 'network/overlap', reason: 'moving', path: 'prod/a', source: 'construct prod/a' };
    const out = applySuppressions(findings, [s]);
    expect(out.findings.map((f) => f.suppressed)).toEqual([
      { reason: 'moving', source: 'construct prod/a' },
      undefined,
      undefined,
    ]);
    expect(out.findings.map((f) => f.address)).toEqual(findings.map((f) => f.address));
    expect(out.stale).toEqual([]);
  });

  test('a suppression matching nothing is stale: a warning naming the rule, the scope and the source, with the reason', () => {
    const used: Suppression = { rule: 'pool/max-pods', reason: 'r1' };
    const stale: Suppression = {
      rule: 'network/overlap',
      reason: 'old exception',
      resource: 'azurerm_subnet.*',
      path: 'prod/net',
      source: 'cfg.json',
    };
    const out = applySuppressions(findings, [used, stale]);
    expect(out.unused).toEqual([stale]);
    expect(out.stale).toEqual([
      {
        ruleId: STALE_SUPPRESSION_RULE_ID,
        severity: 'warning',
        address: 'azurerm_subnet.*',
        path: 'prod/net',
        message:
          'document/stale-suppression: the suppression of network/overlap for azurerm_subnet.* under prod/net (cfg.json) matches no finding',
        fix: 'remove it, or correct its rule, resource or path (its reason: "old exception")',
      },
    ]);
  });

  test('two suppressions of one finding: the first gives the reason, neither is stale', () => {
    const a: Suppression = { rule: 'network/overlap', reason: 'first' };
    const b: Suppression = { rule: 'network/overlap', reason: 'second', resource: '*.b' };
    const out = applySuppressions(findings, [a, b]);
    expect(out.findings[1].suppressed?.reason).toBe('first');
    expect(out.stale).toEqual([]);
  });

  test('nothing to suppress: findings come back unchanged', () => {
    expect(applySuppressions(findings, []).findings).toEqual(findings);
  });
});

describe('suppressions in a document', () => {
  const withSuppressions = (list: unknown) => ({
    ...tfDoc(aksCluster('aks', { network_profile: { dns_service_ip: '10.0.0.20' } })),
    '//': { metadata: { stackName: 'prod', [CONTEXT_METADATA_KEY]: { suppressions: list } } },
  });

  test('read back from the metadata with the source `construct <path>` (the stack name without a path), next to the context', () => {
    const stored = suppressionsToMetadata([
      {
        rule: 'network/dns-service-ip-convention',
        reason: 'DNS at .20 by policy',
        path: 'prod/aks',
        source: 'ignored',
      },
      { rule: 'pool/max-pods', reason: 'whole stack' },
    ]);
    expect(stored).toEqual([
      { rule: 'network/dns-service-ip-convention', reason: 'DNS at .20 by policy', path: 'prod/aks' },
      { rule: 'pool/max-pods', reason: 'whole stack' },
    ]);
    const doc = withSuppressions(stored);
    expect(suppressionsFromDocument(doc)).toEqual({
      suppressions: [
        {
          rule: 'network/dns-service-ip-convention',
          reason: 'DNS at .20 by policy',
          path: 'prod/aks',
          source: 'construct prod/aks',
        },
        { rule: 'pool/max-pods', reason: 'whole stack', source: 'construct prod' },
      ],
      problems: [],
    });
    // the context reader ignores the suppressions field
    expect(() => check(doc)).not.toThrow();
  });

  test('malformed entries are left out and named in problems; never throws', () => {
    const out = suppressionsFromDocument(
      withSuppressions([
        { rule: 'pool/max-pods', reason: '' },
        { rule: 'pool/name', reason: 'ok' },
      ]),
    );
    expect(out.suppressions.map((s) => s.rule)).toEqual(['pool/name']);
    expect(out.problems).toEqual([
      '//.metadata.cdktf-aks-overlay.suppressions[0].reason: a non-empty reason is required for pool/max-pods',
    ]);
    expect(suppressionsFromDocument(withSuppressions('x')).problems).toEqual([
      '//.metadata.cdktf-aks-overlay.suppressions: expected a list',
    ]);
    for (const doc of [null, [], 'x', {}, { '//': 1 }, { '//': { metadata: { [CONTEXT_METADATA_KEY]: {} } } }]) {
      expect(suppressionsFromDocument(doc)).toEqual({ suppressions: [], problems: [] });
    }
  });
});
