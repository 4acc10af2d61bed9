/**
 * The engine-only consumer of scripts/test-package.js: a project that installs the packed
 * library as the README's Install table says for the engine (`npm install --omit=peer`), so
 * that cdktf, cdktn, constructs and the providers are not on disk. It compiles a strict consumer
 * of `cdktf-aks-overlay/engine` (node10 with declaration checks, node16), the README's engine
 * snippet, runs them, imports the entry from an ES module, and runs the CLI.
 */
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./harness');

/**
 * Packages that must be absent from the engine-only project. `@cdktn/hcl2json` is the engine's own
 * dependency (it converts `.tf` files for the CLI, loaded only when one is met), not a framework.
 */
const FRAMEWORK = ['cdktf', 'cdktn', 'constructs', '@cdktf'];
const FRAMEWORK_SCOPED = (nm) =>
  fs.existsSync(path.join(nm, '@cdktn'))
    ? fs
        .readdirSync(path.join(nm, '@cdktn'))
        .filter((n) => n !== 'hcl2json')
        .map((n) => `@cdktn/${n}`)
    : [];

/** Installs the tarball with --omit=peer (plus @types/node to compile) and checks what is absent. */
function install(tarball, project) {
  h.writeProject(project);
  const specs = [`@types/node@${h.lockedVersion('@types/node')}`];
  h.run(h.NPM, ['install', '--omit=peer', ...h.INSTALL_FLAGS, tarball, ...specs], { cwd: project });
  const nm = path.join(project, 'node_modules');
  const present = [...FRAMEWORK.filter((p) => fs.existsSync(path.join(nm, p))), ...FRAMEWORK_SCOPED(nm)];
  assert.deepEqual(present, [], 'npm install --omit=peer leaves every framework and provider package out');
  assert.ok(fs.existsSync(path.join(nm, h.PKG.name, 'dist', 'lib', 'engine.js')), 'the package is installed');
}

/**
 * Compiles and runs the engine consumer and the README's engine snippet (on `stackFile`, a stack
 * the cdktf consumer synthesized). Returns the consumer's report.
 */
function compileAndRun(project, stackFile) {
  for (const f of ['engine-consumer.ts', 'overlap.tf.json'])
    fs.copyFileSync(path.join(h.CONSUMER_DIR, f), path.join(project, f));
  fs.writeFileSync(path.join(project, 'readme-engine.ts'), `${h.readmeBlock('## Install', 'ts')}\n`);
  const snippetStack = path.join(project, 'cdktf.out', 'stacks', 'aks', 'cdk.tf.json');
  fs.mkdirSync(path.dirname(snippetStack), { recursive: true });
  fs.copyFileSync(stackFile, snippetStack);

  // node10 resolves the subpath through typesVersions; declaration files are checked, so a type
  // that reached for cdktf would fail here (it is not installed).
  h.tsc(project, 'node10', { skipLibCheck: false }, ['engine-consumer.ts', 'readme-engine.ts']);
  h.tsc(project, 'node16', { module: 'node16', moduleResolution: 'node16', skipLibCheck: true }, [
    'engine-consumer.ts',
  ]);

  const last = (r) => JSON.parse(r.stdout.trim().split('\n').pop());
  const report = last(
    h.run(process.execPath, [path.join(project, 'out-node10', 'engine-consumer.js')], { cwd: project }),
  );
  assert.ok(
    report.ruleIds.includes('network/overlap'),
    `check() through the engine reports network/overlap (got ${report.ruleIds})`,
  );
  assert.equal(report.clusters, 1);
  assert.equal(report.reportHeading, '# AKS network review');
  assert.match(
    report.rootError,
    /Cannot find module '(cdktf|constructs|@cdktf\/[^']+)'/,
    'the package root cannot load here',
  );
  const report16 = last(
    h.run(process.execPath, [path.join(project, 'out-node16', 'engine-consumer.js')], { cwd: project }),
  );
  assert.deepEqual(report16, report, 'node16 build gives the same report');

  const esm = h.run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { check, RULE_IDS, renderReport } from '${h.PKG.name}/engine';
     console.log(JSON.stringify([typeof check, typeof renderReport, RULE_IDS.length]));`,
    ],
    { cwd: project },
  );
  assert.deepEqual(
    JSON.parse(esm.stdout),
    ['function', 'function', report.ruleCount],
    'named ES module imports of the engine',
  );

  const snippet = h.run(process.execPath, [path.join(project, 'out-node10', 'readme-engine.js')], {
    cwd: project,
    allowFailure: true,
  });
  assert.equal(snippet.status, 0, `the README's engine snippet runs:\n${snippet.stderr}`);

  // The shipped maps point at the shipped sources: stack traces and "Go to definition" land in lib/*.ts.
  const trace = h.run(
    process.execPath,
    [
      '--enable-source-maps',
      '-e',
      `try { require('${h.PKG.name}/engine').parseCidr('10.0.0.0/33'); } catch (e) { console.log(e.stack); }`,
    ],
    { cwd: project },
  );
  const installed = path.join(project, 'node_modules', h.PKG.name);
  assert.ok(
    trace.stdout.includes(`${path.join(installed, 'lib', 'net', 'cidr.ts')}:`),
    `source-mapped stack:\n${trace.stdout}`,
  );
  const declarationMap = JSON.parse(fs.readFileSync(path.join(installed, 'dist', 'lib', 'engine.d.ts.map'), 'utf8'));
  for (const source of declarationMap.sources) {
    assert.ok(
      fs.existsSync(path.join(installed, 'dist', 'lib', source)),
      `engine.d.ts.map source ${source} is shipped`,
    );
  }

  const bin = path.join(project, 'node_modules', '.bin', 'cdktf-aks-overlay');
  const cli = h.run(bin, ['check', 'overlap.tf.json'], { cwd: project, allowFailure: true });
  assert.equal(cli.status, 1, `the CLI runs without any framework and finds the overlap:\n${cli.stdout}${cli.stderr}`);
  assert.match(cli.stdout, /network\/overlap/);
  return report;
}

/**
 * Load time of the engine entry and of the package root, in `project` (which has everything
 * installed): each the median of 3 fresh processes, in-process `require` time in ms. Also checks
 * that the engine loaded nothing from a framework or provider package.
 */
function loadTimes(project) {
  const measure = (request) => {
    const times = [];
    let modules;
    for (let i = 0; i < 3; i++) {
      const r = h.run(
        process.execPath,
        [
          '-e',
          `
        const t = process.hrtime.bigint(); require('${request}');
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        const framework = Object.keys(require.cache)
          .filter((f) => /[\\\\/]node_modules[\\\\/](cdktf|cdktn|constructs|@cdktf|@cdktn)[\\\\/]/.test(f));
        console.log(JSON.stringify({ ms, modules: Object.keys(require.cache).length, framework: framework.length }));`,
        ],
        { cwd: project },
      );
      const m = JSON.parse(r.stdout);
      times.push(m.ms);
      modules = m;
    }
    return { ms: times.sort((a, b) => a - b)[1], modules: modules.modules, framework: modules.framework };
  };
  const engine = measure(`${h.PKG.name}/engine`);
  const root = measure(h.PKG.name);
  assert.equal(engine.framework, 0, 'the engine entry loads no framework or provider module');
  assert.ok(root.framework > 0, 'the root loads the framework (the measurement sees it)');
  return { engine, root };
}

module.exports = { install, compileAndRun, loadTimes };
