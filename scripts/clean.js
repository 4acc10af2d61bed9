#!/usr/bin/env node
// Removes the build output (dist/), so a pack never ships compiled files whose source is gone.
'use strict';
const fs = require('fs');
const path = require('path');

fs.rmSync(path.resolve(__dirname, '..', 'dist'), { recursive: true, force: true });
