import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { walletViaApi } from './apiSetup.js';
import {
  describeDemo,
  expectNoAxeViolations,
  newVisitor,
  screenshot,
  signInAsOperator,
  streamOpen,
} from './demoFixture.js';
import {
  chooseLocale,
  demo,
  expectNoOverflow,
  expectOnlyLocale,
  type Locale,
  openPage,
} from './pageChecks.js';

type PageName = 'wallet' | 'payouts' | 'operator' | 'events';
const LOCALES: readonly Locale[] = ['ru', 'en'];

/**
 * Every page in every state a visitor meets, in both languages, at the narrowest widths and on a desktop:
 * none may scroll sideways or show the other language. The screenshots are the ones reviewed by eye.
 */
describeDemo('demo pages: every page in ru and en fits 320, 390 and 1280 px, light and dark', (s) => {
  const sweep = async (page: Page, state: string, pages: readonly PageName[], widths: readonly number[]) => {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const locale of LOCALES) {
        await chooseLocale(page, locale);
        for (const name of pages) {
          await openPage(page, s.demo.url, name, locale);
          // The page has settled when the kit's cards have left their loading state.
          await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
          await expectNoOverflow(page, `${name} (${state}) ${locale} ${width}`);
          await expectOnlyLocale(page, locale);
          if (width !== 320) await screenshot(page, `sweep-${name}-${state}-${locale}-${width}`);
        }
      }
    }
  };

  it('a new customer: the KYC form, no wallet yet, operators only, events', async () => {
    const { context, page } = await newVisitor(s, 390);
    try {
      await page.goto(`${s.demo.url}/#/wallet`);
      await streamOpen(page);
      await sweep(page, 'new', ['wallet', 'payouts', 'operator', 'events'], [320, 390, 1280]);
    } finally {
      await context.close();
    }
  });

  it('a customer with an open wallet, then the operator, in light and dark', async () => {
    const { context, page } = await newVisitor(s, 390);
    try {
      await page.goto(`${s.demo.url}/#/payouts`);
      await walletViaApi(page, s.demo.url);
      await sweep(page, 'open', ['wallet', 'payouts'], [320, 390, 1280]);

      // Dark: every page again at 390, with axe (colour contrast included) in each language.
      await page.setViewportSize({ width: 390, height: 900 });
      const dark = page.getByRole('button', { name: /^(Тёмная тема|Dark theme)$/ });
      await dark.click();
      await expect.poll(() => dark.getAttribute('aria-pressed')).toBe('true');
      for (const locale of LOCALES) {
        await chooseLocale(page, locale);
        for (const name of ['wallet', 'payouts', 'events'] as const) {
          await openPage(page, s.demo.url, name, locale);
          await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
          expect(await page.evaluate(() => document.documentElement.getAttribute('data-mk-theme'))).toBe(
            'dark',
          );
          await expectNoOverflow(page, `${name} dark ${locale} 390`);
          await expectNoAxeViolations(page);
          await screenshot(page, `sweep-${name}-dark-${locale}-390`);
        }
      }
      await dark.click();

      await signInAsOperator(page, s.demo.url, 'en');
      // Two sellers, named by the operator (data, not the interface: the same names in either language).
      const tokens = await page.getByTestId('sandbox-token').allTextContents();
      for (const [i, token] of tokens.entries()) {
        await page.getByLabel('Sub-merchant token').fill(token);
        await page.getByLabel('Name (optional)').fill(['Ромашка', 'Лютик'][i]!);
        await page.getByRole('button', { name: 'Link', exact: true }).click();
        await page
          .getByText(`Linked: ${['Ромашка', 'Лютик'][i]}`, { exact: false })
          .waitFor({ timeout: 10_000 });
      }
      await page.getByRole('button', { name: 'Create payment' }).click();
      await page.getByTestId('created-payment').waitFor({ timeout: 10_000 });
      await sweep(page, 'operator', ['operator', 'events'], [320, 390, 1280]);

      // The operator's page in dark too, with its payment's details open.
      await page.setViewportSize({ width: 390, height: 900 });
      await dark.click();
      for (const locale of LOCALES) {
        await chooseLocale(page, locale);
        await openPage(page, s.demo.url, 'operator', locale);
        const details = page.getByRole('button', { name: /^(Подробнее|Details), / });
        if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
        // Amounts typed in one language are not left in the new one's form, refused.
        const newPayment = page.getByTestId('new-payment');
        expect(await newPayment.locator('[aria-invalid="true"]').count()).toBe(0);
        expect(
          await newPayment
            .getByRole('button', { name: demo(locale, 'operator.create') })
            .getAttribute('aria-disabled'),
        ).toBe('false');
        await expectNoOverflow(page, `operator dark ${locale} 390`);
        await expectOnlyLocale(page, locale);
        await expectNoAxeViolations(page);
        await screenshot(page, `sweep-operator-dark-${locale}-390`);
      }
    } finally {
      await context.close();
    }
  });

  it('says so, with a retry, when the wallets cannot be read, instead of offering a new wallet', async () => {
    const { context, page } = await newVisitor(s, 390);
    try {
      await context.route('**/api/wallets', (route) =>
        route.request().method() === 'GET' ? route.abort('connectionreset') : route.continue(),
      );
      for (const name of ['wallet', 'payouts', 'wallet'] as const) {
        await page.goto(`${s.demo.url}/#/${name}`);
        await page.getByRole('button', { name: 'Повторить' }).waitFor({ timeout: 15_000 });
        expect(await page.getByRole('button', { name: 'Открыть кошелёк' }).count()).toBe(0);
        await expectNoOverflow(page, `${name}: wallets unreadable`);
      }
      await context.unroute('**/api/wallets');
      await page.getByRole('button', { name: 'Повторить' }).click();
      await page.getByRole('button', { name: 'Открыть кошелёк' }).waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });

  it('keeps the chosen language and theme after "New customer" and a reload', async () => {
    const { context, page } = await newVisitor(s, 390);
    try {
      await page.goto(`${s.demo.url}/#/wallet`);
      await streamOpen(page);
      // Russian first, as the kit.
      await openPage(page, s.demo.url, 'wallet', 'ru');
      await chooseLocale(page, 'en');
      await page.getByRole('button', { name: 'Dark theme' }).click();
      const me = async () =>
        ((await (await page.request.get(`${s.demo.url}/api/me`)).json()) as { id: string }).id;
      const before = await me();

      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: demo('en', 'session.new') }).click(),
      ]);
      await openPage(page, s.demo.url, 'wallet', 'en');
      await streamOpen(page);
      expect(await me()).not.toBe(before);
      await expectOnlyLocale(page, 'en');
      expect(await page.title()).toBe(demo('en', 'brand'));
      expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe(
        'true',
      );

      await page.reload();
      await openPage(page, s.demo.url, 'wallet', 'en');
      await expectOnlyLocale(page, 'en');
      await chooseLocale(page, 'ru');
      await page.reload();
      await openPage(page, s.demo.url, 'wallet', 'ru');
      await expectOnlyLocale(page, 'ru');
      expect(await page.getByRole('button', { name: 'Тёмная тема' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
    } finally {
      await context.close();
    }
  });
});
