import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of BoundCards. */
export const cardsMessages = /* @__PURE__ */ defineMessages({
  'cards.title': ['Привязанные карты', 'Linked cards'],
  'cards.loading': ['Загружаем карты…', 'Loading your cards…'],
  'cards.empty': [
    'Карт пока нет. Привяжите карту, чтобы пополнять с неё кошелёк и получать на неё выплаты.',
    'No cards yet. Link a card to top up your wallet from it and receive payouts to it.',
  ],
  'cards.choose': ['Карта для операции', 'Card to use'],
  'cards.newCard': ['Новая карта', 'New card'],
  'cards.expiry': ['до {date}', 'expires {date}'],
  'cards.status.active': ['Привязана', 'Linked'],
  'cards.status.pending': ['Привязываем…', 'Binding…'],
  'cards.status.failed': ['Не привязана', 'Not linked'],
  'cards.link': ['Привязать карту', 'Link a card'],
  'cards.starting': ['Готовим форму…', 'Preparing the form…'],
  'cards.submit': ['Привязать', 'Link card'],
  'cards.payUrl': [
    'Или введите карту на защищённой странице Mandarin',
    "Or enter the card on Mandarin's secure page",
  ],
  'cards.cancel': ['Отмена', 'Cancel'],
  'cards.bound': ['Карта {card} привязана.', 'Card {card} is linked.'],
  'cards.failed': [
    'Карту не удалось привязать. Попробуйте ещё раз или другую карту.',
    'The card could not be linked. Try again or use another card.',
  ],
  'cards.remove': ['Удалить', 'Remove'],
  'cards.removeCard': ['Удалить карту {card}', 'Remove card {card}'],
  'cards.confirmRemove': ['Удалить карту {card} из списка?', 'Remove card {card} from your list?'],
  'cards.confirmYes': ['Да, удалить', 'Yes, remove'],
  'cards.removing': ['Удаляем…', 'Removing…'],
  'cards.removed': ['Карта {card} удалена.', 'Card {card} removed.'],
});
