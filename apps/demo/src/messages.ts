import type { Locale } from '@mandarin-kit/ui';

/**
 * The demo's own strings (its chrome, headings, sandbox notes), Russian and English side by side; the kit's
 * components bring their own. Both follow the provider's locale (`useDemoText`). Plain data: the end-to-end
 * tests read it too.
 */
const strings = {
  brand: ['Mandarin Kit · демо-маркетплейс', 'Mandarin Kit · demo marketplace'],
  'nav.label': ['Разделы демо', 'Demo sections'],
  'page.wallet': ['Кошелёк', 'Wallet'],
  'page.payouts': ['Деньги', 'Money'],
  'page.operator': ['Оператор', 'Operator'],
  'page.events': ['События', 'Events'],
  'title.wallet': ['Кошелёк покупателя', 'The customer’s wallet'],
  'title.payouts': ['Пополнение, выплаты и история', 'Top-ups, payouts and history'],
  'title.operator': ['Оператор: платежи и возвраты', 'Operator: payments and refunds'],
  'title.events': ['События и колбэки провайдеров', 'Live events and provider callbacks'],
  'session.label': ['Сессия', 'Session'],
  'session.operator': ['Оператор', 'Operator'],
  'session.customer': ['Покупатель', 'Customer'],
  'session.new': ['Новый покупатель', 'New customer'],
  'stream.connecting': ['События: подключаемся', 'Live events: connecting'],
  'stream.open': ['События: на связи', 'Live events: on'],
  'stream.reconnecting': ['События: переподключаемся', 'Live events: reconnecting'],
  'stream.closed': ['События: нет связи', 'Live events: off'],
  'settings.label': ['Настройки', 'Settings'],
  'settings.language': ['Язык', 'Language'],
  'settings.dark': ['Тёмная тема', 'Dark theme'],
  loading: ['Загружаем…', 'Loading…'],
  sandbox: ['Песочница', 'Sandbox'],

  'wallet.intro': [
    'Покупатель открывает кошелёк: анкета, код из SMS, и статус обновляется сам, без перезагрузки.',
    'A customer opens a wallet: the application, an SMS code, and the status updates by itself, no reload.',
  ],
  'wallet.sandboxNames': [
    'Имена Successful / Success / Successful открывают кошелёк, Unsuccessful во всех трёх полях — нет.',
    'The names Successful / Success / Successful open the wallet; Unsuccessful in all three make it fail.',
  ],
  'wallet.sandboxSms': ['SMS из песочницы: ваш код', 'Sandbox SMS: your code is'],
  'wallet.toMoney': ['Пополнить и вывести', 'Top up and pay out'],

  'money.noWallet': [
    'Сначала откройте кошелёк: пополнение и выплаты доступны на открытом кошельке.',
    'Open a wallet first: top-ups and payouts need an open wallet.',
  ],
  'money.toWallet': ['Открыть кошелёк', 'Open a wallet'],
  'money.opening': [
    'Кошелёк ещё открывается: пополнение и выплаты станут доступны, как только банк его откроет.',
    'The wallet is still opening: top-ups and payouts become available once the bank opens it.',
  ],
  'money.toOpening': ['Как идёт открытие', 'See how it is going'],
  'money.sandboxCards': [
    'Тестовые карты: 4111 1111 1111 1111 привязывается, 4000 0000 0000 0002 отклоняется. Карту вводят в поля Mandarin (фреймы с его домена): ни эта страница, ни BFF её не видят.',
    'Test cards: 4111 1111 1111 1111 links, 4000 0000 0000 0002 is declined. The card is typed into Mandarin’s fields (frames from its origin): neither this page nor the BFF ever sees it.',
  ],
  'money.sandboxSbp': [
    'СБП: по номеру +7 900 765-43-21 банк возвращает получателя «Ivan Ivanovich Ivanov».',
    'SBP: for +7 900 765-43-21 the bank returns the recipient “Ivan Ivanovich Ivanov”.',
  ],

  'operator.only': ['Только для оператора', 'Operators only'],
  'operator.onlyText': [
    'В демо войти оператором маркетплейса может любой (в настоящем BFF это выключено).',
    'In the demo anyone may sign in as the marketplace operator (off by default in a real BFF).',
  ],
  'operator.signIn': ['Войти оператором', 'Sign in as operator'],
  'operator.intro': [
    'Оператор маркетплейса принимает оплату заказа, разделённую между продавцами, и делает возвраты.',
    'The marketplace operator takes an order’s payment split between sellers, and refunds it.',
  ],
  'operator.sandboxTokens': [
    'Токены тестовых продавцов (в жизни — из их личного кабинета Mandarin):',
    'Sandbox sellers’ tokens (in real life, from their Mandarin account):',
  ],
  'operator.checkout': ['Новый платёж', 'New payment'],
  'operator.needSellers': [
    'Сначала привяжите продавцов: платёж делится между ними.',
    'Link sellers first: a payment is split between them.',
  ],
  'operator.total': ['Сумма заказа, ₽', 'Order total, ₽'],
  'operator.twoStep': [
    'Двухстадийный: удержать сейчас, списать и разделить позже',
    'Two-step: hold the money now, capture and split it later',
  ],
  'operator.create': ['Создать платёж', 'Create payment'],
  'operator.created': ['Платёж по заказу {order} создан.', 'Payment for order {order} created.'],
  'operator.pay': ['Оплатить как покупатель на странице Mandarin', 'Pay as the customer on Mandarin’s page'],

  'events.fire': ['Колбэк провайдера', 'Fire a provider callback'],
  'events.fireHint': [
    'События оператора (эти колбэки) появляются в журнале, когда вы вошли оператором.',
    'Operator events (these callbacks) appear in the log when you are signed in as operator.',
  ],
  'events.provider.transfers': [
    'Статус перевода (форма, токен в пути)',
    'Transfer status (form, path token)',
  ],
  'events.provider.gateway': ['Банковский шлюз (checksum)', 'Bank gateway (checksum)'],
  'events.provider.widgetCheck': ['Виджет: проверка (Content-HMAC)', 'Widget check (Content-HMAC)'],
  'events.provider.widgetPay': ['Виджет: оплата (Content-HMAC)', 'Widget pay (Content-HMAC)'],
  'events.provider.processing': [
    'Подписанный JSON процессинга (HMAC-SHA512)',
    'Signed JSON processing (HMAC-SHA512)',
  ],
  'events.replies': ['Ответы релея', 'Relay replies'],
  'events.noReplies': ['Колбэков ещё не было.', 'No callbacks fired yet.'],
  'events.log': ['Журнал событий', 'Event log'],
  'events.empty': [
    'Событий пока нет: они появятся здесь, как только что-то произойдёт.',
    'No events yet: they appear here as soon as something happens.',
  ],
} as const satisfies Record<string, readonly [ru: string, en: string]>;

/** A key of the demo's strings. */
export type DemoKey = keyof typeof strings;

/** The demo's strings in a locale (tests read them to find the page's elements in either language). */
export function demoText(locale: Locale, key: DemoKey, params?: Record<string, string>): string {
  const text: string = strings[key][locale === 'en' ? 1 : 0];
  return params === undefined
    ? text
    : text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
