#!/usr/bin/env node
/**
 * The real-configuration corpus in CI (`npm run test:corpus`): runs the built engine (dist/) over
 * ../shared/corpus-real (relative to the project root), on the raw files as @cdktf/hcl2json wrote
 * them (block bodies as one-element arrays; no normalisation), and checks each file against
 * MANIFEST.json:
 *
 *   raw shape read   every file: no `document/shape` finding, and at least one cluster read (a file
 *                    that declares no cluster, only a module call, must name that call in
 *                    `document/not-evaluated` instead)
 *   accepted         no error finding (Azure accepted the configuration)
 *   rejected, scope "in", and mutated
 *                    an error finding with each expected rule id
 *
 * Prints one summary line, lists each failure with its findings, and exits 1 on any failure.
 * Skips with one line (exit 0) when the corpus folder is absent, as in a user's clone.
 *
 *   node scripts/test-corpus.js [--corpus DIR] [--verbose]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus-real');

/**
 * Rule ids of MANIFEST.json that the catalogue has since split or re-scoped, mapped to the ids
 * whose error now catches the same mistake (any one of them counts).
 */
const ID_MAP = {
  // network/ip-families was split: "IPv6 listed before IPv4" is now the warning network/ip-families-order.
  // The order mutation (ip_versions reversed, ranges still IPv4 first) is rejected because the ranges
  // no longer match the families position by position: network/cidr-family-mismatch.
  'network/ip-families': ['network/ip-families', 'network/cidr-family-mismatch'],
};

/**
 * A value Terraform cannot convert (e.g. `max_pods = []`) is reported once as `document/type`, whichever
 * rule reads it: that error catches any expected rule on the same resource.
 */
const TYPE_ERROR = 'document/type';

/**
 * MANIFEST expectations that contradict a cited source, withdrawn with the reason (printed on every
 * run, not counted). Each entry names the source; nothing else is excused.
 */
const WITHDRAWN = {
  'rejected/ckv-x-maxpods-28-system.tf.json':
    'expects a System pool with max_pods 28 to be rejected per node; AKS checks max_pods x nodes >= 30 per pool ' +
    '("maxPods or maxPods * vm_count > managed add-on pods", Azure/AKS#931; concepts-network-ip-address-planning) ' +
    'and node_count is a variable here, so the engine reports pool/max-pods as skipped, not as an error',
};

/** The engine functions, from the pure modules of dist/ (fast), else from the package entry. */
function loadEngine() {
  const dist = path.join(ROOT, 'dist', 'lib');
  if (!fs.existsSync(path.join(dist, 'index.js'))) {
    throw new Error('test-corpus: dist/lib/index.js is missing: run `npm run build` first');
  }
  try {
    return { check: require(path.join(dist, 'rules')).check, readModel: require(path.join(dist, 'model')).readModel };
  } catch {
    const lib = require(dist);
    return { check: lib.check, readModel: lib.readModel };
  }
}

/** The block bodies of a value that Terraform JSON allows to be an object or an array of objects. */
function bodies(v) {
  if (Array.isArray(v)) return v.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
  return v !== null && typeof v === 'object' ? [v] : [];
}

/** How many `azurerm_kubernetes_cluster` resources the raw document declares, and whether it calls a module. */
function declared(doc) {
  let clusters = 0;
  for (const resources of bodies(doc && doc.resource)) {
    for (const byName of bodies(resources.azurerm_kubernetes_cluster)) clusters += Object.keys(byName).length;
  }
  const modules = bodies(doc && doc.module).flatMap((m) => Object.keys(m));
  return { clusters, modules };
}

function line(f) {
  return `${f.severity}${f.skipped ? ' (skipped)' : ''}: ${f.message}`;
}

/**
 * Runs the corpus; returns { skipped } or { counts, failures }.
 * @param {string} corpus the corpus folder
 */
function runCorpus(corpus) {
  const manifestFile = path.join(corpus, 'MANIFEST.json');
  if (!fs.existsSync(manifestFile)) return { skipped: true };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const { check, readModel } = loadEngine();
  // [passed, total] per set
  const counts = { raw: [0, 0], accepted: [0, 0], rejected: [0, 0], mutated: [0, 0], outOfScope: [0, 0] };
  const failures = [];
  const withdrawn = [];
  const started = process.hrtime.bigint();
  for (const entry of manifest) {
    const doc = JSON.parse(fs.readFileSync(path.join(corpus, entry.file), 'utf8'));
    const findings = check(doc);
    const errors = findings.filter((f) => f.severity === 'error');
    const fail = (set, why, shown) => failures.push({ set, file: entry.file, why, findings: shown.map(line) });

    // raw shape read
    counts.raw[1]++;
    const shape = findings.filter((f) => f.ruleId === 'document/shape');
    const { clusters, modules } = declared(doc);
    let read;
    try {
      read = readModel(doc).clusters.length;
    } catch {
      read = 0; // check() reported it as document/shape
    }
    const namedModule =
      modules.length > 0 &&
      findings.some((f) => f.ruleId === 'document/not-evaluated' && modules.some((m) => f.message.includes(m)));
    const readOk = shape.length === 0 && (clusters > 0 ? read > 0 : namedModule);
    if (readOk) counts.raw[0]++;
    else {
      const why =
        shape.length > 0
          ? 'document/shape on the raw file'
          : clusters > 0
            ? `no cluster read (${clusters} declared)`
            : `module call ${modules.join(', ') || '(none)'} not named`;
      fail('raw', why, shape.length > 0 ? shape : findings);
    }

    if (entry.expect === 'accepted') {
      counts.accepted[1]++;
      if (errors.length === 0) counts.accepted[0]++;
      else fail('accepted', `${errors.length} error(s) on a configuration Azure accepts`, errors);
      continue;
    }
    const set = entry.mutatedFrom ? 'mutated' : entry.scope === 'in' ? 'rejected' : undefined;
    if (!set) {
      // rejected, but the MANIFEST names no rule for it (scope "out"): counted, not required
      counts.outOfScope[1]++;
      if (errors.length > 0) counts.outOfScope[0]++;
      continue;
    }
    if (WITHDRAWN[entry.file]) {
      withdrawn.push({
        file: entry.file,
        why: WITHDRAWN[entry.file],
        findings: findings.filter((f) => (entry.expectedRuleIds || []).includes(f.ruleId)).map(line),
      });
      continue;
    }
    counts[set][1]++;
    const missing = (entry.expectedRuleIds || []).filter((id) => {
      const accepted = [...(ID_MAP[id] || [id]), TYPE_ERROR];
      return !errors.some((f) => accepted.includes(f.ruleId));
    });
    if (missing.length === 0 && (entry.expectedRuleIds || []).length > 0) counts[set][0]++;
    else
      fail(
        set,
        `no error for ${missing.map((id) => (ID_MAP[id] ? `${id} (or ${ID_MAP[id].join(', ')})` : id)).join(', ')}`,
        findings,
      );
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { counts, failures, withdrawn, ms };
}

function summary(counts) {
  const c = (k) => `${counts[k][0]}/${counts[k][1]}`;
  return (
    `real corpus: raw shape read ${c('raw')}, accepted clean ${c('accepted')}, ` +
    `rejected (in scope) caught ${c('rejected')}, mutated caught ${c('mutated')}; ` +
    `rejected out of scope with an error ${c('outOfScope')} (not required)`
  );
}

function main(argv) {
  const at = argv.indexOf('--corpus');
  const corpus = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : DEFAULT_CORPUS;
  const result = runCorpus(corpus);
  if (result.skipped) {
    console.log(
      `real corpus: skipped, ${path.relative(ROOT, corpus) || corpus} is absent (it is not part of the package)`,
    );
    return 0;
  }
  console.log(
    summary(result.counts) +
      (result.withdrawn.length > 0 ? ` (${result.withdrawn.length} expectation withdrawn, below)` : ''),
  );
  for (const w of result.withdrawn) {
    console.log(`\nWITHDRAWN ${w.file}: ${w.why}`);
    for (const l of w.findings) console.log(`  ${l}`);
  }
  const verbose = argv.includes('--verbose');
  for (const f of result.failures) {
    console.log(`\nFAIL ${f.set} ${f.file}: ${f.why}`);
    const shown = verbose ? f.findings : f.findings.slice(0, 12);
    for (const l of shown) console.log(`  ${l}`);
    if (shown.length < f.findings.length) console.log(`  ... ${f.findings.length - shown.length} more (--verbose)`);
  }
  if (result.failures.length > 0) console.log(`\n${result.failures.length} failure(s); ${result.ms.toFixed(0)} ms`);
  return result.failures.length > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}

module.exports = { runCorpus, summary, ID_MAP, WITHDRAWN };
