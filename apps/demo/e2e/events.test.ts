import { expect, it } from 'vitest';
import { walletViaApi } from './apiSetup.js';
import { describeDemo, expectNoAxeViolations, screenshot, signInAsOperator } from './demoFixture.js';

describeDemo('demo flow 4: live event log, provider callbacks and SSE reconnect in Chromium', (s) => {
  const log = () => s.page.getByTestId('event-log').locator('li');

  it('fires each of the other providers’ callbacks and shows the relay’s reply and the event', async () => {
    const { page } = s;
    await signInAsOperator(page, s.demo.url);
    await page.goto(`${s.demo.url}/#/events`);
    await expect.poll(() => page.getByTestId('stream-status').textContent()).toContain('open');
    const replies = page.getByTestId('replies').locator('li');
    const fire = async (label: string, reply: RegExp) => {
      await page.getByRole('button', { name: label }).click();
      await expect.poll(() => replies.first().textContent(), { timeout: 10_000 }).toMatch(reply);
    };
    await fire('Transfer status (form, path token)', /transfers: HTTP 200 OK/);
    await fire('Bank gateway (checksum)', /gateway: HTTP 200 OK/);
    await fire('Widget check (Content-HMAC)', /widget: HTTP 200 \{"code":\d+\}/);
    await fire('Widget pay (Content-HMAC)', /widget: HTTP 200 \{"code":0\}/);
    await fire('Signed JSON processing (HMAC-SHA512)', /processing: HTTP 200 OK/);
    await expect
      .poll(async () => (await log().allTextContents()).join('\n'), { timeout: 10_000 })
      .toMatch(/transfer\.status/);
    const text = (await log().allTextContents()).join('\n');
    for (const type of ['gateway.operation', 'widget.notification', 'processing.status'])
      expect(text).toContain(type);
    await expectNoAxeViolations(page);
    await screenshot(page, '4-events-providers');
  });

  it('reconnects after the BFF restarts and receives what happened meanwhile, without a reload', async () => {
    const { page } = s;
    const walletId = await walletViaApi(page, s.demo.url);
    await expect
      .poll(async () => (await log().allTextContents()).join('\n'), { timeout: 15_000 })
      .toContain(walletId);
    const before = await log().count();
    await s.demo.restartBff();
    // While the page reconnects, an event happens: a deposit from the operator to the wallet.
    const deposit = await page.request.post(`${s.demo.url}/api/wallets/${walletId}/deposits`, {
      data: { amount: '10.00' },
      headers: { 'x-csrf': '1', 'idempotency-key': `deposit-${Date.now()}` },
    });
    expect(deposit.status()).toBe(201);
    await expect
      .poll(() => page.getByTestId('stream-status').textContent(), { timeout: 20_000 })
      .toContain('open');
    await expect.poll(() => log().count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const ids = (await log().locator('code').allTextContents()).filter((t) => t.startsWith('#'));
    expect(new Set(ids).size).toBe(ids.length);
    await screenshot(page, '4-events-after-restart');
  });

  it('gives two tabs opened together one session, so both streams listen for the user they act as', async () => {
    // A new visitor (no cookie yet) opens the site in two tabs at once. The browser attaches cookies when a
    // request leaves, so the site's first API calls are held at the network until a second one arrives (or
    // 1.5 s pass) and then go out together: without coordination between the tabs, both leave without a cookie.
    const context = await s.browser.newContext({ locale: 'en-US' });
    try {
      const held: Array<() => void> = [];
      let released = false;
      const release = () => {
        released = true;
        for (const go of held.splice(0)) go();
      };
      await context.route('**/api/**', async (route) => {
        if (!released) {
          await new Promise<void>((go) => {
            held.push(go);
            if (held.length === 2) release();
            else setTimeout(release, 1500);
          });
        }
        await route.continue();
      });
      const sessionsIssued: string[] = [];
      context.on('response', async (response) => {
        const cookie = await response.headerValue('set-cookie').catch(() => null);
        if (cookie?.includes('mk_session=')) sessionsIssued.push(new URL(response.url()).pathname);
      });
      const tabs = [await context.newPage(), await context.newPage()];
      await Promise.all(tabs.map((tab) => tab.goto(s.demo.url)));
      for (const tab of tabs) {
        await expect
          .poll(() => tab.getByTestId('stream-status').textContent(), { timeout: 10_000 })
          .toContain('open');
      }
      expect(sessionsIssued).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
