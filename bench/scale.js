#!/usr/bin/env node
/**
 * Scale measurements, run by bench/run.js (section E), each in a fresh process so that peak RSS is
 * the measured work's only:
 *
 *   node bench/scale.js generate <clusters> <plan.json>   # writes the generated plan
 *   node bench/scale.js check <plan.json>                 # reads, parses, check(): one JSON line
 *
 * The plan (bench/plan-generator.js): <clusters> dual-stack clusters, each on its own VNet and
 * subnet, with a Windows pool, a kubernetes provider and two LoadBalancer services; no findings.
 * `check` reads and parses the file and runs check() over it, as the CLI does, in this process; the
 * rule engine is $BENCH_DIST_DIR/lib/rules (default dist/lib/rules), loaded without cdktf as the CLI
 * loads it. It prints timings in ms, peak RSS in MB.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const [, , mode, ...args] = process.argv;
const ms = (a, b) => Number(b - a) / 1e6;

function usage() {
  console.error('usage: node bench/scale.js generate <clusters> <plan.json> | check <plan.json>');
  process.exit(2);
}

if (mode === 'generate') {
  const size = Number(args[0]);
  if (!Number.isInteger(size) || size < 1 || !args[1]) usage();
  const { generatePlan } = require('./plan-generator');
  fs.writeFileSync(args[1], JSON.stringify(generatePlan(size)));
} else if (mode === 'check') {
  if (!args[0]) usage();
  const distDir = path.resolve(process.env.BENCH_DIST_DIR || path.join(__dirname, '..', 'dist'));
  const t0 = process.hrtime.bigint();
  // the rule engine alone, as the CLI loads it (lib/index.js would load cdktf and the constructs too)
  const lib = require(path.join(distDir, 'lib', 'rules', 'index.js'));
  const t1 = process.hrtime.bigint();
  const doc = JSON.parse(fs.readFileSync(args[0], 'utf8'));
  const t2 = process.hrtime.bigint();
  const findings = lib.check(doc);
  const t3 = process.hrtime.bigint();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const clusters = Object.keys(doc.resource.azurerm_kubernetes_cluster).length;
  if (findings.length > 0) {
    process.stderr.write(
      `bench/scale.js: ${findings.length} finding(s) (expected none), first: ${lib.formatFinding(findings[0])}\n`,
    );
  }
  console.log(
    JSON.stringify({
      clusters,
      resources: Object.values(doc.resource).reduce((n, byName) => n + Object.keys(byName).length, 0),
      bytes: fs.statSync(args[0]).size,
      findings: findings.length,
      loadMs: ms(t0, t1),
      readParseMs: ms(t1, t2),
      checkMs: ms(t2, t3),
      peakRssMb,
    }),
  );
} else {
  usage();
}
