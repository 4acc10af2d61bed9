/**
 * `check --format junit`: JUnit XML for CI systems that show test reports. One test suite per
 * stack (and one for the config file's stale suppressions); one test case per rule and resource
 * with findings, and one passing case per selected rule that found nothing. A case fails on an
 * error (or a warning with `--warnings-as-errors`); a case whose findings are all suppressed, or
 * whose rule could not run, is skipped; warnings are passing cases with the text in
 * `system-out`. No cdktf imports.
 */
import type { Finding } from '../../rules';
import type { CheckRun } from '../check-command';
import { isFailing, messageBody } from '../check-command';
import { PACKAGE_NAME } from '../version';

/** What the JUnit renderer needs beside the run. */
export interface JunitOptions {
  /**
   * The rule ids that ran, for the passing cases.
   * @default none: only rules with findings get a case
   */
  readonly ruleIds?: readonly string[];
}

/** Characters XML 1.0 forbids: most C0 controls, U+FFFE/U+FFFF, and lone surrogates. */
const NOT_XML = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

/** Text as XML character data or an attribute value: escaped, with characters XML 1.0 forbids dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly body: string;
  readonly outcome: 'pass' | 'failure' | 'skipped';
}

function describe(f: Finding): string {
  const lines = [`${f.ruleId} [${f.severity}${f.suppressed ? ', suppressed' : ''}] ${messageBody(f)}`, `fix: ${f.fix}`];
  if (f.path !== undefined) lines.push(`construct: ${f.path}`);
  if (f.suppressed) lines.push(`suppressed: ${f.suppressed.reason} (${f.suppressed.source})`);
  return lines.join('\n');
}

function caseOf(suite: string, findings: readonly Finding[], warningsAsErrors: boolean): Case {
  const { ruleId, address } = findings[0];
  const base = { name: `${ruleId} ${address}`, classname: `${suite}.${ruleId.split('/')[0]}` };
  const failing = findings.filter((f) => isFailing(f, warningsAsErrors));
  const text = findings.map(describe).join('\n\n');
  if (failing.length > 0) {
    const first = failing[0];
    const attrs = `message="${xmlEscape(messageBody(first))}" type="${first.severity}"`;
    return { ...base, outcome: 'failure', body: `<failure ${attrs}>${xmlEscape(text)}</failure>` };
  }
  if (findings.every((f) => f.suppressed !== undefined || f.skipped === true)) {
    const f = findings[0];
    const why = f.suppressed
      ? `suppressed: ${f.suppressed.reason} (${f.suppressed.source})`
      : `not run: ${messageBody(f)}`;
    const body = `<skipped message="${xmlEscape(why)}"/><system-out>${xmlEscape(text)}</system-out>`;
    return { ...base, outcome: 'skipped', body };
  }
  return { ...base, outcome: 'pass', body: `<system-out>${xmlEscape(text)}</system-out>` };
}

function casesOf(suite: string, findings: readonly Finding[], ruleIds: readonly string[], strict: boolean): Case[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.address}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const cases = [...byKey.values()].map((fs) => caseOf(suite, fs, strict));
  const withFindings = new Set(findings.map((f) => f.ruleId));
  for (const id of ruleIds) {
    if (withFindings.has(id)) continue;
    cases.push({ name: id, classname: `${suite}.${id.split('/')[0]}`, outcome: 'pass', body: '' });
  }
  return cases;
}

function counts(cases: readonly Case[]): string {
  const failures = cases.filter((c) => c.outcome === 'failure').length;
  const skipped = cases.filter((c) => c.outcome === 'skipped').length;
  return `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
}

function renderCase(c: Case, file: string): string {
  const attrs = `name="${xmlEscape(c.name)}" classname="${xmlEscape(c.classname)}" file="${xmlEscape(file)}"`;
  return c.body === '' ? `    <testcase ${attrs}/>` : `    <testcase ${attrs}>${c.body}</testcase>`;
}

/** The JUnit XML of a `check` run. */
export function formatCheckJunit(run: CheckRun, options: JunitOptions = {}): string {
  const strict = run.warningsAsErrors;
  const suites = run.stacks.map((s) => ({
    name: s.name,
    file: s.file,
    cases: casesOf(s.name, s.findings, options.ruleIds ?? [], strict),
  }));
  if (run.config && run.config.findings.length > 0) {
    const { file, findings } = run.config;
    suites.push({ name: `config ${file}`, file, cases: casesOf('config', findings, [], strict) });
  }
  const all = suites.flatMap((s) => s.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${PACKAGE_NAME} check" ${counts(all)}>`];
  for (const s of suites) {
    out.push(`  <testsuite name="${xmlEscape(s.name)}" ${counts(s.cases)} file="${xmlEscape(s.file)}">`);
    out.push(...s.cases.map((c) => renderCase(c, s.file)));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
