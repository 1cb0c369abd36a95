'use strict';
/**
 * Debian's Chromium, driven by playwright-core: no browser is ever downloaded. Shared by the browser tests
 * and the workbench bench, so both find and start the same browser the same way.
 */
const fs = require('fs');
const path = require('path');

const NAMES = ['chromium', 'chromium-browser'];

/** CHROMIUM_PATH, else the first chromium on PATH; throws a message that says what to install. */
function findChromium() {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist`);
    return given;
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error(
    'Chromium was not found on PATH (looked for chromium and chromium-browser), so the browser tests cannot run. ' +
      "Install Debian's package (apt-get install chromium; .ci/run does this) or set CHROMIUM_PATH to a Chromium binary.",
  );
}

/** Nothing in the background that talks to the network. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Chromium; Playwright gives every launch a fresh temporary profile and removes it on close. */
function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

module.exports = { findChromium, launchChromium, CHROMIUM_ARGS };
