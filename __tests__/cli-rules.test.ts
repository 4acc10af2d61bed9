/**
 * `cdktf-aks-overlay rules` and `explain RULE`: every rule id is covered, from the rule docs
 * (`ruleDocs()`); the structure is asserted, not the wording of the docs.
 */
import * as path from 'path';
import { cli as runInProcess, type CliRun } from './support/cli';
import { explainRule, ruleDocs } from '../lib/cli/rules-command';
import { DOCUMENT_RULE_IDS, RULES, RULE_IDS } from '../lib/rules';

/** The CLI in-process, run in the project folder. */
const cli = (args: string[]): Promise<CliRun> => runInProcess(args, { cwd: path.resolve(__dirname, '..') });

/** The documented severity of each id (the registry's, where a rule of that id is registered, must agree). */
const severityOf = new Map(ruleDocs().map((d) => [d.id, d.severity]));
const DOCUMENTED = [...RULE_IDS, ...DOCUMENT_RULE_IDS];

describe('ruleDocs()', () => {
  test('documents every rule id of the catalogue (and the document/* ids) once, with a one-line summary', () => {
    const ids = ruleDocs().map((d) => d.id);
    expect([...ids].sort()).toEqual([...DOCUMENTED].sort());
    for (const r of RULES) expect(severityOf.get(r.id)).toBe(r.severity);
    for (const d of ruleDocs()) {
      expect(d.summary.trim()).not.toBe('');
      expect(d.summary).not.toContain('\n');
      for (const s of d.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });
});

describe('rules', () => {
  test('text: one line per rule starting with its id and severity, then a count', async () => {
    const r = await cli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(DOCUMENTED.length + 1);
    for (const id of DOCUMENTED) {
      const line = lines.find((l) => l.startsWith(`${id} `));
      expect(line).toMatch(new RegExp(`^${id} +${severityOf.get(id)} +\\S.* \\(source: (https://\\S+|-)\\)$`));
    }
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^${DOCUMENTED.length} rules`));
  });

  test('--format json: [{ id, severity, summary, otherwise, source, sources, file }] for every rule', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      id: string;
      severity: string;
      summary: string;
      source: string | null;
      sources: { url: string }[];
    }[];
    expect(rows.map((x) => x.id).sort()).toEqual([...DOCUMENTED].sort());
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['file', 'id', 'otherwise', 'severity', 'source', 'sources', 'summary']);
      expect(row.severity).toBe(severityOf.get(row.id));
      expect(row.source).toBe(row.sources.length > 0 ? row.sources[0].url : null);
    }
  });

  test('an unknown format is unusable input', async () => {
    const r = await cli(['rules', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'xml' is invalid/);
  });
});

describe('explain', () => {
  test.each(DOCUMENTED.map((id) => [id]))(
    '%s: its id and severity, the summary, a failing example or a note that there is none, and sources',
    async (id) => {
      const r = await cli(['explain', id]);
      expect(r.code).toBe(0);
      const doc = ruleDocs().find((d) => d.id === id);
      expect(r.stdout.split('\n')[0]).toBe(`${id} [${severityOf.get(id)}]`);
      expect(r.stdout).toContain(doc?.summary);
      expect(r.stdout).toMatch(
        doc?.example ? /A failing plan \(Terraform JSON\):\n[\s\S]*\nThe fix:\n/ : /No failing example is documented/,
      );
      expect(r.stdout).toMatch(/\nSources/);
    },
  );

  test('a documented example and its sources are printed', () => {
    const doc = {
      ...ruleDocs()[0],
      example: { failing: '{ "resource": {} }', fix: 'set it' },
      sources: [{ title: 'AKS docs', url: 'https://learn.microsoft.com/x', quote: 'q' }],
    };
    const text = explainRule(doc.id, [doc]);
    expect(text).toContain('A failing plan (Terraform JSON):\n  { "resource": {} }\n\nThe fix:\n  set it\n');
    expect(text).toContain('Sources:\n  - AKS docs: https://learn.microsoft.com/x\n    "q"\n');
  });

  test('an unknown id is unusable input: exit 2, one line, with the closest ids', async () => {
    const r = await cli(['explain', 'network/overlapp']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "cdktf-aks-overlay: explain: unknown rule id 'network/overlapp' (did you mean network/overlap?)\n",
    );
    expect((await cli(['explain', 'zzz'])).stderr).toMatch(/`cdktf-aks-overlay rules` lists the ids\)\n$/);
  });
});
