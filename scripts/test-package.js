#!/usr/bin/env node
/**
 * Consumer test (`npm run test:package`): what a user gets from `npm install cdktf-aks-overlay`.
 * One pack, three consumer projects (cdktf, cdktn, engine-only), each installed once.
 *
 *  1. `npm pack` the library (prepack cleans dist/, prepare builds it) and check the file list:
 *     per lib/ source its .ts, .js, .d.ts and both maps (nothing stale, no tests), README.md,
 *     LICENSE, CHANGELOG.md, docs/RULES.md, the README's pictures, API.md, package.json; and nothing else. Then the
 *     checkout after that clean build (the CLI is executable, `npx cdktf-aks-overlay` runs), and
 *     README/CHANGELOG links against the shipped files.
 *  2. Create a throwaway project, install the tarball with its peer dependencies at the versions
 *     of this repository's package-lock.json (from the npm cache: --prefer-offline).
 *  3. Compile a small consumer with `tsc --strict` (this repository's TypeScript) against the
 *     installed types: a CommonJS consumer with moduleResolution node10, node16 and nodenext, and
 *     an ES module consumer with nodenext and bundler; plus the example scenarios (examples/*.ts
 *     importing the package).
 *  4. Run the consumer: it synthesizes a dual-stack cluster with a Windows pool, and runs `check`
 *     on a hand-written document; then verify the stack JSON and the findings here.
 *  5. Run the installed `cdktf-aks-overlay` executable on the synthesized stack and on the
 *     hand-written document (check and report), and on a missing path (exit 2, one line).
 *  6. Compile (strict) and run the README's "Use it in your cdktf app" example as it is written,
 *     and check the stack it synthesizes; synthesize the example scenarios.
 *  7. A cdktn 0.24 app installed as the README's "CDK Terrain (cdktn)" says
 *     (package-consumer/cdktn.js): strict compile, synth; the scenarios' JSON equals step 6's but
 *     `//.metadata.version`.
 *  8. An engine-only project (`npm install --omit=peer`, package-consumer/engine.js): no
 *     framework on disk; `cdktf-aks-overlay/engine` compiles, runs, imports from ESM; the CLI
 *     runs. Then the load time of the engine entry against the root; and CHANGELOG.md has a
 *     section for the package's version.
 *
 * Options: --keep (leave the temp folder for inspection), --tarball FILE (skip step 1's pack).
 */
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./package-consumer/harness');
const cdktn = require('./package-consumer/cdktn');
const engine = require('./package-consumer/engine');

const { ROOT, PKG, CONSUMER_DIR, NPM, TSC, run, lockedVersion, single } = h;
/** What the consumer installs besides the tarball: the peers, plus @types/node like any cdktf app. */
const CONSUMER_DEPS = [...Object.keys(PKG.peerDependencies), '@types/node'];

const timings = [];
function step(name, fn) {
  const t0 = process.hrtime.bigint();
  process.stdout.write(`- ${name} ... `);
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  timings.push([name, seconds]);
  console.log(`ok (${seconds.toFixed(1)} s)`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// 1. pack

/** Files that may ship besides the library (dist/lib) and its sources (lib). */
const TOP_LEVEL = [
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'package.json',
  'docs/RULES.md',
  'docs/report-map.png',
  'docs/report-map-dual-stack.png',
  'API.md',
];
/** What ships for each lib/<module>.ts: the source itself, and its compiled output with maps. */
const PER_SOURCE = (s) => [
  `lib/${s}.ts`,
  ...['.js', '.js.map', '.d.ts', '.d.ts.map'].map((ext) => `dist/lib/${s}${ext}`),
];

function listSources(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(p, base));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
      out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

function pack(dest) {
  const r = run(NPM, ['pack', '--json', '--pack-destination', dest], { cwd: ROOT });
  // Lifecycle scripts (prepack, prepare) print to stdout too; npm's JSON report is the last
  // top-level array.
  const start = r.stdout.lastIndexOf('\n[\n');
  const report = JSON.parse(start >= 0 ? r.stdout.slice(start + 1) : r.stdout);
  assert.equal(report.length, 1, 'npm pack reports one package');
  const { filename, size, unpackedSize, entryCount } = report[0];
  const files = report[0].files.map((f) => f.path).sort();
  return { tarball: path.join(dest, filename), files, size, unpackedSize, entryCount };
}

/**
 * The problems of a package file list, checked against lib/ and the package.json entry points
 * (an empty array when it is right). Each lib/ source ships with its .js, .d.ts and their maps
 * (whose `sources` point at the shipped lib/*.ts). `stale: false` skips the check for compiled
 * files whose source is gone (a developer's dist/ may hold some; the pack here builds clean).
 */
function fileListProblems(files, { stale = true } = {}) {
  const problems = [];
  const shipped = new Set(files);
  const compiled = /^dist\/lib\/(.+?)(\.d\.ts|\.js)(\.map)?$/;
  for (const f of files) {
    const source = /^lib\/.+(?<!\.d)\.ts$/.test(f);
    const ok = TOP_LEVEL.includes(f) || compiled.test(f) || source;
    if (!ok) {
      problems.push(`ships ${f}, which is neither the compiled library, its lib/ sources nor ${TOP_LEVEL.join('/')}`);
    }
    if (/__tests__|\.test\.|\.spec\.|\/examples\/|\/bench\//.test(f)) {
      problems.push(`ships test/example/bench output ${f}`);
    }
  }
  for (const f of TOP_LEVEL) if (!shipped.has(f)) problems.push(`does not ship ${f}`);
  const sources = listSources(path.join(ROOT, 'lib')).map((s) => s.replace(/\.ts$/, ''));
  const sourceSet = new Set(sources);
  for (const s of sources) {
    for (const f of PER_SOURCE(s)) if (!shipped.has(f)) problems.push(`lib/${s}.ts has no ${f} in the package`);
  }
  for (const f of stale ? files : []) {
    const m = compiled.exec(f) || /^lib\/(.+)()\.ts$/.exec(f);
    if (m && !sourceSet.has(m[1])) {
      problems.push(`ships ${f}, but lib/${m[1]}.ts does not exist (stale build output)`);
    }
  }
  // Every entry point package.json names must be in the package.
  const targets = [PKG.main, PKG.types, ...Object.values(PKG.bin || {})];
  const walk = (v) =>
    typeof v === 'string' ? targets.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk);
  walk(PKG.exports);
  for (const t of targets) {
    const f = path.posix.normalize(t);
    if (!shipped.has(f)) problems.push(`package.json points at ${t}, which is not in the package`);
  }
  return problems;
}

function checkFileList(files) {
  const problems = fileListProblems(files);
  if (problems.length)
    throw new Error(`the package's file list is wrong:\n  ${problems.join('\n  ')}\nfiles:\n  ${files.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// 2. install

function install(tarball, project) {
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'cdktf-aks-overlay-consumer', version: '0.0.0', private: true, license: 'UNLICENSED' }, null, 2)}\n`,
  );
  const specs = CONSUMER_DEPS.map((n) => `${n}@${lockedVersion(n)}`);
  run(NPM, ['install', ...h.INSTALL_FLAGS, tarball, ...specs], { cwd: project });
  const nm = path.join(project, 'node_modules');
  // Peer dependencies resolve to the consumer's single copy, never a nested one.
  for (const peer of Object.keys(PKG.peerDependencies)) {
    const nested = path.join(nm, PKG.name, 'node_modules', peer);
    assert.ok(!fs.existsSync(nested), `${peer} is installed twice (nested under ${PKG.name}); it must be a peer`);
    assert.equal(require(path.join(nm, peer, 'package.json')).version, lockedVersion(peer), `${peer} version`);
  }
  // Install scripts of dependencies may not run (npm 11 skips them unless allowed): the library
  // must not need any of its own.
  const installed = require(path.join(nm, PKG.name, 'package.json'));
  for (const s of ['preinstall', 'install', 'postinstall']) {
    assert.ok(!(installed.scripts && installed.scripts[s]), `the package has an ${s} script, which consumers may skip`);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. compile

/** The compiler settings a consumer would plausibly use, one per module resolution mode. */
const COMPILES = [
  // The first also compiles the example scenarios (examples/*.ts importing the package).
  { name: 'node10', module: 'commonjs', moduleResolution: 'node10', files: ['consumer.ts', 'scenarios/main.ts'] },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', files: ['consumer.ts'] },
  { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext', files: ['consumer.ts', 'consumer-esm.mts'] },
  // Type resolution only: what a bundler-based setup sees (not run).
  { name: 'bundler', module: 'preserve', moduleResolution: 'bundler', files: ['consumer-esm.mts'], noEmit: true },
];

function compile(project) {
  for (const f of ['consumer.ts', 'consumer-esm.mts', 'overlap.tf.json'])
    fs.copyFileSync(path.join(CONSUMER_DIR, f), path.join(project, f));
  h.writeScenarios(project);
  for (const c of COMPILES) {
    const outDir = path.join(project, `out-${c.name}`);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022'],
        module: c.module,
        moduleResolution: c.moduleResolution,
        strict: true,
        // The first compile checks every declaration file it loads, ours included; the others
        // only resolve the types (checking cdktf's and the providers' again costs ~5 s each).
        skipLibCheck: c !== COMPILES[0],
        types: ['node'],
        outDir,
        rootDir: '.',
        noEmit: Boolean(c.noEmit),
      },
      files: c.files,
    };
    const configPath = path.join(project, `tsconfig.${c.name}.json`);
    fs.writeFileSync(configPath, JSON.stringify(tsconfig, null, 2));
    const r = run(process.execPath, [TSC, '-p', configPath, '--pretty', 'false'], { cwd: project, allowFailure: true });
    if (r.status !== 0)
      throw new Error(
        `the consumer does not compile with moduleResolution ${c.moduleResolution}:\n${r.stdout}${r.stderr}`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// 4. run and verify

function runConsumer(project) {
  const outdir = path.join(project, 'cdktf.out');
  const r = run(process.execPath, [path.join(project, 'out-node10', 'consumer.js'), outdir], { cwd: project });
  const report = JSON.parse(r.stdout.trim().split('\n').pop());
  const stackFile = path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json');
  assert.ok(fs.existsSync(stackFile), `app.synth() wrote ${stackFile}`);
  const doc = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
  verifyStack(doc);
  verifyFindings(report);
  // The same consumer compiled under node16 runs too (the emitted CommonJS differs in helpers).
  const r16 = run(
    process.execPath,
    [path.join(project, 'out-node16', 'consumer.js'), path.join(project, 'cdktf.out.node16')],
    { cwd: project },
  );
  assert.deepEqual(JSON.parse(r16.stdout.trim().split('\n').pop()), report, 'node16 build gives the same report');
  assert.equal(
    fs.readFileSync(path.join(project, 'cdktf.out.node16', 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'),
    fs.readFileSync(stackFile, 'utf8'),
    'synth is deterministic across builds',
  );
  // An ES module consumer: named imports of a CommonJS package go through Node's static
  // analysis of its exports, which a change in how index.ts re-exports could break.
  const esm = run(process.execPath, [path.join(project, 'out-nodenext', 'consumer-esm.mjs')], { cwd: project });
  const esmReport = JSON.parse(esm.stdout.trim().split('\n').pop());
  assert.deepEqual(esmReport.overlapRuleIds, report.overlapRuleIds, 'the ES module consumer gets the same findings');
  // Only the entry point is public: deep imports are closed by `exports`.
  const deep = run(process.execPath, ['-e', `require('${PKG.name}/dist/lib/net/cidr')`], {
    cwd: project,
    allowFailure: true,
  });
  assert.notEqual(deep.status, 0, 'deep imports are closed by exports');
  assert.match(deep.stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED/);
  return { doc, stackFile };
}

/** The bits of the synthesized dual-stack cluster a consumer relies on. */
function verifyStack(doc) {
  const cluster = single(doc, 'azurerm_kubernetes_cluster');
  const np = Array.isArray(cluster.body.network_profile)
    ? cluster.body.network_profile[0]
    : cluster.body.network_profile;
  assert.ok(np, 'the cluster has a network_profile');
  assert.equal(np.network_plugin, 'azure');
  assert.equal(np.network_plugin_mode, 'overlay');
  assert.deepEqual(np.ip_versions, ['IPv4', 'IPv6'], 'dual-stack cluster: ip_versions [IPv4, IPv6]');
  assert.equal(np.pod_cidrs.length, 2, 'dual-stack cluster: two pod ranges');
  assert.equal(np.service_cidrs.length, 2, 'dual-stack cluster: two service ranges');
  const pool = single(doc, 'azurerm_kubernetes_cluster_node_pool');
  assert.equal(pool.body.os_type, 'Windows');
  assert.equal(pool.body.name, 'win1');
  assert.equal(pool.body.kubernetes_cluster_id, `\${azurerm_kubernetes_cluster.${cluster.name}.id}`);
  const wp = Array.isArray(cluster.body.windows_profile)
    ? cluster.body.windows_profile[0]
    : cluster.body.windows_profile;
  assert.ok(wp, 'a cluster with a Windows pool has a windows_profile');
  assert.equal(wp.admin_password, '${var.win_admin_password}', 'the password is the sensitive variable, not a literal');
  assert.equal(doc.variable.win_admin_password.sensitive, true);
  const services = ['kubernetes_service', 'kubernetes_service_v1'].flatMap((t) =>
    Object.values((doc.resource && doc.resource[t]) || {}),
  );
  const families = services
    .map((s) => (Array.isArray(s.spec) ? s.spec[0] : s.spec).ip_families)
    .flat()
    .sort();
  assert.deepEqual(
    families,
    ['IPv4', 'IPv6'],
    'the NGINX workload is exposed on one IPv4 and one IPv6 LoadBalancer service',
  );
}

function verifyFindings(report) {
  assert.ok(
    report.overlapRuleIds.includes('network/overlap'),
    `check() on the overlapping document reports network/overlap (got ${JSON.stringify(report.overlapRuleIds)})`,
  );
  assert.ok(
    report.overlapMessages.some((m) => m.startsWith('network/overlap:')),
    'the message starts with the rule id',
  );
  assert.ok(
    !report.cleanRuleIds.includes('network/overlap'),
    'check() on the same document without the overlap reports no network/overlap',
  );
  assert.deepEqual(report.synthesizedErrors, [], 'check() on the synthesized stack finds no errors');
  const catalogue =
    fs.readFileSync(path.join(ROOT, 'docs', 'RULES.md'), 'utf8').match(/^\| [a-z]+\/[a-z0-9-]+ \|/gm) || [];
  assert.ok(report.listsOverlap, 'RULE_IDS lists network/overlap');
  assert.equal(report.ruleCount, catalogue.length, 'RULE_IDS has one id per rule of docs/RULES.md');
}

// ---------------------------------------------------------------------------------------------
// 5. the executable

function runCli(project, stackFile) {
  const bin = path.join(
    project,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'cdktf-aks-overlay.cmd' : 'cdktf-aks-overlay',
  );
  assert.ok(fs.existsSync(bin), 'npm linked the cdktf-aks-overlay executable');
  const version = run(bin, ['--version'], { cwd: project });
  assert.equal(version.stdout.trim(), PKG.version, '--version prints the package version');
  const ok = run(bin, ['check', stackFile], { cwd: project, allowFailure: true });
  assert.equal(ok.status, 0, `check on the synthesized stack exits 0:\n${ok.stdout}${ok.stderr}`);
  const badFile = path.join(project, 'overlap.tf.json');
  const bad = run(bin, ['check', badFile], { cwd: project, allowFailure: true });
  assert.equal(bad.status, 1, `check on the overlapping document exits 1:\n${bad.stdout}${bad.stderr}`);
  assert.match(`${bad.stdout}${bad.stderr}`, /network\/overlap/);
  const report = run(bin, ['report', stackFile, badFile], { cwd: project, allowFailure: true });
  assert.equal(report.status, 0, `report exits 0, findings or not:\n${report.stdout}${report.stderr}`);
  assert.match(report.stdout, /^# AKS network review$/m, 'report prints the Markdown review');
  assert.match(report.stdout, /^### Cluster `aks-consumer`$/m, 'report names the synthesized cluster');
  const missing = run(bin, ['check', 'no-such-dir'], { cwd: project, allowFailure: true });
  assert.equal(missing.status, 2, 'check on a missing path exits 2');
  assert.equal(missing.stdout, '', 'nothing on stdout for unusable input');
  assert.equal(missing.stderr, `${PKG.name}: no-such-dir: no such file or directory\n`, 'one line on stderr');
}

// ---------------------------------------------------------------------------------------------
// 6. the README's example and the CHANGELOG

function runReadmeExample(project) {
  fs.writeFileSync(path.join(project, 'readme-example.ts'), `${h.readmeBlock('## Use it in your cdktf app')}\n`);
  const outDir = path.join(project, 'out-readme');
  const configPath = path.join(project, 'tsconfig.readme.json');
  fs.writeFileSync(
    configPath,
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022'],
          module: 'commonjs',
          moduleResolution: 'node10',
          strict: true,
          skipLibCheck: true,
          types: ['node'],
          outDir,
          rootDir: '.',
        },
        files: ['readme-example.ts'],
      },
      null,
      2,
    ),
  );
  const r = run(process.execPath, [TSC, '-p', configPath, '--pretty', 'false'], { cwd: project, allowFailure: true });
  if (r.status !== 0) throw new Error(`the README's example does not compile:\n${r.stdout}${r.stderr}`);
  const synthOut = path.join(project, 'cdktf.out.readme');
  run(process.execPath, [path.join(outDir, 'readme-example.js')], { cwd: project, env: { CDKTF_OUTDIR: synthOut } });
  const stacks = fs.readdirSync(path.join(synthOut, 'stacks'));
  assert.equal(stacks.length, 1, `the README's example synthesizes one stack (got ${stacks.join(', ')})`);
  const doc = JSON.parse(fs.readFileSync(path.join(synthOut, 'stacks', stacks[0], 'cdk.tf.json'), 'utf8'));
  const cluster = single(doc, 'azurerm_kubernetes_cluster');
  const np = Array.isArray(cluster.body.network_profile)
    ? cluster.body.network_profile[0]
    : cluster.body.network_profile;
  assert.deepEqual(np.ip_versions, ['IPv4', 'IPv6'], "the README's example is dual-stack");
  assert.equal(
    single(doc, 'azurerm_kubernetes_cluster_node_pool').body.os_type,
    'Windows',
    "the README's example adds a Windows pool",
  );
  const services = Object.values((doc.resource && doc.resource.kubernetes_service_v1) || {})
    .map((s) => (Array.isArray(s.metadata) ? s.metadata[0] : s.metadata).name)
    .sort();
  assert.deepEqual(services, ['nginx-ipv4', 'nginx-ipv6'], "the README's example exposes nginx-ipv4 and nginx-ipv6");
}

function checkChangelog() {
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const version = PKG.version.replace(/[.+]/g, '\\$&');
  assert.match(
    changelog,
    new RegExp(`^## \\[?${version}\\]? - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    `CHANGELOG.md has a section "## ${PKG.version} - YYYY-MM-DD"`,
  );
}

/** Synthesizes the example scenarios in the cdktf consumer; returns the output folder. */
function runScenarios(project) {
  const out = path.join(project, 'cdktf.out.scenarios');
  run(process.execPath, [path.join(project, 'out-node10', 'scenarios', 'main.js'), out], { cwd: project });
  const stacks = Object.keys(h.readStacks(out));
  assert.ok(stacks.length >= 5, `the scenarios synthesize every example stack (got ${stacks.join(', ')})`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// 7. the checkout after the pack's clean build, and the README's links

/**
 * `npm pack` ran `prepack` (clean) and `prepare` (build): the CLI must still be executable in
 * the checkout, where `npx cdktf-aks-overlay` runs the file itself (tsc writes files without the
 * bit, and npx then fails with "Permission denied"; scripts/postbuild.js sets it). Run directly,
 * as npx would, without npx's own start-up time.
 */
function checkCheckoutBin() {
  const bin = path.join(ROOT, PKG.bin['cdktf-aks-overlay']);
  assert.ok((fs.statSync(bin).mode & 0o111) !== 0, `${PKG.bin['cdktf-aks-overlay']} is executable after a clean build`);
  const r = run(bin, ['--version'], { cwd: ROOT, allowFailure: true });
  assert.equal(r.status, 0, `${PKG.bin['cdktf-aks-overlay']} --version in the checkout:\n${r.stdout}${r.stderr}`);
  assert.equal(r.stdout.trim(), PKG.version);
}

/** Folders of contributor-only files: linked from the README, resolved through `repository`. */
const REPOSITORY_ONLY = /^(scripts|bench|__tests__)\//;

/**
 * Relative links of README.md and CHANGELOG.md (what the npm page shows) point at files the
 * package ships, except contributor files under scripts/, bench/ and __tests__/, which must
 * exist in the repository (npm resolves them against `repository`).
 */
function checkLinks(files) {
  const shipped = new Set(files);
  const problems = [];
  for (const doc of ['README.md', 'CHANGELOG.md']) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const file = path.posix.normalize(target);
      if (shipped.has(file)) continue;
      if (REPOSITORY_ONLY.test(file) && fs.existsSync(path.join(ROOT, file))) continue;
      problems.push(`${doc} links to ${m[1]}, which the package does not ship`);
    }
  }
  assert.deepEqual(problems, [], 'README/CHANGELOG links');
  const meta = PKG.repository && PKG.repository.url && PKG.bugs && PKG.homepage;
  assert.ok(meta, 'package.json has repository, bugs and homepage');
}

// ---------------------------------------------------------------------------------------------

function main() {
  const keep = process.argv.includes('--keep');
  const tarballArg = process.argv.indexOf('--tarball');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-aks-overlay-package-'));
  const project = path.join(tmp, 'consumer');
  const cdktnProject = path.join(tmp, 'cdktn-consumer');
  const engineProject = path.join(tmp, 'engine-consumer');
  const t0 = Date.now();
  let failed = false;
  try {
    let tarball;
    if (tarballArg >= 0) {
      tarball = path.resolve(process.argv[tarballArg + 1]);
    } else {
      const packed = step('npm pack (clean build)', () => pack(tmp));
      const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
      const sizes = `${packed.entryCount} files, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked`;
      step(`file list (${sizes})`, () => checkFileList(packed.files));
      step('the checkout after the clean build: the bin is executable and runs', checkCheckoutBin);
      step('README/CHANGELOG links, repository/bugs/homepage', () => checkLinks(packed.files));
      tarball = packed.tarball;
    }
    step(`install tarball + ${CONSUMER_DEPS.join(', ')} (--prefer-offline)`, () => install(tarball, project));
    step(`tsc --strict (${COMPILES.map((c) => c.moduleResolution).join(', ')})`, () => compile(project));
    const { stackFile } = step('run consumer, verify stack and findings', () => runConsumer(project));
    step('cdktf-aks-overlay executable', () => runCli(project, stackFile));
    step("README's example (tsc --strict, run, verify)", () => runReadmeExample(project));
    const cdktfScenarios = step('example scenarios under cdktf (synth)', () => runScenarios(project));
    step(`cdktn ${cdktn.CDKTN_APP.cdktn} consumer: install as the README says (override)`, () =>
      cdktn.install(tarball, cdktnProject),
    );
    step('cdktn consumer: tsc --strict, declaration files checked (scenarios, README example)', () =>
      cdktn.compile(cdktnProject),
    );
    const compared = step("cdktn consumer: synth, validation, check; JSON = cdktf's but //.metadata.version", () =>
      cdktn.synthAndCompare(cdktnProject, cdktfScenarios),
    );
    console.log(`  (${compared} stacks compared)`);
    step('engine-only consumer: npm install --omit=peer (no framework on disk)', () =>
      engine.install(tarball, engineProject),
    );
    step('engine-only consumer: tsc --strict (node10, node16), run, ESM import, README snippet, maps, CLI', () =>
      engine.compileAndRun(engineProject, stackFile),
    );
    const load = step('load time: cdktf-aks-overlay/engine vs the package root', () => engine.loadTimes(project));
    const ms = (m) => `${m.ms.toFixed(0)} ms, ${m.modules} modules`;
    console.log(`  (engine ${ms(load.engine)}; root ${ms(load.root)}; ${process.version})`);
    step(`CHANGELOG.md has ${PKG.version}`, checkChangelog);
    console.log(`test:package passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    failed = true;
    console.log('FAILED');
    console.error(e instanceof Error ? e.stack || e.message : String(e));
  } finally {
    if (keep) console.log(`temp project left in ${tmp}`);
    else {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (failed) console.log('(run with --keep to inspect the temp project)');
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { fileListProblems, lockedVersion };
