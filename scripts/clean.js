#!/usr/bin/env node
// Removes the build output (dist/), so a pack never ships compiled files whose source is gone.
// With arguments, removes those folders instead (`npm run synth` empties cdktf.out first, as
// `cdktf synth` does, so a removed stack does not linger).
'use strict';
const fs = require('fs');
const path = require('path');

const targets = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
for (const t of targets) fs.rmSync(path.resolve(__dirname, '..', t), { recursive: true, force: true });
