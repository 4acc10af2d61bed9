/**
 * Issue 12 item 6: mutate real plans (the CLI fixtures and the synthesized examples) and run
 * `check()`, every output format of `check` and `report` over them. The fuzz that found B7 did this;
 * the project's own property tests only built documents from scratch.
 *
 * Each run takes one plan and applies 1-6 mutations at random places: JSON junk, special values
 * (Infinity, -0, huge numbers), expressions (`${` + spaces), bad CIDRs, long strings, deep nests,
 * `__proto__` objects, control characters; delete, wrap in a list, unwrap, swap two subtrees,
 * duplicate, rename a key to `__proto__` / `constructor`, replace by its JSON text. Then:
 * no throw, well-formed findings, the same findings twice and on a copy, text output without raw
 * control characters, JSON output that parses, every other check format (SARIF, JUnit), the
 * Markdown and HTML reports, no prototype change, under 2 s.
 * Fixed seed; `FUZZ_RUNS=N` (and `FUZZ_SEED`) run longer: the bench does.
 */
import { Testing, type TerraformStack } from 'cdktf';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { runCheck } from '../lib/cli/check-command';
import { formatCheckJson, formatCheckText, type Palette } from '../lib/cli/format';
import { renderReport } from '../lib/cli/report';
import { renderHtmlReport } from '../lib/cli/html/report-html';
import { CHECK_FORMATS, renderCheck } from '../lib/cli/formats';
import { check } from '../lib/rules';
import type { Finding } from '../lib/rules';
import { addExampleStacks } from '../examples';

type Json = Record<string, unknown>;

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 7);
const PLANS_DIR = path.join(__dirname, 'fixtures', 'plans');
const PLAIN: Palette = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s, dim: (s) => s };
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Every fixture plan that is a Terraform JSON object. */
function fixturePlans(): { name: string; doc: Json }[] {
  const out: { name: string; doc: Json }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json') && e.name !== 'manifest.json') {
        try {
          const doc = JSON.parse(fs.readFileSync(p, 'utf8')) as unknown;
          if (typeof doc === 'object' && doc !== null && !Array.isArray(doc))
            out.push({ name: path.relative(PLANS_DIR, p), doc: doc as Json });
        } catch {
          // garbage/ holds files that are not JSON on purpose
        }
      }
    }
  };
  walk(PLANS_DIR);
  return out;
}

/** The example stacks, synthesized (with the library's validation on). */
function examplePlans(): { name: string; doc: Json }[] {
  const app = Testing.app();
  addExampleStacks(app, {});
  return app.node.children.map((stack) => ({
    name: `example ${stack.node.id}`,
    doc: JSON.parse(Testing.synth(stack as TerraformStack)) as Json,
  }));
}

let PLANS: { name: string; doc: Json }[] = [];
beforeAll(() => {
  PLANS = [...fixturePlans(), ...examplePlans()];
}, 60_000);

/** A place in a document: the container and the key (or index) of a value in it. */
type Place = { parent: Json | unknown[]; key: string | number };

/** Every place of a document, depth-first, in a stable order. */
function places(root: unknown, out: Place[] = [], depth = 0): Place[] {
  if (depth > 40 || typeof root !== 'object' || root === null) return out;
  const entries: [string | number, unknown][] = Array.isArray(root) ? root.map((v, i) => [i, v]) : Object.entries(root);
  for (const [key, v] of entries) {
    out.push({ parent: root as Json | unknown[], key });
    places(v, out, depth + 1);
  }
  return out;
}

function nest(depth: number, leaf: unknown, asObject: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

const special = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  1e23,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  '0',
  '${var.x}',
  '${azurerm_subnet.s.id}',
  '${' + ' '.repeat(3000) + 'x',
  '${join("", ["a"])}',
  'a-${var.x}',
  '${',
  '}',
  '10.0.0.0/33',
  '10.0.0.1/24',
  'fd00::/200',
  '::/0',
  '0.0.0.0/0',
  '999.1.1.1',
  'IPv5',
  ['IPv4', 'IPv4'],
  [null],
  [{}],
  [[]],
  {},
  'x'.repeat(10_000),
  'x\u001b[2J\u0007\r\n<!--',
  '\u0000\u0001\ufffd',
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
);

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.oneof(special, fc.jsonValue({ maxDepth: 3 })),
  }),
  fc.record({
    op: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 100, max: 1500 }),
    asObject: fc.boolean(),
  }),
  fc.record({
    op: fc.constantFrom(
      'delete' as const,
      'wrap' as const,
      'unwrap' as const,
      'json-text' as const,
      'proto-key' as const,
      'constructor-key' as const,
    ),
    at: fc.nat(),
  }),
  fc.record({ op: fc.constantFrom('swap' as const, 'duplicate' as const), at: fc.nat(), other: fc.nat() }),
);

type Mutation = { op: string; at: number; other?: number; value?: unknown; depth?: number; asObject?: boolean };

function get(p: Place): unknown {
  return (p.parent as Record<string | number, unknown>)[p.key];
}
function set(p: Place, v: unknown): void {
  if (Array.isArray(p.parent)) p.parent[p.key as number] = v;
  else Object.defineProperty(p.parent, p.key, { value: v, enumerable: true, writable: true, configurable: true });
}
function rename(p: Place, to: string): void {
  if (Array.isArray(p.parent)) return;
  const v = get(p);
  delete p.parent[p.key];
  Object.defineProperty(p.parent, to, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The JSON text of a value; a short marker when it is too deep to write. */
function jsonTextOf(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return '[["too deep"]]';
  }
}

function mutate(doc: Json, ms: readonly Mutation[]): Json {
  for (const m of ms) {
    const all = places(doc);
    if (all.length === 0) return doc;
    const p = all[m.at % all.length];
    const v = get(p);
    switch (m.op) {
      case 'replace':
        set(p, clone(m.value));
        break;
      case 'deep':
        // at most MAX_NEST deep in all: deeper values make the messages depend on the stack depth (B8b, fixed: tested
        // in model-safety)
        if (depthOf(doc) + (m.depth ?? 100) <= MAX_NEST) set(p, nest(m.depth ?? 100, v, m.asObject ?? false));
        break;
      case 'delete':
        if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
        else delete p.parent[p.key];
        break;
      case 'wrap':
        set(p, [v]);
        break;
      case 'unwrap':
        if (Array.isArray(v) && v.length > 0) set(p, v[0]);
        break;
      case 'json-text':
        set(p, jsonTextOf(v));
        break;
      case 'proto-key':
        rename(p, '__proto__');
        break;
      case 'constructor-key':
        rename(p, 'constructor');
        break;
      case 'swap': {
        const q = all[(m.other ?? 0) % all.length];
        const w = get(q);
        if (holds(v, q.parent) || holds(w, p.parent)) break; // one inside the other: a swap would make a cycle
        set(p, w);
        set(q, v);
        break;
      }
      case 'duplicate':
        set(all[(m.other ?? 0) % all.length], clone(v));
        break;
    }
  }
  return doc;
}

/** True when `target` is `root` or somewhere inside it. */
function holds(root: unknown, target: unknown): boolean {
  const work = [root];
  while (work.length > 0) {
    const v = work.pop();
    if (v === target) return true;
    if (typeof v === 'object' && v !== null) work.push(...Object.values(v));
  }
  return false;
}

/**
 * The deepest nesting the fuzz builds. A value ~2,000 deep makes check()'s messages depend on how deep
 * its caller's stack is (JSON.stringify overflows or not); __tests__/model-safety.test.ts has that bug
 * (B8b, fixed in jsonText).
 */
const MAX_NEST = 2500;

/** How deep `root` nests (iterative). */
function depthOf(root: unknown): number {
  let max = 0;
  const work: [unknown, number][] = [[root, 0]];
  while (work.length > 0) {
    const [v, d] = work.pop() as [unknown, number];
    if (d > max) max = d;
    if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) work.push([x, d + 1]);
  }
  return max;
}

/** A deep copy without recursion (structuredClone overflows on 2,000-deep values); keeps `__proto__` keys. */
function clone(root: unknown): unknown {
  const copyOf = (v: unknown): unknown =>
    typeof v !== 'object' || v === null ? v : Array.isArray(v) ? new Array(v.length) : {};
  const top = copyOf(root);
  const work: [unknown, unknown][] = [[root, top]];
  while (work.length > 0) {
    const [from, to] = work.pop() as [Record<string, unknown>, Record<string, unknown>];
    if (typeof from !== 'object' || from === null) continue;
    for (const k of Object.keys(from)) {
      const c = copyOf(from[k]);
      Object.defineProperty(to, k, { value: c, enumerable: true, writable: true, configurable: true });
      work.push([from[k], c]);
    }
  }
  return top;
}

function expectWellFormed(fs: readonly Finding[]): void {
  for (const f of fs) {
    expect(typeof f.ruleId).toBe('string');
    expect(['error', 'warning']).toContain(f.severity);
    expect(typeof f.address).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(typeof f.fix).toBe('string');
    expect(f.message.startsWith(`${f.ruleId}: `)).toBe(true);
  }
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('mutated real plans: check, every output format and report', () => {
  test('the sources: every fixture plan and the five synthesized examples', () => {
    expect(PLANS.filter((p) => p.name.startsWith('example '))).toHaveLength(5);
    expect(PLANS.length).toBeGreaterThanOrEqual(15);
  });

  test('property: never throws, well-formed, deterministic, escaped, no prototype change', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, ms) => {
        const source = PLANS[which % PLANS.length];
        const doc = mutate(clone(source.doc) as Json, ms);
        const start = Date.now();
        const findings = check(doc);
        expectWellFormed(findings);
        expect(check(doc)).toEqual(findings);
        expect(check(clone(doc))).toEqual(findings);
        const stack = { name: source.name, file: `${source.name}/cdk.tf.json`, document: doc };
        const run = runCheck([stack]);
        expect(run.stacks[0].findings).toEqual(findings);
        const text = formatCheckText(run, PLAIN);
        expect(text).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(formatCheckJson(run)).stacks[0].findings).toHaveLength(findings.length);
        const report = renderReport([stack]);
        expect(report).not.toMatch(RAW_CONTROL);
        expect(report).not.toMatch(/^\s*<|internal error|could not be summarized/m);
        expect(report.match(/^ {2}- `[^`]+` \*\*(error|warning)\*\*/gm) ?? []).toHaveLength(findings.length);
        expect(renderHtmlReport([stack])).toMatch(/<\/html>\n$/);
        const options = { colors: PLAIN, documents: new Map([[stack.file, doc]]), ruleIds: [] };
        for (const format of CHECK_FORMATS) expect(renderCheck(run, format, options).length).toBeGreaterThan(0);
        expect(Date.now() - start).toBeLessThan(2000);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
        expect(({} as Json).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});
