/**
 * Issue 12 B6, B7, B10 (option maps), B13 (CLI side) and issue 13 item 5, through the CLI's `run()`
 * in-process with captured streams:
 * - text output and stderr never carry a control character from a plan, a path or an option
 *   (ESC, OSC, BEL, CR, newline, C1, bidi controls): they show as `\uXXXX`; an error stays one line;
 * - `--format json` stays exact, and reports unusable input as `{ "exitCode": 2, "error": ... }`;
 * - `report` never ends in "internal error";
 * - option IDs such as `constructor` or `__proto__` are keys like any other.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run, type CliIo } from '../lib/cli/program';
import { contextFromOptions, parsePrefixOptions, parseServiceFamilies } from '../lib/cli/context-options';
import { renderReport } from '../lib/cli/report';
import { tempDir } from './fixtures/plans/run-cli';

type Json = Record<string, any>;

const ROOT = path.resolve(__dirname, '..');
const GOOD = '__tests__/fixtures/plans/good';
const POD_OVERLAP = '__tests__/fixtures/plans/bad/pod-overlap/cdk.tf.json';
/** Control characters a terminal acts on; the palette's own SGR codes are removed before looking. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SGR = /\u001b\[\d+m/g;
const NASTY = 'x\u001b[2J\u001b]0;pwned\u0007\r\n<!--\u009b1m\u202e';

async function cli(
  argv: string[],
  opts: { isTTY?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.isTTY },
    stderr: { write: (t: string) => (stderr += t) },
    env: { TERM: 'xterm-256color' },
    cwd: ROOT,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function writeJson(doc: unknown, name = 'cdk.tf.json'): string {
  const file = path.join(tempDir('out-'), name);
  fs.writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

/** The pod-overlap plan with NASTY text in every name a finding or a heading shows. */
function nastyPlan(): Json {
  const d = JSON.parse(fs.readFileSync(path.join(ROOT, POD_OVERLAP), 'utf8')) as Json;
  const cluster = d.resource.azurerm_kubernetes_cluster.aks;
  cluster.name = `aks${NASTY}`;
  cluster['//'] = { metadata: { path: `path${NASTY}` } };
  d.resource.azurerm_kubernetes_cluster = { [`aks${NASTY}`]: cluster };
  d['//'] = { metadata: { stackName: `stack${NASTY}` } };
  return d;
}

/** Asserts stderr is exactly one line with no raw control character, and returns it. */
function oneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  const line = stderr.slice(0, -1);
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(RAW_CONTROL);
  return line;
}

describe('B6: plan text reaches the terminal escaped', () => {
  test('check text output: no raw control character, one line per item, escapes visible', async () => {
    const file = writeJson(nastyPlan());
    for (const isTTY of [false, true]) {
      const r = await cli(['check', file], { isTTY });
      expect(r.code).toBe(1);
      expect(r.stdout.replace(SGR, '')).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain('stack stackx\\u001b[2J\\u001b]0;pwned\\u0007\\u000d\\u000a<!--\\u009b1m\\u202e');
      expect(r.stdout).toMatch(/^ {2}azurerm_kubernetes_cluster\.aksx\\u001b\[2J.* \(pathx\\u001b\[2J.*\)/m);
      for (const line of r.stdout.replace(SGR, '').trimEnd().split('\n'))
        expect(line).toMatch(/^(stack | {2}|\d+ stacks? checked)/);
    }
  });

  test('--format json stays exact: the names come back byte for byte', async () => {
    const r = await cli(['check', '--format', 'json', writeJson(nastyPlan())]);
    const out = JSON.parse(r.stdout) as { stacks: { name: string; findings: { address: string; path?: string }[] }[] };
    expect(out.stacks[0].name).toBe(`stack${NASTY}`);
    expect(
      out.stacks[0].findings.some(
        (f) => f.address === `azurerm_kubernetes_cluster.aks${NASTY}` && f.path === `path${NASTY}`,
      ),
    ).toBe(true);
  });

  test.each([
    ['a missing path', ['check', `no${NASTY}such`], /no such file or directory/],
    ['a top-level key', ['check', '@key'], /unexpected top-level key 'k\\u001b\[2J\\u000aline2'/],
    ['a resource type', ['check', '@type'], /'resource\.t\\u001b\]0;x\\u0007\\u000a' is a string/],
    ['an unknown option', ['check', `--bogus${NASTY}`], /unknown option '--bogusx\\u001b\[2J/],
    ['an unknown command', ['frob\u0007\nnicate'], /unknown command 'frob\\u0007 nicate'/],
    ['a --subnet value', ['check', '--subnet', `a${NASTY}=10.0.0.0/33`, GOOD], /--subnet 'ax\\u001b\[2J/],
    ['a --format value', ['check', '--format', `y\u001b[31maml`, GOOD], /argument 'y\\u001b\[31maml' is invalid/],
    [
      'a --max-file-size value',
      ['check', '--max-file-size', `1\u001b[2J\n`, GOOD],
      /--max-file-size '1\\u001b\[2J\\u000a': not a size/,
    ],
  ])('%s: exit 2, one escaped line', async (_name, argv, mention) => {
    const files: Record<string, string> = {
      '@key': writeJson('{"k\\u001b[2J\\nline2": {}}'),
      '@type': writeJson('{"resource": {"t\\u001b]0;x\\u0007\\n": "y"}}'),
    };
    const r = await cli(argv.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(mention);
  });

  test('a 1 MB top-level key is cut in the error, its length shown', async () => {
    const r = await cli(['check', writeJson(`{"${'k'.repeat(1 << 20)}": {}}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(500);
    expect(r.stderr).toContain(`'${'k'.repeat(100)}... (1048576 characters)'`);
  });
});

describe('issue 13 item 5: --format json reports unusable input as JSON on stdout too', () => {
  test.each([
    ['a missing path', ['check', '--format', 'json', 'no-such-plan'], 'no-such-plan: no such file or directory'],
    [
      '--format=json and text that is not JSON',
      ['check', '--format=json', '@notjson'],
      'not JSON: unexpected character at line 1, column 1',
    ],
    [
      'an unknown option',
      ['check', '--format', 'json', '--bogus', GOOD],
      "error: unknown option '--bogus' (see --help)",
    ],
    ['a malformed --subnet', ['check', '--subnet', 'foo', '--format', 'json', GOOD], "--subnet 'foo': no '='"],
    [
      'a control character in a path',
      ['check', '--format', 'json', 'a\u001b[2J\nb'],
      'a\u001b[2J\nb: no such file or directory',
    ],
  ])('%s', async (_name, argv, error) => {
    const files: Record<string, string> = { '@notjson': writeJson('ARM_CLIENT_SECRET=1') };
    const r = await cli(argv.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as Json;
    expect(Object.keys(out).sort()).toEqual(['error', 'exitCode']);
    expect(out.exitCode).toBe(2);
    expect(out.error).toContain(error);
    expect(oneLine(r.stderr)).toMatch(/^cdktf-aks-overlay: /);
  });

  test('without --format json, nothing on stdout; with it on a usable plan, the usual JSON', async () => {
    expect((await cli(['check', 'no-such-plan'])).stdout).toBe('');
    expect((await cli(['check', '--format', 'text', 'no-such-plan'])).stdout).toBe('');
    const ok = JSON.parse((await cli(['check', '--format', 'json', GOOD])).stdout) as Json;
    expect(ok).toMatchObject({ version: 1, exitCode: 0 });
    expect(ok.error).toBeUndefined();
  });
});

describe('B7: report never ends in "internal error"', () => {
  test.each([
    [
      'a [null] service name',
      { resource: { kubernetes_service_v1: { s: { metadata: { name: [null] }, spec: { type: 'LoadBalancer' } } } } },
    ],
    [
      'a [null] pool name',
      {
        resource: {
          azurerm_kubernetes_cluster: {
            a: { name: 'a', dns_prefix: 'a', default_node_pool: { name: [null], vm_size: 'x', node_count: 1 } },
          },
        },
      },
    ],
    [
      'lists of lists everywhere',
      {
        resource: {
          azurerm_kubernetes_cluster: {
            a: {
              name: [['x']],
              dns_prefix: [[1]],
              kubernetes_version: [[null]],
              network_profile: { pod_cidrs: [[['10.0.0.0/8']]], ip_versions: [null, {}] },
            },
          },
        },
      },
    ],
  ])('%s: exit 0, the findings listed', async (_name, doc) => {
    const r = await cli(['report', writeJson(doc)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### Findings of /m);
  });

  test('a value nested 10,000 deep: report exits 0 (check and report agree on the findings)', async () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    const file = writeJson(
      `{"resource":{"azurerm_kubernetes_cluster":{"a":{"name":"a","dns_prefix":"aa","network_profile":{"pod_cidr":${deep}}}}}}`,
    );
    const report = await cli(['report', file]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const check = JSON.parse((await cli(['check', '--format', 'json', file])).stdout) as Json;
    expect(report.stdout).toContain(`${check.errors} error`);
  });
});

describe('B7: report of very large plans', () => {
  test('70,000 findings: report renders them all (a spread of its lines into push() overflowed the stack)', () => {
    const services: Json = {};
    for (let i = 0; i < 70000; i++)
      services[`s${i}`] = { metadata: { name: `Bad_${i}` }, spec: { type: 'LoadBalancer' } };
    const stack = { name: 'many', file: 'many.json', document: { resource: { kubernetes_service_v1: services } } };
    const markdown = renderReport([stack]);
    expect(markdown.match(/^ {2}- `service\/name` \*\*error\*\*/gm)).toHaveLength(70000);
  }, 60_000);

  test('a name of 150,000 backtick runs and a 10 MB construct path: report renders, names cut with their length', () => {
    const d = JSON.parse(fs.readFileSync(path.join(ROOT, POD_OVERLAP), 'utf8')) as Json;
    const cluster = d.resource.azurerm_kubernetes_cluster.aks;
    cluster['//'] = { metadata: { path: 'p'.repeat(10 * 1024 * 1024) } };
    d.resource.azurerm_kubernetes_cluster = { ['a`'.repeat(150000)]: cluster };
    const markdown = renderReport([{ name: 'big', file: 'big.json', document: d }]);
    expect(markdown.length).toBeLessThan(200_000);
    expect(markdown).toContain('... (10485760 characters)');
    expect(Math.max(...markdown.split('\n').map((l) => l.length))).toBeLessThan(5000);
  });
});

describe('B10: option IDs are keys like any other (no prototype lookups)', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '--subnet, --vnet and --service-families with the ID %s: exit 0',
    async (id) => {
      for (const argv of [
        ['--subnet', `${id}=10.9.0.0/24`],
        ['--vnet', `${id}=10.9.0.0/16`],
        ['--service-families', `${id}=IPv4`],
      ]) {
        const r = await cli(['check', ...argv, GOOD]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
    },
  );

  test('the values are kept, also for __proto__, and given twice they add up', () => {
    const subnets = parsePrefixOptions('--subnet', [
      '__proto__=10.0.0.0/24',
      'constructor=10.1.0.0/24',
      '__proto__=10.2.0.0/24',
    ]);
    expect(Object.keys(subnets)).toEqual(['__proto__', 'constructor']);
    expect(subnets.__proto__).toEqual(['10.0.0.0/24', '10.2.0.0/24']);
    expect(subnets.constructor).toEqual(['10.1.0.0/24']);
    expect(parseServiceFamilies(['__proto__=IPv6']).__proto__).toEqual(['IPv6']);
    const ctx = contextFromOptions({ subnet: ['__proto__=10.0.0.0/24'] });
    expect(Object.keys(ctx.subnets ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('B13: a __proto__ key in a list-form block is validated, not dropped', () => {
  test('resource as a list with a __proto__ type that is not an object: exit 2 naming it', async () => {
    const r = await cli(['check', writeJson('{"resource":[{"__proto__":"x"}]}')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/'resource\.__proto__' is a string, expected an object of named resources$/);
  });
});
