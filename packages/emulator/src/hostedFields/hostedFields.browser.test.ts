import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startEmulator, type TestEmulator, xAuth } from '../fixtures/harness.js';

const CHROMIUM = '/usr/bin/chromium';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true')
  throw new Error('CI must run the browser tests, but Chromium was not found');

/** A shop page on another origin: loads hosted.js under a strict CSP and mounts the four fields. */
function shopPage(emulatorUrl: string, operationId: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script nonce="shop" src="${emulatorUrl}/api/hosted.js"></script></head>
<body><main><h1>Link a card</h1><form id="card-form">
<div class="mandarinpay-field-card-number"></div><div class="mandarinpay-field-card-holder"></div>
<div class="mandarinpay-field-card-expiration"></div><div class="mandarinpay-field-card-cvv"></div>
<button type="submit">Bind card</button></form></main>
<script nonce="shop">
window.results = [];
window.seenMessages = [];
window.addEventListener('message', function (e) { window.seenMessages.push(JSON.stringify(e.data)); });
mandarinpay.hosted.setup('#card-form', {
  operationId: ${JSON.stringify(operationId)},
  onsuccess: function (data) { window.results.push(['success', data]); },
  onerror: function (data) { window.results.push(['error', data]); }
});
document.getElementById('card-form').addEventListener('submit', function (event) {
  event.preventDefault();
  mandarinpay.hosted.process(event.target);
});
</script></body></html>`;
}

describe.skipIf(!hasChromium)(
  'hosted card fields in Chromium (skipped when /usr/bin/chromium is missing)',
  () => {
    let emu: TestEmulator;
    let shop: http.Server;
    let shopUrl: string;
    let browser: any;

    beforeAll(async () => {
      emu = await startEmulator();
      shop = http.createServer((req, res) => {
        const op = new URL(req.url ?? '/', 'http://x').searchParams.get('op') ?? '';
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          // What a careful merchant page sends: only its own nonce'd scripts and the emulator's.
          'content-security-policy': `default-src 'self'; script-src 'nonce-shop' ${emu.url}; frame-src ${emu.url}`,
        });
        res.end(shopPage(emu.url, op));
      });
      await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
      shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
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
    }, 30_000);
    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => shop?.close(() => resolve()));
      await emu?.close();
    });

    async function openShop() {
      const { id, jsOperationId } = (
        await call<{ id: string; jsOperationId: string }>(emu.url, '/api/card-bindings', {
          headers: { 'x-auth': xAuth() },
          body: { customerInfo: { email: 'user@example.com' } },
        })
      ).json;
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error: Error) => errors.push(error.message));
      page.on('console', (msg: any) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      await page.goto(`${shopUrl}/?op=${jsOperationId}`);
      const field = (name: string) => page.frameLocator(`.mandarinpay-field-${name} iframe`).locator('input');
      return { id, jsOperationId, page, field, errors };
    }

    // Page code reaches the DOM through `globalThis` (this package is type-checked without the DOM library),
    // and is passed as functions: Playwright evaluates string predicates with eval, which the shop's CSP forbids.
    const hasClass = (page: any, name: string, state: string) =>
      page.waitForFunction(
        ([n, s]: [string, string]) =>
          (globalThis as any).document
            .querySelector(`.mandarinpay-field-${n}`)
            .classList.contains(`mandarinpay-field-state-${s}`),
        [name, state],
      );
    const results = async (page: any): Promise<any[]> => {
      await page.waitForFunction(() => (globalThis as any).results.length > 0);
      return page.evaluate(() => (globalThis as any).results);
    };

    it('binds a card typed into the iframes; the host page never sees the card data', async () => {
      const { id, jsOperationId, page, field, errors } = await openShop();
      try {
        const year = String(new Date().getUTCFullYear() + 2).slice(-2);
        await field('card-number').fill('4111 1111 1111 1111');
        await field('card-holder').fill('Ivan Ivanov');
        await field('card-expiration').fill(`09/${year}`);
        await field('card-cvv').fill('321');
        await hasClass(page, 'card-number', 'valid');
        await hasClass(page, 'card-cvv', 'valid');

        // Cross-origin: the host page's script can't reach into a field iframe.
        const access = await page.evaluate(() => {
          const frame = (globalThis as any).document.querySelector('.mandarinpay-field-card-number iframe');
          let viaWindow = 'readable';
          try {
            void frame.contentWindow.document.body;
          } catch {
            viaWindow = 'blocked';
          }
          return { contentDocument: frame.contentDocument === null ? 'blocked' : 'readable', viaWindow };
        });
        expect(access).toEqual({ contentDocument: 'blocked', viaWindow: 'blocked' });

        await page.getByRole('button', { name: 'Bind card' }).click();
        expect(await results(page)).toEqual([
          ['success', { operationId: jsOperationId, status: 'success', transaction: { id } }],
        ]);

        const seen: string[] = await page.evaluate(() => (globalThis as any).seenMessages);
        expect(seen.length).toBeGreaterThan(0);
        for (const message of seen) {
          // The channel is a random hex id, which may contain "321" by chance; the card data may be nowhere else.
          expect(message.replace(/"channel":"[0-9a-f]+"/, '')).not.toMatch(/4111|Ivan|IVAN|321/);
        }
        expect(await page.content()).not.toContain('4111');

        const admin = await call(emu.url, `/__emulator/card-bindings/${id}`);
        expect(admin.json).toMatchObject({
          status: 'success',
          card: { masked: '411111******1111', holder: 'IVAN IVANOV' },
        });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 30_000);

    it('reports an invalid card through onerror and the error state class, deciding nothing', async () => {
      const { id, page, field } = await openShop();
      try {
        await field('card-number').fill('4111 1111 1111 1112');
        await page.getByRole('button', { name: 'Bind card' }).click();
        const [[kind, data]] = await results(page);
        expect(kind).toBe('error');
        expect(data.error).toBe('Check the card details');
        expect(Object.keys(data.fields)).toContain('card-number');
        await hasClass(page, 'card-number', 'error');
        await hasClass(page, 'card-holder', 'error'); // empty, and the payer tried to submit
        const admin = await call<{ status: string }>(emu.url, `/__emulator/card-bindings/${id}`);
        expect(admin.json.status).toBe('pending');
      } finally {
        await page.close();
      }
    }, 30_000);
  },
);
