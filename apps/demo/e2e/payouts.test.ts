import { afterAll, beforeAll, expect, it } from 'vitest';
import { walletViaApi } from './apiSetup.js';
import {
  type DemoSession,
  describeInBrowser,
  expectNoAxeViolations,
  openDemo,
  screenshot,
} from './demoFixture.js';

describeInBrowser('demo flow 2: top-up and payouts in Chromium', () => {
  let s: DemoSession;
  beforeAll(async () => {
    s = await openDemo();
    await s.page.goto(`${s.demo.url}/#/payouts`);
    await walletViaApi(s.page, s.demo.url);
    await s.page.reload();
  });
  afterAll(() => s?.close());

  const balance = () => s.page.locator('[data-slot="amount"]').first().textContent();

  it('tops up from a bound card and the balance updates live', async () => {
    const { page } = s;
    await expect.poll(balance).toMatch(/0\.00/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Bind a sandbox test card' }).click();
    await page.getByLabel('Top-up amount, ₽').fill('1500.75');
    await page.getByRole('button', { name: 'Top up', exact: true }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,500\.75/);
    await screenshot(page, '2-payouts-topped-up');
  });

  it('pays out to a card number and the balance drops by the exact amount', async () => {
    const { page } = s;
    await page.getByLabel('Payout amount, ₽').fill('100.25');
    await page.getByRole('button', { name: 'Pay out to card' }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,400\.50/);
    await expect.poll(() => page.getByText('•••• 1111').count()).toBeGreaterThan(0);
  });

  it('pays out by SBP after confirming the name the bank returned', async () => {
    const { page } = s;
    await page.getByLabel('SBP amount, ₽').fill('400.50');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByText('Ivan Ivanovich Ivanov').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, '2-payouts-sbp-confirmation');
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,000\.00/);
    await screenshot(page, '2-payouts-sbp-done');
  });
});
