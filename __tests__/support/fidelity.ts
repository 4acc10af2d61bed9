/**
 * Assertions for the black-box fidelity tests (__tests__/fidelity-*.test.ts): they run the whole
 * engine through `check()` and look at the findings of one rule id, so they hold whatever file
 * implements the rule.
 */
import { check } from '../../lib/rules';
import type { CheckContext, Finding, Severity } from '../../lib/rules/types';
import { aksCluster, tfDoc, type JsonObject, type TfItem } from './tf';

/** All findings of a document (every rule, warnings and errors). */
export function run(doc: unknown, context: CheckContext = {}): Finding[] {
  return check(doc, context);
}

/** The error findings, as `ruleId: message` lines (readable when an assertion fails). */
function errorLines(fs: readonly Finding[]): string[] {
  return fs.filter((f) => f.severity === 'error').map((f) => f.message);
}

/**
 * Asserts that the findings hold a finding of rule `id` with `severity`, not a skipped-rule
 * warning, whose message names every value of `named`; returns the first such finding.
 */
export function expectFinding(fs: readonly Finding[], id: string, severity: Severity, ...named: string[]): Finding {
  const ofId = fs.filter((f) => f.ruleId === id);
  const hit = ofId.find((f) => f.severity === severity && !f.skipped && named.every((v) => f.message.includes(v)));
  if (!hit) {
    const shown = (xs: readonly Finding[]) =>
      xs.map((f) => `  ${f.severity}${f.skipped ? ' (skipped)' : ''}: ${f.message}`);
    throw new Error(
      [
        `expected a ${severity} finding of ${id} naming ${named.map((v) => `'${v}'`).join(', ') || '(nothing)'}`,
        `findings of ${id}:`,
        ...shown(ofId),
        'all findings:',
        ...shown(fs),
      ].join('\n'),
    );
  }
  expect(hit.message.startsWith(`${id}: `)).toBe(true);
  expect(hit.fix.length).toBeGreaterThan(0);
  return hit;
}

/** Asserts that no finding (error, warning or skipped) has rule id `id`. */
export function expectNoFinding(fs: readonly Finding[], id: string): void {
  expect(fs.filter((f) => f.ruleId === id).map((f) => f.message)).toEqual([]);
}

/** Asserts that no finding of rule `id` is an error (skipped-rule warnings are allowed). */
export function expectNoError(fs: readonly Finding[], id: string): void {
  expect(fs.filter((f) => f.ruleId === id && f.severity === 'error').map((f) => f.message)).toEqual([]);
}

/** Asserts that the document gives no error finding at all. */
export function expectNoErrors(fs: readonly Finding[]): void {
  expect(errorLines(fs)).toEqual([]);
}

/** One cluster `aks` whose network_profile is exactly `np` (plus `extra` resources). */
export function clusterWithNetwork(
  np: JsonObject,
  cluster: JsonObject = {},
  ...extra: (TfItem | JsonObject)[]
): JsonObject {
  const withNp: JsonObject = { resource: { azurerm_kubernetes_cluster: { aks: { network_profile: np } } } };
  return tfDoc(aksCluster('aks', { ...cluster, network_profile: undefined }), withNp, ...extra);
}

/** An overlay network profile with `extra` attributes. */
export function overlay(extra: JsonObject = {}): JsonObject {
  return { network_plugin: 'azure', network_plugin_mode: 'overlay', ...extra };
}

/** A dual-stack overlay network profile with `extra` attributes. */
export function dualOverlay(extra: JsonObject = {}): JsonObject {
  return overlay({ ip_versions: ['IPv4', 'IPv6'], ...extra });
}
