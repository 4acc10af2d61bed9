/**
 * Helpers shared by scripts/test-package.js and its consumer checks (cdktn.js, engine.js):
 * running commands, compiling a consumer with this repository's TypeScript, reading README
 * blocks, writing the example scenarios into a consumer, and diffing synthesized JSON.
 */
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const PKG = require(path.join(ROOT, 'package.json'));
const LOCK = require(path.join(ROOT, 'package-lock.json'));
const CONSUMER_DIR = __dirname;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = path.join(path.dirname(require.resolve('typescript/package.json', { paths: [ROOT] })), 'bin', 'tsc');
/** Flags of every consumer install: from the npm cache where it can, quietly. */
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', NO_COLOR: '1', ...(opts.env || {}) },
  });
  if (r.error) throw r.error;
  if (!opts.allowFailure && r.status !== 0) {
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** The version of `name` that this repository's package-lock.json installed. */
function lockedVersion(name) {
  const entry = LOCK.packages && LOCK.packages[`node_modules/${name}`];
  if (!entry || !entry.version) throw new Error(`package-lock.json has no node_modules/${name}`);
  return entry.version;
}

/** Writes a package.json for a throwaway consumer project. */
function writeProject(project, extra = {}) {
  fs.mkdirSync(project, { recursive: true });
  const pkg = { name: path.basename(project), version: '0.0.0', private: true, license: 'UNLICENSED', ...extra };
  fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * Compiles `files` of `project` with `tsc --strict` and the given options (module resolution,
 * skipLibCheck, ...) into out-<name>; throws with the compiler's output when it fails.
 */
function tsc(project, name, options, files) {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'commonjs',
      moduleResolution: 'node10',
      strict: true,
      types: ['node'],
      outDir: path.join(project, `out-${name}`),
      rootDir: '.',
      ...options,
    },
    files,
  };
  const configPath = path.join(project, `tsconfig.${name}.json`);
  fs.writeFileSync(configPath, JSON.stringify(tsconfig, null, 2));
  const r = run(process.execPath, [TSC, '-p', configPath, '--pretty', 'false'], { cwd: project, allowFailure: true });
  if (r.status !== 0)
    throw new Error(`${files.join(', ')} do not compile (${name}) in ${project}:\n${r.stdout}${r.stderr}`);
}

/** The first ```lang block after the README heading `heading` (a whole line). */
function readmeBlock(heading, lang = 'ts') {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README.md has the heading ${heading}`);
  const m = new RegExp(`\\n\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(readme.slice(at));
  assert.ok(m, `README.md has a ${lang} block under ${heading}`);
  return m[1];
}

/**
 * Copies examples/*.ts into `<project>/scenarios/examples` with their `../lib/...` imports
 * pointed at the package (and, for `cdktn`, their `cdktf` imports at `cdktn`, as a CDK Terrain
 * app is written), plus scenarios.ts as `scenarios/main.ts`. Returns main.ts's project path.
 */
function writeScenarios(project, { cdktn = false } = {}) {
  const dir = path.join(project, 'scenarios');
  fs.mkdirSync(path.join(dir, 'examples'), { recursive: true });
  const rewrite = (text, file) => {
    let out = text.replace(/from '\.\.\/lib(\/[^']*)?'/g, `from '${PKG.name}'`);
    if (cdktn) out = out.replace(/from 'cdktf'/g, "from 'cdktn'");
    assert.doesNotMatch(out, /from '\.\.\//, `${file}: every import outside examples/ goes through the package`);
    if (cdktn) assert.doesNotMatch(out, /from 'cdktf'/, `${file}: no cdktf import left in the cdktn copy`);
    return out;
  };
  for (const f of fs.readdirSync(path.join(ROOT, 'examples')).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    fs.writeFileSync(path.join(dir, 'examples', f), rewrite(text, `examples/${f}`));
  }
  const main = fs.readFileSync(path.join(CONSUMER_DIR, 'scenarios.ts'), 'utf8');
  fs.writeFileSync(path.join(dir, 'main.ts'), rewrite(main, 'scenarios.ts'));
  return 'scenarios/main.ts';
}

/** The synthesized stacks under a cdktf.out folder: name → parsed cdk.tf.json. */
function readStacks(outdir) {
  const stacksDir = path.join(outdir, 'stacks');
  return Object.fromEntries(
    fs
      .readdirSync(stacksDir)
      .sort()
      .map((s) => [s, JSON.parse(fs.readFileSync(path.join(stacksDir, s, 'cdk.tf.json'), 'utf8'))]),
  );
}

/** Every leaf where two JSON values differ, as `{ path, a, b }` (path: keys joined by `/`). */
function jsonDifferences(a, b, at = '') {
  const isObject = (v) => v !== null && typeof v === 'object';
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    return a === b ? [] : [{ path: at, a, b }];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => jsonDifferences(a[k], b[k], `${at}/${k}`));
}

function single(doc, type) {
  const all = (doc.resource && doc.resource[type]) || {};
  const entries = Object.entries(all);
  assert.equal(entries.length, 1, `one ${type} in the stack (found ${entries.length})`);
  return { name: entries[0][0], body: entries[0][1] };
}

/** The Terraform JSON of the only stack an App synthesized into `outdir`. */
function onlyStack(outdir) {
  const stacks = readStacks(outdir);
  const names = Object.keys(stacks);
  assert.equal(names.length, 1, `one stack synthesized into ${outdir} (got ${names.join(', ')})`);
  return stacks[names[0]];
}

module.exports = {
  ROOT,
  PKG,
  CONSUMER_DIR,
  NPM,
  TSC,
  INSTALL_FLAGS,
  run,
  lockedVersion,
  writeProject,
  tsc,
  readmeBlock,
  writeScenarios,
  readStacks,
  jsonDifferences,
  single,
  onlyStack,
};
