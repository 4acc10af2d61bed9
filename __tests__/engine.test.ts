/**
 * The framework-free entry `cdktf-aks-overlay/engine` (lib/engine.ts), loaded BUILT
 * (dist/lib/engine.js) in a child Node process whose require hook throws on every framework or
 * provider package: cdktf, cdktn, constructs, @cdktf/*, @cdktn/*. The same for the CLI. `npm run
 * test:package` also imports the entry from a consumer that has none of them installed.
 * `npm test` builds first; alone: `npm run build && npx jest __tests__/engine.test.ts`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as engineSource from '../lib/engine';
import * as rootSource from '../lib';
import * as constructsSource from '../lib/constructs';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist/lib');
const BAD_PLAN = path.join(__dirname, 'fixtures/plans/bad/pod-overlap/cdk.tf.json');

/** Installs a require hook that throws on framework and provider packages (child-process preamble). */
const NO_FRAMEWORK_HOOK = `
const Module = require('module');
const blocked = /^(cdktf|cdktn|constructs)(\\/|$)|^@(cdktf|cdktn)\\//;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (blocked.test(request)) throw new Error('blocked framework import: ' + request);
  return resolve.call(this, request, ...rest);
};
`;

/** What a child process did. */
interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `script` after the hook in a child Node; `hook: false` runs it without the hook. */
function node(script: string, args: readonly string[] = [], hook = true): Run {
  const r = spawnSync(process.execPath, ['-e', `${hook ? NO_FRAMEWORK_HOOK : ''}\n${script}`, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The dist/lib modules (relative paths) a child loaded, printed as the last JSON line. */
const LOADED = `JSON.stringify(Object.keys(require.cache)
  .filter((f) => f.startsWith(${JSON.stringify(DIST + path.sep)}))
  .map((f) => f.slice(${DIST.length + 1})).sort())`;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'engine.js'))) {
    throw new Error('dist/lib/engine.js is missing: run `npm run build` first');
  }
});

describe('cdktf-aks-overlay/engine without any framework package', () => {
  it('loads with cdktf, cdktn, constructs and the providers blocked, and checks a plan', () => {
    const r = node(
      `const engine = require(process.argv[1]);
       const doc = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
       const findings = engine.check(doc);
       if (engine.analyze(doc).findings.length !== findings.length) throw new Error('analyze and check disagree');
       const report = engine.renderReport([{ name: 'bad', file: 'cdk.tf.json', document: doc }]);
       console.log(JSON.stringify({ ids: findings.map((f) => f.ruleId), heading: report.split('\\n')[0],
         rules: engine.RULE_IDS.length, clusters: engine.readModel(doc).clusters.length,
         cidr: engine.parseCidr('10.0.0.0/8').prefixLength }));
       console.log(${LOADED});`,
      [path.join(DIST, 'engine.js'), BAD_PLAN],
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [result, loaded] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(result).toEqual({
      ids: expect.arrayContaining(['network/overlap']),
      heading: '# AKS network review',
      rules: rootSource.RULE_IDS.length,
      clusters: 1,
      cidr: 8,
    });
    expect(loaded).toContain('engine.js');
    const framework = (loaded as string[]).filter((f) => f.startsWith(`constructs${path.sep}`) || f === 'index.js');
    expect(framework).toEqual([]);
  });

  it('the hook does block: the package root (which holds the constructs) fails to load under it', () => {
    const r = node('require(process.argv[1]);', [path.join(DIST, 'index.js')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/blocked framework import: (cdktf|constructs|@cdktf\/provider-[a-z]+\/.*)$/m);
    // ...and loads without it.
    expect(node('require(process.argv[1]);', [path.join(DIST, 'index.js')], false).code).toBe(0);
  });

  it('the CLI (check and report) runs with the framework blocked: lib/cli imports only the engine side', () => {
    // argv is [node, main.js, ...] as when run as a file; the CLI reads process.argv.slice(2).
    const cli = 'require(process.argv[1]);';
    const check = node(cli, [path.join(DIST, 'cli/main.js'), 'check', BAD_PLAN]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/network\/overlap/);
    const report = node(cli, [path.join(DIST, 'cli/main.js'), 'report', BAD_PLAN]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^# AKS network review$/m);
  });

  it('resolves by name through package.json exports', () => {
    const r = node("process.stdout.write(require.resolve('cdktf-aks-overlay/engine'))", [], false);
    expect(r.stdout).toBe(path.join(DIST, 'engine.js'));
  });

  it('shares its functions with the root entry (one copy of the engine when both are loaded)', () => {
    const r = node(
      `const e = require(process.argv[1]); const root = require(process.argv[2]);
       console.log(JSON.stringify(['check', 'readModel', 'parseCidr', 'RULE_IDS'].map((n) => e[n] === root[n])));`,
      [path.join(DIST, 'engine.js'), path.join(DIST, 'index.js')],
      false,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, true, true]);
  });
});

describe('package.json names the engine entry for every resolver', () => {
  it('exports ./engine (node16, nodenext, bundler) and typesVersions for node10, to the same files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      typesVersions: Record<string, Record<string, string[]>>;
    };
    expect(pkg.exports['./engine']).toEqual({
      types: './dist/lib/engine.d.ts',
      require: './dist/lib/engine.js',
      default: './dist/lib/engine.js',
    });
    expect(pkg.typesVersions).toEqual({ '*': { engine: ['dist/lib/engine.d.ts'] } });
    expect(fs.existsSync(path.join(DIST, 'engine.d.ts'))).toBe(true);
  });
});

describe('the engine entry exports', () => {
  it('everything the root exports except the constructs (the root re-exports the engine and the constructs)', () => {
    const constructNames = new Set(Object.keys(constructsSource));
    const expected = Object.keys(rootSource)
      .filter((n) => !constructNames.has(n))
      .sort();
    expect(Object.keys(engineSource).sort()).toEqual(expected);
    expect(Object.keys(engineSource)).toContain('renderReport');
    expect(Object.keys(engineSource)).toContain('analyze');
  });
});
