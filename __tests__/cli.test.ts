/**
 * The `cdktf-aks-overlay` CLI: every case in-process through `run(argv, io)`, and the BUILT bin
 * (dist/lib/cli/main.js) in a child process for what only a process shows (last describe).
 * `npm test` builds first; alone: `npm run build && npx jest __tests__/cli.test.ts`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli, CLI, lines, plan, requireBuiltCli, ROOT, runCli, tempDir } from './support/cli';

const EXISTING_SUBNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks-nodes';
const EXISTING_VNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const GOOD_STACKS = ['dual-stack', 'overlay', 'windows'];

/** The findings of a `--format json` run, flattened. */
function jsonFindings(
  stdout: string,
): { ruleId: string; severity: string; address: string; message: string; fix: string }[] {
  const doc = JSON.parse(stdout) as {
    stacks: { findings: { ruleId: string; severity: string; address: string; message: string; fix: string }[] }[];
  };
  return doc.stacks.flatMap((s) => s.findings);
}

/** Asserts a run ended with unusable input: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUnusable(r: { code: number | null; stdout: string; stderr: string }, mention: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(mention);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('--version and --help', () => {
  test('--version prints the package version', async () => {
    const r = await cli(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  test('--help names both commands', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+check \[options\] \[paths\.\.\.\]/m);
    expect(r.stdout).toMatch(/^\s+report \[options\] \[paths\.\.\.\]/m);
  });

  test('check --help lists its options', async () => {
    const r = await cli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--format <format>',
      '--warnings-as-errors',
      '--subnet <ID=PREFIX[,PREFIX]>',
      '--vnet <ID=PREFIX[,PREFIX]>',
    ])
      expect(r.stdout).toContain(flag);
  });

  test('an unknown option or command is unusable input: exit 2, one line', async () => {
    expectUnusable(await cli(['check', '--bogus', plan('good')]), /unknown option '--bogus'/);
    expectUnusable(await cli(['frobnicate']), /unknown command 'frobnicate'/);
  });

  test('no command prints the help on stderr and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Commands:[\s\S]*check[\s\S]*report/);
  });
});

describe('check on good plans', () => {
  test('a cdktf.out folder: every stack, exit 0', async () => {
    const r = await cli(['check', plan('good')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const s of GOOD_STACKS)
      expect(r.stdout).toMatch(new RegExp(`^stack ${s} \\(.*stacks/${s}/cdk\\.tf\\.json\\): 1 AKS cluster, ok$`, 'm'));
    expect(r.stdout).toMatch(/^3 stacks checked: 0 errors, 0 warnings$/m);
  });

  test('a stack folder and a cdk.tf.json file are read as one stack each', async () => {
    for (const p of [plan('good/stacks/overlay'), plan('good/stacks/overlay/cdk.tf.json')]) {
      const r = await cli(['check', p]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^stack overlay /m);
      expect(r.stdout).not.toMatch(/^stack dual-stack /m);
      expect(r.stdout).toMatch(/^1 stack checked/m);
    }
  });

  test('a file reached twice is checked once', async () => {
    const r = await cli(['check', plan('good'), plan('good/stacks/overlay')]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^stack overlay /gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/^3 stacks checked/m);
  });

  test('without a path it reads ./cdktf.out', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(ROOT, plan('good')), path.join(dir, 'cdktf.out'), { recursive: true });
    const r = await cli(['check'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const s of GOOD_STACKS)
      expect(r.stdout).toMatch(new RegExp(`^stack ${s} \\(cdktf\\.out/stacks/${s}/cdk\\.tf\\.json\\)`, 'm'));
  });

  test('a path with spaces, and a file that starts with a UTF-8 byte order mark', async () => {
    const dir = path.join(tempDir(), 'my plans', 'stack one');
    fs.mkdirSync(dir, { recursive: true });
    const text = fs.readFileSync(path.join(ROOT, plan('bad/pod-overlap/cdk.tf.json')), 'utf8');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), `\uFEFF${text}`);
    const r = await cli(['check', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^stack pod-overlap \(.*my plans\/stack one\/cdk\.tf\.json\): 1 AKS cluster, 2 errors$/m);
  });

  test('a Terraform document without AKS resources is valid: exit 0, "no AKS clusters"', async () => {
    const r = await cli(['check', plan('garbage/empty-document.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^stack empty-document .*: no AKS clusters, ok$/m);
  });
});

describe('check on bad plans', () => {
  test('an overlapping pod range exits 1 with network/overlap under its stack and resource, with the fix', async () => {
    const r = await cli(['check', plan('bad/pod-overlap')]);
    expect(r.code).toBe(1);
    const out = r.stdout.split('\n');
    const stackLine = out.findIndex((l) => l.startsWith('stack pod-overlap '));
    const findingLine = out.findIndex((l) => /^ {4}network\/overlap \[error\] /.test(l));
    expect(stackLine).toBeGreaterThanOrEqual(0);
    expect(findingLine).toBeGreaterThan(stackLine);
    // the resource heading is the nearest 2-space line above the finding
    const heading = out
      .slice(stackLine, findingLine)
      .reverse()
      .find((l) => /^ {2}\S/.test(l));
    expect(heading).toMatch(/^ {2}azurerm_/);
    expect(out[findingLine]).toContain('10.1.0.0/16');
    expect(out[findingLine + 1]).toMatch(/^ {6}fix: \S/);
    expect(r.stdout).toMatch(/^1 stack checked: [1-9]\d* errors?, /m);
  });

  test.each([
    ['bad/pod-overlap', 'network/overlap'],
    ['bad/pod-capacity', 'network/pod-cidr-capacity'],
    ['bad/ipv6-cluster-policy', 'service/ipv6-traffic-policy'],
    ['bad/ipv6-service-range', 'network/service-cidr-ipv6-size'],
    ['bad/windows-pool-name', 'pool/name'],
  ])('%s exits 1 and names %s', async (fixture, ruleId) => {
    const r = await cli(['check', plan(fixture)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^ {4}${ruleId.replace('/', '\\/')} \\[error\\] `, 'm'));
  });

  test('one bad stack among good ones fails the run', async () => {
    const r = await cli(['check', plan('good'), plan('bad/pod-overlap')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^stack overlay .*: 1 AKS cluster, ok$/m);
    expect(r.stdout).toMatch(/^stack pod-overlap .*error/m);
  });
});

describe('unusable input: exit 2 with one line', () => {
  test('a path that does not exist', async () => {
    expectUnusable(await cli(['check', 'no-such-dir']), /^cdktf-aks-overlay: no-such-dir: no such file or directory/);
  });

  test('no ./cdktf.out and no path: says to synth first', async () => {
    expectUnusable(await cli(['check'], { cwd: tempDir() }), /cdktf\.out: no such file or directory.*cdktf synth/);
  });

  test('a folder without any cdk.tf.json', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'stacks', 'empty'), { recursive: true });
    expectUnusable(await cli(['check', dir]), /no cdk\.tf\.json and no \.tf or \.tf\.json files found/);
  });

  test.each([
    ['garbage/not-json.json', /not-json\.json: not JSON: /],
    ['garbage/empty-file.json', /empty-file\.json: not JSON: the file is empty/],
    ['garbage/array.json', /array\.json: not a Terraform JSON document: the top level is an array/],
    ['garbage/resource-string.json', /resource-string\.json: not a Terraform JSON document: 'resource' is a string/],
    [
      'garbage/not-terraform.json',
      /not-terraform\.json: not a Terraform JSON document: unexpected top-level key 'name'/,
    ],
  ])('%s', async (fixture, message) => {
    expectUnusable(await cli(['check', plan(fixture)]), message);
  });

  test('one unusable path among good ones still exits 2', async () => {
    expectUnusable(await cli(['check', plan('good'), plan('garbage/array.json')]), /array\.json/);
  });

  test('a binary file: one printable line that says so, no raw bytes', async () => {
    const file = path.join(tempDir(), 'cdk.tf.json');
    fs.writeFileSync(
      file,
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x0a, 0x00, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
    );
    const r = await cli(['check', file]);
    expectUnusable(r, /cdk\.tf\.json: not JSON: a binary file/);
    expect(r.stderr.trimEnd()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('text that is not JSON: the place is named, no byte of the text is quoted, the message stays one line', async () => {
    const file = path.join(tempDir(), 'cdk.tf.json');
    fs.writeFileSync(file, '{"a":\n\u0007\u001b[31m}');
    const r = await cli(['check', file]);
    expectUnusable(r, /cdk\.tf\.json: not JSON: unexpected character at line 2, column 1$/m);
    expect(r.stderr.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  test('a path that exists but is not a file to read (/dev/null) is an empty file, not a missing one', async () => {
    if (process.platform === 'win32') return;
    expectUnusable(await cli(['check', '/dev/null']), /^cdktf-aks-overlay: \/dev\/null: not JSON: the file is empty$/m);
  });

  test('a resource type that is not an object', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify({ resource: { azurerm_kubernetes_cluster: [1, 2] } }));
    expectUnusable(await cli(['check', file]), /'resource\.azurerm_kubernetes_cluster' is an array/);
  });
});

describe('Terraform JSON written by hand', () => {
  test('blocks given as lists of objects are read like objects', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, plan('bad/pod-overlap/cdk.tf.json')), 'utf8')) as {
      resource: Record<string, Record<string, unknown>>;
    };
    const listed = {
      resource: Object.entries(doc.resource).map(([type, byName]) => ({
        [type]: Object.entries(byName).map(([name, body]) => ({ [name]: body })),
      })),
    };
    const file = path.join(tempDir(), 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify(listed));
    const r = await cli(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
  });
});

describe('--format json', () => {
  test('a good run parses as JSON with every stack and exit code 0', async () => {
    const r = await cli(['check', '--format', 'json', plan('good')]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      exitCode: number;
      errors: number;
      stacks: { name: string; file: string; clusters: number; findings: unknown[] }[];
    };
    expect(doc.exitCode).toBe(0);
    expect(doc.errors).toBe(0);
    expect(doc.stacks.map((s) => s.name)).toEqual(GOOD_STACKS);
    expect(doc.stacks.every((s) => s.clusters === 1)).toBe(true);
  });

  test('findings carry rule id, severity, address, message and fix; exitCode matches the process', async () => {
    const r = await cli(['check', '--format=json', plan('bad/pod-overlap')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { exitCode: number; errors: number };
    expect(doc.exitCode).toBe(1);
    const overlap = jsonFindings(r.stdout).find((f) => f.ruleId === 'network/overlap');
    expect(overlap).toMatchObject({
      severity: 'error',
      address: expect.stringMatching(/^azurerm_/),
      message: expect.stringMatching(/^network\/overlap: /),
      fix: expect.any(String),
    });
    expect(doc.errors).toBeGreaterThanOrEqual(1);
  });

  test('an unknown format is unusable input', async () => {
    expectUnusable(await cli(['check', '--format', 'xml', plan('good')]), /argument 'xml' is invalid.*text, json/);
  });
});

describe('--warnings-as-errors', () => {
  test('a warning-only plan exits 0, and 1 with the flag', async () => {
    const relaxed = await cli(['check', '--format', 'json', plan('warn/dns-convention')]);
    expect(relaxed.code).toBe(0);
    const findings = jsonFindings(relaxed.stdout);
    expect(findings.map((f) => f.ruleId)).toContain('network/dns-service-ip-convention');
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);

    const strict = await cli(['check', '--warnings-as-errors', plan('warn/dns-convention')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^ {4}network\/dns-service-ip-convention \[warning\] /m);
    expect(strict.stdout).toMatch(/\(warnings count as errors\)$/m);
  });

  test('a clean plan stays at exit 0 with the flag', async () => {
    expect((await cli(['check', '--warnings-as-errors', plan('good')])).code).toBe(0);
  });
});

describe('--subnet and --vnet: prefixes of existing subnets and VNets referenced by ID', () => {
  const fixture = plan('existing-subnet');

  test('without --subnet the overlap check is skipped (a warning) and the output says how to give the prefixes', async () => {
    const r = await cli(['check', '--format', 'json', fixture]);
    expect(r.code).toBe(0);
    const overlap = jsonFindings(r.stdout).filter((f) => f.ruleId === 'network/overlap');
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap.every((f) => f.severity === 'warning' && (f as { skipped?: boolean }).skipped === true)).toBe(true);
    const text = await cli(['check', fixture]);
    expect(text.stdout).toContain(
      `hint: give the prefixes of existing subnet ${EXISTING_SUBNET_ID} with --subnet '${EXISTING_SUBNET_ID}=PREFIX[,PREFIX]'`,
    );
    expect((await cli(['check', '--subnet', `${EXISTING_SUBNET_ID}=10.50.0.0/24`, fixture])).stdout).not.toContain(
      'hint:',
    );
  });

  test('a subnet prefix inside the pod range: exit 1 with network/overlap', async () => {
    const r = await cli(['check', '--subnet', `${EXISTING_SUBNET_ID}=10.244.0.0/24`, fixture]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] .*10\.244\.0\.0\/24/m);
  });

  test('a subnet prefix clear of every range: exit 0', async () => {
    const r = await cli(['check', `--subnet=${EXISTING_SUBNET_ID}=10.50.0.0/24`, fixture]);
    expect(r.stdout).not.toContain('network/overlap');
    expect(r.code).toBe(0);
  });

  test('a VNet address space that contains the pod range but none of its subnets: a warning (AKS compares subnets)', async () => {
    const r = await cli([
      'check',
      '--subnet',
      `${EXISTING_SUBNET_ID}=10.240.0.0/24`,
      '--vnet',
      `${EXISTING_VNET_ID}=10.240.0.0/12`,
      fixture,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {4}network\/overlap-vnet-space \[warning\] /m);
  });
  test('an existing subnet that overlaps the pod range: exit 1 with network/overlap', async () => {
    const r = await cli(['check', '--subnet', `${EXISTING_SUBNET_ID}=10.244.0.0/24`, fixture]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
  });

  test.each([
    ['nonsense', /--subnet 'nonsense': no '='/],
    ['=10.0.0.0/24', /the part before = is empty/],
    [`${EXISTING_SUBNET_ID}=10.0.0.0/33`, /prefix length must be 0-32/],
    [`${EXISTING_SUBNET_ID}=10.0.0.0/24,`, /a value after = is empty/],
    [`${EXISTING_SUBNET_ID}=10.1.2.3/24`, /host bits set; the prefix is 10\.1\.2\.0\/24/],
  ])('--subnet %s is unusable input', async (value, message) => {
    expectUnusable(await cli(['check', '--subnet', value, fixture]), message);
  });
});

describe('--service-families and --registered-feature: the rest of the check context', () => {
  test('--service-families resolves a service whose cluster is a data source', async () => {
    const fixture = plan('workload-data-source');
    const skippedRun = await cli(['check', '--format', 'json', fixture]);
    expect(skippedRun.code).toBe(0);
    expect(jsonFindings(skippedRun.stdout)).toEqual([
      expect.objectContaining({ ruleId: 'service/family-not-in-cluster', severity: 'warning', skipped: true }),
    ]);

    const ipv4Only = await cli(['check', '--service-families', 'kubernetes_service.web-ipv6=IPv4', fixture]);
    expect(ipv4Only.code).toBe(1);
    expect(ipv4Only.stdout).toMatch(/^ {4}service\/family-not-in-cluster \[error\] .*web-ipv6/m);

    const dual = await cli([
      'check',
      '--format',
      'json',
      '--service-families',
      'kubernetes_service.web-ipv6=IPv4,IPv6',
      '--service-families',
      'kubernetes_service.web-ipv4=IPv4,IPv6',
      fixture,
    ]);
    expect(dual.code).toBe(0);
    expect(jsonFindings(dual.stdout)).toEqual([]);
  });

  test('a Windows pool on dual-stack needs no preview feature any more; --registered-feature is still accepted', async () => {
    const fixture = plan('warn/dual-stack-windows');
    const before = await cli(['check', '--warnings-as-errors', fixture]);
    expect(before.stdout).not.toContain('pool/windows-dual-stack-preview');
    const after = await cli([
      'check',
      '--warnings-as-errors',
      '--registered-feature',
      'Microsoft.ContainerService/AzureOverlayDualStackPreview',
      fixture,
    ]);
    expect(after.code).toBe(before.code);
  });

  test.each([
    [
      ['--service-families', 'kubernetes_service.web=IPv5'],
      /--service-families 'kubernetes_service\.web=IPv5': 'IPv5' is not IPv4 or IPv6/,
    ],
    [['--service-families', 'kubernetes_service.web'], /--service-families .*no '='/],
    [
      ['--registered-feature', 'AzureOverlayDualStackPreview'],
      /--registered-feature 'AzureOverlayDualStackPreview': not a resource provider namespace/,
    ],
    [['--vnet', 'vnet-id=fd00::/200'], /--vnet 'vnet-id=fd00::\/200': .*prefix length must be 0-128/],
  ])('%j is unusable input', async (args, message) => {
    expectUnusable(await cli(['check', ...args, plan('good')]), message);
  });
});

describe('colours', () => {
  test('none when stdout is not a terminal', async () => {
    expect((await cli(['check', plan('bad/pod-overlap')])).stdout).not.toContain('\u001b[');
  });

  test('FORCE_COLOR turns them on; NO_COLOR wins over it', async () => {
    expect((await cli(['check', plan('bad/pod-overlap')], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect(
      (await cli(['check', plan('bad/pod-overlap')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
  });

  test('--format json is never coloured', async () => {
    const r = await cli(['check', '--format', 'json', plan('good')], { env: { FORCE_COLOR: '1' } });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe("the App's synthesized examples", () => {
  let outdir: string;
  let documents: Record<string, unknown>[];

  beforeAll(() => {
    // a child process: cdktf synthesizes faster there than inside jest's module registry
    outdir = tempDir('synth-');
    const r = spawnSync(process.execPath, ['--require', './scripts/ts-register.js', 'main.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`synth of main.ts failed (${r.status}): ${r.stderr}`);
    const stacksDir = path.join(outdir, 'stacks');
    documents = fs
      .readdirSync(stacksDir)
      .map(
        (d) => JSON.parse(fs.readFileSync(path.join(stacksDir, d, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>,
      );
  }, 180_000);

  test('the App holds AKS clusters', () => {
    const clusters = documents.flatMap((d) =>
      Object.keys(
        ((d.resource as Record<string, Record<string, unknown>> | undefined) ?? {}).azurerm_kubernetes_cluster ?? {},
      ),
    );
    expect(clusters.length).toBeGreaterThan(0);
  });

  test('check exits 0 with no errors', async () => {
    const r = await cli(['check', '--format', 'json', outdir]);
    const errors = jsonFindings(r.stdout).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('check sees what synth saw: the context the stacks carry in their metadata leaves no skipped warnings', async () => {
    // dual-stack-workload's services reach their cluster through a data source: known only through context
    const r = await cli(['check', '--warnings-as-errors', '--format', 'json', outdir]);
    expect(jsonFindings(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('report names every cluster and every node pool', async () => {
    const r = await cli(['report', outdir]);
    expect(r.code).toBe(0);
    const names: string[] = [];
    for (const d of documents) {
      const resource = (d.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
      for (const c of Object.values(resource.azurerm_kubernetes_cluster ?? {})) {
        names.push(`### Cluster \`${String(c.name)}\``);
        names.push(`| \`${String((c.default_node_pool as Record<string, unknown>).name)}\` |`);
      }
      for (const p of Object.values(resource.azurerm_kubernetes_cluster_node_pool ?? {}))
        names.push(`| \`${String(p.name)}\` |`);
    }
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(r.stdout).toContain(n);
  });
});

describe('the built bin, end to end (a child process each)', () => {
  beforeAll(requireBuiltCli);

  test('--version: exit 0 and the version on stdout', () => {
    const r = runCli(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  test('error findings: exit status 1; a pipe gets no colours, FORCE_COLOR from the environment gets them', () => {
    const plain = runCli(['check', plan('bad/pod-overlap')]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = runCli(['check', plan('bad/pod-overlap')], { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('\u001b[');
  });

  test('unusable input: exit status 2, one line on stderr, no stack trace', () => {
    expectUnusable(runCli(['check', 'no-such-dir']), /^cdktf-aks-overlay: no-such-dir: no such file or directory/);
  });

  test("without a path it reads ./cdktf.out of the process's working directory", () => {
    const dir = tempDir();
    fs.cpSync(path.join(ROOT, plan('good')), path.join(dir, 'cdktf.out'), { recursive: true });
    const r = runCli(['check'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^stack overlay \(cdktf\.out\/stacks\/overlay\/cdk\.tf\.json\)/m);
  });

  test('a pipe is read like a file (check <(...), /dev/stdin)', () => {
    if (process.platform === 'win32') return;
    // `cat | node`: the CLI's stdin is a pipe (spawnSync's own stdin would be a socket)
    const r = spawnSync(
      'sh',
      ['-c', 'cat "$1" | "$2" "$3" check /dev/stdin', 'sh', plan('bad/pod-overlap/cdk.tf.json'), process.execPath, CLI],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
  });
});
