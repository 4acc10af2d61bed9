import { readFileSync } from 'fs';
import { join } from 'path';
import { DOCUMENT_RULE_IDS, RULE_IDS } from '../lib/rules/catalogue';
import { RETIRED_RULES, RULE_DOCS, ruleDoc, type RuleDoc } from '../lib/rules/docs';

// scripts/rules-md.js is plain Node; its renderer is pure, so it renders the TypeScript source here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderRulesMd } = require('../scripts/rules-md') as {
  renderRulesMd: (docs: readonly RuleDoc[], retired: typeof RETIRED_RULES) => string;
};

const ids = RULE_DOCS.map((d) => d.id);

describe('the rule documentation (lib/rules/docs)', () => {
  it('documents each id once', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents exactly the ids of RULE_IDS and DOCUMENT_RULE_IDS', () => {
    expect([...ids].sort()).toEqual([...RULE_IDS, ...DOCUMENT_RULE_IDS].sort());
  });

  it('documents no retired id, and RULE_IDS holds none', () => {
    for (const r of RETIRED_RULES) {
      expect(ids).not.toContain(r.id);
      expect(RULE_IDS as readonly string[]).not.toContain(r.id);
      expect(r.url).toMatch(/^https:\/\//);
    }
  });

  it.each(RULE_DOCS.map((d) => [d.id, d] as const))('%s has a source with an https URL', (_id, d) => {
    expect(d.sources.length).toBeGreaterThan(0);
    for (const s of d.sources) {
      expect(s.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(s.title.trim().length).toBeGreaterThan(3);
    }
  });

  it.each(RULE_DOCS.filter((d) => d.severity === 'error').map((d) => [d.id, d] as const))(
    'error rule %s quotes the source that shows the rejection',
    (_id, d) => {
      expect(d.sources.some((s) => (s.quote ?? '').trim().length > 10)).toBe(true);
    },
  );

  it.each(RULE_DOCS.map((d) => [d.id, d] as const))('%s has a summary, otherwise, target file and example', (id, d) => {
    expect(d.summary.length).toBeGreaterThan(10);
    expect(d.summary).not.toContain('|');
    expect(['plan', 'apply', 'silent', '-', 'plan / apply']).toContain(d.otherwise);
    if (d.severity === 'warning') expect(d.otherwise).toBe('-');
    // the file that implements the rule exists and names the rule id
    expect(d.file).toMatch(/^lib\/rules\/[a-z0-9/-]+\.ts$/);
    expect(readFileSync(join(__dirname, '..', d.file), 'utf8')).toContain(
      id.startsWith('document/') ? 'document/' : `'${id}'`,
    );
    expect(d.example?.failing.length).toBeGreaterThan(5);
    expect(d.example?.fix.length).toBeGreaterThan(5);
  });

  it('ruleDoc(id) finds each rule and nothing else', () => {
    for (const d of RULE_DOCS) expect(ruleDoc(d.id)).toBe(d);
    expect(ruleDoc('pool/windows-dual-stack-preview')).toBeUndefined();
    expect(ruleDoc('network/nope')).toBeUndefined();
  });
});

describe('docs/RULES.md', () => {
  const file = readFileSync(join(__dirname, '..', 'docs', 'RULES.md'), 'utf8');

  it('is what scripts/rules-md.js renders from RULE_DOCS (run `npm run docs` after changing lib/rules/docs)', () => {
    expect(file).toBe(renderRulesMd(RULE_DOCS, RETIRED_RULES));
  });

  it('has one row per rule with its severity, first source and file', () => {
    for (const d of RULE_DOCS) {
      const shown = d.id.startsWith('document/') ? `\`${d.id}\`` : d.id;
      const row = file.split('\n').find((l) => l.startsWith(`| ${shown} |`));
      expect(row).toBeDefined();
      const cells = (row as string).split(' | ');
      expect(cells[2]).toBe(d.severity);
      expect(row).toContain(`(${d.sources[0].url})`);
      expect(row).toContain(`\`${d.file}\``);
    }
  });

  it('names the retired ids', () => {
    for (const r of RETIRED_RULES) expect(file).toContain(`\`${r.id}\`: removed`);
  });
});
