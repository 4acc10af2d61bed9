/**
 * The package's file list and entry points, checked on every `npm test` (which builds dist/
 * first). The full consumer test, with install and compile, is `npm run test:package`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
// scripts/ is plain JavaScript, outside the type-checked tree: no types to `import`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fileListProblems } = require('../scripts/test-package.js') as {
  fileListProblems: (files: readonly string[], options?: { stale?: boolean }) => string[];
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  files: string[];
};

/** What `npm pack` would ship from the current dist/, without running the build again. */
function dryRunFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack --dry-run failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { files: { path: string }[] }[];
  return report[0].files.map((f) => f.path).sort();
}

/** A correct list: every lib/ source compiled to .js and .d.ts, plus the top-level files. */
function goodList(): string[] {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts'))
        sources.push(path.relative(path.join(ROOT, 'lib'), p).split(path.sep).join('/').replace(/\.ts$/, ''));
    }
  };
  walk(path.join(ROOT, 'lib'));
  return [
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'package.json',
    'docs/RULES.md',
    'docs/report-map.png',
    'docs/report-map-dual-stack.png',
    'API.md',
    ...sources.flatMap((s) => [
      `lib/${s}.ts`,
      `dist/lib/${s}.js`,
      `dist/lib/${s}.js.map`,
      `dist/lib/${s}.d.ts`,
      `dist/lib/${s}.d.ts.map`,
    ]),
  ];
}

describe('npm pack file list', () => {
  it('ships the compiled library with declarations, maps and sources, the docs, LICENSE and CHANGELOG, and nothing else', () => {
    expect(fs.existsSync(path.join(ROOT, pkg.main))).toBe(true); // npm test builds before jest
    const files = dryRunFiles();
    expect(fileListProblems(files, { stale: false })).toEqual([]);
    expect(files.filter((f) => !/^(dist\/)?lib\//.test(f)).sort()).toEqual([
      'API.md',
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'docs/RULES.md',
      'docs/report-map-dual-stack.png',
      'docs/report-map.png',
      'package.json',
    ]);
  });

  it('accepts the complete list', () => {
    expect(fileListProblems(goodList())).toEqual([]);
  });

  it.each([
    ['a test file', 'dist/lib/net/cidr.test.js', /test\/example\/bench output dist\/lib\/net\/cidr\.test\.js/],
    ['a compiled test folder', 'dist/__tests__/net.test.js', /dist\/__tests__\/net\.test\.js/],
    ['a source map of a removed module', 'dist/lib/removed-module.js.map', /stale build output/],
    ['the source of a removed module', 'lib/removed-module.ts', /stale build output/],
    ['TypeScript source outside lib', 'main.ts', /ships main\.ts/],
    ['another doc', 'docs/DESIGN.md', /ships docs\/DESIGN\.md/],
    ['an example build', 'dist/examples/dual-stack.js', /examples/],
    ['stale output whose source is gone', 'dist/lib/removed-module.js', /stale build output/],
  ])('rejects %s', (_what, extra, message) => {
    const problems = fileListProblems([...goodList(), extra]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });

  it.each([
    ['LICENSE', /does not ship LICENSE/],
    ['dist/lib/index.d.ts', /lib\/index\.ts has no dist\/lib\/index\.d\.ts/],
    ['dist/lib/engine.js.map', /lib\/engine\.ts has no dist\/lib\/engine\.js\.map/],
    ['dist/lib/rules/check.d.ts.map', /lib\/rules\/check\.ts has no dist\/lib\/rules\/check\.d\.ts\.map/],
    ['lib/net/cidr.ts', /lib\/net\/cidr\.ts has no lib\/net\/cidr\.ts/],
    ['docs/RULES.md', /does not ship docs\/RULES\.md/],
    ['API.md', /does not ship API\.md/],
    [pkg.bin['cdktf-aks-overlay'], /package\.json points at dist\/lib\/cli\/main\.js/],
  ])('rejects a list without %s', (missing, message) => {
    const problems = fileListProblems(goodList().filter((f) => f !== missing));
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('package.json entry points', () => {
  it('points main, types, exports and bin at the compiled entry modules of lib/', () => {
    expect(pkg.main).toBe('dist/lib/index.js');
    expect(pkg.types).toBe('dist/lib/index.d.ts');
    expect(pkg.exports['.']).toEqual({
      types: './dist/lib/index.d.ts',
      require: './dist/lib/index.js',
      default: './dist/lib/index.js',
    });
    expect(pkg.bin).toEqual({ 'cdktf-aks-overlay': 'dist/lib/cli/main.js' });
    expect(fs.existsSync(path.join(ROOT, 'lib/index.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'lib/cli/main.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('resolves the package name through exports, for require and nothing deeper', () => {
    // Node's own resolver (jest has its own): a package may require itself by name via `exports`.
    const resolve = (request: string) =>
      spawnSync(process.execPath, ['-e', `process.stdout.write(require.resolve(${JSON.stringify(request)}))`], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(resolve(pkg.name).stdout).toBe(path.join(ROOT, 'dist/lib/index.js'));
    const deep = resolve(`${pkg.name}/dist/lib/net/cidr`);
    expect(deep.status).not.toBe(0);
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('has a semver version recorded in the CHANGELOG', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version} - `);
  });
});
