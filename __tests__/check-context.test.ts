import { check, CONTEXT_METADATA_KEY, contextFromDocument, mergeContexts } from '../lib/rules';
import { aksCluster, tfDoc } from './support/tf';

const SUBNET_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes';

/** A document whose cluster uses an existing subnet, with `stored` as the context in its cdktf metadata. */
function withStoredContext(stored: unknown): Record<string, unknown> {
  const doc = tfDoc(aksCluster('aks', { default_node_pool: { vnet_subnet_id: SUBNET_ID } })) as Record<string, unknown>;
  return { ...doc, '//': { metadata: { stackName: 's', [CONTEXT_METADATA_KEY]: stored } } };
}

const overlapErrors = (doc: unknown, ctx = {}) =>
  check(doc, ctx).filter((f) => f.ruleId === 'network/overlap' && f.severity === 'error');

describe('the check context a document carries in its cdktf metadata', () => {
  test('is read: an existing subnet that overlaps the default pod range fails without any context argument', () => {
    const doc = withStoredContext({ subnets: { [SUBNET_ID]: ['10.244.0.0/24'] } });
    expect(overlapErrors(doc)).toMatchObject([{ message: expect.stringContaining('10.244.0.0/24') }]);
  });

  test('without it the rule skips with a warning instead', () => {
    const doc = withStoredContext(undefined);
    expect(overlapErrors(doc)).toEqual([]);
    expect(check(doc).filter((f) => f.ruleId === 'network/overlap')).toMatchObject([
      { severity: 'warning', skipped: true },
    ]);
  });

  test("the caller's context wins over the stored one, key by key", () => {
    const doc = withStoredContext({ subnets: { [SUBNET_ID]: ['10.244.0.0/24'] } });
    expect(overlapErrors(doc, { subnets: { [SUBNET_ID]: ['10.50.0.0/24'] } })).toEqual([]);
  });

  test('malformed stored context is ignored, never thrown', () => {
    for (const stored of [
      null,
      42,
      'x',
      [],
      { subnets: 'x' },
      { subnets: { [SUBNET_ID]: [1, 2] } },
      { serviceClusterFamilies: { a: ['IPv5'] } },
      { registeredFeatures: [null] },
    ]) {
      expect(() => check(withStoredContext(stored))).not.toThrow();
      expect(overlapErrors(withStoredContext(stored))).toEqual([]);
    }
    expect(
      contextFromDocument({
        '//': { metadata: { [CONTEXT_METADATA_KEY]: { serviceClusterFamilies: { a: ['IPv4', 'IPv5', 'IPv6'] } } } },
      }),
    ).toEqual({ serviceClusterFamilies: { a: ['IPv4', 'IPv6'] } });
    for (const doc of [undefined, null, [], 'x', { '//': 1 }, { '//': { metadata: [] } }])
      expect(contextFromDocument(doc)).toEqual({});
  });

  test('mergeContexts joins feature lists without duplicates', () => {
    expect(
      mergeContexts({ registeredFeatures: ['A/b'] }, { registeredFeatures: ['A/b', 'C/d'] }).registeredFeatures,
    ).toEqual(['A/b', 'C/d']);
  });
});
