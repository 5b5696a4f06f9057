import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The system Chromium (Debian's package); Playwright's own browser download is not used. */
export function chromiumPath(): string | undefined {
  return CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));
}

/** Headless Chromium with the flags this closed network needs (no background networking). */
export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('Chromium not found (set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * `describe` for tests in Chromium: without it they can't run, which outside CI is said in the suite's name;
 * under CI it is a failure, never a silent pass.
 */
export function describeInChromium(name: string, fn: () => void): void {
  const missing = chromiumPath() === undefined;
  if (missing && process.env.CI === 'true')
    throw new Error('CI must run the browser tests, but Chromium was not found');
  describe.skipIf(missing)(missing ? `${name} (skipped: Chromium not found)` : name, fn);
}
