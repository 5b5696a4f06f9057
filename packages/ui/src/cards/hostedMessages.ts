import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of HostedCardForm. */
export const hostedMessages = /* @__PURE__ */ defineMessages({
  'hosted.title': ['Данные карты', 'Card details'],
  'hosted.secure': [
    'Данные карты вводятся в защищённых полях Mandarin и не попадают на этот сайт.',
    "Card details are typed into Mandarin's secure fields and never reach this site.",
  ],
  'hosted.field.card-number': ['Номер карты', 'Card number'],
  'hosted.field.card-holder': ['Имя владельца', 'Cardholder name'],
  'hosted.field.card-expiration': ['Срок действия', 'Expiry date'],
  'hosted.field.card-cvv': ['Код CVC/CVV', 'Security code (CVC/CVV)'],
  'hosted.invalid.card-number': ['Проверьте номер карты.', 'Check the card number.'],
  'hosted.invalid.card-holder': [
    'Укажите имя латиницей, как на карте.',
    'Enter the name as it appears on the card.',
  ],
  'hosted.invalid.card-expiration': ['Проверьте срок действия (ММ/ГГ).', 'Check the expiry date (MM/YY).'],
  'hosted.invalid.card-cvv': ['Проверьте код на обороте карты.', 'Check the code on the back of the card.'],
  'hosted.loading': ['Загружаем защищённую форму карты…', 'Loading the secure card form…'],
  'hosted.loadError.heading': ['Форма карты не загрузилась', 'The card form did not load'],
  'hosted.loadError': [
    'Не удалось загрузить защищённую форму карты. Проверьте подключение и повторите.',
    'Could not load the secure card form. Check your connection and try again.',
  ],
  'hosted.submit': ['Продолжить', 'Continue'],
  'hosted.processing': ['Отправляем…', 'Sending…'],
  'hosted.success': ['Данные карты приняты', 'Card details accepted'],
  'hosted.success.summary': [
    'Банк проверяет карту. Это займёт несколько секунд.',
    'The bank is checking the card. This takes a few seconds.',
  ],
  'hosted.error.heading': ['Карта не принята', 'The card was not accepted'],
  'hosted.error': [
    'Проверьте данные карты и отправьте их ещё раз.',
    'Check the card details and send them again.',
  ],
});
