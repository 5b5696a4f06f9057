import { expect, it } from 'vitest';
import { describeDemo, expectNoAxeViolations, screenshot } from './demoFixture.js';

describeDemo('demo flow 1: wallet onboarding in Chromium', (s) => {
  it('fills the KYC form, pastes the SMS code and sees the status turn Success live, then the balance', async () => {
    const { page } = s;
    await page.goto(`${s.demo.url}/#/wallet`);
    await expect.poll(() => page.getByTestId('stream-status').textContent()).toContain('open');
    await expectNoAxeViolations(page);
    await screenshot(page, '1-wallet-kyc-form');

    // Dates are typed in the kit's locale order (DD/MM/YYYY in English), not the wire's.
    await page.getByLabel('Date of birth').fill('22/12/1993');
    await page.getByLabel('INN (taxpayer number)').fill('500100732259');
    await page.getByLabel('SNILS (insurance number)').pressSequentially('11223344595');
    await page.getByLabel('Passport series').fill('1233');
    await page.getByLabel('Passport number').fill('123458');
    await page.getByLabel('Date of issue').fill('24/04/2013');
    await page.getByLabel('Issuing office code').pressSequentially('404004');
    await page.getByLabel('Issued by').fill('Fili Davydkovo District Department of Internal Affairs');
    await page.getByLabel('Place of birth').fill('Moscow');
    await page.getByRole('textbox', { name: 'Registered address' }).fill('Moscow, Petrovka st., 2, apt. 1');
    await page.getByLabel('Mobile phone').pressSequentially('9017636353');
    await page.getByLabel('Email', { exact: true }).fill('ivanoff@mail.ru');
    await page.getByLabel('I accept the wallet terms of service').check();
    await page.getByRole('button', { name: 'Open wallet' }).click();

    const hint = page.getByTestId('sandbox-otp');
    await expect.poll(() => hint.textContent(), { timeout: 15_000 }).toMatch(/^\d{4,8}$/);
    await expect.poll(() => page.getByTestId('wallet-status').textContent()).toBe('Processing');
    await screenshot(page, '1-wallet-otp');
    await expectNoAxeViolations(page);
    const code = (await hint.textContent())!;
    // Paste the whole code, as from the SMS app: through the real clipboard and Ctrl+V.
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.demo.url });
    await page.evaluate((text) => navigator.clipboard.writeText(text), code);
    const input = page.getByLabel('SMS code');
    await input.focus();
    await page.keyboard.press('Control+V');
    // A complete code is verified at once; the form then gives way to the live status.
    await expect.poll(() => page.getByLabel('SMS code').count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('wallet-status').textContent(), { timeout: 20_000 })
      .toBe('Success');
    await expect
      .poll(
        () =>
          page
            .getByText(/0,00\s₽|₽0\.00|0\.00/)
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);
    await screenshot(page, '1-wallet-success-balance');
    await expectNoAxeViolations(page);
  });
});
