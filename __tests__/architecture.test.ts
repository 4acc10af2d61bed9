/**
 * The layers of lib/ as docs/DESIGN.md draws them: net -> facts -> model -> rules -> constructs / cli,
 * one way, no import cycle, no file anyone cannot hold in their head, and no framework in the engine.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const LIB = join(__dirname, '..', 'lib');
const LAYERS = ['net', 'facts', 'model', 'rules', 'constructs', 'cli'] as const;
/** What each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  net: [],
  facts: ['net'],
  model: ['net', 'facts'],
  rules: ['net', 'facts', 'model'],
  constructs: ['net', 'facts', 'model', 'rules'],
  cli: ['net', 'facts', 'model', 'rules'],
  '.': ['net', 'facts', 'model', 'rules', 'constructs', 'cli'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ALL = files(LIB);
const layerOf = (file: string): string =>
  relative(LIB, file).split('/').length === 1 ? '.' : relative(LIB, file).split('/')[0];
const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]);
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [`${base}.ts`, join(base, 'index.ts')]) if (ALL.includes(c)) return c;
  return undefined;
}

it('every file of lib/ is in a known layer', () => {
  for (const f of ALL) expect([...LAYERS, '.']).toContain(layerOf(f));
});

it('imports go one way: net -> facts -> model -> rules -> constructs / cli', () => {
  const wrong: string[] = [];
  for (const f of ALL) {
    const from = layerOf(f);
    for (const spec of importsOf(f)) {
      const target = resolveLocal(f, spec);
      if (!target) continue;
      const to = layerOf(target);
      if (to !== from && !ALLOWED[from].includes(to))
        wrong.push(`${relative(LIB, f)} imports ${relative(LIB, target)}`);
    }
  }
  expect(wrong).toEqual([]);
});

it('the engine (net, facts, model, rules, cli) imports neither cdktf, constructs nor a provider package', () => {
  const framework = /^(cdktf|constructs|cdktn|@cdktf\/|@cdktn\/)/;
  const wrong = ALL.filter((f) => layerOf(f) !== 'constructs' && layerOf(f) !== '.').flatMap((f) =>
    importsOf(f)
      .filter((s) => framework.test(s))
      .map((s) => `${relative(LIB, f)} imports ${s}`),
  );
  expect(wrong).toEqual([]);
});

it('there is no import cycle inside lib/', () => {
  const graph = new Map(
    ALL.map((f) => [
      f,
      importsOf(f)
        .map((s) => resolveLocal(f, s))
        .filter((x): x is string => x !== undefined),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (f: string, trail: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => relative(LIB, x)).join(' -> '));
      return;
    }
    state.set(f, 'open');
    for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
    state.set(f, 'done');
  };
  for (const f of ALL) visit(f, []);
  expect(cycles).toEqual([]);
});

it('no file under lib/ is over 300 lines', () => {
  const long = ALL.map((f) => [relative(LIB, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(
    ([, n]) => n > 300,
  );
  expect(long).toEqual([]);
});
