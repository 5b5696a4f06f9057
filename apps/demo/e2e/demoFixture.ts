import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type RunningDemo, startDemo } from '../server/startDemo.js';
import { demoText } from '../src/messages.js';
import { chromiumPath, launchChromium } from './browser.js';
import type { Locale } from './pageChecks.js';

const app = fileURLToPath(new URL('..', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const artifacts = join(app, 'test-results');

/**
 * `describe` for browser tests: without Chromium they can't run, and outside CI that is said plainly in the
 * output (a skipped suite named after the reason); under CI it is a failure, never a silent pass.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  const missing = chromiumPath() === undefined;
  if (missing && process.env.CI === 'true')
    throw new Error('CI must run the end-to-end tests, but Chromium was not found');
  if (missing)
    console.warn(`${name}: SKIPPED — Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)`);
  describe.skipIf(missing)(missing ? `${name} (skipped: Chromium not found)` : name, fn);
}

/** A running demo and a browser, cleaned up together. */
export interface DemoSession {
  demo: RunningDemo;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Starts the demo (its own emulator, BFF and data folder) and a fresh browser context. */
export async function openDemo(): Promise<DemoSession> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-demo-e2e-'));
  const demo = await startDemo({
    dataDir,
    staticDir: join(app, 'dist'),
    port: 0,
    emulatorPort: 0,
    timeScale: 0.1,
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return {
    demo,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `describeInBrowser` with one demo session for the block: opened before its tests (`openDemo`) and closed
 * after them. `fn` gets the session object, filled in once it is open: use it inside hooks and tests (the
 * block's own `beforeAll` runs after the opening).
 */
export function describeDemo(name: string, fn: (s: DemoSession) => void): void {
  describeInBrowser(name, () => {
    const s = {} as DemoSession;
    beforeAll(async () => {
      Object.assign(s, await openDemo());
    });
    afterAll(() => s.close?.());
    fn(s);
  });
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's strict CSP still applies to it). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Axe = {
      run: (
        ctx: Document,
        opts: object,
      ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
    };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
  expect(violations).toEqual([]);
}

/**
 * Signs in as the operator on the operator page, in the page's language. The BFF ends the page's event stream,
 * which reconnects by itself with the operator's session (no reload); this waits until the page shows the
 * operator and its stream is open again.
 */
export async function signInAsOperator(page: Page, demoUrl: string, locale: Locale = 'ru'): Promise<void> {
  await page.goto(`${demoUrl}/#/operator`);
  await streamOpen(page);
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  await page.getByRole('button', { name: demoText(locale, 'operator.signIn') }).click();
  await expect.poll(() => page.getByTestId('session-role').getAttribute('data-role')).toBe('operator');
  await streamOpen(page);
  expect(loads).toEqual([]);
}

/** Waits until the page's live event stream is open. */
export async function streamOpen(page: Page, timeout = 10_000): Promise<void> {
  await expect
    .poll(() => page.getByTestId('stream-status').getAttribute('data-state'), { timeout })
    .toBe('open');
}

/** A fresh browser context (its own cookies: another customer) at `width`, in the demo's default locale. */
export async function newVisitor(
  s: DemoSession,
  width: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await s.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return { context, page };
}
