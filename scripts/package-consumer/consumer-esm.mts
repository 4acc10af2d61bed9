/**
 * An ES module consumer (moduleResolution nodenext): named imports from the CommonJS package.
 * Prints one JSON line with the rule ids `check` reports for overlap.tf.json.
 */
import { readFileSync } from 'node:fs';
import { AksCluster, check, RULE_IDS } from 'cdktf-aks-overlay';
import type { Finding } from 'cdktf-aks-overlay';

if (typeof AksCluster !== 'function') throw new Error('AksCluster is not exported to ES modules');
if (!Array.isArray(RULE_IDS)) throw new Error('RULE_IDS is not exported to ES modules');
const doc: unknown = JSON.parse(readFileSync(new URL('../overlap.tf.json', import.meta.url), 'utf8'));
const findings: Finding[] = check(doc);
console.log(JSON.stringify({ overlapRuleIds: findings.map((f) => f.ruleId) }));
