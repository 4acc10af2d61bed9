/**
 * The BUILT CLI on plans, Terraform folders and `diff` (run `npm run build` first; `npm test`
 * does). Plans are the hand-written fixture and ../shared/plan-json (skipped when absent).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lines, requireBuiltCli, ROOT, runCli, tempDir } from './fixtures/plans/run-cli';
import { aksCluster, nodePool, tfDoc, type JsonObject } from './support/tf';
import { planOf } from './support/plan-json';

const FIXTURE = path.join(__dirname, 'fixtures/plan-json/modules-unknown-sensitive.json');
const FIXTURE_SECRET = 'W1ndows-Adm1n-P@ssw0rd-fixture';
const REAL = path.resolve(__dirname, '../../shared/plan-json');

beforeAll(requireBuiltCli);

let tmp: string;
beforeAll(() => {
  tmp = tempDir('plan-');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes JSON to `tmp/rel` and returns the absolute path. */
function write(rel: string, json: unknown): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('check and report on a plan', () => {
  it('reads a plan with modules, unknown and sensitive values; no secret in any output', () => {
    for (const format of ['text', 'json']) {
      const r = runCli(['check', '--format', format, FIXTURE]);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(FIXTURE_SECRET);
      if (format === 'text') expect(r.stdout).toContain('1 AKS cluster');
      else expect(JSON.parse(r.stdout).stacks[0].clusters).toBe(1);
      // findings name the real address of a for_each instance in a child module
      expect(r.stdout).toContain('module.aks.azurerm_kubernetes_cluster_node_pool.pool');
    }
    const report = runCli(['report', FIXTURE]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('aks-prod');
    expect(report.stdout).not.toContain(FIXTURE_SECRET);
  });

  it('a format_version 2 plan and a state are unusable input: exit 2, one line', () => {
    const two = runCli(['check', write('v2.json', { ...planOf([]), format_version: '2.0' })]);
    expect(two.code).toBe(2);
    expect(lines(two.stderr)).toEqual([expect.stringMatching(/v2\.json: plan format_version "2\.0" is not supported/)]);
    const state = runCli([
      'check',
      write('state.json', { format_version: '1.0', terraform_version: '1.9.4', values: { root_module: {} } }),
    ]);
    expect(state.code).toBe(2);
    expect(state.stderr).toContain('a Terraform state');
  });

  const real = fs.existsSync(REAL)
    ? fs
        .readdirSync(REAL)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  (real.length > 0 ? it : it.skip)(
    `the ${real.length || 8} real plans of ../shared/plan-json exit 0 or 1 with their cluster found`,
    () => {
      const r = runCli(['check', '--format', 'json', ...real.map((f) => path.join(REAL, f))]);
      expect([0, 1]).toContain(r.code);
      const out = JSON.parse(r.stdout) as { stacks: { clusters: number }[] };
      expect(out.stacks).toHaveLength(real.length);
      for (const s of out.stacks) expect(s.clusters).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('check on a folder of Terraform files', () => {
  it('reads *.tf.json files as one module and warns about a module it does not follow', () => {
    write('tfdir/main.tf.json', tfDoc(aksCluster('aks')));
    write('tfdir/net.tf.json', { module: { net: { source: 'Azure/network/azurerm' } } });
    const r = runCli(['check', path.join(tmp, 'tfdir')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 AKS cluster');
    expect(r.stdout).toMatch(
      /document\/not-evaluated \[warning\] module\.net \(source "Azure\/network\/azurerm"\) was not followed/,
    );
  });
});

describe('the HCL converter is loaded only for .tf files', () => {
  /** Whether reading `dir` with the built loadInputs loaded @cdktn/hcl2json. */
  function loadsConverter(dir: string): string {
    const inputs = JSON.stringify(path.join(ROOT, 'dist/lib/cli/inputs.js'));
    const loaded = "Object.keys(require.cache).some((k) => k.includes('hcl2json'))";
    const script =
      `require(${inputs}).loadInputs([${JSON.stringify(dir)}])` +
      `.then(() => console.log(${loaded}), (e) => console.log('error ' + e.message))`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
  }

  it('not for .tf.json folders, plans or cdk.tf.json; yes for a folder with a .tf file', () => {
    write('lazy/json/main.tf.json', tfDoc(aksCluster('aks')));
    write('lazy/stack/cdk.tf.json', tfDoc(aksCluster('aks')));
    expect(loadsConverter(path.join(tmp, 'lazy/json'))).toBe('false');
    expect(loadsConverter(path.join(tmp, 'lazy/stack'))).toBe('false');
    expect(loadsConverter(FIXTURE)).toBe('false');
    fs.mkdirSync(path.join(tmp, 'lazy/hcl'), { recursive: true });
    fs.writeFileSync(
      path.join(tmp, 'lazy/hcl/main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  name = "rg"\n}\n',
    );
    expect(loadsConverter(path.join(tmp, 'lazy/hcl'))).toBe('true');
  });
});

/** A cdk.tf.json of cluster `aks` (with overrides) and optional pools. */
function stack(cluster: JsonObject = {}, pools: JsonObject[] = [], version = '4.55.0'): JsonObject {
  return tfDoc(aksCluster('aks', cluster), ...pools.map((p, i) => nodePool(`pool${i}`, 'aks', p)), {
    terraform: { required_providers: { azurerm: { version } } },
  });
}

/** Runs `diff` on two documents written as files. */
function diff(base: JsonObject, head: JsonObject, ...args: string[]) {
  const n = fs.readdirSync(tmp).length;
  return runCli(['diff', ...args, write(`d${n}/base.json`, base), write(`d${n}/head.json`, head)]);
}

const ROT = 'systemtmp';
const CASES: { rule: string; exit: number; failing: [JsonObject, JsonObject]; valid: [JsonObject, JsonObject] }[] = [
  {
    rule: 'change/cluster-replaced [error]',
    exit: 1,
    failing: [
      stack({ network_profile: { service_cidr: '10.0.0.0/16', dns_service_ip: '10.0.0.10' } }),
      stack({ network_profile: { service_cidr: '10.5.0.0/16', dns_service_ip: '10.5.0.10' } }),
    ],
    valid: [stack(), stack({ default_node_pool: { node_count: 5 } })],
  },
  {
    rule: 'change/pool-replaced [warning]',
    exit: 0,
    failing: [stack({}, [{}]), stack({}, [{ os_type: 'Windows' }])],
    valid: [stack({}, [{}]), stack({}, [{ node_count: 6 }])],
  },
  {
    rule: 'change/pool-cycled [warning]',
    exit: 0,
    failing: [
      stack({ default_node_pool: { temporary_name_for_rotation: ROT } }),
      stack({ default_node_pool: { temporary_name_for_rotation: ROT, vm_size: 'Standard_D8s_v5' } }),
    ],
    valid: [
      stack({ default_node_pool: { temporary_name_for_rotation: ROT } }),
      stack({ default_node_pool: { temporary_name_for_rotation: ROT, node_count: 4 } }),
    ],
  },
  {
    rule: 'change/rotation-name-missing [error]',
    exit: 1,
    failing: [stack(), stack({ default_node_pool: { vm_size: 'Standard_D8s_v5' } })],
    valid: [stack(), stack({ default_node_pool: { vm_size: 'Standard_D8s_v5', temporary_name_for_rotation: ROT } })],
  },
  {
    rule: 'change/network-migration [warning]',
    exit: 0,
    failing: [
      stack({ network_profile: { network_plugin: 'kubenet', network_plugin_mode: undefined } }, [], '4.81.0'),
      stack({}, [], '4.81.0'),
    ],
    valid: [
      stack({}, [], '4.81.0'),
      stack({ network_profile: { network_policy: 'cilium', network_data_plane: 'azure' } }, [], '4.81.0'),
    ],
  },
  {
    rule: 'change/egress-changed [warning]',
    exit: 0,
    failing: [stack(), stack({ network_profile: { outbound_type: 'userDefinedRouting' } })],
    valid: [stack(), stack({ network_profile: { outbound_type: 'loadBalancer' } })],
  },
  {
    rule: 'change/pool-deleted [warning]',
    exit: 0,
    failing: [stack({}, [{}]), stack()],
    valid: [stack({}, [{}]), stack({}, [{ node_count: 1 }])],
  },
];

describe('diff BASE HEAD', () => {
  it.each(CASES)(
    '$rule: found on the failing change, absent on the just-valid one',
    ({ rule, exit, failing, valid }) => {
      const bad = diff(...failing);
      expect(bad.stdout).toContain(rule);
      expect(bad.code).toBe(exit);
      expect(bad.stdout).toMatch(/^prediction from configuration \(azurerm 4\.(55|66\+) rules, no state\)/);
      const good = diff(...valid);
      expect(good.stdout).not.toContain(rule.split(' ')[0]);
      expect(good.code).toBe(0);
    },
  );

  it('--format json prints the shape of check plus the prediction note', () => {
    const r = diff(stack(), stack({ default_node_pool: { vm_size: 'Standard_D8s_v5' } }), '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    const checkKeys = Object.keys(JSON.parse(runCli(['check', '--format', 'json', FIXTURE]).stdout) as object);
    expect(checkKeys).toEqual(expect.arrayContaining(['version', 'exitCode', 'errors', 'warnings', 'stacks']));
    expect(Object.keys(out)).toEqual([...checkKeys, 'prediction']);
    expect(out.stacks[0].findings[0]).toMatchObject({
      ruleId: 'change/rotation-name-missing',
      severity: 'error',
      address: 'azurerm_kubernetes_cluster.aks',
    });
  });

  it('--azurerm-version picks the provider rules: kubenet -> overlay replaces on 4.55, migrates on 4.66', () => {
    const base = stack({ network_profile: { network_plugin: 'kubenet', network_plugin_mode: undefined } });
    const head = stack();
    expect(diff(base, head).stdout).toContain('change/cluster-replaced [error]');
    const r = diff(base, head, '--azurerm-version', '4.66.0');
    expect(r.stdout).toContain('change/network-migration [warning]');
    expect(r.code).toBe(0);
  });

  it('matches the stacks of two cdktf.out folders by name', () => {
    const named = (name: string, doc: JsonObject): JsonObject => ({ ...doc, '//': { metadata: { stackName: name } } });
    const mk = (dir: string, b: JsonObject) => {
      write(`${dir}/stacks/alpha/cdk.tf.json`, named('alpha', stack()));
      write(`${dir}/stacks/beta/cdk.tf.json`, named('beta', b));
    };
    mk('out-base', stack());
    mk('out-head', stack({ network_profile: { outbound_type: 'userAssignedNATGateway' } }));
    const r = runCli(['diff', '--format', 'json', path.join(tmp, 'out-base'), path.join(tmp, 'out-head')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { stacks: { name: string; findings: { ruleId: string }[] }[] };
    expect(out.stacks.map((s) => [s.name, s.findings.map((f) => f.ruleId)])).toEqual([
      ['alpha', []],
      ['beta', ['change/egress-changed']],
    ]);
  });

  it('unusable input exits 2 with one line', () => {
    const r = runCli(['diff', path.join(tmp, 'nope'), FIXTURE]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(runCli(['diff', FIXTURE]).code).toBe(2);
  });
});
