import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeDemo, expectNoAxeViolations, newVisitor, screenshot, streamOpen } from './demoFixture.js';
import {
  type Both,
  chooseLocale,
  expectNoOverflow,
  expectOnlyLocale,
  type Locale,
  openPage,
  WALKS,
} from './pageChecks.js';

const label = {
  birthDate: { ru: 'Дата рождения', en: 'Date of birth' },
  inn: { ru: 'ИНН', en: 'INN (taxpayer number)' },
  snils: { ru: 'СНИЛС', en: 'SNILS (insurance number)' },
  serial: { ru: 'Серия паспорта', en: 'Passport series' },
  number: { ru: 'Номер паспорта', en: 'Passport number' },
  issueDate: { ru: 'Дата выдачи', en: 'Date of issue' },
  issueCode: { ru: 'Код подразделения', en: 'Issuing office code' },
  issuer: { ru: 'Кем выдан', en: 'Issued by' },
  birthPlace: { ru: 'Место рождения', en: 'Place of birth' },
  address: { ru: 'Адрес регистрации', en: 'Registered address' },
  phone: { ru: 'Мобильный телефон', en: 'Mobile phone' },
  email: { ru: 'Электронная почта', en: 'Email' },
  terms: { ru: 'Я принимаю условия обслуживания кошелька', en: 'I accept the wallet terms of service' },
  submit: { ru: 'Открыть кошелёк', en: 'Open wallet' },
  sms: { ru: 'Код из SMS', en: 'SMS code' },
  opening: { ru: 'Открываем кошелёк', en: 'Opening your wallet' },
  open: { ru: 'Кошелёк открыт', en: 'Your wallet is open' },
  failed: { ru: 'Кошелёк не открыт', en: 'The wallet was not opened' },
  startAgain: { ru: 'Начать заново', en: 'Start again' },
} satisfies Record<string, Both>;

/** Dates are typed in the kit's locale order, not the wire's. */
const date = (locale: Locale, day: string, month: string, year: string) =>
  locale === 'ru' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;

/** The wallet's status card, by the status it shows. */
const walletStatus = (page: Page) => page.locator('.mk-wallet-status').getAttribute('data-status');

/** Pastes the sandbox's SMS code into the OTP field, as from the SMS app: the real clipboard and Ctrl+V. */
async function pasteSandboxCode(page: Page, locale: Locale, origin: string): Promise<void> {
  const hint = page.getByTestId('sandbox-otp');
  await expect.poll(() => hint.textContent(), { timeout: 15_000 }).toMatch(/^\d{4,8}$/);
  const code = (await hint.textContent())!;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.getByLabel(label.sms[locale]).focus();
  await page.keyboard.press('Control+V');
}

/** Fills the KYC form as an applicant would, in `locale` (the sandbox's names are already there). */
async function fillKyc(page: Page, locale: Locale): Promise<void> {
  const say = (key: keyof typeof label) => label[key][locale];
  await page.getByLabel(say('birthDate')).fill(date(locale, '22', '12', '1993'));
  await page.getByLabel(say('inn')).fill('500100732259');
  await page.getByLabel(say('snils')).pressSequentially('11223344595');
  await page.getByLabel(say('serial')).fill('1233');
  await page.getByLabel(say('number')).fill('123458');
  await page.getByLabel(say('issueDate')).fill(date(locale, '24', '04', '2013'));
  await page.getByLabel(say('issueCode')).pressSequentially('404004');
  await page.getByLabel(say('issuer')).fill('Fili Davydkovo District Department of Internal Affairs');
  await page.getByLabel(say('birthPlace')).fill('Moscow');
  await page.getByRole('textbox', { name: say('address') }).fill('Moscow, Petrovka st., 2, apt. 1');
  await page.getByLabel(say('phone')).pressSequentially('9017636353');
  await page.getByLabel(say('email'), { exact: true }).fill('ivanoff@mail.ru');
  await page.getByLabel(say('terms')).check();
}

describeDemo('demo flow 1: opening a wallet in Chromium, in Russian and English', (s) => {
  for (const { locale, width } of WALKS) {
    it(`${locale} at ${width} px: KYC form, SMS code, the status turns open live, then the balance`, async () => {
      const { context, page } = await newVisitor(s, width);
      const say = (key: keyof typeof label) => label[key][locale];
      const step = (name: string) => expectNoOverflow(page, `${locale} ${width}: ${name}`);
      try {
        await page.goto(`${s.demo.url}/#/wallet`);
        await chooseLocale(page, locale);
        await openPage(page, s.demo.url, 'wallet', locale);
        await streamOpen(page);
        await expectOnlyLocale(page, locale);
        await step('KYC form');
        await expectNoAxeViolations(page);
        await screenshot(page, `1-wallet-kyc-${locale}-${width}`);

        await fillKyc(page, locale);
        await step('KYC form filled');
        await page.getByRole('button', { name: say('submit') }).click();

        // The application is in: the status card says the wallet is opening, and the SMS step is beside it.
        await page.getByRole('heading', { name: say('opening') }).waitFor({ timeout: 15_000 });
        expect(await walletStatus(page)).toBe('Processing');
        await page.getByLabel(say('sms')).waitFor();
        await expectOnlyLocale(page, locale);
        await step('SMS code');
        await screenshot(page, `1-wallet-otp-${locale}-${width}`);
        await expectNoAxeViolations(page);

        await pasteSandboxCode(page, locale, s.demo.url);
        // A complete code is verified at once; the status turns open live, with no reload.
        await expect.poll(() => page.getByLabel(say('sms')).count(), { timeout: 15_000 }).toBe(0);
        await expect.poll(() => walletStatus(page), { timeout: 20_000 }).toBe('Success');
        await page.getByRole('heading', { name: say('open') }).waitFor();
        const zero = locale === 'ru' ? /0,00\s₽/ : /₽0\.00/;
        await expect
          .poll(() => page.locator('[data-slot="amount"]').first().textContent(), { timeout: 10_000 })
          .toMatch(zero);
        await expectOnlyLocale(page, locale);
        await step('wallet open, balance');
        await screenshot(page, `1-wallet-open-${locale}-${width}`);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }
});

describeDemo('demo flow 1: a failed application is no dead end', (s) => {
  it('ru at 390 px: the bank refuses, "Start again" brings back what was typed, the corrected one opens', async () => {
    const { context, page } = await newVisitor(s, 390);
    const step = (name: string) => expectNoOverflow(page, `failed KYC: ${name}`);
    const name = (label: string) => page.getByLabel(label, { exact: true });
    try {
      await page.goto(`${s.demo.url}/#/wallet`);
      await chooseLocale(page, 'ru');
      await streamOpen(page);
      // The sandbox refuses an applicant named Unsuccessful.
      for (const field of ['Фамилия', 'Имя', 'Отчество']) await name(field).fill('Unsuccessful');
      await fillKyc(page, 'ru');
      await page.getByRole('button', { name: label.submit.ru }).click();
      await pasteSandboxCode(page, 'ru', s.demo.url);
      await page.getByRole('heading', { name: label.failed.ru }).waitFor({ timeout: 20_000 });
      expect(await walletStatus(page)).toBe('Failed');
      await expectOnlyLocale(page, 'ru');
      await step('failed');
      await screenshot(page, '1-wallet-failed-ru-390');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: label.startAgain.ru }).click();
      // The form comes back with everything typed before: only the names need correcting.
      await expect.poll(() => name('Фамилия').inputValue()).toBe('Unsuccessful');
      expect(await page.getByLabel(label.inn.ru).inputValue()).toBe('500100732259');
      expect(await page.getByLabel(label.issueDate.ru).inputValue()).toBe('24.04.2013');
      expect(await page.getByLabel(label.terms.ru).isChecked()).toBe(true);
      await step('start again');
      await name('Фамилия').fill('Success');
      await name('Имя').fill('Successful');
      await name('Отчество').fill('Successful');
      await page.getByRole('button', { name: label.submit.ru }).click();
      await pasteSandboxCode(page, 'ru', s.demo.url);
      await expect.poll(() => walletStatus(page), { timeout: 20_000 }).toBe('Success');
      await page.getByRole('heading', { name: label.open.ru }).waitFor();
      await step('reopened');
      await screenshot(page, '1-wallet-reopened-ru-390');
    } finally {
      await context.close();
    }
  });
});
