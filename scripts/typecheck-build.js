#!/usr/bin/env node
/**
 * `npm test`'s first step: type-checks everything (`tsc --noEmit -p tsconfig.json`: lib, tests,
 * examples, bench) and builds the library (`tsc -p tsconfig.build.json`, as `npm run build`) at the
 * same time, one process each; prints each one's output and fails when either fails.
 */
'use strict';

const { spawn } = require('child_process');
const path = require('path');

const tsc = require.resolve('typescript/bin/tsc');
const root = path.resolve(__dirname, '..');
const steps = [
  ['type-check', ['--noEmit', '-p', 'tsconfig.json']],
  ['build', ['-p', 'tsconfig.build.json']],
];

const runs = steps.map(
  ([name, args]) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [tsc, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ name, code, out }));
    }),
);

Promise.all(runs).then((results) => {
  let failed = false;
  for (const r of results) {
    if (r.out) process.stdout.write(r.out);
    if (r.code !== 0) {
      failed = true;
      console.error(`${r.name} (tsc ${steps.find(([n]) => n === r.name)[1].join(' ')}) failed`);
    }
  }
  process.exit(failed ? 1 : 0);
});
