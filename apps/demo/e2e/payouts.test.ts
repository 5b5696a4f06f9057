import { beforeAll, expect, it } from 'vitest';
import { walletViaApi } from './apiSetup.js';
import { describeDemo, expectNoAxeViolations, screenshot } from './demoFixture.js';

describeDemo('demo flow 2: card binding, top-up and payouts in Chromium', (s) => {
  let walletId: string;
  beforeAll(async () => {
    await s.page.goto(`${s.demo.url}/#/payouts`);
    walletId = await walletViaApi(s.page, s.demo.url);
    await s.page.reload();
  });

  const balance = () => s.page.locator('[data-slot="amount"]').first().textContent();

  it('links a card in Mandarin’s hosted fields and sees it appear live', async () => {
    const { page } = s;
    await expect.poll(balance).toMatch(/0\.00/);
    await page.getByRole('button', { name: 'Link a card' }).click();
    // The card is typed into iframes from the emulator's origin: the page never holds it.
    const field = (name: string) => page.frameLocator(`.mandarinpay-field-${name} iframe`).locator('input');
    await field('card-number').waitFor({ timeout: 15_000 });
    await field('card-number').pressSequentially('4111111111111111');
    await field('card-holder').fill('IVAN IVANOV');
    await field('card-expiration').pressSequentially('1230');
    await field('card-cvv').fill('123');
    await expectNoAxeViolations(page);
    await screenshot(page, '2-cards-hosted-fields');
    expect(await page.content()).not.toContain('4111111111111111');
    await page.getByRole('button', { name: 'Link card' }).click();
    await expect
      .poll(() => page.getByRole('radio', { name: /1111/ }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByRole('radio', { name: /1111/ }).check();
    await screenshot(page, '2-cards-linked');
  });

  it('tops up from the card and pays out to it; the balance follows live', async () => {
    const { page } = s;
    await page.getByLabel('Top-up amount, ₽').fill('1500.75');
    await page.getByRole('button', { name: 'Top up from the card' }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,500\.75/);
    await page.getByLabel('Payout to the card, ₽').fill('0.75');
    await page.getByRole('button', { name: 'Pay out to the card' }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,500\.00/);
  });

  it('pays out to a card number and the balance drops by the exact amount', async () => {
    const { page } = s;
    await page.getByLabel('Payout amount, ₽').fill('100.25');
    await page.getByRole('button', { name: 'Pay out to card' }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,399\.75/);
  });

  it('pays out by SBP after confirming the name the bank returned', async () => {
    const { page } = s;
    await page.getByLabel('SBP amount, ₽').fill('399.75');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.getByText('Ivan Ivanovich Ivanov').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, '2-payouts-sbp-confirmation');
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await expect.poll(balance, { timeout: 20_000 }).toMatch(/1,000\.00/);
    await screenshot(page, '2-payouts-done');
  });

  it('keeps the card away from a second user', async () => {
    const cards = (await (await s.page.request.get(`${s.demo.url}/api/cards`)).json()) as {
      cards: Array<{ id: string }>;
    };
    const cardId = cards.cards[0]!.id;
    const other = await s.browser.newContext();
    const page = await other.newPage();
    await page.goto(`${s.demo.url}/#/payouts`);
    const theirWallet = await walletViaApi(page, s.demo.url);
    const theirCards = (await (await page.request.get(`${s.demo.url}/api/cards`)).json()) as {
      cards: unknown[];
    };
    expect(theirCards.cards).toEqual([]);
    const stolen = await page.request.post(`${s.demo.url}/api/wallets/${theirWallet}/top-ups`, {
      data: { amount: '1.00', cardId },
      headers: { 'x-csrf': '1', 'idempotency-key': `steal-${Date.now()}` },
    });
    expect(stolen.status()).toBe(404);
    expect(walletId).not.toBe(theirWallet);
    await other.close();
  });
});
