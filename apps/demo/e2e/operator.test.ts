import { expect, it } from 'vitest';
import { describeDemo, expectNoAxeViolations, screenshot, signInAsOperator } from './demoFixture.js';

describeDemo('demo flow 3: operator checkout, hosted payment and two partial refunds in Chromium', (s) => {
  it('splits a checkout, pays on the hosted page, sees the status live and refunds twice', async () => {
    const { page, context } = s;
    await signInAsOperator(page, s.demo.url);
    await page.getByRole('button', { name: 'Link two sandbox sub-merchants' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Create payment' }).isEnabled(), { timeout: 10_000 })
      .toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, '3-operator-checkout');
    await page.getByRole('button', { name: 'Create payment' }).click();
    await expect
      .poll(() => page.getByTestId('payment-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('pending');

    // Pay as the customer would, on Mandarin's (the emulator's) hosted page in a new tab.
    const [hosted] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Pay on Mandarin’s hosted page' }).click(),
    ]);
    await hosted.waitForLoadState();
    // The customer types Mandarin's sandbox card on the hosted page (the card never reaches the kit).
    await hosted.getByLabel('Card number').fill('4929509947106878');
    await hosted.getByLabel('Cardholder name').fill('CARD HOLDER');
    await hosted.getByLabel('Expiry date (MM/YY)').fill('12/30');
    await hosted.getByLabel('Security code (CVV)').fill('123');
    await screenshot(hosted, '3-operator-hosted-page');
    await hosted.getByRole('button', { name: /^Pay/ }).click();
    await hosted.getByRole('heading', { name: 'Payment accepted' }).waitFor();
    await hosted.close();

    // The status arrives over SSE: no reload.
    await expect
      .poll(() => page.getByTestId('payment-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('success');
    await expect.poll(() => page.getByTestId('refundable').textContent()).toContain('5000.00');
    await expectNoAxeViolations(page);

    await page.getByLabel('Refund amount, ₽').fill('1000.00');
    await page.getByRole('button', { name: 'Refund in proportion to what remains' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect.poll(() => page.getByTestId('refunds').locator('li').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId('refundable').textContent(), { timeout: 10_000 })
      .toContain('4000.00');

    await page.getByLabel('Refund amount, ₽').fill('500.00');
    await page.getByRole('button', { name: 'Refund in proportion to what remains' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect.poll(() => page.getByTestId('refunds').locator('li').count(), { timeout: 10_000 }).toBe(2);
    await expect
      .poll(() => page.getByTestId('refundable').textContent(), { timeout: 10_000 })
      .toContain('3500.00');
    await screenshot(page, '3-operator-refunded');
  });
});
