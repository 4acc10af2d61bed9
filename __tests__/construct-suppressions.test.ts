/**
 * Suppressions declared on constructs: scope, reason, stale suppressions and error-level
 * suppressions, through synth (annotations, validation errors) and through the CLI over the
 * synthesized cdktf.out (the same findings, suppressed the same way).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster, AksClusterProps, AksStackValidation, AksSuppressions } from '../lib';
import { cli, type CliRun } from './support/cli';
import { CONTEXT_METADATA_KEY, type Finding } from '../lib/rules';

const BASE: AksClusterProps = { name: 'aks', resourceGroupName: 'rg', location: 'eastus2' };
const DNS = 'network/dns-service-ip-convention';
const REASON = 'cluster DNS at .20 by the platform team (ticket NET-42)';

function stackWith(build: (scope: Construct) => void, app: App = Testing.app(), id = 'stack'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}], resourceProviderRegistrations: 'none' });
  build(stack);
  return stack;
}

/** Annotations of a level on the stack's constructs, as `path: message`. */
function annotations(stack: TerraformStack, level: 'warn' | 'info'): string[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === `@cdktf/${level}`).map((m) => `${c.node.path}: ${String(m.data)}`),
    );
}

function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Two clusters whose DNS service IP is not the .10 address (a warning each). */
const twoClusters = (s: Construct): { a: AksCluster; b: AksCluster } => ({
  a: new AksCluster(s, 'aks', { ...BASE, dnsServiceIp: '10.0.0.20' }),
  b: new AksCluster(s, 'aks2', { ...BASE, name: 'aks2', dnsServiceIp: '10.0.0.20' }),
});

/** A cluster whose pod range overlaps its node subnet: a `network/overlap` error. */
function overlapping(s: Construct, id = 'aks'): AksCluster {
  const subnet = new Subnet(s, `${id}-nodes`, {
    name: 'nodes',
    resourceGroupName: 'rg',
    virtualNetworkName: 'vnet',
    addressPrefixes: ['10.244.0.0/24'],
  });
  return new AksCluster(s, id, { ...BASE, name: id, defaultNodePool: { vnetSubnet: subnet } });
}

const brief = (f: Finding) => ({
  ruleId: f.ruleId,
  address: f.address,
  path: f.path,
  severity: f.severity,
  suppressed: f.suppressed,
});

describe('scope', () => {
  test('a construct scope covers that construct and its subtree, not a sibling whose id starts the same', () => {
    let clusters!: { a: AksCluster; b: AksCluster };
    const stack = stackWith((s) => {
      clusters = twoClusters(s);
      AksStackValidation.of(s).suppress(DNS, { reason: REASON, scope: clusters.a });
    });
    expect(synthError(stack)).toBe('');
    const dns = AksStackValidation.of(stack)
      .findings()
      .filter((f) => f.ruleId === DNS);
    expect(dns.map((f) => [f.path, f.suppressed])).toEqual([
      ['stack/aks/resource', { reason: REASON, source: 'construct stack/aks' }],
      ['stack/aks2/resource', undefined],
    ]);
    expect(annotations(stack, 'info')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^stack/aks/resource: suppressed warning: ${DNS}: .*\\[reason: ${REASON.replace(/[()]/g, '\\$&')}; construct stack/aks\\]$`,
        ),
      ),
    ]);
    expect(annotations(stack, 'warn').filter((w) => w.includes(DNS))).toEqual([
      expect.stringMatching(/^stack\/aks2\/resource: /),
    ]);
  });

  test('without a scope (or with AksSuppressions.addStackSuppressions) the whole stack is covered', () => {
    const viaSuppress = stackWith((s) => {
      twoClusters(s);
      AksStackValidation.of(s).suppress(DNS, { reason: REASON });
    });
    const viaHelper = stackWith((s) => {
      twoClusters(s);
      AksSuppressions.addStackSuppressions(s as TerraformStack, [{ id: DNS, reason: REASON }]);
    });
    for (const stack of [viaSuppress, viaHelper]) {
      const dns = AksStackValidation.of(stack)
        .findings()
        .filter((f) => f.ruleId === DNS);
      expect(dns).toHaveLength(2);
      expect(dns.every((f) => f.suppressed?.source === 'construct stack')).toBe(true);
    }
  });

  test('AksSuppressions.addResourceSuppressions takes one construct or several', () => {
    const stack = stackWith((s) => {
      const { a, b } = twoClusters(s);
      AksSuppressions.addResourceSuppressions([a, b], [{ id: DNS, reason: REASON }]);
    });
    const dns = AksStackValidation.of(stack)
      .findings()
      .filter((f) => f.ruleId === DNS);
    expect(dns.map((f) => f.suppressed?.source)).toEqual(['construct stack/aks', 'construct stack/aks2']);
  });

  test('the suppressions are written into the stack metadata next to the context', () => {
    const stack = stackWith((s) => {
      const { a } = twoClusters(s);
      AksStackValidation.of(s).suppress(DNS, { reason: REASON, scope: a });
      AksStackValidation.of(s).suppress('pool/max-pods', { reason: 'whole stack' });
    });
    // Testing.synth drops the `//` metadata; toTerraform() is what synth writes
    const json = stack.toTerraform() as { '//': { metadata: Record<string, { suppressions?: unknown }> } };
    expect(json['//'].metadata[CONTEXT_METADATA_KEY].suppressions).toEqual([
      { rule: DNS, reason: REASON, path: 'stack/aks' },
      { rule: 'pool/max-pods', reason: 'whole stack' },
    ]);
  });

  test('a scope in another stack is refused, naming both', () => {
    const app = Testing.app();
    let other!: AksCluster;
    stackWith(
      (s) => {
        other = new AksCluster(s, 'aks', BASE);
      },
      app,
      'other',
    );
    expect(() =>
      stackWith((s) => AksStackValidation.of(s).suppress(DNS, { reason: REASON, scope: other }), app),
    ).toThrow(
      "stack/cdktf-aks-overlay-validation: suppress('network/dns-service-ip-convention'): scope other/aks is not in stack stack; use AksStackValidation.of(scope)",
    );
  });
});

describe('reason and rule id', () => {
  test.each<[string, () => void, RegExp]>([
    [
      'no reason',
      () => stackWith((s) => AksStackValidation.of(s).suppress(DNS, { reason: '' })),
      /suppress\('network\/dns-service-ip-convention'\): suppression\.reason: a non-empty reason is required/,
    ],
    [
      'a blank reason',
      () => stackWith((s) => AksSuppressions.addStackSuppressions(s as TerraformStack, [{ id: DNS, reason: '  ' }])),
      /suppression\.reason: a non-empty reason/,
    ],
    [
      'options missing (untyped JS)',
      () => stackWith((s) => (AksStackValidation.of(s).suppress as (id: string) => void)(DNS)),
      /options \{ reason, scope\? \} are required/,
    ],
    [
      'an unknown rule id',
      () => stackWith((s) => AksStackValidation.of(s).suppress('network/dns-service-ip-conventon', { reason: REASON })),
      /suppression\.rule: unknown rule id 'network\/dns-service-ip-conventon' \(did you mean network\/dns-service-ip-convention/,
    ],
  ])('%s is refused when declared, naming the stack and the key', (_name, declare, message) => {
    expect(declare).toThrow(message);
    expect(declare).toThrow(/^stack\/cdktf-aks-overlay-validation: /);
  });
});

describe('stale suppressions', () => {
  test('a suppression that matches nothing is a warning on its scope, naming the rule and the reason; synth still passes', () => {
    const stack = stackWith((s) => {
      const c = new AksCluster(s, 'aks', BASE);
      AksStackValidation.of(s).suppress('pool/max-pods', { reason: 'legacy exception', scope: c });
    });
    expect(synthError(stack)).toBe('');
    const stale = annotations(stack, 'warn').filter((w) => w.includes('document/stale-suppression'));
    expect(stale).toEqual([
      'stack/aks: document/stale-suppression: the suppression of pool/max-pods under stack/aks (construct stack/aks) matches no finding; ' +
        'remove it, or correct its rule, resource or path (its reason: "legacy exception") (stack/aks)',
    ]);
  });
});

describe('error-level suppressions', () => {
  test('a suppressed error no longer fails synth and is shown as a `suppressed error` warning; others still fail', () => {
    const suppressed = stackWith((s) => {
      const c = overlapping(s);
      AksStackValidation.of(s).suppress('network/overlap', { reason: 'subnet moves in the next change', scope: c });
    });
    expect(synthError(suppressed)).toBe('');
    expect(annotations(suppressed, 'warn')).toEqual([
      expect.stringMatching(
        /^stack\/aks\/resource: suppressed error: network\/overlap: .*\[reason: subnet moves in the next change; construct stack\/aks\]$/,
      ),
    ]);

    const sibling = stackWith((s) => {
      const c = overlapping(s);
      overlapping(s, 'aks2');
      AksStackValidation.of(s).suppress('network/overlap', { reason: 'only the first', scope: c });
    });
    expect(synthError(sibling)).toMatch(/network\/overlap: .*\(stack\/aks2\/resource\)/);
    expect(synthError(sibling)).not.toMatch(/\(stack\/aks\/resource\)/);
  });
});

describe('through the CLI over the synthesized cdktf.out', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-suppress-'));
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  /** `check` in-process, run in the synthesized output folder. */
  const check = (args: string[]): Promise<CliRun> => cli(['check', ...args], { cwd: outdir });

  test('check honours exactly what synth honoured: the same findings, suppressed the same way, stale included', async () => {
    const app = new App({ outdir });
    const stack = stackWith(
      (s) => {
        const c = overlapping(s, 'core');
        const { a } = twoClusters(s);
        AksStackValidation.of(s).suppress('network/overlap', { reason: 'subnet moves in the next change', scope: c });
        AksStackValidation.of(s).suppress(DNS, { reason: REASON, scope: a });
        AksStackValidation.of(s).suppress('pool/max-pods', { reason: 'legacy exception' });
      },
      app,
      'prod',
    );
    app.synth();
    const r = await check(['--format', 'json', outdir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      errors: number;
      warnings: number;
      suppressed: number;
      stacks: { findings: Finding[] }[];
    };
    // the same findings; the order of resources may differ (cdktf sorts the keys of the file it writes)
    const sorted = (fs: Finding[]) => fs.map(brief).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sorted(out.stacks[0].findings)).toEqual(sorted(AksStackValidation.of(stack).findings()));
    expect(out).toMatchObject({ errors: 0, suppressed: 2 });
    expect(out.stacks[0].findings.filter((f) => f.ruleId === 'document/stale-suppression').map((f) => f.path)).toEqual([
      undefined,
    ]);

    const text = await check([outdir]);
    expect(text.stdout).toMatch(/network\/overlap \[error, suppressed\] /);
    expect(text.stdout).toContain('suppressed: subnet moves in the next change (construct prod/core)');
    expect(text.stdout).toMatch(/1 stack checked: 0 errors, 2 warnings, 2 suppressed\n$/);
  });

  test('without the suppression the same stack fails synth, and check exits 1', async () => {
    const app = new App({ outdir, skipValidation: true });
    stackWith(
      (s) => {
        overlapping(s);
      },
      app,
      'prod',
    );
    app.synth();
    const r = await check([outdir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 error, 0 warnings\n$/);
  });
});
