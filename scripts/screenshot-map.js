#!/usr/bin/env node
/**
 * Regenerates the pictures of the HTML report's address map in docs/: synthesizes the example
 * stacks (examples/, as `cdktf synth` would, into a temporary folder), renders
 * `report --format html` over them with the BUILT CLI library (run `npm run build` first),
 * opens the page in headless Chromium (see scripts/chromium.js) and saves the maps of two
 * clusters as PNG:
 *
 *   docs/report-map.png             overlay-dedicated-subnet: VNet, subnets, pod and service ranges
 *   docs/report-map-dual-stack.png  dual-stack: IPv4 and IPv6 lanes
 *
 * Usage: node scripts/screenshot-map.js [OUT_DIR]   (default: docs)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findChromium, launchChromium } = require('./chromium');

const ROOT = path.resolve(__dirname, '..');
const SHOTS = [
  { stack: 'overlay-dedicated-subnet', file: 'report-map.png' },
  { stack: 'dual-stack', file: 'report-map-dual-stack.png' },
];

function fail(message) {
  process.stderr.write(`screenshot-map: ${message}\n`);
  process.exit(1);
}

/** Synthesizes the example App into `outdir` (local backend, no environment). */
function synthExamples(outdir) {
  require('./ts-register');
  const { App } = require('cdktf');
  const { addExampleStacks } = require(path.join(ROOT, 'examples'));
  const app = new App({ outdir });
  addExampleStacks(app, {});
  app.synth();
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs'));
  const chromium = findChromium();
  if (!chromium)
    fail("no Chromium found (install Debian's chromium: apt-get install -y chromium, or set CHROMIUM_PATH)");
  const reportModule = path.join(ROOT, 'dist/lib/cli/html/report-html.js');
  if (!fs.existsSync(reportModule)) fail('dist/ is missing: run `npm run build` first');
  const { renderHtmlReport } = require(reportModule);
  const { loadStacks } = require(path.join(ROOT, 'dist/lib/cli/discover.js'));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-aks-overlay-shots-'));
  const browser = await launchChromium(chromium);
  try {
    synthExamples(path.join(tmp, 'cdktf.out'));
    const page = await browser.context.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    fs.mkdirSync(outDir, { recursive: true });
    for (const shot of SHOTS) {
      const stacks = loadStacks([path.join(tmp, 'cdktf.out', 'stacks', shot.stack)], tmp);
      const html = path.join(tmp, `${shot.stack}.html`);
      fs.writeFileSync(html, renderHtmlReport(stacks));
      await page.goto(`file://${html}`);
      const figure = await page.$('figure.map');
      if (!figure) fail(`the report of stack ${shot.stack} has no map`);
      await figure.screenshot({ path: path.join(outDir, shot.file) });
      process.stdout.write(`${path.relative(process.cwd(), path.join(outDir, shot.file))}\n`);
    }
    if (problems.length > 0) fail(`the browser console reported errors: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
