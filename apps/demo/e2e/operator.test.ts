import { expect, it } from 'vitest';
import {
  describeDemo,
  expectNoAxeViolations,
  newVisitor,
  screenshot,
  signInAsOperator,
} from './demoFixture.js';
import {
  chooseLocale,
  demo,
  expectNoOverflow,
  expectOnlyLocale,
  type Locale,
  openPage,
  WALKS,
} from './pageChecks.js';

/** An amount as people type it in each locale. */
const typed = (locale: Locale, ru: string) => (locale === 'ru' ? ru : ru.replace(',', '.'));

describeDemo('demo flow 3: operator payments and refunds in Chromium, in Russian and English', (s) => {
  for (const { locale, width } of WALKS) {
    it(`${locale} at ${width} px: links sellers, takes a split payment on the hosted page, refunds part then all`, async () => {
      const { context, page } = await newVisitor(s, width);
      const step = (name: string) => expectNoOverflow(page, `operator ${locale} ${width}: ${name}`);
      const say = (key: Parameters<typeof demo>[1]) => demo(locale, key);
      try {
        await page.goto(`${s.demo.url}/#/operator`);
        await chooseLocale(page, locale);
        await openPage(page, s.demo.url, 'operator', locale);
        await expectOnlyLocale(page, locale);
        await step('operators only');
        await signInAsOperator(page, s.demo.url, locale);
        await openPage(page, s.demo.url, 'operator', locale);
        // Sellers are linked once per operator: the second walk finds them already there.
        const link = page.getByRole('button', { name: say('operator.linkSandbox') });
        if (await link.isVisible()) await link.click();
        await expect
          .poll(() => page.getByTestId('sub-merchants').locator('li').count(), { timeout: 10_000 })
          .toBe(2);
        const create = page.getByRole('button', { name: say('operator.create') });
        await expect.poll(() => create.getAttribute('aria-disabled'), { timeout: 10_000 }).toBe('false');
        await expectOnlyLocale(page, locale);
        await step('new payment');
        await expectNoAxeViolations(page);
        await screenshot(page, `3-operator-checkout-${locale}-${width}`);

        const payments = page.getByTestId('payment');
        const before = await payments.count();
        await create.click();
        await expect.poll(() => payments.count(), { timeout: 10_000 }).toBe(before + 1);
        const payment = payments.first();
        expect(await payment.getAttribute('data-state')).toBe('pending');

        // Pay as the customer would, on Mandarin's (the emulator's) hosted page in a new tab.
        const [hosted] = await Promise.all([
          context.waitForEvent('page'),
          payment.getByRole('link', { name: say('operator.pay') }).click(),
        ]);
        await hosted.waitForLoadState();
        await hosted.getByLabel('Card number').fill('4929509947106878');
        await hosted.getByLabel('Cardholder name').fill('CARD HOLDER');
        await hosted.getByLabel('Expiry date (MM/YY)').fill('12/30');
        await hosted.getByLabel('Security code (CVV)').fill('123');
        await hosted.getByRole('button', { name: /^Pay/ }).click();
        await hosted.getByRole('heading', { name: 'Payment accepted' }).waitFor();
        await hosted.close();

        // The status arrives over SSE: no reload.
        await expect.poll(() => payment.getAttribute('data-state'), { timeout: 20_000 }).toBe('success');
        const refundable = payment.getByTestId('refundable');
        const full = locale === 'ru' ? /5[\s\u00a0\u202f]000,00[\s\u00a0]₽/ : /₽5,000\.00/;
        await expect.poll(() => refundable.textContent()).toMatch(full);
        await step('paid');

        // A partial refund, split in proportion to what each seller still holds.
        await payment.getByRole('button', { name: say('operator.refund'), exact: true }).click();
        await payment.getByLabel(say('operator.refundAmount')).fill(typed(locale, '1000,00'));
        const proportional = locale === 'ru' ? /пропорционально/i : /in proportion/i;
        await payment.getByRole('button', { name: proportional }).click();
        const submit = payment.getByRole('button', { name: locale === 'ru' ? /^Вернуть 1/ : /^Refund ₽1/ });
        await expect.poll(() => submit.getAttribute('aria-disabled')).toBe('false');
        await step('partial refund');
        await expectNoAxeViolations(page);
        await screenshot(page, `3-operator-refund-${locale}-${width}`);
        await submit.click();
        await expect
          .poll(() => payment.getByTestId('refunds').locator('li').count(), { timeout: 10_000 })
          .toBe(1);
        const rest = locale === 'ru' ? /4[\s\u00a0\u202f]000,00[\s\u00a0]₽/ : /₽4,000\.00/;
        await expect.poll(() => refundable.textContent(), { timeout: 10_000 }).toMatch(rest);

        // Then everything that remains.
        await payment.getByRole('button', { name: say('operator.refund'), exact: true }).click();
        await payment.getByRole('button', { name: say('operator.refundAll') }).click();
        await payment.getByRole('button', { name: proportional }).click();
        const all = payment.getByRole('button', { name: locale === 'ru' ? /^Вернуть 4/ : /^Refund ₽4/ });
        await expect.poll(() => all.getAttribute('aria-disabled')).toBe('false');
        await all.click();
        await expect
          .poll(() => refundable.textContent(), { timeout: 10_000 })
          .toBe(say('operator.refundedAll'));
        await expectOnlyLocale(page, locale);
        await step('refunded in full');
        await screenshot(page, `3-operator-refunded-${locale}-${width}`);

        // Past payments stay: the list is the BFF's, so a reload shows them all.
        const count = await payments.count();
        await page.reload();
        await expect.poll(() => payments.count(), { timeout: 10_000 }).toBe(count);
      } finally {
        await context.close();
      }
    });
  }
});
