/**
 * `check` in CI: the config file `.cdktf-aks-overlay.json` (found upward, or `--config`), its
 * suppressions and settings, `--only` / `--skip`, `--warnings-as-errors`, `--output` and `--quiet`.
 * Runs the CLI's `run()` in-process over copies of the fixture plans in a temporary folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type CliIo } from '../lib/cli/program';
import type { Finding } from '../lib/rules';

const PLANS = path.join(__dirname, 'fixtures/plans');
let root: string;

/** A temporary project: `plans/<name>` copies of fixtures, the config file at the root, `work/deeper` to run from. */
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-config-'));
  for (const p of ['bad/pod-overlap', 'warn/dns-convention', 'good'])
    fs.cpSync(path.join(PLANS, p), path.join(root, 'plans', path.basename(p)), { recursive: true });
  fs.mkdirSync(path.join(root, 'work/deeper'), { recursive: true });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function writeConfig(value: unknown, file = '.cdktf-aks-overlay.json'): void {
  fs.writeFileSync(path.join(root, file), typeof value === 'string' ? value : JSON.stringify(value));
}

async function cli(
  args: string[],
  cwd = path.join(root, 'work/deeper'),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    cwd,
  };
  return { code: await run(args, io), stdout, stderr };
}

interface JsonRun {
  exitCode: number;
  errors: number;
  warnings: number;
  suppressed: number;
  stacks: { name: string; findings: Finding[] }[];
  config?: { file: string; findings: Finding[] };
}
const json = (stdout: string): JsonRun => JSON.parse(stdout) as JsonRun;
const OVERLAP = '../../plans/pod-overlap';
const DNS = '../../plans/dns-convention';

function expectUnusable(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(message);
}

describe('the config file', () => {
  test('is found from the working directory upward; its suppression (with a resource pattern) turns exit 1 into 0', async () => {
    expect((await cli(['check', OVERLAP])).code).toBe(1);
    writeConfig({
      suppressions: [
        {
          rule: 'network/overlap',
          reason: 'VNet replaced in the same change',
          resource: 'azurerm_kubernetes_cluster.*',
        },
      ],
    });
    const r = await cli(['check', '--format', 'json', OVERLAP]);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    const findings = out.stacks[0].findings;
    expect(out).toMatchObject({
      exitCode: 0,
      errors: 0,
      suppressed: findings.length,
      config: { file: '../../.cdktf-aks-overlay.json', findings: [] },
    });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect([f.ruleId, f.severity, f.suppressed]).toEqual([
        'network/overlap',
        'error',
        { reason: 'VNet replaced in the same change', source: '../../.cdktf-aks-overlay.json' },
      ]);
    }
  });

  test('a resource pattern that does not match leaves the error, and the suppression is stale', async () => {
    writeConfig({ suppressions: [{ rule: 'network/overlap', reason: 'r', resource: 'azurerm_subnet.*' }] });
    const r = await cli(['check', '--format', 'json', OVERLAP]);
    expect(r.code).toBe(1);
    expect(json(r.stdout).config?.findings.map((f) => [f.ruleId, f.severity, f.address])).toEqual([
      ['document/stale-suppression', 'warning', 'azurerm_subnet.*'],
    ]);
  });

  test('a config suppression used by one stack is not stale because another stack lacks the finding', async () => {
    writeConfig({ suppressions: [{ rule: 'network/overlap', reason: 'r' }] });
    const r = await cli(['check', '--format', 'json', OVERLAP, DNS]);
    expect(json(r.stdout).config?.findings).toEqual([]);
    expect(
      json(r.stdout)
        .stacks.flatMap((s) => s.findings)
        .filter((f) => f.ruleId === 'document/stale-suppression'),
    ).toEqual([]);
  });

  test('--config FILE overrides the file found upward', async () => {
    writeConfig({ suppressions: [{ rule: 'network/overlap', reason: 'found upward' }] });
    writeConfig({ warningsAsErrors: true }, 'strict.json');
    const r = await cli(['check', '--config', '../../strict.json', OVERLAP, DNS]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('suppressed');
    expect(r.stdout).toMatch(/[1-9]\d* errors?, 1 warning \(warnings count as errors\)\n$/);
  });

  test('context options in the config reach the rules, as --subnet would', async () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks-nodes';
    fs.cpSync(path.join(PLANS, 'existing-subnet'), path.join(root, 'plans/existing-subnet'), { recursive: true });
    const before = await cli(['check', '../../plans/existing-subnet']);
    expect(before.code).toBe(0);
    writeConfig({ subnets: { [id]: ['10.244.0.0/24'] } });
    const after = await cli(['check', '../../plans/existing-subnet']);
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(
      /network\/overlap \[error\] pod range 10\.244\.0\.0\/16 .* overlaps subnet 10\.244\.0\.0\/24/,
    );
  });

  test('only, skip and warningsAsErrors from the config; flags replace only and skip', async () => {
    writeConfig({ skip: ['network/'], warningsAsErrors: true });
    const skipped = await cli(['check', OVERLAP, DNS]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/2 stacks checked: 0 errors, 0 warnings\n$/);
    const flag = await cli(['check', '--skip', 'pool/', OVERLAP, DNS]);
    expect(flag.code).toBe(1);
    expect(flag.stdout).toMatch(/[1-9]\d* errors?, 1 warning \(warnings count as errors\)/);
  });

  test.each<[string, unknown, RegExp]>([
    [
      'an unknown key',
      { suppressions: [], sever: 'error' },
      /^cdktf-aks-overlay: \.\.\/\.\.\/\.cdktf-aks-overlay\.json: unknown key 'sever' \(expected suppressions, subnets, /,
    ],
    [
      'a suppression without a reason',
      { suppressions: [{ rule: 'network/overlap' }] },
      /\.cdktf-aks-overlay\.json: suppressions\[0\]\.reason: a non-empty reason is required for network\/overlap$/,
    ],
    [
      'an unknown key in a suppression',
      { suppressions: [{ rule: 'network/overlap', reason: 'r', id: 'x' }] },
      /: suppressions\[0\]\.id: unknown key/,
    ],
    [
      'an unknown rule id',
      { suppressions: [{ rule: 'network/overlapp', reason: 'r' }] },
      /: suppressions\[0\]\.rule: unknown rule id 'network\/overlapp' \(did you mean network\/overlap/,
    ],
    [
      'a prefix with host bits',
      { subnets: { id1: ['10.0.0.1/24'] } },
      /: subnets\["id1"\]\[0\]: 10\.0\.0\.1\/24 has host bits set; the prefix is 10\.0\.0\.0\/24$/,
    ],
    [
      'a family that is not IPv4/IPv6',
      { serviceFamilies: { 'kubernetes_service_v1.web': ['IPv5'] } },
      /: serviceFamilies\["kubernetes_service_v1\.web"\]\[0\]: 'IPv5' is not IPv4 or IPv6$/,
    ],
    [
      'a malformed feature',
      { registeredFeatures: ['AzureOverlayDualStackPreview'] },
      /: registeredFeatures\[0\]: 'AzureOverlayDualStackPreview' is not Namespace\/Feature$/,
    ],
    ['a bad rule group', { only: ['netwrk/'] }, /: only: 'netwrk\/' is neither a rule id nor a group/],
    ['warningsAsErrors not a boolean', { warningsAsErrors: 'yes' }, /: warningsAsErrors: expected true or false$/],
    ['not JSON', '{ "suppressions": [', /\.cdktf-aks-overlay\.json: not valid JSON/],
    ['not an object', '[]', /\.cdktf-aks-overlay\.json: expected a JSON object/],
  ])('%s is unusable input: exit 2, one line naming the key', async (_name, value, message) => {
    writeConfig(value);
    expectUnusable(await cli(['check', OVERLAP]), message);
  });

  test('--config naming a missing file is unusable input', async () => {
    expectUnusable(
      await cli(['check', '--config', 'nope.json', OVERLAP]),
      /^cdktf-aks-overlay: --config nope\.json: no such file$/,
    );
  });

  test("report reads the config file's context too", async () => {
    writeConfig({ only: ['nope/'] });
    expectUnusable(await cli(['report', OVERLAP]), /only: 'nope\/' is neither/);
  });
});

describe('rule selection flags', () => {
  test('--only keeps the named rules and groups; --skip drops them; both take comma lists and repeat', async () => {
    const only = json(
      (await cli(['check', '--format', 'json', '--only', 'pool/,network/dns-service-ip-convention', OVERLAP, DNS]))
        .stdout,
    );
    expect(only.stacks.flatMap((s) => s.findings.map((f) => f.ruleId))).toEqual(['network/dns-service-ip-convention']);
    const skip = json(
      (
        await cli([
          'check',
          '--format',
          'json',
          '--skip',
          'network/overlap',
          '--skip',
          'network/dns-service-ip-convention',
          OVERLAP,
          DNS,
        ])
      ).stdout,
    );
    expect(skip).toMatchObject({ exitCode: 0, errors: 0, warnings: 0 });
  });

  test('a suppression of a rule that did not run is not reported as stale', async () => {
    writeConfig({ suppressions: [{ rule: 'network/overlap', reason: 'r' }] });
    const out = json((await cli(['check', '--format', 'json', '--skip', 'network/', DNS])).stdout);
    expect(out.config?.findings).toEqual([]);
  });

  test('an unknown id is unusable input naming the option', async () => {
    expectUnusable(
      await cli(['check', '--only', 'pool/nme', OVERLAP]),
      /^cdktf-aks-overlay: --only: 'pool\/nme' is neither a rule id nor a group/,
    );
    expectUnusable(await cli(['check', '--skip', ',', OVERLAP]), /--skip: an empty rule id/);
  });
});

describe('--output and --quiet', () => {
  test('--output FILE writes the output there (no colours) and nothing to stdout; the exit code is unchanged', async () => {
    const r = await cli(['check', '--output', 'out.txt', OVERLAP]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const text = fs.readFileSync(path.join(root, 'work/deeper/out.txt'), 'utf8');
    expect(text).toMatch(/network\/overlap \[error\]/);
    expect(text).not.toContain('\u001b[');
  });

  test('--output into a missing folder is unusable input naming the option', async () => {
    expectUnusable(
      await cli(['check', '--output', 'no/such/dir/out.txt', OVERLAP]),
      /^cdktf-aks-overlay: --output no\/such\/dir\/out\.txt: cannot write \(ENOENT\)$/,
    );
  });

  test('--quiet shows only the findings that fail the run; with --warnings-as-errors warnings too', async () => {
    const quiet = await cli(['check', '--quiet', OVERLAP, DNS]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toContain('network/overlap [error]');
    expect(quiet.stdout).not.toContain('network/dns-service-ip-convention');
    expect(quiet.stdout).toMatch(/2 stacks checked: [1-9]\d* errors?, 1 warning\n$/);
    const strict = await cli(['check', '--quiet', '--warnings-as-errors', OVERLAP, DNS]);
    expect(strict.stdout).toContain('network/dns-service-ip-convention [warning]');
    writeConfig({ suppressions: [{ rule: 'network/overlap', reason: 'r' }] });
    const suppressed = await cli(['check', '--quiet', OVERLAP]);
    expect(suppressed.code).toBe(0);
    expect(suppressed.stdout).not.toContain('network/overlap');
  });
});

describe('suppressed findings are never silent', () => {
  test('text shows the reason and source and counts them apart; exit codes ignore them', async () => {
    writeConfig({ suppressions: [{ rule: 'network/dns-service-ip-convention', reason: 'DNS at .20 by policy' }] });
    const r = await cli(['check', '--warnings-as-errors', DNS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('network/dns-service-ip-convention [warning, suppressed] dns_service_ip 10.0.0.20');
    expect(r.stdout).toContain('      suppressed: DNS at .20 by policy (../../.cdktf-aks-overlay.json)');
    expect(r.stdout).toMatch(/: 1 AKS cluster, 1 suppressed\n/);
    expect(r.stdout).toMatch(/1 stack checked: 0 errors, 0 warnings, 1 suppressed\n$/);
  });

  test("a malformed suppression in a stack's metadata is unusable input naming the file and key", async () => {
    const file = path.join(root, 'plans/dns-convention/cdk.tf.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
    doc['//'] = {
      metadata: {
        ...(doc['//']?.metadata ?? {}),
        'cdktf-aks-overlay': { suppressions: [{ rule: 'network/overlap', reason: '' }] },
      },
    };
    fs.writeFileSync(file, JSON.stringify(doc));
    expectUnusable(
      await cli(['check', DNS]),
      /cdk\.tf\.json: \/\/\.metadata\.cdktf-aks-overlay\.suppressions\[0\]\.reason: a non-empty reason is required/,
    );
  });
});
