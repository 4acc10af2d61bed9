/**
 * `check --format sarif` validated against the SARIF 2.1.0 JSON schema (the copy Microsoft's
 * @microsoft/jest-sarif ships, draft-04, checked with ajv-draft-04 and ajv-formats), and
 * `check --format junit` parsed with junit2json (xml2js, strict). Runs the CLI's `run()`
 * in-process over plans written to a temporary folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse, type TestCase, type TestSuites } from 'junit2json';
import { xmlEscape } from '../lib/cli/formats/junit';
import { cli as runInProcess, type CliRun } from './support/cli';
import { RULES, RULE_IDS } from '../lib/rules';
import { aksCluster, subnet, tfDoc, vnet, ref } from './support/tf';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
// unicodeRegExp: false because the schema's `language` pattern (`...[a-zA-Z]{2}]?$`) has a stray `]`,
// invalid under the u flag that ajv uses by default (the SARIF errata fixes the pattern)
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

let root: string;

/** junit2json's parse, typed for a `<testsuites>` root. */
const parseJunit = async (xml: string): Promise<TestSuites | undefined> => (await parse(xml)) as TestSuites | undefined;

/**
 * Stacks: `overlap` (an error, suppressed in its metadata by a construct), `dns` (a warning), `names` (an error whose
 * message holds XML specials).
 */
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-formats-'));
  const write = (name: string, doc: object) => {
    fs.mkdirSync(path.join(root, 'cdktf.out/stacks', name), { recursive: true });
    fs.writeFileSync(path.join(root, 'cdktf.out/stacks', name, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  };
  const overlap = tfDoc(
    vnet('v', ['10.1.0.0/16']),
    subnet('nodes', 'v', ['10.1.0.0/24']),
    aksCluster('aks', {
      network_profile: { pod_cidr: '10.1.0.0/16' },
      default_node_pool: { vnet_subnet_id: ref('azurerm_subnet', 'nodes') },
    }),
  );
  write('overlap', {
    ...overlap,
    '//': {
      metadata: {
        stackName: 'overlap',
        'cdktf-aks-overlay': { suppressions: [{ rule: 'network/overlap', reason: 'VNet moves', path: 'test/aks' }] },
      },
    },
  });
  const named = (stackName: string) => ({ '//': { metadata: { stackName } } });
  write(
    'dns',
    tfDoc(
      aksCluster('aks', { network_profile: { service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.20' } }),
      named('dns'),
    ),
  );
  write('names', tfDoc(aksCluster('aks', { name: 'bad<&"\'>name\u0001' }), named('names')));
  fs.writeFileSync(
    path.join(root, '.cdktf-aks-overlay.json'),
    JSON.stringify({
      suppressions: [
        { rule: 'network/dns-service-ip-convention', reason: 'DNS at .20 <by policy>' },
        { rule: 'pool/max-pods', reason: 'nothing to match' },
      ],
    }),
  );
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The CLI in-process, run in the test folder. */
const cli = (args: string[]): Promise<CliRun> => runInProcess(args, { cwd: root });

type Json = Record<string, any>;

describe('--format sarif', () => {
  let log: Json;
  beforeAll(async () => {
    const r = await cli(['check', '--format', 'sarif']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    log = JSON.parse(r.stdout) as Json;
  });

  test('validates against the SARIF 2.1.0 schema (and the validator does reject a broken log)', () => {
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(validateSarif(log)).toBe(true);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  test("one rule per rule id, with descriptions, help text and the registry's severity as default level", () => {
    const rules = log.runs[0].tool.driver.rules as Json[];
    const ids = rules.map((r) => r.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of RULE_IDS) expect(ids).toContain(id);
    for (const rule of RULES) {
      const d = rules.find((r) => r.id === rule.id) as Json;
      expect(d.shortDescription.text).not.toBe('');
      expect(d.fullDescription.text).toContain(d.shortDescription.text);
      expect(d.help.text).toContain(d.shortDescription.text);
      expect(d.defaultConfiguration.level).toBe(rule.severity);
    }
    expect(ids).toContain('document/stale-suppression');
    expect(log.runs[0].tool.driver.name).toBe('cdktf-aks-overlay');
  });

  test("results: ruleId and ruleIndex agree, level, the plan file at the resource's line, address and construct path as logical locations", () => {
    const rules = log.runs[0].tool.driver.rules as Json[];
    const results = log.runs[0].results as Json[];
    const names = results.find((r) => r.ruleId === 'cluster/name') as Json;
    expect(names.level).toBe('error');
    const loc = names.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/names/cdk.tf.json');
    const lines = fs.readFileSync(path.join(root, 'cdktf.out/stacks/names/cdk.tf.json'), 'utf8').split('\n');
    expect(lines[loc.physicalLocation.region.startLine - 1]).toBe('      "aks": {');
    expect(loc.logicalLocations).toEqual([
      { fullyQualifiedName: 'azurerm_kubernetes_cluster.aks', kind: 'resource' },
      { fullyQualifiedName: 'test/aks/resource', kind: 'namespace' },
    ]);
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.find((r) => r.ruleId === 'network/dns-service-ip-convention')?.level).toBe('warning');
  });

  test("suppressed findings carry SARIF suppressions: inSource for a construct's, external for the config file's", () => {
    const results = log.runs[0].results as Json[];
    expect(results.find((r) => r.ruleId === 'network/overlap')?.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'VNet moves',
        properties: { source: 'construct test/aks' },
      },
    ]);
    expect(results.find((r) => r.ruleId === 'network/dns-service-ip-convention')?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'DNS at .20 <by policy>',
        properties: { source: '.cdktf-aks-overlay.json' },
      },
    ]);
    expect(results.find((r) => r.ruleId === 'cluster/name')?.suppressions).toBeUndefined();
    const stale = results.find((r) => r.ruleId === 'document/stale-suppression') as Json;
    expect(stale.locations[0].physicalLocation.artifactLocation.uri).toBe('.cdktf-aks-overlay.json');
  });

  test('--output writes the same log to a file', async () => {
    const r = await cli(['check', '--format', 'sarif', '--output', 'results.sarif']);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'results.sarif'), 'utf8'))).toEqual(log);
  });
});

describe('--format junit', () => {
  const byName = (cases: TestCase[], name: string) => cases.find((c) => c.name === name) as TestCase;

  test('parses as JUnit: one suite per stack plus the config; one case per rule and resource; failures, skipped, passes', async () => {
    const r = await cli(['check', '--format', 'junit']);
    expect(r.code).toBe(1);
    const out = await parseJunit(r.stdout);
    expect(out?.testsuite?.map((s) => s.name)).toEqual(['dns', 'names', 'overlap', 'config .cdktf-aks-overlay.json']);
    const suites = out?.testsuite ?? [];
    const cases = (i: number) => suites[i].testcase ?? [];

    const failed = byName(cases(1), 'cluster/name azurerm_kubernetes_cluster.aks');
    expect(failed.failure?.[0].type).toBe('error');
    expect(failed.failure?.[0].message).toContain('bad<&"\'>name');
    expect(failed.failure?.[0].inner).toContain('fix: use a name such as');

    const suppressed = byName(cases(2), 'network/overlap azurerm_kubernetes_cluster.aks');
    expect(suppressed.skipped?.[0].message).toBe('suppressed: VNet moves (construct test/aks)');
    expect(suppressed.failure).toBeUndefined();

    // every rule has a case in every stack; rules that found nothing pass
    for (let i = 0; i < 3; i++) {
      for (const id of RULE_IDS) expect(cases(i).some((c) => c.name === id || c.name?.startsWith(`${id} `))).toBe(true);
    }
    const pass = byName(cases(0), 'pool/name');
    expect(pass.failure).toBeUndefined();
    expect(pass.skipped).toBeUndefined();

    expect(out?.failures).toBe(1);
    expect(suites.map((s) => [s.failures, s.skipped])).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(suites.map((s) => s.tests)).toEqual(suites.map((s) => s.testcase?.length));
  });

  test('a warning fails its case only with --warnings-as-errors', async () => {
    fs.renameSync(path.join(root, '.cdktf-aks-overlay.json'), path.join(root, 'off.json'));
    try {
      const plain = await parseJunit((await cli(['check', '--format', 'junit', 'cdktf.out/stacks/dns'])).stdout);
      const dnsCase = byName(
        plain?.testsuite?.[0].testcase ?? [],
        'network/dns-service-ip-convention azurerm_kubernetes_cluster.aks',
      );
      expect(dnsCase.failure).toBeUndefined();
      expect(dnsCase['system-out']?.[0]).toContain('[warning]');
      const strict = await parseJunit(
        (await cli(['check', '--format', 'junit', '--warnings-as-errors', 'cdktf.out/stacks/dns'])).stdout,
      );
      expect(
        byName(
          strict?.testsuite?.[0].testcase ?? [],
          'network/dns-service-ip-convention azurerm_kubernetes_cluster.aks',
        ).failure?.[0].type,
      ).toBe('warning');
    } finally {
      fs.renameSync(path.join(root, 'off.json'), path.join(root, '.cdktf-aks-overlay.json'));
    }
  });

  test('text is escaped for XML and characters XML 1.0 forbids are dropped (a lone surrogate, C0 controls)', () => {
    expect(xmlEscape('a\u0001b<&>"\'\uD800x\uD83D\uDE00\t')).toBe('ab&lt;&amp;&gt;&quot;&apos;x\uD83D\uDE00\t');
  });

  test('the parser is strict: a stray & would not parse', async () => {
    await expect(parseJunit('<testsuites><testsuite name="a&b"></testsuite></testsuites>')).rejects.toThrow();
  });
});
