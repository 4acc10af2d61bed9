/**
 * A consumer of `cdktf-aks-overlay/engine` in a project without cdktf, cdktn, constructs or any
 * provider package (installed with `npm install --omit=peer`). Compiled with `tsc --strict` by
 * scripts/test-package.js; prints one JSON line for the test to verify.
 */
import * as fs from 'fs';
import * as path from 'path';
import { check, formatFinding, readModel, renderReport, RULE_IDS } from 'cdktf-aks-overlay/engine';
import type { Finding, StackInput } from 'cdktf-aks-overlay/engine';

const file = path.join(__dirname, '..', 'overlap.tf.json');
const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const findings: Finding[] = check(document);
const stack: StackInput = { name: 'overlap', file: 'overlap.tf.json', document };
const report = renderReport([stack]);

// The package root holds the constructs: here it cannot load, because cdktf is not installed.
let rootError = '';
try {
  require('cdktf-aks-overlay');
} catch (e) {
  rootError = e instanceof Error ? e.message.split('\n')[0] : String(e);
}

console.log(
  JSON.stringify({
    ruleIds: findings.map((f) => f.ruleId),
    lines: findings.map(formatFinding),
    clusters: readModel(document).clusters.length,
    reportHeading: report.split('\n')[0],
    ruleCount: RULE_IDS.length,
    rootError,
  }),
);
