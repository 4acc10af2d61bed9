/**
 * The CDK Terrain consumer of scripts/test-package.js: a cdktn 0.24 app that installs the packed
 * library exactly as the README's "CDK Terrain (cdktn)" section says (its sh block, run line by
 * line, with the tarball for the package name), compiles the example scenarios (imports
 * rewritten to cdktn) and the section's ts example with `tsc --strict` and no skipLibCheck, and
 * synthesizes them. The scenarios' JSON must equal the cdktf consumer's except the framework
 * version in `//.metadata.version`.
 */
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./harness');

const HEADING = '## CDK Terrain (cdktn)';
/** The app before the README's commands: what a cdktn 0.24 project already depends on. */
const CDKTN_APP = { cdktn: '0.24.0', constructs: '10.7.2' };
/** The one difference the JSON of a stack may show: the framework version in the metadata. */
const VERSION_PATH = '////metadata/version';

/** Runs the README's commands in a new cdktn app at `project` and checks what they installed. */
function install(tarball, project) {
  h.writeProject(project, { dependencies: { ...CDKTN_APP, '@types/node': h.lockedVersion('@types/node') } });
  const commands = h
    .readmeBlock(HEADING, 'sh')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  assert.ok(
    commands.some((c) => /^npm (install|i) /.test(c)),
    `the README's ${HEADING} block installs the package`,
  );
  for (const line of commands) {
    const args = line.split(/\s+/);
    assert.equal(args[0], 'npm', `the README's ${HEADING} commands are npm commands (got: ${line})`);
    const isInstall = args[1] === 'install' || args[1] === 'i';
    const rest = args.slice(1).map((a) => (isInstall && a === h.PKG.name ? tarball : a));
    h.run(h.NPM, isInstall ? [...rest, ...h.INSTALL_FLAGS] : rest, { cwd: project });
  }
  const nm = path.join(project, 'node_modules');
  const manifest = (name) => JSON.parse(fs.readFileSync(path.join(nm, name, 'package.json'), 'utf8'));
  assert.equal(manifest('cdktn').version, CDKTN_APP.cdktn, 'cdktn version');
  assert.deepEqual(
    [manifest('cdktf').name, manifest('cdktf').version],
    ['cdktn', CDKTN_APP.cdktn],
    'node_modules/cdktf is the cdktn alias',
  );
  for (const p of ['@cdktf/provider-azurerm', '@cdktf/provider-kubernetes']) {
    assert.equal(
      manifest(p).version,
      h.lockedVersion(p),
      `${p}: the version the cdktf consumer has, so the JSON compares`,
    );
  }
  for (const holder of [h.PKG.name, '@cdktf/provider-azurerm', '@cdktf/provider-kubernetes']) {
    assert.ok(!fs.existsSync(path.join(nm, holder, 'node_modules', 'cdktf')), `no real cdktf nested under ${holder}`);
  }
}

/** Compiles the scenarios and the README's cdktn example, checking every declaration file too. */
function compile(project) {
  const main = h.writeScenarios(project, { cdktn: true });
  fs.writeFileSync(path.join(project, 'readme-cdktn.ts'), `${h.readmeBlock(HEADING, 'ts')}\n`);
  h.tsc(project, 'cdktn', { skipLibCheck: false }, [main, 'readme-cdktn.ts']);
}

/**
 * Synthesizes the scenarios and the README example under cdktn, compares the scenarios with the
 * cdktf consumer's (`cdktfOut`), checks synth-time validation and the CLI. Returns the number of
 * stacks compared.
 */
function synthAndCompare(project, cdktfOut) {
  const out = path.join(project, 'cdktn.out');
  h.run(process.execPath, [path.join(project, 'out-cdktn', 'scenarios', 'main.js'), out], { cwd: project });
  const cdktf = h.readStacks(cdktfOut);
  const cdktn = h.readStacks(out);
  assert.deepEqual(Object.keys(cdktn), Object.keys(cdktf), 'the same stacks under cdktn and cdktf');
  for (const [name, doc] of Object.entries(cdktf)) {
    const diffs = h.jsonDifferences(doc, cdktn[name]);
    assert.deepEqual(
      diffs,
      [{ path: VERSION_PATH, a: h.lockedVersion('cdktf'), b: CDKTN_APP.cdktn }],
      `stack ${name}: only the framework version may differ between cdktf and cdktn`,
    );
  }

  const readmeOut = path.join(project, 'cdktn.out.readme');
  h.run(process.execPath, [path.join(project, 'out-cdktn', 'readme-cdktn.js')], {
    cwd: project,
    env: { CDKTF_OUTDIR: readmeOut },
  });
  const doc = h.onlyStack(readmeOut);
  assert.equal(doc['//'].metadata.version, CDKTN_APP.cdktn, "the README's cdktn example synthesizes with cdktn");
  const np = h.single(doc, 'azurerm_kubernetes_cluster').body.network_profile;
  assert.deepEqual(
    (Array.isArray(np) ? np[0] : np).ip_versions,
    ['IPv4', 'IPv6'],
    "the README's cdktn example is dual-stack",
  );
  const services = Object.values(doc.resource.kubernetes_service_v1 || {})
    .map((s) => s.metadata.name)
    .sort();
  assert.deepEqual(
    services,
    ['nginx-ipv4', 'nginx-ipv6'],
    "the README's cdktn example exposes nginx-ipv4 and nginx-ipv6",
  );

  // Synth-time validation fires under cdktn as under cdktf: a /100 IPv6 service range.
  const bad = h.run(
    process.execPath,
    [
      '-e',
      `
    const { App, TerraformStack } = require('cdktn');
    const { AksCluster } = require('${h.PKG.name}');
    const app = new App({ outdir: ${JSON.stringify(path.join(project, 'cdktn.out.invalid'))} });
    new AksCluster(new TerraformStack(app, 'v'), 'aks', { name: 'aks', resourceGroupName: 'rg', location: 'eastus2',
      ipFamilies: ['IPv4', 'IPv6'], serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/100'] });
    app.synth();`,
    ],
    { cwd: project, allowFailure: true },
  );
  assert.notEqual(bad.status, 0, 'synth fails on an invalid plan under cdktn');
  assert.match(
    bad.stderr,
    /network\/service-cidr-ipv6-size: service range fd12:3456:789a:1::\/100/,
    'with the rule id and value',
  );

  const bin = path.join(project, 'node_modules', '.bin', 'cdktf-aks-overlay');
  const check = h.run(bin, ['check', out], { cwd: project, allowFailure: true });
  assert.equal(check.status, 0, `check on the cdktn scenarios exits 0:\n${check.stdout}${check.stderr}`);
  return Object.keys(cdktf).length;
}

module.exports = { install, compile, synthAndCompare, CDKTN_APP };
