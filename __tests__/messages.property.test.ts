/**
 * Properties of every finding's text (message and fix), over documents whose attributes take
 * arbitrary values (fast-check, fixed seed):
 * - a secret (a Windows admin password of any type, a kubernetes provider token, password or key)
 *   is never echoed, not even in part;
 * - no engine-internal object (`{"kind":"unknown",...}`, `[object Object]`) and no `undefined` is printed;
 * - a long value is cut, and a message that quotes the start of one shows its length.
 */
import fc from 'fast-check';
import { check } from '../lib/rules';
import type { Finding } from '../lib/rules';
import {
  aksCluster,
  kubernetesProvider,
  k8sService,
  nodePool,
  ref,
  subnet,
  tfDoc,
  vnet,
  type JsonObject,
} from './support/tf';

const SEED = 20260901;
/** A value of at least this many characters is "long": no message may quote it whole. */
const LONG = 150;
/** No message may quote a run of this many characters of a long value (cut values show at most 97). */
const WINDOW = 110;

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

/** A long value in a shape that reaches a rule's message: a name, a range, an address, an expression, a SKU. */
const longValue = fc
  .tuple(
    fc.constantFrom(
      (s: string) => s.toLowerCase(),
      (s: string) => `10.0.0.0/${s}`,
      (s: string) => `fd00:${s}::/64`,
      (s: string) => `10.${s}`,
      (s: string) => `\${var.v${s}}`,
      (s: string) => `\${data.azurerm_subnet.s${s}.id}`,
      (s: string) => `Standard_DC${'1'.repeat(s.length)}s_v2`,
      (s: string) => `Windows${s}`,
      (s: string) => `IPv${s}`,
      (s: string) => `1.${s}`,
      (s: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v${s}/subnets/s`,
    ),
    alnum(LONG, 260),
  )
  .map(([wrap, s]) => wrap(s));

const PLAUSIBLE = [
  'azure',
  'overlay',
  'kubenet',
  'none',
  'cilium',
  'calico',
  'basic',
  'standard',
  'managedNATGateway',
  'userAssignedNATGateway',
  'userDefinedRouting',
  'IPv4',
  'IPv6',
  '10.244.0.0/16',
  'fd12:3456:789a::/64',
  '10.0.0.0/16',
  '10.0.0.1',
  '10.0.0.10',
  '10.1.0.0/24',
  '169.254.0.0/16',
  '1.26',
  '1.29',
  '1.33',
  '1.37',
  'Windows',
  'Linux',
  'System',
  'User',
  'Spot',
  'Windows2019',
  'Windows2022',
  'AzureLinux',
  'AzureLinux3',
  'Ubuntu',
  'Mariner',
  'Standard_DC2s_v2',
  'LoadBalancer',
  'Local',
  'Cluster',
  'RequireDualStack',
  'PreferDualStack',
  'AvailabilitySet',
  '${var.x}',
  '${azurerm_subnet.nodes.id}',
  '',
  ' ',
  '0',
  '33%',
];

const isExpression = (v: unknown) => typeof v === 'string' && v.includes('${');

/** An arbitrary attribute value: plausible, long, of another JSON type, or a list of those. */
const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: longValue },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 70000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 1.3, 1.29, 1e21, -0) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
/** A list item: no null (a null item has its own test below). */
const listItem = scalar.filter((v) => v !== null);
/** A value for a list attribute (`pod_cidrs`, ...): its items may be expressions. */
const listAttrValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(listItem, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'value', 'x'), scalar, { maxKeys: 2 }) },
);
/**
 * A value for a scalar attribute. A list of the wrong type holds no expression here: the document/type
 * message of such a list is tested on its own below.
 */
const attrValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  {
    weight: 2,
    arbitrary: fc.array(
      listItem.filter((v) => !isExpression(v)),
      { maxLength: 3 },
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'value', 'x'), scalar, { maxKeys: 2 }) },
);
const LIST_ATTRIBUTES = /\.(pod_cidrs|service_cidrs|ip_versions|address_prefixes|address_space|ip_families)$/;

/** Attribute paths of the fixture below that rules read. */
const SLOTS: readonly string[] = [
  'cluster.name',
  'cluster.dns_prefix',
  'cluster.kubernetes_version',
  ...[
    'network_plugin',
    'network_plugin_mode',
    'network_policy',
    'network_data_plane',
    'outbound_type',
    'load_balancer_sku',
    'pod_cidr',
    'pod_cidrs',
    'service_cidr',
    'service_cidrs',
    'dns_service_ip',
    'ip_versions',
    'load_balancer_profile.managed_outbound_ipv6_count',
  ].map((k) => `cluster.network_profile.${k}`),
  ...[
    'name',
    'vm_size',
    'node_count',
    'min_count',
    'max_count',
    'auto_scaling_enabled',
    'max_pods',
    'os_sku',
    'orchestrator_version',
    'vnet_subnet_id',
    'type',
    'upgrade_settings.max_surge',
  ].map((k) => `cluster.default_node_pool.${k}`),
  'cluster.windows_profile.admin_username',
  ...[
    'name',
    'vm_size',
    'os_type',
    'os_sku',
    'mode',
    'priority',
    'node_count',
    'min_count',
    'max_count',
    'auto_scaling_enabled',
    'orchestrator_version',
    'vnet_subnet_id',
    'pod_subnet_id',
    'max_pods',
  ].map((k) => `pool.${k}`),
  'subnet.address_prefixes',
  'subnet.name',
  'vnet.address_space',
  'service.metadata.name',
  'service.spec.type',
  'service.spec.ip_families',
  'service.spec.ip_family_policy',
  'service.spec.external_traffic_policy',
  'service.spec.port.0.port',
  'service.spec.port.0.target_port',
  'service.spec.port.0.node_port',
];

/** A secret: a marker no rule could produce by itself. */
const secretText = alnum(20, 40).map((s) => `Zq${s}`);
/** A Windows admin password of any type Terraform JSON can hold. */
const password = fc.oneof(
  secretText,
  alnum(200, 300).map((s) => `Zq${s}`),
  // ends in 7: no count or range the rules print contains it by chance
  fc.integer({ min: 1_000_000_000_000, max: 9_999_999_999_999 }).map((n) => n * 10 + 7),
  secretText.map((s) => [s]),
  fc.constant(true),
  fc.constant('${var.windows_admin_password}'),
);
/** A password inside an object (the reader reports its shape: see the skipped test below). */
const passwordInObject = secretText.map((s) => ({ value: s }));

interface Case {
  readonly doc: JsonObject;
  readonly secrets: readonly string[];
  readonly longValues: readonly string[];
}

function setPath(obj: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (typeof next !== 'object' || next === null) return; // the slot's parent was replaced by another value
    cur = next as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/** Every string (and number) inside a value, for the secret and length checks. */
function leaves(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(leaves);
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(leaves);
  return [];
}

function build(
  values: readonly [string, unknown][],
  pw: unknown,
  tokens: { token: string; password: string; key: string },
  windows: boolean,
): Case {
  const parts: Record<string, JsonObject> = {
    cluster: {
      network_profile: {
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        ip_versions: ['IPv4', 'IPv6'],
        load_balancer_profile: {},
      },
      default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes'), upgrade_settings: { max_surge: '10%' } },
      windows_profile: { admin_username: 'azureuser', admin_password: pw },
    },
    pool: windows ? { os_type: 'Windows', vnet_subnet_id: ref('azurerm_subnet', 'nodes') } : {},
    subnet: {},
    vnet: {},
    service: { spec: { ip_families: ['IPv6'], port: [{ port: 80, target_port: '80' }] } },
  };
  const longValues: string[] = [];
  for (const [slot, value] of values) {
    const [part, ...rest] = slot.split('.');
    setPath(parts[part], rest.join('.'), value);
    longValues.push(...leaves(value).filter((s) => s.length >= LONG));
  }
  const doc = tfDoc(
    vnet('v', ['10.1.0.0/16', 'fd00:1::/48'], parts.vnet),
    subnet('nodes', 'v', ['10.1.0.0/24', 'fd00:1::/64'], parts.subnet),
    aksCluster('aks', parts.cluster),
    nodePool('win', 'aks', parts.pool),
    kubernetesProvider('aks', undefined, { token: tokens.token, password: tokens.password, client_key: tokens.key }),
    k8sService('web', parts.service),
  );
  const secrets = [
    ...leaves(pw).filter((s) => s.startsWith('Zq') || /^\d{13}7$/.test(s)),
    tokens.token,
    tokens.password,
    tokens.key,
  ];
  return { doc, secrets, longValues };
}

const cases = (pw: fc.Arbitrary<unknown>) =>
  fc
    .tuple(
      fc.array(
        fc
          .constantFrom(...SLOTS)
          .chain((slot) =>
            (LIST_ATTRIBUTES.test(slot) ? listAttrValue : attrValue).map((v) => [slot, v] as [string, unknown]),
          ),
        { minLength: 1, maxLength: 8 },
      ),
      pw,
      fc.record({ token: secretText, password: secretText, key: secretText }),
      fc.boolean(),
    )
    .map(([values, p, tokens, windows]) => build(values, p, tokens, windows));

/** The problems with one finding's text; empty when it keeps every property. */
function textProblems(f: Finding, c: Case): string[] {
  const text = `${f.message}\n${f.fix}`;
  const out: string[] = [];
  if (/\bundefined\b/.test(text)) out.push('prints undefined');
  if (text.includes('"kind":"unknown"') || text.includes('[object Object]'))
    out.push('prints an engine-internal object');
  for (const s of c.secrets) {
    // a password that is a number: all its digits; any other secret: its first 12 characters
    if (text.includes(/^\d+$/.test(s) ? s : s.slice(0, 12))) out.push(`echoes the secret ${s.slice(0, 4)}...`);
  }
  for (const v of c.longValues) {
    const windows = [0, 7, v.length - WINDOW].map((i) => v.slice(i, i + WINDOW));
    if (windows.some((w) => text.includes(w))) out.push(`quotes ${WINDOW}+ characters of a value of ${v.length}`);
    // the length of the value, or of the JSON text that holds it when the message quotes JSON
    else if (text.includes(v.slice(0, 30)) && !/\.\.\.\S* \(\d+ characters\)/.test(text)) {
      out.push(`cuts a value of ${v.length} characters without showing its length`);
    }
  }
  return out;
}

function expectClean(c: Case): void {
  const bad = check(c.doc).flatMap((f) => textProblems(f, c).map((p) => `${p}: ${f.message} / ${f.fix}`));
  expect(bad).toEqual([]);
}

describe('finding messages over arbitrary attribute values', () => {
  it('never echo a secret or an internal object, never print undefined, and cut long values showing their length', () => {
    fc.assert(fc.property(cases(password), expectClean), { seed: SEED, numRuns: 400 });
  });

  it('the properties can fail: a finding that quotes a secret, undefined or a whole long value is caught', () => {
    const c: Case = { doc: {}, secrets: ['ZqSECRETSECRETSECRET'], longValues: ['a'.repeat(200)] };
    const at = { ruleId: 'x', severity: 'error' as const, address: 'a' };
    expect(textProblems({ ...at, message: 'x: pw ZqSECRETSECRETSECRET', fix: '' }, c)).toEqual([
      expect.stringContaining('secret'),
    ]);
    expect(textProblems({ ...at, message: 'x: is undefined', fix: '' }, c)).toEqual(['prints undefined']);
    expect(textProblems({ ...at, message: `x: ${JSON.stringify({ kind: 'unknown' })}`, fix: '' }, c)).toHaveLength(1);
    expect(textProblems({ ...at, message: `x: ${'a'.repeat(200)}`, fix: '' }, c)).toHaveLength(1);
    expect(textProblems({ ...at, message: `x: ${'a'.repeat(50)}...`, fix: '' }, c)).toHaveLength(1);
    expect(textProblems({ ...at, message: `x: ${'a'.repeat(50)}... (200 characters)`, fix: '' }, c)).toEqual([]);
  });

  it('a literal password is reported without its value, for a string, a number and a list', () => {
    for (const pw of ['ZqShort1', 'Zq'.padEnd(200, 'x'), 12345678901237, ['ZqInAList-123456']]) {
      const c = build(
        [],
        pw,
        { token: 'ZqToken0000000000000', password: 'ZqPassword000000000', key: 'ZqKey00000000000000' },
        true,
      );
      const fs = check(c.doc);
      expect(fs.some((f) => f.ruleId === 'pool/windows-password-literal')).toBe(true);
      expect(fs.flatMap((f) => textProblems(f, c))).toEqual([]);
    }
  });

  it('a list holding an expression where a string belongs is quoted as written', () => {
    const doc = tfDoc(aksCluster('aks', { name: ['${var.name}'] }));
    const texts = check(doc).map((f) => `${f.message} ${f.fix}`);
    expect(texts.some((t) => t.includes('${var.name}'))).toBe(true);
    expect(texts.filter((t) => t.includes('"kind"'))).toEqual([]);
  });

  it('a null list item is reported as null, not undefined', () => {
    const doc = tfDoc(vnet('v', ['10.1.0.0/16']), subnet('nodes', 'v', [null]));
    const texts = check(doc).map((f) => `${f.message} ${f.fix}`);
    expect(texts.some((t) => t.includes('address_prefixes') && t.includes('null'))).toBe(true);
    expect(texts.filter((t) => /\bundefined\b/.test(t))).toEqual([]);
  });

  it('a password inside an object is not echoed by the document/shape finding', () => {
    fc.assert(fc.property(cases(passwordInObject), expectClean), { seed: SEED, numRuns: 50 });
  });
});
