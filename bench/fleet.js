#!/usr/bin/env node
/**
 * One fleet measurement, run by bench/run.js in a fresh process (so peak RSS is this size's):
 *
 *   node bench/fleet.js <clusters> <outdir> dist [single|per-cluster]       # compiled dist/lib
 *     (or $BENCH_DIST_DIR/lib: the output dir of `tsc -p tsconfig.build.json --outDir DIR`)
 *   node --require ./scripts/ts-register.js bench/fleet.js <clusters> <outdir> source [...]  # lib/*.ts via the hook
 *
 * Builds one App with <clusters> dual-stack clusters (default ranges), each with a Windows pool
 * of 2 nodes, its kubernetes provider (`cluster.kubernetesProvider`) and the NGINX workload
 * exposed over IPv4 and IPv6 LoadBalancer services; then `app.synth()`, which runs the
 * library's stack validation (the rule engine over each stack's JSON) and writes cdk.tf.json.
 * Layout `single` (default): one stack holds every cluster, so the rules see one document with
 * all of them, the worst case for any per-document loop. `per-cluster`: one stack per cluster.
 * The Windows-on-dual-stack preview feature is recorded as registered outside the stack (the
 * examples' default), so the fleet synthesizes without findings; any error finding fails.
 * Prints one JSON line: timings in ms, CPU ms, peak RSS in MB, resource and finding counts.
 */
'use strict';

const t0 = process.hrtime.bigint();
const fs = require('fs');
const path = require('path');

const [, , sizeArg, outdir, mode = 'dist', layout = 'single'] = process.argv;
const size = Number(sizeArg);
if (
  !Number.isInteger(size) ||
  size < 1 ||
  !outdir ||
  !['dist', 'source'].includes(mode) ||
  !['single', 'per-cluster'].includes(layout)
) {
  console.error('usage: node bench/fleet.js <clusters> <outdir> [dist|source] [single|per-cluster]');
  process.exit(2);
}
const ms = (a, b) => Number(b - a) / 1e6;
const cpuMs = (u) => (u.user + u.system) / 1000;

// --- module load: cdktf, the library, and the one provider class the stack uses directly
// dist: the compiled library; BENCH_DIST_DIR points at the tsc output dir (bench/run.js compiles
// tsconfig.build.json into a private dir so a concurrent `npm run build` cannot race it).
const distDir = path.resolve(process.env.BENCH_DIST_DIR || path.join(__dirname, '..', 'dist'));
const libPath =
  mode === 'source' ? path.join(__dirname, '..', 'lib', 'index.ts') : path.join(distDir, 'lib', 'index.js');
if (!fs.existsSync(libPath)) {
  console.error(`bench/fleet.js: ${path.relative(process.cwd(), libPath)} is missing (run \`npm run build\`)`);
  process.exit(2);
}
const { App, TerraformStack, TerraformVariable } = require('cdktf');
const lib = require(libPath);
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { ResourceGroup } = require('@cdktf/provider-azurerm/lib/resource-group');

// Timing probes (measurement only): the stack validation's validate() = the stack's JSON
// (stack.toTerraform(), which synth then reuses) + the rules (analyze()). Compiled CommonJS calls `check_1.check(...)`
// through the module object, so wrapping the export sees every call (not for the TypeScript sources: n/a).
const probe = { validationMs: 0, rulesMs: 0, jsonMs: 0, validations: 0 };
const timed = (obj, name, key, count) => {
  const original = obj[name];
  const d = Object.getOwnPropertyDescriptor(obj, name);
  if (d && !d.writable && !d.set) {
    probe[key] = NaN;
    return;
  } // transpiled exports are getters: no probe
  obj[name] = function (...args) {
    const s = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      probe[key] += ms(s, process.hrtime.bigint());
      if (count) probe.validations++;
    }
  };
};
timed(lib.AksStackValidation.prototype, 'validate', 'validationMs', true);
// building a stack's JSON: once per stack, inside the validation, which hands it to the synth that follows
timed(TerraformStack.prototype, 'toTerraform', 'jsonMs', false);
// the validation calls analyze() (lib/rules/analyze), which check() also wraps
timed(require(path.join(path.dirname(libPath), 'rules', 'analyze')), 'analyze', 'rulesMs', false);

const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();

// --- construct
// BENCH_SKIP_VALIDATION=1: synth without the validations, the baseline of validation's share of synth
const app = new App({ outdir, skipValidation: process.env.BENCH_SKIP_VALIDATION === '1' });
const stacks = new Map();
/** The stack of cluster i, with its provider, resource group and password variable. */
function stackFor(i) {
  const id = layout === 'single' ? 'fleet' : `fleet-${i}`;
  let entry = stacks.get(id);
  if (entry === undefined) {
    const stack = new TerraformStack(app, id);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(stack, 'resource-group', { name: `rg-aks-${id}`, location: 'eastus2' });
    const password = new TerraformVariable(stack, 'windows_admin_password', { type: 'string', sensitive: true });
    lib.AksStackValidation.of(stack).addRegisteredFeature(lib.DUAL_STACK_PREVIEW_FEATURE);
    entry = { stack, rg, password };
    stacks.set(id, entry);
  }
  return entry;
}
for (let i = 0; i < size; i++) {
  const { stack, rg, password } = stackFor(i);
  const cluster = new lib.AksCluster(stack, `aks${i}`, {
    name: `aks-fleet-${i}`,
    resourceGroupName: rg.name,
    location: 'eastus2',
    ipFamilies: ['IPv4', 'IPv6'],
    windowsProfile: { adminUsername: 'azureuser', adminPassword: password.stringValue },
  });
  cluster.addNodePool('windows-pool', { name: 'npwin', osType: 'Windows', nodeCount: 2 });
  const provider = cluster.kubernetesProvider(stack, `kubernetes${i}`);
  new lib.NginxWorkload(stack, `nginx${i}`, { cluster, provider, expose: ['IPv4', 'IPv6'] });
}
const t2 = process.hrtime.bigint();
const inValidation = { ...probe };

// --- synth (runs the validations, then writes cdk.tf.json)
app.synth();
const t3 = process.hrtime.bigint();
const c3 = process.cpuUsage(c1);
const validation = { ...probe };
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// --- not part of the measured in-process time: the rule engine alone over the written documents
const docs = [...stacks.keys()].map((id) =>
  JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')),
);
const t4 = process.hrtime.bigint();
const findings = docs.flatMap((doc) =>
  lib.check(doc, lib.AksStackValidation.of(stacks.values().next().value.stack).context()),
);
const t5 = process.hrtime.bigint();
const resources = docs.reduce(
  (n, doc) => n + Object.values(doc.resource || {}).reduce((m, byName) => m + Object.keys(byName).length, 0),
  0,
);
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length > 0) {
  console.error(
    `bench/fleet.js: the fleet has ${errors.length} error finding(s), first: ${lib.formatFinding(errors[0])}`,
  );
  process.exit(1);
}

console.log(
  JSON.stringify({
    clusters: size,
    mode,
    layout,
    stacks: stacks.size,
    resources,
    findings: findings.length,
    loadMs: ms(t0, t1),
    constructMs: ms(t1, t2),
    synthMs: ms(t2, t3),
    inProcessMs: ms(t1, t3),
    inProcessCpuMs: cpuMs(c3),
    validationMs: validation.validationMs - inValidation.validationMs,
    rulesMs: validation.rulesMs - inValidation.rulesMs,
    jsonMs: validation.jsonMs - inValidation.jsonMs,
    validations: validation.validations,
    totalMs: ms(t0, t3),
    checkMs: ms(t4, t5),
    peakRssMb,
  }),
);
