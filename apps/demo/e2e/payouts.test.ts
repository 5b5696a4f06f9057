import { expect, it } from 'vitest';
import { walletViaApi } from './apiSetup.js';
import { describeDemo, expectNoAxeViolations, newVisitor, screenshot } from './demoFixture.js';
import {
  type Both,
  chooseLocale,
  expectNoOverflow,
  expectOnlyLocale,
  type Locale,
  openPage,
  WALKS,
} from './pageChecks.js';

const text = {
  linkNew: { ru: 'Привязать новую карту', en: 'Link a new card' },
  linkSubmit: { ru: 'Привязать карту', en: 'Link the card' },
  toppedUp: { ru: 'Кошелёк пополнен', en: 'Wallet topped up' },
  amount: { ru: 'Сумма, ₽', en: 'Amount, ₽' },
  toCard: { ru: 'На карту', en: 'To a card' },
  toBound: { ru: 'На привязанную карту', en: 'To a linked card' },
  bySbp: { ru: 'По СБП', en: 'By SBP' },
  cardNumber: { ru: 'Номер карты', en: 'Card number' },
  phone: { ru: 'Телефон получателя', en: 'Recipient’s phone' },
  bankSearch: { ru: 'Найти банк получателя', en: 'Find the recipient’s bank' },
  confirm: { ru: 'Подтвердить перевод', en: 'Confirm transfer' },
  sent: { ru: 'Деньги выведены', en: 'Money sent' },
  newPayout: { ru: 'Новая выплата', en: 'New payout' },
  kinds: {
    ru: ['Пополнение с карты', 'Выплата на карту', 'Выплата на привязанную карту', 'Перевод по СБП'],
    en: ['Card top-up', 'Payout to a card', 'Payout to a linked card', 'SBP transfer'],
  },
  completed: { ru: 'Выполнена', en: 'Completed' },
  pending: { ru: 'В обработке', en: 'Processing' },
} satisfies Record<string, Both | Record<Locale, string[]>>;

/** An amount as people type it in each locale (`1 500,75`, `1,500.75`); the kit reads it exactly. */
const typed = (locale: Locale, ru: string) =>
  locale === 'ru' ? ru : ru.replace(/ /g, ',').replace(/,(\d\d)$/, '.$1');
/** The same amount as the kit shows it (`1 500,75 ₽`, `₽1,500.75`), a no-break space or narrow one in Russian. */
const shown = (locale: Locale, ru: string) =>
  locale === 'ru'
    ? new RegExp(`^${ru.replace(/ /g, '[\\s\\u00a0\\u202f]')}[\\s\\u00a0]₽$`)
    : new RegExp(`^₽${typed('en', ru).replace('.', '\\.')}$`);

describeDemo('demo flow 2: cards, top-up, payouts and history in Chromium, in Russian and English', (s) => {
  let firstUserCard = '';

  for (const { locale, width } of WALKS) {
    it(`${locale} at ${width} px: links a card, tops up, pays out three ways, and the history shows it all`, async () => {
      const { context, page } = await newVisitor(s, width);
      const say = <K extends keyof typeof text>(key: K) => text[key][locale] as (typeof text)[K][Locale];
      const step = async (name: string) => {
        await expectNoOverflow(page, `${locale} ${width}: ${name}`);
      };
      const balance = () => page.locator('.mk-balance [data-slot="amount"]').textContent();
      const topUp = page.locator('.mk-topup');
      const payout = page.locator('.mk-payout');
      try {
        await page.goto(`${s.demo.url}/#/payouts`);
        await chooseLocale(page, locale);
        await walletViaApi(page, s.demo.url);
        await page.reload();
        await openPage(page, s.demo.url, 'payouts', locale);
        await expect.poll(balance, { timeout: 10_000 }).toMatch(shown(locale, '0,00'));
        await expectOnlyLocale(page, locale);
        await step('money page');
        await expectNoAxeViolations(page);
        await screenshot(page, `2-money-${locale}-${width}`);

        // A new card, linked inline in the top-up through Mandarin's hosted fields (iframes of its origin).
        await topUp.getByRole('button', { name: say('linkNew') }).click();
        const field = (name: string) =>
          topUp.frameLocator(`.mandarinpay-field-${name} iframe`).locator('input');
        await field('card-number').waitFor({ timeout: 15_000 });
        await field('card-number').pressSequentially('4111111111111111');
        await field('card-holder').fill('IVAN IVANOV');
        await field('card-expiration').pressSequentially('1230');
        await field('card-cvv').fill('123');
        await step('hosted card fields');
        await expectNoAxeViolations(page);
        expect(await page.content()).not.toContain('4111111111111111');
        await topUp.getByRole('button', { name: say('linkSubmit') }).click();
        // Mandarin reports the card on the event stream; the top-up picks it.
        await expect
          .poll(() => topUp.getByRole('radio', { name: /1111/ }).isChecked(), { timeout: 20_000 })
          .toBe(true);
        await step('card linked');

        await topUp.getByLabel(say('amount')).fill(typed(locale, '1 500,75'));
        await topUp.getByRole('button', { name: locale === 'ru' ? /^Пополнить на/ : /^Top up ₽/ }).click();
        await topUp.getByRole('heading', { name: say('toppedUp') }).waitFor({ timeout: 20_000 });
        // The card as people read it, never the wire's 411111******1111.
        expect(await topUp.getByRole('status').allTextContents()).toContainEqual(
          expect.stringContaining('4111 11•• •••• 1111'),
        );
        await expect.poll(balance, { timeout: 20_000 }).toMatch(shown(locale, '1 500,75'));
        await step('topped up');
        await screenshot(page, `2-money-topped-up-${locale}-${width}`);

        // To a card number: the result is the final one, never "pending" once Mandarin has answered.
        await payout.getByRole('radio', { name: say('toCard') }).check();
        await payout.getByLabel(say('amount')).fill(typed(locale, '100,25'));
        await payout.getByLabel(say('cardNumber')).pressSequentially('4111111111111111');
        await step('payout to a card number');
        await payout.getByRole('button', { name: locale === 'ru' ? /^Вывести/ : /^Withdraw/ }).click();
        await payout.getByRole('heading', { name: say('sent') }).waitFor({ timeout: 20_000 });
        expect(await payout.getByRole('status').allTextContents()).toContainEqual(
          expect.stringContaining('→ •••• 1111.'),
        );
        await expect.poll(balance, { timeout: 20_000 }).toMatch(shown(locale, '1 400,50'));
        await step('paid out to a card number');
        await payout.getByRole('button', { name: say('newPayout') }).click();

        // To the linked card.
        await payout.getByRole('radio', { name: say('toBound') }).check();
        await payout.getByRole('radio', { name: /1111/ }).check();
        await payout.getByLabel(say('amount')).fill(typed(locale, '0,50'));
        await payout.getByRole('button', { name: locale === 'ru' ? /^Вывести/ : /^Withdraw/ }).click();
        await payout.getByRole('heading', { name: say('sent') }).waitFor({ timeout: 20_000 });
        await expect.poll(balance, { timeout: 20_000 }).toMatch(shown(locale, '1 400,00'));
        await step('paid out to the linked card');
        await payout.getByRole('button', { name: say('newPayout') }).click();

        // By SBP, two-step: the bank's name for the recipient is shown before any money moves.
        await payout.getByRole('radio', { name: say('bySbp') }).check();
        await payout.getByLabel(say('phone')).pressSequentially('9007654321');
        await payout.getByRole('searchbox', { name: say('bankSearch') }).fill('Сбер');
        await payout.getByRole('radio', { name: 'Сбербанк' }).check();
        await payout.getByLabel(say('amount')).fill(typed(locale, '400,00'));
        await step('SBP payout');
        await payout.getByRole('button', { name: locale === 'ru' ? /^Вывести/ : /^Withdraw/ }).click();
        await expect
          .poll(() => payout.getByText('Ivan Ivanovich Ivanov').count(), { timeout: 15_000 })
          .toBeGreaterThan(0);
        await expectOnlyLocale(page, locale);
        await step('SBP recipient');
        await expectNoAxeViolations(page);
        await screenshot(page, `2-money-sbp-recipient-${locale}-${width}`);
        await payout.getByRole('button', { name: say('confirm') }).click();
        await payout.getByRole('heading', { name: say('sent') }).waitFor({ timeout: 20_000 });
        await expect.poll(balance, { timeout: 20_000 }).toMatch(shown(locale, '1 000,00'));
        await step('SBP paid out');

        // The history has every operation, in words, final, exact.
        const history = page.locator('.mk-history');
        const rows = history.locator('[data-slot="row"]');
        await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
        await expect
          .poll(
            async () => (await rows.allTextContents()).filter((r) => r.includes(say('completed'))).length,
            {
              timeout: 15_000,
            },
          )
          .toBe(4);
        const all = (await rows.allTextContents()).join('\n');
        for (const kind of say('kinds')) expect(all).toContain(kind);
        expect(await page.locator('body').textContent()).not.toMatch(/\*{3}\d|\d\*{3}/);
        expect(all).not.toContain(say('pending'));
        await expectOnlyLocale(page, locale);
        await step('history');
        await expectNoAxeViolations(page);
        await screenshot(page, `2-money-history-${locale}-${width}`);

        const cards = (await (await page.request.get(`${s.demo.url}/api/cards`)).json()) as {
          cards: Array<{ id: string }>;
        };
        firstUserCard = cards.cards[0]!.id;
      } finally {
        await context.close();
      }
    });
  }

  it('keeps a card away from another customer', async () => {
    expect(firstUserCard).not.toBe('');
    const { context, page } = await newVisitor(s, 390);
    try {
      await page.goto(`${s.demo.url}/#/payouts`);
      const theirWallet = await walletViaApi(page, s.demo.url);
      const theirCards = (await (await page.request.get(`${s.demo.url}/api/cards`)).json()) as {
        cards: unknown[];
      };
      expect(theirCards.cards).toEqual([]);
      const stolen = await page.request.post(`${s.demo.url}/api/wallets/${theirWallet}/top-ups`, {
        data: { amount: '1.00', cardId: firstUserCard },
        headers: { 'x-csrf': '1', 'idempotency-key': `steal-${Date.now()}` },
      });
      expect(stolen.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
