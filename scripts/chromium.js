/**
 * Headless Chromium for the HTML report's browser test and scripts/screenshot-map.js: Debian's
 * `chromium` package (or CHROMIUM_PATH) driven by playwright-core, which never downloads a
 * browser of its own. Each launch gets a fresh, empty user data directory, removed on close.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

/** The flags every launch passes (playwright-core adds its own automation flags). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium executable: CHROMIUM_PATH when set (only it), else /usr/bin/chromium or
 * /usr/bin/chromium-browser; undefined when it does not exist.
 */
function findChromium(env = process.env) {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Launches Chromium with an empty user data directory.
 * @returns `{ context, close }`: a playwright BrowserContext, and a function that closes it and removes the directory
 */
async function launchChromium(executablePath, viewport = { width: 1040, height: 900 }) {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-aks-overlay-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
    });
    const close = async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    };
    return { context, close };
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

module.exports = { CHROMIUM_FLAGS, findChromium, launchChromium };
