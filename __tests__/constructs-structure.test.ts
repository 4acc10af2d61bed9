/**
 * The shape of lib/constructs (issue 10, construct coupling): one-way imports (no cycle, type-only
 * imports included), no file over 300 lines, and no AKS default defined there (they come from lib/facts).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as facts from '../lib/facts';

const DIR = path.resolve(__dirname, '..', 'lib', 'constructs');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const source = (f: string): string => fs.readFileSync(path.join(DIR, f), 'utf8');

/** The sibling modules a file imports or re-exports (`./x`), type-only imports included. */
function siblings(file: string): string[] {
  const specs = [...source(file).matchAll(/\bfrom\s+'\.\/([^']+)'/g)].map((m) => `${m[1]}.ts`);
  return [...new Set(specs)];
}

/** One cycle of a graph as a path of nodes, or undefined. */
function findCycle(nodes: readonly string[], edges: (node: string) => readonly string[]): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const walk = (file: string, trail: string[]): string[] | undefined => {
    if (state.get(file) === 'visiting') return [...trail.slice(trail.indexOf(file)), file];
    if (state.get(file) === 'done') return undefined;
    state.set(file, 'visiting');
    for (const next of edges(file)) {
      const cycle = walk(next, [...trail, file]);
      if (cycle) return cycle;
    }
    state.set(file, 'done');
    return undefined;
  };
  for (const f of nodes) {
    const cycle = walk(f, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('lib/constructs structure', () => {
  test('every sibling import resolves to a file (so the cycle check sees the whole graph)', () => {
    for (const f of files) for (const s of siblings(f)) expect([f, files.includes(s)]).toEqual([f, true]);
  });

  test('no import cycle, type-only imports included', () => {
    expect(findCycle(files, siblings)).toBeUndefined();
  });

  test('the cycle check finds a cycle when there is one (the old aks-cluster <-> aks-node-pool)', () => {
    const graph: Record<string, string[]> = {
      'aks-cluster.ts': ['aks-node-pool.ts', 'props.ts'],
      'aks-node-pool.ts': ['aks-cluster.ts'],
      'props.ts': [],
    };
    expect(findCycle(Object.keys(graph), (n) => graph[n])).toEqual([
      'aks-cluster.ts',
      'aks-node-pool.ts',
      'aks-cluster.ts',
    ]);
    expect(siblings('aks-cluster.ts')).toContain('aks-node-pool.ts');
  });

  test('no file over 300 lines', () => {
    const long = files.map((f) => [f, source(f).split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  test('no pool code patches the cluster: no internal call-back members', () => {
    for (const f of files)
      expect([f, /\b_useWindows\b|putWindowsProfile|putDefaultNodePool/.test(source(f))]).toEqual([f, false]);
  });

  test('no AKS default is written as a literal in lib/constructs code (they come from lib/facts)', () => {
    const leaves = (v: unknown): unknown[] =>
      v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v];
    const defaults = Object.entries(facts)
      .filter(([name]) => /^(DEFAULT|CONSTRUCT)_|^OS_SKU$/.test(name))
      .flatMap(([, v]) => leaves(v))
      .filter(
        (v): v is string | number => (typeof v === 'string' && v.length > 2) || (typeof v === 'number' && v > 100),
      )
      .filter((v) => !['azure', 'overlay', 'IPv4'].includes(String(v))); // vocabulary, not defaults
    expect(defaults).toEqual(
      expect.arrayContaining(['10.244.0.0/16', 'nodepool1', 'azureuser', 'Windows2022', 110, 250]),
    );
    for (const f of files) {
      const code = source(f)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const found = defaults.filter((v) =>
        (typeof v === 'number'
          ? new RegExp(`\\b${v}\\b`)
          : new RegExp(`'${v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`)
        ).test(code),
      );
      expect([f, found]).toEqual([f, []]);
    }
  });
});
