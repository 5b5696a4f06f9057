import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeDemo,
  expectNoAxeViolations,
  newVisitor,
  screenshot,
  signInAsOperator,
} from './demoFixture.js';
import {
  type Both,
  chooseLocale,
  demo,
  expectNoOverflow,
  expectOnlyLocale,
  type Locale,
  openPage,
  WALKS,
} from './pageChecks.js';

const text = {
  token: { ru: 'Токен субмерчанта', en: 'Sub-merchant token' },
  name: { ru: 'Название (необязательно)', en: 'Name (optional)' },
  link: { ru: 'Привязать', en: 'Link' },
  sellers: { ru: ['Книжный', 'Кофейня'], en: ['Bookshop', 'Coffee roasters'] },
  paid: { ru: 'Оплачен', en: 'Paid' },
  held: { ru: 'Средства удержаны', en: 'Held' },
  refunded: { ru: 'Возвращён', en: 'Refunded' },
  details: { ru: 'Подробнее, заказ', en: 'Details, order' },
  refund: { ru: 'Вернуть', en: 'Refund' },
  capture: { ru: 'Списать', en: 'Capture' },
  refundAmount: { ru: 'Сумма возврата', en: 'Amount to refund' },
  fullAmount: { ru: 'Вся сумма', en: 'Full amount' },
  refundedMoney: { ru: 'Деньги возвращены', en: 'Money refunded' },
  refundMore: { ru: 'Вернуть ещё', en: 'Refund more' },
  fullyRefunded: { ru: 'Платёж возвращён полностью.', en: 'The payment is fully refunded.' },
  close: { ru: 'Закрыть', en: 'Close' },
  evenly: { ru: 'Разделить поровну', en: 'Split evenly' },
  addRow: { ru: 'Добавить строку', en: 'Add row' },
  captured: { ru: 'Деньги списаны', en: 'Money captured' },
  twoStep: {
    ru: 'Двухстадийный: удержать сейчас, списать и разделить позже',
    en: 'Two-step: hold the money now, capture and split it later',
  },
} satisfies Record<string, Both | Record<Locale, string[]>>;

/** An amount as the kit shows it: `1 000,00 ₽` (a no-break or narrow space) or `₽1,000.00`. */
const money = (locale: Locale, ru: string) =>
  locale === 'ru'
    ? new RegExp(`${ru.replace(/ /g, '[\\s\\u00a0\\u202f]')}[\\s\\u00a0]₽`)
    : new RegExp(`₽${ru.replace(/ /g, ',').replace(/,(\d\d)$/, '\\.$1')}`);

/** Pays the payment just created as its customer, on Mandarin's (the emulator's) hosted page in a new tab. */
async function payOnHostedPage(context: BrowserContext, page: Page, locale: Locale): Promise<void> {
  const [hosted] = await Promise.all([
    context.waitForEvent('page'),
    page
      .getByTestId('created-payment')
      .getByRole('link', { name: demo(locale, 'operator.pay') })
      .click(),
  ]);
  await hosted.waitForLoadState();
  await hosted.getByLabel('Card number').fill('4929509947106878');
  await hosted.getByLabel('Cardholder name').fill('CARD HOLDER');
  await hosted.getByLabel('Expiry date (MM/YY)').fill('12/30');
  await hosted.getByLabel('Security code (CVV)').fill('123');
  await hosted.getByRole('button', { name: /^Pay/ }).click();
  await hosted.getByRole('heading', { name: 'Payment accepted' }).waitFor();
  await hosted.close();
}

/** Presses a dialog's own submit button (`Вернуть 1 000,00 ₽`), not the split editor's helpers. */
async function submitDialog(dialog: Locator, verb: string): Promise<void> {
  const submit = dialog.locator('[data-slot="submit"]');
  expect(await submit.textContent()).toMatch(new RegExp(`^${verb} `));
  await submit.click();
}

/** The order id of the payment just created, as the page announced it (another than `previous`). */
async function createdOrder(page: Page, previous?: string): Promise<string> {
  const status = page.getByTestId('created-payment');
  const order = async () => /(\S+)\s+(создан|created)/.exec((await status.textContent()) ?? '')?.[1];
  await expect
    .poll(async () => (await status.count()) > 0 && (await order()) !== previous, { timeout: 10_000 })
    .toBe(true);
  return (await order())!;
}

// One demo per language: sellers are linked once per marketplace, under the names the first operator gave.
for (const { locale, width } of WALKS) {
  describeDemo(
    `demo flow 3: the operator links sellers, takes, captures and refunds payments (${locale})`,
    (s) => {
      it(`${locale} at ${width} px: sellers by name, a split payment refunded in part then in full, a two-step payment captured`, async () => {
        const { context, page } = await newVisitor(s, width);
        const say = <K extends keyof typeof text>(key: K) => text[key][locale] as (typeof text)[K][Locale];
        const step = (name: string) => expectNoOverflow(page, `operator ${locale} ${width}: ${name}`);
        const row = (order: string) => page.locator('[data-slot="payment"]').filter({ hasText: order });
        const details = async (order: string): Promise<Locator> => {
          const button = page.getByRole('button', { name: `${say('details')} ${order}` });
          if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
          return row(order);
        };
        try {
          await page.goto(`${s.demo.url}/#/operator`);
          await chooseLocale(page, locale);
          await openPage(page, s.demo.url, 'operator', locale);
          await expectOnlyLocale(page, locale);
          await step('operators only');
          await signInAsOperator(page, s.demo.url, locale);
          await openPage(page, s.demo.url, 'operator', locale);

          // Two sellers, linked by the tokens from their Mandarin accounts, named so that people can tell them apart.
          const tokens = await page.getByTestId('sandbox-token').allTextContents();
          for (const [i, token] of tokens.entries()) {
            await page.getByLabel(say('token')).fill(token);
            await page.getByLabel(say('name')).fill(say('sellers')[i]!);
            await page.getByRole('button', { name: say('link'), exact: true }).click();
            await expect
              .poll(() => page.getByText(new RegExp(`^${say('sellers')[i]} · [0-9a-f]{8}`)).count(), {
                timeout: 10_000,
              })
              .toBeGreaterThan(0);
          }
          await expectOnlyLocale(page, locale);
          await step('sellers linked');
          await expectNoAxeViolations(page);
          await screenshot(page, `3-operator-sellers-${locale}-${width}`);

          // A payment split 4:1 between them (the editor offers them by name), paid by the customer.
          const newPayment = page.getByTestId('new-payment');
          expect(await newPayment.locator('select').first().textContent()).toContain(say('sellers')[0]);
          await newPayment.getByRole('button', { name: demo(locale, 'operator.create') }).click();
          const order = await createdOrder(page);
          await payOnHostedPage(context, page, locale);
          // The status arrives over SSE: no reload.
          await expect
            .poll(() => row(order).getAttribute('data-status'), { timeout: 20_000 })
            .toBe('success');
          const paid = await details(order);
          expect(await paid.textContent()).toContain(say('paid'));
          expect(await paid.textContent()).toContain(`${say('sellers')[0]} ·`);
          await step('paid');
          await screenshot(page, `3-operator-paid-${locale}-${width}`);

          // Part of it back, split in proportion to what each seller holds; then the rest.
          await paid.getByRole('button', { name: say('refund'), exact: true }).click();
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          await dialog.getByLabel(say('refundAmount'), { exact: true }).fill('1000');
          await step('refund dialog');
          await expectNoAxeViolations(page);
          await screenshot(page, `3-operator-refund-${locale}-${width}`);
          await submitDialog(dialog, say('refund'));
          await dialog.getByRole('heading', { name: say('refundedMoney') }).waitFor({ timeout: 20_000 });
          await expect.poll(() => dialog.textContent()).toMatch(money(locale, '4 000,00'));
          await dialog.getByRole('button', { name: say('refundMore') }).click();
          await dialog.getByRole('button', { name: say('fullAmount') }).click();
          await submitDialog(dialog, say('refund'));
          await dialog.getByRole('heading', { name: say('refundedMoney') }).waitFor({ timeout: 20_000 });
          await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain(say('fullyRefunded'));
          await expectOnlyLocale(page, locale);
          await step('refunded in full');
          await dialog
            .getByRole('button', { name: say('close') })
            .first()
            .click();
          await expect.poll(() => row(order).getAttribute('data-refunded'), { timeout: 10_000 }).toBe('full');
          expect(await row(order).textContent()).toContain(say('refunded'));

          // A two-step payment: held when paid, captured later with its split.
          await newPayment.getByLabel(say('twoStep')).check();
          await newPayment.getByRole('button', { name: demo(locale, 'operator.create') }).click();
          const held = await createdOrder(page, order);
          await payOnHostedPage(context, page, locale);
          await expect
            .poll(() => row(held).getAttribute('data-status'), { timeout: 20_000 })
            .toBe('authorized');
          const holding = await details(held);
          expect(await holding.textContent()).toContain(say('held'));
          await holding.getByRole('button', { name: say('capture'), exact: true }).click();
          const capture = page.getByRole('dialog');
          await capture.waitFor();
          while ((await capture.locator('select').count()) < 2)
            await capture.getByRole('button', { name: say('addRow') }).click();
          const selects = capture.locator('select');
          for (const [i, seller] of say('sellers').entries()) {
            const option = selects.nth(i).locator('option', { hasText: seller });
            await selects.nth(i).selectOption((await option.getAttribute('value'))!);
          }
          await capture.getByRole('button', { name: say('evenly') }).click();
          await step('capture dialog');
          await expectNoAxeViolations(page);
          await screenshot(page, `3-operator-capture-${locale}-${width}`);
          await submitDialog(capture, say('capture'));
          await capture.getByRole('heading', { name: say('captured') }).waitFor({ timeout: 20_000 });
          await capture
            .getByRole('button', { name: say('close') })
            .first()
            .click();
          await expect.poll(() => row(held).getAttribute('data-status'), { timeout: 20_000 }).toBe('success');
          await expectOnlyLocale(page, locale);
          await step('captured');
          await screenshot(page, `3-operator-captured-${locale}-${width}`);

          // Past payments stay: the list is the BFF's, so a reload shows both.
          await page.reload();
          await openPage(page, s.demo.url, 'operator', locale);
          await expect.poll(() => row(order).count(), { timeout: 10_000 }).toBe(1);
          await expect.poll(() => row(held).count(), { timeout: 10_000 }).toBe(1);
        } finally {
          await context.close();
        }
      });
    },
  );
}
