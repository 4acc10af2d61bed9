/**
 * Sections E and F of `npm run bench` (issue 12):
 *
 *   E. Scale: check() in-process and the CLI (`check`, `report`) over generated plans of 1,000 /
 *      5,000 / 10,000 clusters (bench/plan-generator.js), one fresh process per size and command:
 *      time, growth against linear, peak RSS, CLI / in-process ratio; and the construct path at
 *      1,000 clusters, one stack per cluster (bench/fleet.js per-cluster): synth time and the
 *      validation's share of it.
 *   F. Fuzz: the property tests that mutate real plans and render random plan text
 *      (__tests__/plans.fuzz.property.test.ts, __tests__/report-escape.property.test.ts) with more
 *      runs than `npm test` gives them (FUZZ_RUNS).
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** The targets for section E. */
const SCALE_TARGETS = {
  largest: 10000,
  checkSeconds: 3, // check() over 10,000 clusters under 3 s
  checkRssMb: 300, // ... and under 300 MB
  growthOverLinear: 1.3, // time(10,000) / time(1,000) within 1.3x of 10
  cliOverInProcess: 1.5, // the CLI within 1.5x of in-process (read + parse + check)
  constructClusters: 1000,
  validationShare: 0.15, // validation under 15% of synth at 1,000 clusters
};

/**
 * Runs section E.
 * @param opts { scaleSizes: number[], runs: number, constructClusters: number }
 * @param h helpers from run.js: { timeCommand, median, fail, mkTemp, libraryDir }
 */
function benchScale(opts, h) {
  const lib = h.libraryDir();
  if (!lib) return undefined;
  const env = { ...process.env, BENCH_DIST_DIR: lib.distDir, NO_COLOR: '1' };
  const cli = path.join(lib.distDir, 'lib', 'cli', 'main.js');
  const scale = path.join(__dirname, 'scale.js');
  const rows = [];
  for (const n of opts.scaleSizes) {
    const dir = h.mkTemp('bench-scale-');
    const file = path.join(dir, 'cdk.tf.json');
    process.stderr.write(`  E generate ${n} clusters ... `);
    const g = spawnSync(process.execPath, [scale, 'generate', String(n), file], { cwd: ROOT, env, encoding: 'utf8' });
    if (g.status !== 0) {
      h.fail(`generating ${n} clusters`, g);
      return undefined;
    }
    process.stderr.write(`${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB\n`);
    const samples = { inProcess: [], check: [], report: [] };
    for (let i = 0; i < opts.runs; i++) {
      process.stderr.write(`  E ${n} in-process check() run ${i + 1}/${opts.runs} ... `);
      const r = spawnSync(process.execPath, [scale, 'check', file], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        maxBuffer: 2 ** 26,
      });
      if (r.status !== 0) {
        h.fail(`check() of ${n} clusters`, r);
        return undefined;
      }
      const m = JSON.parse(r.stdout.trim().split('\n').pop());
      process.stderr.write(`${(m.checkMs / 1000).toFixed(2)} s, ${Math.round(m.peakRssMb)} MB\n`);
      samples.inProcess.push(m);
      for (const command of ['check', 'report']) {
        process.stderr.write(`  E ${n} CLI ${command} run ${i + 1}/${opts.runs} ... `);
        const c = h.timeCommand(`"${process.execPath}" "${cli}" ${command} "${file}" > /dev/null`, ROOT, env);
        process.stderr.write(`${c.seconds.toFixed(2)} s, ${Math.round(c.peakRssMb || 0)} MB (exit ${c.status})\n`);
        if (c.status !== 0) {
          h.fail(`${command} of ${n} clusters`, c);
          return undefined;
        }
        samples[command].push(c);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const med = (xs, k) => h.median(xs.map((x) => x[k]));
    const first = samples.inProcess[0];
    rows.push({
      clusters: n,
      resources: first.resources,
      megabytes: first.bytes / 2 ** 20,
      findings: first.findings,
      checkMs: med(samples.inProcess, 'checkMs'),
      readParseMs: med(samples.inProcess, 'readParseMs'),
      loadMs: med(samples.inProcess, 'loadMs'),
      checkRssMb: med(samples.inProcess, 'peakRssMb'),
      cliCheckS: med(samples.check, 'seconds'),
      cliCheckRssMb: med(samples.check, 'peakRssMb'),
      cliReportS: med(samples.report, 'seconds'),
      cliReportRssMb: med(samples.report, 'peakRssMb'),
    });
  }
  let construct;
  if (opts.constructClusters > 0) {
    const outdir = h.mkTemp('bench-construct-');
    process.stderr.write(`  E construct path: ${opts.constructClusters} clusters, one stack each ... `);
    const fleet = [path.join(__dirname, 'fleet.js'), String(opts.constructClusters), outdir, 'dist', 'per-cluster'];
    const r = spawnSync(process.execPath, fleet, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...env, CHECKPOINT_DISABLE: '1' },
      maxBuffer: 2 ** 26,
    });
    fs.rmSync(outdir, { recursive: true, force: true });
    if (r.status !== 0) {
      h.fail(`construct path of ${opts.constructClusters} clusters`, r);
      return undefined;
    }
    construct = JSON.parse(r.stdout.trim().split('\n').pop());
    process.stderr.write(`${(construct.inProcessMs / 1000).toFixed(1)} s, ${Math.round(construct.peakRssMb)} MB\n`);
  }
  return { library: lib.how, rows, construct };
}

function printScale(d) {
  const s = (ms) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
  const mb = (x) => (x === undefined ? 'n/a' : `${Math.round(x)}`);
  console.log(
    '\n### E. Scale: generated plans (dual-stack clusters, own VNet and subnet, Windows pool, ' +
      'two LoadBalancer services)\n',
  );
  console.log(`Library: ${d.library}. One fresh process per size and command; medians.\n`);
  const columns = [
    'clusters',
    'resources',
    'plan MB',
    '**check() s**',
    'growth vs linear',
    'check() peak RSS MB',
    'read+parse s',
    'CLI `check` s (RSS MB)',
    'CLI `report` s (RSS MB)',
    '**CLI / in-process**',
  ];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---:').join('|')}|`);
  let prev;
  for (const r of d.rows) {
    const growth = prev ? r.checkMs / prev.checkMs / (r.clusters / prev.clusters) : undefined;
    r.growthOverLinear = growth;
    // in-process = what the CLI does besides starting node and loading its modules: read, parse, check()
    r.cliRatio = (r.cliCheckS * 1000) / (r.readParseMs + r.checkMs);
    const cells = [
      r.clusters,
      r.resources,
      r.megabytes.toFixed(1),
      `**${s(r.checkMs)}**`,
      growth === undefined ? '-' : `x${growth.toFixed(2)}`,
      mb(r.checkRssMb),
      s(r.readParseMs),
      `${r.cliCheckS.toFixed(2)} (${mb(r.cliCheckRssMb)})`,
      `${r.cliReportS.toFixed(2)} (${mb(r.cliReportRssMb)})`,
      `**${r.cliRatio.toFixed(2)}x**`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
    prev = r;
  }
  console.log('\ngrowth vs linear: (time / previous time) / (clusters / previous clusters); 1.00 is linear.');
  console.log(
    "CLI / in-process: the CLI's wall time (node start, module load, read, parse, check, output) over read + parse" +
      ' + check() in-process.',
  );
  const first = d.rows[0];
  const big = d.rows.find((r) => r.clusters === SCALE_TARGETS.largest);
  d.targets = [];
  const target = (label, ok) => {
    d.targets.push({ label, ok });
    console.log(`- ${label}: ${ok ? 'met' : 'MISSED'}`);
  };
  console.log('\nTargets (issue 12):');
  if (big) {
    const T = SCALE_TARGETS;
    target(
      `check() over ${big.clusters} clusters ${s(big.checkMs)} s < ${T.checkSeconds} s`,
      big.checkMs / 1000 < T.checkSeconds,
    );
    target(`check() peak RSS ${mb(big.checkRssMb)} MB < ${T.checkRssMb} MB`, big.checkRssMb < T.checkRssMb);
    if (first !== big) {
      const g = big.checkMs / first.checkMs / (big.clusters / first.clusters);
      target(
        `growth ${first.clusters} -> ${big.clusters} x${g.toFixed(2)} of linear <= x${T.growthOverLinear}`,
        g <= T.growthOverLinear,
      );
    }
    const ratio = big.cliRatio.toFixed(2);
    target(
      `CLI within ${T.cliOverInProcess}x of in-process at ${big.clusters}: ${ratio}x`,
      big.cliRatio <= T.cliOverInProcess,
    );
  }
  if (d.construct) {
    const c = d.construct;
    // the validation builds each stack's JSON once and hands it to the synth that follows: its own
    // work is the rest (reading the JSON into the model, the rules, the annotations)
    const own = c.validationMs - (c.jsonMs ?? 0);
    const share = own / c.synthMs;
    console.log(
      `\nConstruct path, ${c.clusters} clusters, one stack each (${c.stacks} stacks, ${c.resources} resources): ` +
        `construct ${s(c.constructMs)} s, synth ${s(c.synthMs)} s, of which validation ${s(c.validationMs)} s ` +
        `(the stack JSON synth reuses ${s(c.jsonMs ?? 0)} s, the rest ${s(own)} s, rules ${s(c.rulesMs)} s), ` +
        `peak RSS ${mb(c.peakRssMb)} MB.`,
    );
    const pct = (share * 100).toFixed(1);
    target(
      `validation's own work ${pct}% of synth < ${SCALE_TARGETS.validationShare * 100}%`,
      share < SCALE_TARGETS.validationShare,
    );
  }
}

/**
 * Runs section F: the fuzz property tests with `runs` runs each (a fresh seed per run of the
 * bench unless `seed` is given).
 */
function benchFuzz(opts, h) {
  const seed = opts.fuzzSeed ?? Math.floor(Math.random() * 2 ** 31);
  const files = ['__tests__/plans.fuzz.property.test.ts', '__tests__/report-escape.property.test.ts'];
  process.stderr.write(`  F fuzz: ${opts.fuzzRuns} runs each, seed ${seed} ... `);
  const env = { ...process.env, FUZZ_RUNS: String(opts.fuzzRuns), FUZZ_SEED: String(seed), CI: '1' };
  const r = h.timeCommand(`npx jest --silent ${files.join(' ')}`, ROOT, env);
  process.stderr.write(`${r.seconds.toFixed(1)} s (exit ${r.status})\n`);
  const summary = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(Tests|Test Suites):|Counterexample|seed:/.test(l));
  if (r.status !== 0) h.fail('fuzz', r);
  return { runs: opts.fuzzRuns, seed, files, seconds: r.seconds, status: r.status, summary };
}

function printFuzz(e) {
  console.log(
    '\n### F. Fuzz: mutated real plans and random plan text through check, every format and report ' +
      `(${e.runs} runs each)\n`,
  );
  console.log('| files | runs each | seed | wall s | result |');
  console.log('|---|---:|---:|---:|---|');
  const names = e.files.map((f) => `\`${path.basename(f)}\``).join(', ');
  const result = `${e.status === 0 ? 'passed' : 'FAILED'}: ${e.summary.join('; ')}`;
  console.log(`| ${names} | ${e.runs} | ${e.seed} | ${e.seconds.toFixed(1)} | ${result} |`);
  if (e.status !== 0) console.log(`\nReproduce: FUZZ_RUNS=${e.runs} FUZZ_SEED=${e.seed} npx jest ${e.files.join(' ')}`);
}

module.exports = { benchScale, printScale, benchFuzz, printFuzz, SCALE_TARGETS };
