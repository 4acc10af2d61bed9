/**
 * `check --format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF readers.
 * One `rule` per rule id (description, help text and source link from the rule docs); one result
 * per finding with its `ruleId`, `level`, the plan file as physical location and the Terraform
 * address and construct path as logical locations; a suppressed finding carries a SARIF
 * `suppressions` entry with its reason. No cdktf imports.
 */
import { createHash } from 'crypto';
import type { Finding } from '../../rules';
import type { RuleDoc } from '../../rules/docs';
import { STALE_SUPPRESSION_RULE_ID } from '../../rules/suppressions';
import type { CheckRun } from '../check-command';
import { messageBody } from '../check-command';
import { ruleDocs } from '../rules-command';
import { PACKAGE_NAME, packageVersion } from '../version';

/** The `$schema` written into the log. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = `https://www.npmjs.com/package/${PACKAGE_NAME}`;

/** What the SARIF renderer needs beside the run. */
export interface SarifOptions {
  /**
   * The parsed document of each stack file, to point results at the line of their resource.
   * @default none: results point at line 1
   */
  readonly documents?: ReadonlyMap<string, unknown>;
}

/** Descriptions of the findings about the document itself, which have no entry in the rule docs. */
const DOCUMENT_RULES: Readonly<Record<string, { summary: string; help: string }>> = {
  'document/shape': {
    summary: 'The document is not Terraform JSON as cdktf synthesizes it.',
    help: 'Write the document as Terraform JSON (resource.<type>.<name> objects), as cdktf synth does.',
  },
  'document/rule-error': {
    summary: 'A rule could not read the document (a value of an unexpected type).',
    help: 'Check the attributes the rule reads for values of the wrong type, and report the input as a bug.',
  },
  [STALE_SUPPRESSION_RULE_ID]: {
    summary: 'A suppression matches no finding.',
    help: 'Remove the suppression, or correct its rule id, resource pattern or construct path.',
  },
};

function level(severity: Finding['severity']): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

function descriptor(id: string, doc: RuleDoc | undefined): Record<string, unknown> {
  const group = id.split('/')[0];
  if (doc === undefined) {
    const d = DOCUMENT_RULES[id] ?? { summary: id, help: id };
    return {
      id,
      name: id,
      shortDescription: { text: d.summary },
      fullDescription: { text: d.summary },
      help: { text: d.help },
      defaultConfiguration: { level: id === 'document/shape' || id === 'document/rule-error' ? 'error' : 'warning' },
      properties: { tags: [group] },
    };
  }
  const otherwise =
    doc.otherwise === '-'
      ? 'Advice: nothing fails without it.'
      : `Without this check the mistake surfaces at: ${doc.otherwise}.`;
  const sources = doc.sources.map((s) => `- ${s.title}: ${s.url}`);
  const example = doc.example ? ['', 'Failing example:', doc.example.failing, '', 'Fix:', doc.example.fix] : [];
  const sourceLines = sources.length > 0 ? ['', 'Sources:', ...sources] : [];
  const text = [doc.summary, otherwise, ...example, ...sourceLines].join('\n');
  const fence = (t: string) => ['```json', t, '```'].join('\n');
  const markdown = [
    `**${doc.id}** (${doc.severity}): ${doc.summary}`,
    '',
    otherwise,
    ...(doc.example ? ['', 'Failing example:', '', fence(doc.example.failing), '', 'Fix:', '', doc.example.fix] : []),
    ...(doc.sources.length > 0 ? ['', 'Sources:', '', ...doc.sources.map((s) => `- [${s.title}](${s.url})`)] : []),
  ].join('\n');
  return {
    id,
    name: id,
    shortDescription: { text: doc.summary },
    fullDescription: { text: `${doc.summary} ${otherwise}` },
    help: { text, markdown },
    ...(doc.sources[0] !== undefined ? { helpUri: doc.sources[0].url } : {}),
    defaultConfiguration: { level: level(doc.severity) },
    properties: { tags: [group] },
  };
}

/** A relative path as a URI reference (forward slashes, segments percent-encoded); an absolute one as a file URI. */
export function fileUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded.replace('%3A', ':')}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

/**
 * The 1-based line where `address` (`type.name` or `data.type.name`) starts in the document as
 * cdktf writes it (2-space JSON).
 */
export function lineOf(document: unknown, address: string): number | undefined {
  const parts = address.split('.');
  const [block, type, name] =
    parts[0] === 'data'
      ? ['data', parts[1], parts.slice(2).join('.')]
      : ['resource', parts[0], parts.slice(1).join('.')];
  if (type === undefined || name === '') return undefined;
  const lines = JSON.stringify(document, null, 2).split('\n');
  const want = [`  ${JSON.stringify(block)}: {`, `    ${JSON.stringify(type)}: {`, `      ${JSON.stringify(name)}: {`];
  let at = 0;
  for (const w of want) {
    const i = lines.indexOf(w, at);
    if (i < 0) return undefined;
    at = i + 1;
  }
  return at;
}

function result(
  f: Finding,
  file: string,
  ruleIndex: number,
  stack: string,
  documents?: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const document = documents?.get(file);
  const startLine = (document !== undefined ? lineOf(document, f.address) : undefined) ?? 1;
  const logical = [{ fullyQualifiedName: f.address, kind: 'resource' }];
  if (f.path !== undefined) logical.push({ fullyQualifiedName: f.path, kind: 'namespace' });
  const key = [stack, f.ruleId, f.address, f.path ?? '', messageBody(f)].join('\n');
  const fingerprint = createHash('sha256').update(key).digest('hex');
  const physicalLocation = { artifactLocation: { uri: fileUri(file) }, region: { startLine } };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    message: { text: `${messageBody(f)}. Fix: ${f.fix}` },
    locations: [{ physicalLocation, logicalLocations: logical }],
    partialFingerprints: { 'cdktfAksOverlayFinding/v1': fingerprint },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: f.suppressed.source.startsWith('construct ') ? 'inSource' : 'external',
              status: 'accepted',
              justification: f.suppressed.reason,
              properties: { source: f.suppressed.source },
            },
          ],
        }
      : {}),
    properties: { stack, fix: f.fix, ...(f.skipped ? { skipped: true } : {}) },
  };
}

/**
 * The SARIF 2.1.0 log of a `check` run, as JSON text. Rules: every documented rule, then the
 * `document/*` ids that occur.
 */
export function formatCheckSarif(run: CheckRun, options: SarifOptions = {}): string {
  const docs = ruleDocs();
  const ids = docs.map((d) => d.id);
  const groups: { file: string; stack: string; findings: readonly Finding[] }[] = run.stacks.map((s) => ({
    file: s.file,
    stack: s.name,
    findings: s.findings,
  }));
  if (run.config) groups.push({ file: run.config.file, stack: '(config)', findings: run.config.findings });
  for (const f of groups.flatMap((g) => g.findings)) if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
  const rules = ids.map((id) =>
    descriptor(
      id,
      docs.find((d) => d.id === id),
    ),
  );
  const results = groups.flatMap((g) =>
    g.findings.map((f) => result(f, g.file, ids.indexOf(f.ruleId), g.stack, options.documents)),
  );
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: PACKAGE_NAME, version: packageVersion(), informationUri: INFORMATION_URI, rules } },
        artifacts: groups.map((g) => ({ location: { uri: fileUri(g.file) } })),
        invocations: [{ executionSuccessful: true, exitCode: run.exitCode }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
