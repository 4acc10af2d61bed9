/**
 * `cdktf-aks-overlay rules` (every rule: id, severity, one line, source; text or JSON) and
 * `cdktf-aks-overlay explain RULE` (its documentation, a failing example and the fix). Both read
 * the rule documentation through {@link ruleDocs}, the same data docs/RULES.md and the SARIF
 * rule descriptions come from. No cdktf imports.
 */
import { Command, Option } from 'commander';
import { RULE_DOCS } from '../rules/docs';
import type { RuleDoc } from '../rules/docs';
import { nearestIds } from '../rules/suppressions';
import { InputError } from './errors';

/** The documentation of every rule: the one source of `rules`, `explain` and SARIF rule descriptions. */
export function ruleDocs(): readonly RuleDoc[] {
  return RULE_DOCS;
}

/** The output formats of `rules`. */
export const RULES_FORMATS = ['text', 'json'] as const;

/** The first source's link, or `-` when the rule has none yet. */
function firstSource(doc: RuleDoc): string {
  return doc.sources[0]?.url ?? '-';
}

/** `rules` as text: one line per rule, `id  severity  summary  (source)`, ids and severities aligned. */
export function formatRulesText(docs: readonly RuleDoc[]): string {
  const idWidth = Math.max(...docs.map((d) => d.id.length));
  const lines = docs.map(
    (d) => `${d.id.padEnd(idWidth)}  ${d.severity.padEnd(7)}  ${d.summary}  (source: ${firstSource(d)})`,
  );
  lines.push(`${docs.length} rules; \`cdktf-aks-overlay explain RULE\` prints one in full`);
  return lines.join('\n') + '\n';
}

/** `rules --format json`: `[{ id, severity, summary, otherwise, source, sources, file }]`. */
export function formatRulesJson(docs: readonly RuleDoc[]): string {
  const rows = docs.map((d) => ({
    id: d.id,
    severity: d.severity,
    summary: d.summary,
    otherwise: d.otherwise,
    source: d.sources[0]?.url ?? null,
    sources: d.sources,
    file: d.file,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

function indent(text: string, by = '  '): string[] {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => `${by}${l}`);
}

/**
 * `explain RULE`: the rule's documentation, an example of a failing plan and the fix, and its sources.
 * @throws InputError (one line) for an id that is not a rule, with the closest ids when there are some
 */
export function explainRule(id: string, docs: readonly RuleDoc[] = ruleDocs()): string {
  const doc = docs.find((d) => d.id === id.trim());
  if (doc === undefined) {
    const near = nearestIds(
      id.trim(),
      docs.map((d) => d.id),
    );
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : '`cdktf-aks-overlay rules` lists the ids';
    throw new InputError(`explain: unknown rule id '${id}' (${hint})`);
  }
  const out = [`${doc.id} [${doc.severity}]`, '', doc.summary, ''];
  const otherwise = doc.otherwise === '-' ? 'advice only; nothing fails' : `it surfaces at ${doc.otherwise}`;
  out.push(`Without this check: ${otherwise}.`);
  if (doc.file !== '') out.push(`Implemented in: ${doc.file}`);
  out.push('');
  if (doc.example) {
    out.push('A failing plan (Terraform JSON):', ...indent(doc.example.failing), '');
    out.push('The fix:', ...indent(doc.example.fix), '');
  } else {
    out.push('No failing example is documented for this rule yet.', '');
  }
  if (doc.sources.length > 0) {
    out.push('Sources:');
    for (const s of doc.sources) {
      out.push(`  - ${s.title}: ${s.url}`);
      if (s.quote !== undefined) out.push(`    "${s.quote}"`);
    }
  } else {
    out.push('Sources: none recorded yet (see docs/RULES.md).');
  }
  return out.join('\n') + '\n';
}

/**
 * Adds `rules [--format text|json]` and `explain RULE` to the program.
 * @param io where they write
 */
export function addRulesCommands(program: Command, io: { readonly stdout: { write(text: string): unknown } }): void {
  program
    .command('rules')
    .description('list every rule: id, severity, what it checks, and its source')
    .addOption(new Option('--format <format>', 'output format').choices(RULES_FORMATS).default('text'))
    .action((opts: { format: (typeof RULES_FORMATS)[number] }) => {
      io.stdout.write(opts.format === 'json' ? formatRulesJson(ruleDocs()) : formatRulesText(ruleDocs()));
    });
  program
    .command('explain')
    .description("print a rule's documentation, an example of a failing plan and the fix")
    .argument('<rule>', 'a rule id, e.g. network/overlap')
    .action((rule: string) => {
      io.stdout.write(explainRule(rule));
    });
}
