#!/usr/bin/env node
// Runs after `npm run build`: tsc writes new files without the execute bit, so a clean build
// would leave the CLI (package.json "bin") unrunnable from a checkout ("Permission denied" from
// `npx cdktf-aks-overlay`). npm sets the bit on install; this sets it in the working tree.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
for (const bin of Object.values(pkg.bin || {})) {
  const file = path.join(root, bin);
  if (!fs.existsSync(file)) {
    console.error(`postbuild: ${bin} (package.json "bin") was not built`);
    process.exit(1);
  }
  fs.chmodSync(file, fs.statSync(file).mode | 0o111);
}
