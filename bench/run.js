#!/usr/bin/env node
/**
 * `npm run bench`: synth benchmarks, printed as Markdown tables (medians over several runs).
 *
 *   A. The App as cdktf.json runs it (its `app` command, CDKTF_OUTDIR in a temp dir) against
 *      bench/baseline (the same five scenarios written the `cdktf init --template typescript`
 *      way, run as its cdktf.json says: `npx ts-node main.ts`), interleaved in the same run.
 *   B. In-process synth of a fleet of 1, 10 and 100 dual-stack clusters (Windows pool + NGINX
 *      workload with IPv4 and IPv6 services, synth-time validation on), one fresh child process
 *      per fleet size and run (bench/fleet.js), so peak RSS is per size.
 *   C. `npm test` wall time (one run).
 *   D. Plans and diffs through the built CLI (bench/plan.js): `check` and `report` of a generated
 *      plan JSON of 1,000 clusters, `diff` of two generated 100-stack cdktf.out folders.
 *   E. Scale (bench/scale-section.js): check() in-process and the CLI (check, report) over generated
 *      plans of 1,000 / 5,000 / 10,000 dual-stack clusters (time, growth against linear, peak RSS,
 *      CLI / in-process ratio), and the construct path at 1,000 clusters, one stack per cluster.
 *   F. Fuzz: the property tests over mutated real plans and random plan text, with more runs.
 *
 * Options (flags win over environment variables):
 *   --runs N          runs per measurement, median reported           (BENCH_RUNS, default 5)
 *   --warmup N        unrecorded warm-up runs per command in A         (BENCH_WARMUP, default 1)
 *   --sizes 1,10,100  fleet sizes for B                                 (BENCH_SIZES)
 *   --only a,b,...    run only these sections (a=app, b=fleet, c=test,  (BENCH_ONLY)
 *                     d=plan, e=scale, f=fuzz)
 *   --scale-sizes L   E: cluster counts (default 1000,5000,10000)       (BENCH_SCALE_SIZES)
 *   --scale-runs N    E: runs per size and command, median (default 1)
 *   --construct N     E: clusters of the construct path, 0 to skip (default 1000)
 *   --fuzz-runs N     F: runs per property (default 1000)                (FUZZ_RUNS)
 *   --fuzz-seed N     F: seed (default: a new one, printed)              (FUZZ_SEED)
 *   --skip-test       skip C (it is slow)                               (BENCH_SKIP_TEST=1)
 *   --no-breakdown    A: skip the extra baseline row with ts-node's type-check off
 *   --test-breakdown  C: also time npm test's steps one by one (type-check, build, jest) and
 *                     list the slowest test files (runs the suite a second time)
 *   --layout L        B: single (all clusters in one stack, default) | per-cluster | both
 *   --dist            B: run `npm run build` and use dist/ (default: compile the same
 *                     tsconfig.build.json into node_modules/.cache/cdktf-aks-overlay-bench, so
 *                     a concurrent `npm run build` cannot race the measurement)
 *   --no-build        B: use the compiled output as it is (no compile step)
 *   --source          B: run the fleet from lib/*.ts through scripts/ts-register.js instead of compiled JS
 *   --quick           --runs 1 --warmup 0 --skip-test --no-breakdown --fuzz-runs 300
 *   --json FILE       also write the raw numbers as JSON
 * Exit code: 0 when every measurement ran (targets missed are reported, not fatal), 1 when a
 * measured command failed.
 */
'use strict';

const { spawnSync } = require('child_process');
const { benchScale, printScale, benchFuzz, printFuzz } = require('./scale-section');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BASELINE = path.join(__dirname, 'baseline');

const TARGETS = {
  appSpeedup: 5, // the App at least 5x faster than the baseline
  fleetSize: 100,
  fleetSeconds: 3, // 100 clusters under 3 s in-process
  fleetRssMb: 500, // under 500 MB peak RSS
  testSeconds: 60, // npm test under 60 s
};

// ---------------------------------------------------------------------------------------------
// options

function parseArgs(argv, env) {
  const opts = {
    runs: intOr(env.BENCH_RUNS, 5),
    warmup: intOr(env.BENCH_WARMUP, 1),
    sizes: listOr(env.BENCH_SIZES, ['1', '10', '100']).map(Number),
    only: new Set(listOr(env.BENCH_ONLY, ['a', 'b', 'c', 'd', 'e', 'f'])),
    scaleSizes: listOr(env.BENCH_SCALE_SIZES, ['1000', '5000', '10000']).map(Number),
    scaleRuns: 1,
    constructClusters: 1000,
    fuzzRuns: intOr(env.FUZZ_RUNS, 1000),
    fuzzSeed: env.FUZZ_SEED ? positiveOrZero(env.FUZZ_SEED, 'FUZZ_SEED') : undefined,
    skipTest: env.BENCH_SKIP_TEST === '1' || env.BENCH_SKIP_TEST === 'true',
    baselineBreakdown: true,
    testBreakdown: false,
    build: true,
    source: false,
    dist: false,
    layouts: ['single'],
    json: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) usage(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--runs':
        opts.runs = positiveInt(value(), flag);
        break;
      case '--warmup':
        opts.warmup = nonNegativeInt(value(), flag);
        break;
      case '--sizes':
        opts.sizes = value()
          .split(',')
          .map((s) => positiveInt(s.trim(), flag));
        break;
      case '--only':
        opts.only = new Set(
          value()
            .split(',')
            .map((s) => sectionKey(s.trim())),
        );
        break;
      case '--skip-test':
        opts.skipTest = true;
        break;
      case '--scale-sizes':
        opts.scaleSizes = value()
          .split(',')
          .map((x) => positiveInt(x.trim(), flag));
        break;
      case '--scale-runs':
        opts.scaleRuns = positiveInt(value(), flag);
        break;
      case '--construct':
        opts.constructClusters = nonNegativeInt(value(), flag);
        break;
      case '--fuzz-runs':
        opts.fuzzRuns = positiveInt(value(), flag);
        break;
      case '--fuzz-seed':
        opts.fuzzSeed = nonNegativeInt(value(), flag);
        break;
      case '--no-breakdown':
        opts.baselineBreakdown = false;
        break;
      case '--test-breakdown':
        opts.testBreakdown = true;
        break;
      case '--no-build':
        opts.build = false;
        break;
      case '--dist':
        opts.dist = true;
        break;
      case '--layout': {
        const v = value();
        if (!['single', 'per-cluster', 'both'].includes(v))
          usage(`--layout: use single, per-cluster or both, not "${v}"`);
        opts.layouts = v === 'both' ? ['single', 'per-cluster'] : [v];
        break;
      }
      case '--source':
        opts.source = true;
        break;
      case '--quick':
        opts.runs = 1;
        opts.warmup = 0;
        opts.skipTest = true;
        opts.baselineBreakdown = false;
        opts.fuzzRuns = 300;
        break;
      case '--json':
        opts.json = path.resolve(value());
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  if (!(opts.runs >= 1)) usage('--runs must be at least 1');
  return opts;
}

function sectionKey(s) {
  const map = {
    a: 'a',
    app: 'a',
    b: 'b',
    fleet: 'b',
    c: 'c',
    test: 'c',
    d: 'd',
    plan: 'd',
    e: 'e',
    scale: 'e',
    f: 'f',
    fuzz: 'f',
  };
  if (!map[s]) usage(`--only: unknown section "${s}" (use a|app, b|fleet, c|test, d|plan, e|scale, f|fuzz)`);
  return map[s];
}
function intOr(v, d) {
  return v === undefined || v === '' ? d : positiveOrZero(v, 'environment');
}
function listOr(v, d) {
  return v === undefined || v === '' ? d : v.split(',').map((s) => s.trim());
}
function positiveOrZero(v, what) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) usage(`${what}: "${v}" is not a whole number`);
  return n;
}
function nonNegativeInt(v, flag) {
  return positiveOrZero(v, flag);
}
function positiveInt(v, flag) {
  const n = positiveOrZero(v, flag);
  if (n < 1) usage(`${flag}: must be at least 1`);
  return n;
}
function usage(problem) {
  const lines = fs.readFileSync(__filename, 'utf8').split('\n');
  const head = lines
    .slice(
      2,
      lines.findIndex((l) => l.startsWith(' */')),
    )
    .map((l) => l.replace(/^ \*\s?/, ''))
    .join('\n');
  if (problem) {
    console.error(`bench: ${problem}\n`);
    console.error(head);
    process.exit(2);
  }
  console.log(head);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// measuring

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a shell command, returns { seconds, peakRssMb, status, stderr }. Peak RSS is the largest
 * resident set of the command or any of its descendants (GNU time's %M), when /usr/bin/time exists.
 */
function timeCommand(command, cwd, env) {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const argv = GNU_TIME
    ? [GNU_TIME, '-q', '-f', '%M %U %S', '-o', rssFile, 'sh', '-c', command]
    : ['sh', '-c', command];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let peakRssMb;
  let cpuSeconds;
  if (GNU_TIME && fs.existsSync(rssFile)) {
    const [kb, user, sys] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(kb)) peakRssMb = kb / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user + sys;
    fs.rmSync(rssFile, { force: true });
  }
  return { seconds, cpuSeconds, peakRssMb, status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
function range(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? [Math.min(...v), Math.max(...v)] : [undefined, undefined];
}

function fail(what, r) {
  console.error(`\nbench: ${what} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})`);
  const tail = `${r.stdout || ''}\n${r.stderr || ''}`.trim().split('\n').slice(-30).join('\n');
  if (tail) console.error(tail);
  process.exitCode = 1;
}

function mkTemp(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function readApp(dir) {
  const file = path.join(dir, 'cdktf.json');
  const app = JSON.parse(fs.readFileSync(file, 'utf8')).app;
  if (typeof app !== 'string' || !app) throw new Error(`${file} has no "app" command`);
  return app;
}

/** { stackName: { 'resource type' or 'data.type' or 'provider.x' or 'output': count } } */
function inventory(outdir) {
  const stacksDir = path.join(outdir, 'stacks');
  const result = {};
  if (!fs.existsSync(stacksDir)) return result;
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const counts = {};
    const add = (k, n) => {
      counts[k] = (counts[k] || 0) + n;
    };
    for (const [type, byName] of Object.entries(doc.resource || {})) add(type, Object.keys(byName).length);
    for (const [type, byName] of Object.entries(doc.data || {})) add(`data.${type}`, Object.keys(byName).length);
    for (const [name, list] of Object.entries(doc.provider || {}))
      add(`provider.${name}`, Array.isArray(list) ? list.length : 1);
    add('output', Object.keys(doc.output || {}).length);
    add('variable', Object.keys(doc.variable || {}).length);
    result[stack] = counts;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// A. App vs baseline

function benchApp(opts) {
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', NODE_ENV: process.env.NODE_ENV || '' };
  delete env.TF_CLOUD_ORGANIZATION; // local backend, as `npx cdktf synth` in a fresh clone
  const subjects = [
    { key: 'app', label: 'App (this library)', cwd: ROOT, command: readApp(ROOT), env: {} },
    { key: 'baseline', label: 'Baseline (cdktf init style)', cwd: BASELINE, command: readApp(BASELINE), env: {} },
  ];
  // Where the baseline's time goes: the same command without ts-node's type-check, so what is
  // left is loading the provider package roots (and ts-node's transpiling). Not part of the ratio.
  if (opts.baselineBreakdown) {
    subjects.push({
      key: 'baselineNoTypeCheck',
      label: 'Baseline, type-check off (breakdown only)',
      cwd: BASELINE,
      command: readApp(BASELINE),
      env: { TS_NODE_TRANSPILE_ONLY: 'true' },
      note: 'TS_NODE_TRANSPILE_ONLY=true ',
    });
  }
  const samples = {};
  const cpu = {};
  const rss = {};
  for (const s of subjects) {
    samples[s.key] = [];
    cpu[s.key] = [];
    rss[s.key] = [];
  }
  const outdirs = {};
  const total = opts.warmup + opts.runs;
  for (let i = 0; i < total; i++) {
    for (const s of subjects) {
      const outdir = mkTemp(`bench-${s.key}-`);
      process.stderr.write(
        `  A ${s.key} ${i < opts.warmup ? 'warm-up' : `run ${i - opts.warmup + 1}/${opts.runs}`}: ${s.command} ... `,
      );
      const r = timeCommand(s.command, s.cwd, { ...env, ...s.env, CDKTF_OUTDIR: outdir });
      process.stderr.write(`${r.seconds.toFixed(2)} s\n`);
      if (r.status !== 0) {
        fail(`${s.label}: ${s.command}`, r);
        return undefined;
      }
      if (i >= opts.warmup) {
        samples[s.key].push(r.seconds);
        cpu[s.key].push(r.cpuSeconds);
        rss[s.key].push(r.peakRssMb);
      }
      if (outdirs[s.key]) fs.rmSync(outdirs[s.key], { recursive: true, force: true });
      outdirs[s.key] = outdir;
    }
  }
  const inv = {};
  for (const s of subjects) inv[s.key] = inventory(outdirs[s.key]);
  for (const d of Object.values(outdirs)) fs.rmSync(d, { recursive: true, force: true });
  const res = {};
  for (const s of subjects) {
    res[s.key] = {
      command: `${s.note || ''}${s.command}`,
      cwd: path.relative(ROOT, s.cwd) || '.',
      label: s.label,
      samples: samples[s.key],
      median: median(samples[s.key]),
      range: range(samples[s.key]),
      cpuMedian: median(cpu[s.key]),
      peakRssMb: median(rss[s.key]),
      stacks: Object.keys(inv[s.key]).length,
    };
  }
  res.ratio = res.baseline.median / res.app.median;
  res.cpuRatio = res.baseline.cpuMedian / res.app.cpuMedian;
  res.inventory = inv;
  return res;
}

function printApp(a, opts) {
  const f = (x) => (x === undefined ? 'n/a' : x.toFixed(2));
  const mb = (x) => (x === undefined ? 'n/a' : `${Math.round(x)}`);
  console.log(
    `\n### A. \`cdktf synth\` app command, five example stacks (median of ${opts.runs}, ${opts.warmup} warm-up)\n`,
  );
  console.log('| subject | command | stacks | **wall s** (median) | min-max s | CPU s (user+sys) | peak RSS MB |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const k of ['app', 'baseline', 'baselineNoTypeCheck']) {
    const r = a[k];
    if (r === undefined) continue;
    console.log(
      `| ${r.label} | \`${r.command}\` (in ${r.cwd}) | ${r.stacks} | **${f(r.median)}** | ${f(r.range[0])}-${f(r.range[1])} | ${f(r.cpuMedian)} | ${mb(r.peakRssMb)} |`,
    );
  }
  const ok = a.ratio >= TARGETS.appSpeedup;
  const cpuNote = Number.isFinite(a.cpuRatio) ? ` (CPU time: ${a.cpuRatio.toFixed(1)}x)` : '';
  console.log(
    `\nSpeed-up, wall time: **${a.ratio.toFixed(1)}x**${cpuNote} (target >= ${TARGETS.appSpeedup}x: ${ok ? 'met' : 'MISSED'})`,
  );

  // Equivalence check: resource kinds and counts per stack, App vs baseline.
  const stacks = [...new Set([...Object.keys(a.inventory.app), ...Object.keys(a.inventory.baseline)])].sort();
  const diffs = [];
  for (const st of stacks) {
    const x = a.inventory.app[st] || {};
    const y = a.inventory.baseline[st] || {};
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if ((x[k] || 0) !== (y[k] || 0)) diffs.push(`${st}: ${k} app=${x[k] || 0} baseline=${y[k] || 0}`);
    }
  }
  if (diffs.length === 0) {
    console.log('Equivalence: same stacks, same resource/data/provider/output/variable kinds and counts.');
  } else {
    console.log(`Equivalence: ${diffs.length} difference(s) in kinds/counts:`);
    for (const d of diffs) console.log(`  - ${d}`);
  }
  a.targetMet = ok;
  a.differences = diffs;
}

// ---------------------------------------------------------------------------------------------
// B. fleet

const PRIVATE_BUILD = path.join(ROOT, 'node_modules', '.cache', 'cdktf-aks-overlay-bench');

let library;
/**
 * The compiled library the fleet and scale sections run: dist/ (--dist), or a private tsc output
 * (default), built once per bench run; undefined when the build failed.
 */
function libraryDir(opts) {
  if (library !== undefined) return library || undefined;
  let distDir = path.join(ROOT, 'dist');
  let how = 'compiled JS: `npm run build` (tsc -p tsconfig.build.json) into dist/';
  if (!opts.source && !opts.dist) {
    distDir = PRIVATE_BUILD;
    how =
      'compiled JS: tsc -p tsconfig.build.json (as `npm run build`) into node_modules/.cache/cdktf-aks-overlay-bench';
  }
  if (opts.source) how = 'TypeScript sources through the type-stripping hook (node --require ./scripts/ts-register.js)';
  if (!opts.source && opts.build) {
    const command = opts.dist
      ? 'npm run build --silent'
      : `npx tsc -p tsconfig.build.json --outDir ${JSON.stringify(PRIVATE_BUILD)}`;
    process.stderr.write(`  build: ${command} ... `);
    if (!opts.dist) fs.rmSync(PRIVATE_BUILD, { recursive: true, force: true });
    const r = timeCommand(command, ROOT, process.env);
    process.stderr.write(`${r.seconds.toFixed(1)} s\n`);
    if (r.status !== 0 && !fs.existsSync(path.join(distDir, 'lib', 'index.js'))) {
      fail(command, r);
      library = false;
      return undefined;
    }
    if (r.status !== 0) process.stderr.write('    (tsc reported type errors; its JS output is used anyway)\n');
  }
  library = { distDir, how };
  return library;
}

function benchFleet(opts) {
  const lib = libraryDir(opts);
  if (!lib) return undefined;
  const { distDir, how } = lib;
  const nodeArgs = opts.source ? ['--require', path.join(ROOT, 'scripts', 'ts-register.js')] : [];
  const script = path.join(__dirname, 'fleet.js');
  const cells = [];
  for (const layout of opts.layouts) for (const n of opts.sizes) cells.push({ layout, n, samples: [] });
  for (let i = 0; i < opts.runs; i++) {
    for (const cell of cells) {
      const outdir = mkTemp('bench-fleet-');
      process.stderr.write(`  B fleet ${cell.n} (${cell.layout}) run ${i + 1}/${opts.runs} ... `);
      const r = spawnSync(
        process.execPath,
        [...nodeArgs, script, String(cell.n), outdir, opts.source ? 'source' : 'dist', cell.layout],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, CHECKPOINT_DISABLE: '1', BENCH_DIST_DIR: distDir },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      fs.rmSync(outdir, { recursive: true, force: true });
      if (r.status !== 0) {
        fail(`fleet of ${cell.n} (${cell.layout})`, r);
        return undefined;
      }
      const m = JSON.parse(r.stdout.trim().split('\n').pop());
      process.stderr.write(`${(m.inProcessMs / 1000).toFixed(2)} s, ${Math.round(m.peakRssMb)} MB\n`);
      cell.samples.push(m);
    }
  }
  const rows = cells.map(({ layout, n, samples: ms }) => {
    const med = (k) => median(ms.map((m) => m[k]));
    return {
      layout,
      clusters: n,
      stacks: ms[0].stacks,
      resources: ms[0].resources,
      loadMs: med('loadMs'),
      constructMs: med('constructMs'),
      synthMs: med('synthMs'),
      inProcessMs: med('inProcessMs'),
      inProcessCpuMs: med('inProcessCpuMs'),
      validationMs: med('validationMs'),
      rulesMs: med('rulesMs'),
      validations: ms[0].validations,
      totalMs: med('totalMs'),
      perClusterMs: med('inProcessMs') / n,
      peakRssMb: med('peakRssMb'),
      maxPeakRssMb: range(ms.map((m) => m.peakRssMb))[1],
      checkMs: med('checkMs'),
      findings: ms[0].findings,
      samples: ms,
    };
  });
  return { mode: how, rows };
}

function printFleet(b, opts) {
  const s = (ms) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
  const m = (ms) => (ms === undefined ? 'n/a' : ms.toFixed(1));
  console.log(
    `\n### B. In-process synth of a fleet: dual-stack clusters, each with a Windows pool and NGINX over IPv4 + IPv6, validation on (median of ${opts.runs}, fresh process per size and run)\n`,
  );
  console.log(`Library: ${b.mode}.\n`);
  console.log(
    '| layout | clusters | stacks | resources | module load s | construct s | synth s | of which validation s (rules s) | **in-process s** | in-process CPU s | ms per cluster | **peak RSS MB** |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of b.rows) {
    console.log(
      `| ${r.layout} | ${r.clusters} | ${r.stacks} | ${r.resources} | ${s(r.loadMs)} | ${s(r.constructMs)} | ${s(r.synthMs)} | ${s(r.validationMs)} (${s(r.rulesMs)}) | **${s(r.inProcessMs)}** | ${s(r.inProcessCpuMs)} | ${m(r.perClusterMs)} | **${Math.round(r.peakRssMb)}** |`,
    );
  }
  console.log(
    '\nin-process = construct + `app.synth()`, wall time; `app.synth()` runs the stack validation (once per stack: the stack JSON,',
  );
  console.log(
    'then the rules over it) and writes cdk.tf.json. Module load (cdktf, the library, its provider deep imports) is separate.',
  );
  console.log('Peak RSS is the whole child process.');
  b.targetMet = true;
  for (const r of b.rows.filter((x) => x.clusters === TARGETS.fleetSize)) {
    const tOk = r.inProcessMs / 1000 < TARGETS.fleetSeconds;
    const rOk = r.peakRssMb < TARGETS.fleetRssMb;
    console.log(
      `Targets, ${TARGETS.fleetSize} clusters (${r.layout}): in-process ${s(r.inProcessMs)} s (< ${TARGETS.fleetSeconds} s: ${tOk ? 'met' : 'MISSED'}), peak RSS ${Math.round(r.peakRssMb)} MB (< ${TARGETS.fleetRssMb} MB: ${rOk ? 'met' : 'MISSED'})`,
    );
    b.targetMet = b.targetMet && tOk && rOk;
  }
}

// ---------------------------------------------------------------------------------------------
// C. npm test

function benchTest() {
  process.stderr.write('  C npm test ... ');
  const r = timeCommand('npm test --silent', ROOT, { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' });
  process.stderr.write(`${r.seconds.toFixed(1)} s (exit ${r.status})\n`);
  const summary = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => /^(Tests|Test Suites):/.test(l.trim()))
    .map((l) => l.trim());
  if (r.status !== 0) fail('npm test', r);
  return { seconds: r.seconds, status: r.status, summary, peakRssMb: r.peakRssMb };
}

function benchTestSteps() {
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };
  const jestJson = path.join(mkTemp('bench-jest-'), 'jest.json');
  const steps = [
    { label: 'type-check', command: 'npx tsc --noEmit -p tsconfig.json' },
    { label: 'build', command: `npx tsc -p tsconfig.build.json --outDir ${JSON.stringify(PRIVATE_BUILD)}` },
    { label: 'jest', command: `npx jest --silent --json --outputFile=${JSON.stringify(jestJson)}` },
  ];
  const out = [];
  for (const step of steps) {
    process.stderr.write(`  C step ${step.label}: ${step.command} ... `);
    const r = timeCommand(step.command, ROOT, env);
    process.stderr.write(`${r.seconds.toFixed(1)} s (exit ${r.status})\n`);
    out.push({
      label: step.label,
      command: step.command,
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      status: r.status,
    });
  }
  let files = [];
  if (fs.existsSync(jestJson)) {
    const report = JSON.parse(fs.readFileSync(jestJson, 'utf8'));
    files = report.testResults
      .map((t) => ({
        file: path.relative(ROOT, t.name),
        seconds: (t.endTime - t.startTime) / 1000,
        tests: t.assertionResults.length,
      }))
      .sort((x, y) => y.seconds - x.seconds);
    fs.rmSync(path.dirname(jestJson), { recursive: true, force: true });
  }
  return { steps: out, files };
}

function printTest(c) {
  console.log('\n### C. `npm test` (type-check + build + jest, one run)\n');
  console.log('| command | wall s | exit | jest summary |');
  console.log('|---|---:|---:|---|');
  console.log(
    `| \`npm test\` | ${c.seconds.toFixed(1)} | ${c.status} | ${c.summary.join('; ').replace(/\s+/g, ' ') || 'n/a'} |`,
  );
  const ok = c.status === 0 && c.seconds < TARGETS.testSeconds;
  console.log(`\nTarget < ${TARGETS.testSeconds} s: ${ok ? 'met' : 'MISSED'}`);
  c.targetMet = ok;
  if (c.breakdown) {
    console.log('\nThe same steps one by one (--test-breakdown):\n');
    console.log('| step | command | wall s | CPU s | exit |');
    console.log('|---|---|---:|---:|---:|');
    for (const st of c.breakdown.steps)
      console.log(
        `| ${st.label} | \`${st.command.replace(JSON.stringify(PRIVATE_BUILD), '<private dir>').replace(/ --json --outputFile=.*$/, '')}\` | ${st.seconds.toFixed(1)} | ${st.cpuSeconds === undefined ? 'n/a' : st.cpuSeconds.toFixed(1)} | ${st.status} |`,
      );
    const top = c.breakdown.files.slice(0, 8);
    if (top.length) {
      console.log('\nSlowest test files (jest, per file wall time, 2 workers):\n');
      console.log('| file | tests | s |');
      console.log('|---|---:|---:|');
      for (const f of top) console.log(`| ${f.file} | ${f.tests} | ${f.seconds.toFixed(1)} |`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function main() {
  const opts = parseArgs(process.argv.slice(2), process.env);
  const cpus = os.cpus();
  console.log(`## cdktf-aks-overlay benchmarks\n`);
  console.log(
    `Node ${process.version}, ${cpus.length} x ${cpus[0] ? cpus[0].model.trim() : 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}; ${new Date().toISOString()}`,
  );
  const results = {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0] && cpus[0].model,
    date: new Date().toISOString(),
    options: { ...opts, only: [...opts.only] },
  };
  if (opts.only.has('a')) {
    const a = benchApp(opts);
    if (a) {
      printApp(a, opts);
      results.app = a;
    }
  }
  if (opts.only.has('b')) {
    const b = benchFleet(opts);
    if (b) {
      printFleet(b, opts);
      results.fleet = b;
    }
  }
  if (opts.only.has('c') && !opts.skipTest) {
    const c = benchTest();
    if (opts.testBreakdown) c.breakdown = benchTestSteps();
    printTest(c);
    results.test = c;
  } else if (opts.only.has('c')) {
    console.log('\n### C. `npm test`: skipped (--skip-test)');
  }
  if (opts.only.has('d')) {
    const { benchPlan, printPlan } = require('./plan');
    try {
      const d = benchPlan({ runs: Math.min(opts.runs, 3) });
      printPlan(d, { runs: Math.min(opts.runs, 3) });
      results.plan = d;
    } catch (e) {
      fail('D. plans and diffs', { status: 1, stderr: e.message });
    }
  }
  const helpers = { timeCommand, median, fail, mkTemp, libraryDir: () => libraryDir(opts) };
  if (opts.only.has('e')) {
    const scaleOpts = { scaleSizes: opts.scaleSizes, runs: opts.scaleRuns, constructClusters: opts.constructClusters };
    const e = benchScale(scaleOpts, helpers);
    if (e) {
      printScale(e);
      results.scale = e;
    }
  }
  if (opts.only.has('f')) {
    const f = benchFuzz({ fuzzRuns: opts.fuzzRuns, fuzzSeed: opts.fuzzSeed }, helpers);
    printFuzz(f);
    results.fuzz = f;
  }
  if (opts.json) {
    fs.writeFileSync(opts.json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nRaw numbers: ${path.relative(process.cwd(), opts.json)}`);
  }
}

main();
