/**
 * What the browser tests share: finding a Chromium and launching it headless with
 * playwright-core. Playwright cannot download its own browsers on these machines, so
 * the tests drive an installed one (Debian's `chromium`, or the one named by
 * `REDRESS_CHROMIUM`).
 *
 * The no-silent-skip rule: outside CI a missing browser skips the browser tests with
 * one visible line saying how to install one; inside CI (`CI=true`) it is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { inCi } from './ci.js';

export { inCi } from './ci.js';

/** Where a Chromium is usually installed, after `REDRESS_CHROMIUM` / `CHROME_PATH`. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'no Chromium found for the browser tests: install one (Debian/Ubuntu: apt-get install -y chromium) or set REDRESS_CHROMIUM to its executable';

/** The Chromium executable to drive, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const named = process.env.REDRESS_CHROMIUM ?? process.env.CHROME_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`REDRESS_CHROMIUM/CHROME_PATH names ${named}, which does not exist`);
    return named;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * The Chromium to use, or undefined when the browser tests should skip (outside CI only):
 * then it prints the one line saying how to install one. Inside CI a missing browser throws.
 */
export function chromiumOrSkip(suite: string): string | undefined {
  const path = findChromium();
  if (path !== undefined) return path;
  if (inCi()) throw new Error(`${suite}: ${INSTALL_HINT} (CI=true: a missing browser is a failure, never a skip)`);
  console.warn(`⚠ skipping ${suite}: ${INSTALL_HINT}`);
  return undefined;
}

/**
 * Flags for a headless Chromium on a machine with no network beyond the package
 * registries: without the background-networking ones it keeps trying Google's hosts.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches the given Chromium headless. Close the browser in the test's teardown. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}
