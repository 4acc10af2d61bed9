#!/usr/bin/env node
/**
 * One fleet measurement, run by bench/run.js in a fresh process (so peak RSS is this size's):
 *
 *   node bench/fleet.js <clusters> <outdir> dist          # compiled library (dist/lib)
 *   node --require tsx/cjs bench/fleet.js <clusters> <outdir> source   # lib/*.ts through tsx
 *
 * Builds one App with one TerraformStack holding <clusters> dual-stack clusters (default
 * ranges), each with a Windows pool of 2 nodes, its kubernetes provider and the NGINX workload
 * exposed over IPv4 and IPv6 LoadBalancer services; then `app.synth()`, which runs the
 * library's stack validation (the rule engine over the stack's JSON) and writes cdk.tf.json.
 * One stack on purpose: the rules then see one document with every cluster, the worst case for
 * any per-document loop. Prints one JSON line: timings in ms, peak RSS in MB, resource count.
 */
'use strict';

const t0 = process.hrtime.bigint();
const fs = require('fs');
const path = require('path');

const [, , sizeArg, outdir, mode = 'dist'] = process.argv;
const size = Number(sizeArg);
if (!Number.isInteger(size) || size < 1 || !outdir) {
  console.error('usage: node bench/fleet.js <clusters> <outdir> [dist|source]');
  process.exit(2);
}
const ms = (a, b) => Number(b - a) / 1e6;

// --- module load: cdktf, the library, and the one provider class the stack uses directly
const libPath = mode === 'source' ? path.join(__dirname, '..', 'lib', 'index.ts') : path.join(__dirname, '..', 'dist', 'lib', 'index.js');
if (!fs.existsSync(libPath)) {
  console.error(`bench/fleet.js: ${path.relative(process.cwd(), libPath)} is missing (run \`npm run build\`)`);
  process.exit(2);
}
const { App, TerraformStack, TerraformVariable } = require('cdktf');
const lib = require(libPath);
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const t1 = process.hrtime.bigint();

// --- construct
const app = new App({ outdir });
const stack = new TerraformStack(app, 'fleet');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const password = new TerraformVariable(stack, 'windows_admin_password', { type: 'string', sensitive: true });
for (let i = 0; i < size; i++) {
  const cluster = new lib.AksCluster(stack, `cluster${i}`, {
    name: `aks-fleet-${i}`,
    resourceGroupName: 'rg-aks-fleet',
    location: 'eastus2',
    ipFamilies: ['IPv4', 'IPv6'],
    windowsProfile: { adminUsername: 'azureuser', adminPassword: password.stringValue },
  });
  cluster.addNodePool(`win${i}`, { name: 'npwin', osType: 'Windows', nodeCount: 2 });
  new lib.NginxWorkload(stack, `nginx${i}`, { cluster, expose: ['IPv4', 'IPv6'] });
}
const t2 = process.hrtime.bigint();

// --- synth (runs the validations, then writes cdk.tf.json)
app.synth();
const t3 = process.hrtime.bigint();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// --- not part of the measured in-process time: the rule engine alone over the written document
const file = path.join(outdir, 'stacks', 'fleet', 'cdk.tf.json');
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const t4 = process.hrtime.bigint();
const findings = lib.check(doc);
const t5 = process.hrtime.bigint();
const resources = Object.values(doc.resource || {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length > 0) {
  console.error(`bench/fleet.js: the fleet has ${errors.length} error finding(s), first: ${lib.formatFinding(errors[0])}`);
  process.exit(1);
}

console.log(JSON.stringify({
  clusters: size,
  mode,
  resources,
  findings: findings.length,
  loadMs: ms(t0, t1),
  constructMs: ms(t1, t2),
  synthMs: ms(t2, t3),
  inProcessMs: ms(t1, t3),
  totalMs: ms(t0, t3),
  checkMs: ms(t4, t5),
  peakRssMb,
}));
