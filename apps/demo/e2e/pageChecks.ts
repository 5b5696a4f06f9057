import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type DemoKey, demoText } from '../src/messages.js';

/** The demo's two languages. */
export type Locale = 'ru' | 'en';

/** One string in both languages, as a test names an element in either. */
export type Both = Readonly<Record<Locale, string>>;

/** The demo's own string in `locale`. */
export const demo = (locale: Locale, key: DemoKey): string => demoText(locale, key);

/** A width the page must fit at, with the locale a flow is walked in there. */
export interface Walk {
  locale: Locale;
  width: number;
}

/** The full walks: Russian on a phone, English on a desktop. */
export const WALKS: readonly Walk[] = [
  { locale: 'ru', width: 390 },
  { locale: 'en', width: 1280 },
];

/**
 * Fails when the page scrolls sideways (the document is wider than the window), naming the step and the
 * elements that stick out past the right edge, so that a failure says what to fix.
 */
export async function expectNoOverflow(page: Page, step: string): Promise<void> {
  const found = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    if (scroller.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
        const slot = el.getAttribute('data-slot');
        return `${el.tagName.toLowerCase()}${cls}${slot ? `[${slot}]` : ''} → ${Math.round(el.getBoundingClientRect().right)}`;
      });
    return { scrollWidth: scroller.scrollWidth, width, culprits };
  });
  expect(found, `horizontal overflow at "${step}"`).toBeNull();
}

/** Picks the language in the header's own control, as a visitor would. */
export async function chooseLocale(page: Page, locale: Locale): Promise<void> {
  await page.getByLabel(/^(Язык|Language)$/).selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** Opens a page of the demo by its hash and waits for its heading. */
export async function openPage(
  page: Page,
  baseUrl: string,
  name: 'wallet' | 'payouts' | 'operator' | 'events',
  locale: Locale,
): Promise<void> {
  await page.goto(`${baseUrl}/#/${name}`);
  await page.getByRole('heading', { level: 1, name: demo(locale, `title.${name}`) }).waitFor();
}

/** The kit's and the demo's key headings: a page in one locale must show none of the other's. */
const KEY_HEADINGS: readonly Both[] = [
  { ru: 'Открытие кошелька', en: 'Open a wallet' },
  { ru: 'Подтверждение телефона', en: 'Confirm your phone' },
  { ru: 'Кошелёк', en: 'Wallet' },
  { ru: 'Баланс кошелька', en: 'Wallet balance' },
  { ru: 'Пополнение кошелька', en: 'Top up the wallet' },
  { ru: 'Вывод денег', en: 'Withdraw money' },
  { ru: 'Привязанные карты', en: 'Linked cards' },
  { ru: 'История операций', en: 'Wallet activity' },
  ...(['wallet', 'payouts', 'operator', 'events'] as const).flatMap((p) => [
    { ru: demoText('ru', `title.${p}`), en: demoText('en', `title.${p}`) },
    { ru: demoText('ru', `page.${p}`), en: demoText('en', `page.${p}`) },
  ]),
  { ru: demoText('ru', 'events.log'), en: demoText('en', 'events.log') },
  { ru: demoText('ru', 'operator.only'), en: demoText('en', 'operator.only') },
];

/**
 * The page is in `locale` and only in it: `<html lang>`, the h1, and no heading, label, legend, button, table
 * header or navigation link in the other language — neither one of the key headings nor, by its alphabet, any
 * other chrome (Russian text has Cyrillic, English has none). Data that is not the interface's (bank names from
 * the SBP directory, the card numbers, sub-merchant labels the operator typed, JSON in the event log) is left
 * out by where it sits.
 */
export async function expectOnlyLocale(page: Page, locale: Locale): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  const texts = await page.evaluate(() => {
    const data =
      '[data-slot="bank-list"], [data-slot="bank-name"], [data-slot="card-label"], [data-slot="account"], .demo-log, option';
    return [
      ...document.querySelectorAll(
        'h1, h2, h3, h4, legend, label, button, th, nav a, [data-slot="title"], [data-slot="description"]',
      ),
    ]
      .filter((el) => el.closest(data) === null && (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        // The element's own words: a label's nested control (a select's options) is data, not its name.
        const clone = el.cloneNode(true) as HTMLElement;
        for (const inner of clone.querySelectorAll('select, input, textarea, [data-slot="card-label"]'))
          inner.remove();
        return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
      })
      .filter((text) => text !== '');
  });
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const foreign = new Set(KEY_HEADINGS.map((h) => h[other]));
  expect(
    texts.filter((t) => foreign.has(t)),
    `${other} headings on a ${locale} page`,
  ).toEqual([]);
  // Brand names, codes and numbers read the same in both languages.
  const neutral = /^(Mandarin Kit\b.*|[\d\s.,:+()\-–—•*/₽#]+|SBP|СБП|CSV)$/;
  const wrongScript =
    locale === 'ru'
      ? (t: string) => !/[А-Яа-яЁё]/.test(t) && /[A-Za-z]{2}/.test(t) && !neutral.test(t)
      : (t: string) => /[А-Яа-яЁё]/.test(t) && !neutral.test(t);
  expect(texts.filter(wrongScript), `interface text in the wrong language on a ${locale} page`).toEqual([]);
}
