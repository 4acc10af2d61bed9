/**
 * The result side of the run task protocol: the JSON:API `task-results` body PATCHed to the
 * callback URL, with a one-line message and one outcome per finding. No cdktf imports.
 *
 * Markdown escaping: lib/cli/markdown.ts has only table-cell and code-span helpers, so
 * {@link escapeMarkdown} lives here.
 */
import type { Finding } from '../../rules';
import { messageBody, plural } from '../check-command';

/** The result statuses HCP Terraform accepts. */
export type TaskStatus = 'running' | 'passed' | 'failed';

/** Limits on what the result holds (the protocol recommends outcome bodies under 1 MB and allows 5 MB). */
export const RESULT_LIMITS = {
  /** Outcomes per result; the message says when more findings were left out. */
  maxOutcomes: 100,
  /** Characters of an outcome's Markdown body. */
  maxBody: 8 * 1024,
  /** Characters of an outcome's one-line description. */
  maxDescription: 300,
  /** Characters of the result's one-line message. */
  maxMessage: 300,
} as const;

/**
 * Escapes text for Markdown so that plan values read literally: line breaks become spaces, the
 * inline markup characters get a backslash, `<`, `>` and `&` become entities (no raw HTML, no
 * autolinks in brackets), and a start that would open a block (`-`, `=`, `1.`) is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** One line, at most `max` characters (an ellipsis marks a cut). */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function severityLabel(f: Finding): string {
  return f.severity === 'error' ? 'Error' : 'Warning';
}

/** The Markdown body of a finding's outcome: the message, the fix and the resource, all escaped. */
export function outcomeBody(f: Finding): string {
  const lines = [
    `**${escapeMarkdown(f.ruleId)}** (${f.severity}${f.skipped ? ', rule skipped' : ''})`,
    '',
    escapeMarkdown(messageBody(f)),
    '',
    `**Fix:** ${escapeMarkdown(f.fix)}`,
    '',
    `**Resource:** ${escapeMarkdown(f.address)}${f.path ? ` (construct ${escapeMarkdown(f.path)})` : ''}`,
  ];
  const body = lines.join('\n');
  return body.length > RESULT_LIMITS.maxBody ? `${body.slice(0, RESULT_LIMITS.maxBody - 20)}\n\n(shortened)` : body;
}

/** The one-line message: the counts, and the rule ids of the errors (else of the warnings). */
export function resultMessage(findings: readonly Finding[], omitted = 0): string {
  const errors = findings.filter((f) => f.severity === 'error');
  if (findings.length === 0) return 'cdktf-aks-overlay: no findings, every rule passed';
  const ids = [...new Set((errors.length > 0 ? errors : findings).map((f) => f.ruleId))].join(', ');
  const more =
    omitted > 0 ? ` (first ${plural(RESULT_LIMITS.maxOutcomes, 'outcome')}; ${omitted} more in the report)` : '';
  const counts = `${plural(errors.length, 'error')}, ${plural(findings.length - errors.length, 'warning')}`;
  return oneLine(`cdktf-aks-overlay: ${counts}: ${ids}${more}`, RESULT_LIMITS.maxMessage);
}

/** One `task-result-outcomes` resource; the outcome id is the rule id (`#2`, `#3`, ... for repeats). */
function outcome(f: Finding, id: string, url: string | undefined): Record<string, unknown> {
  const level = f.severity === 'error' ? 'error' : 'warning';
  return {
    type: 'task-result-outcomes',
    attributes: {
      'outcome-id': id,
      description: oneLine(`${f.address}: ${messageBody(f)}`, RESULT_LIMITS.maxDescription),
      tags: {
        Severity: [{ label: severityLabel(f), level }],
        Resource: [{ label: oneLine(f.address, 200), level: 'none' }],
      },
      body: outcomeBody(f),
      ...(url ? { url } : {}),
    },
  };
}

/** What goes into a task result. */
export interface TaskResultInput {
  /** `running`, `passed` or `failed`. */
  readonly status: TaskStatus;
  /** The one-line message shown on the run page. */
  readonly message: string;
  /** A link shown with the result (http or https). */
  readonly url?: string;
  /** Findings to send as outcomes; undefined or empty: no outcomes relationship. */
  readonly findings?: readonly Finding[];
}

/** The JSON:API body of a callback PATCH. */
export function taskResultBody(input: TaskResultInput): string {
  const seen = new Map<string, number>();
  const outcomes = (input.findings ?? []).slice(0, RESULT_LIMITS.maxOutcomes).map((f) => {
    const n = (seen.get(f.ruleId) ?? 0) + 1;
    seen.set(f.ruleId, n);
    return outcome(f, n === 1 ? f.ruleId : `${f.ruleId}#${n}`, input.url);
  });
  const attributes = {
    status: input.status,
    message: oneLine(input.message, RESULT_LIMITS.maxMessage),
    ...(input.url ? { url: input.url } : {}),
  };
  const data: Record<string, unknown> = { type: 'task-results', attributes };
  if (outcomes.length > 0) data.relationships = { outcomes: { data: outcomes } };
  return JSON.stringify({ data });
}

/** The final result of evaluated findings: `failed` when any finding is an error, else `passed`. */
export function finalResult(findings: readonly Finding[], outcomes: boolean, url?: string): TaskResultInput {
  const omitted = outcomes ? Math.max(0, findings.length - RESULT_LIMITS.maxOutcomes) : 0;
  return {
    status: findings.some((f) => f.severity === 'error') ? 'failed' : 'passed',
    message: resultMessage(findings, omitted),
    url,
    findings: outcomes ? findings : undefined,
  };
}
