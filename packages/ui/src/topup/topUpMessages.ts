import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of TopUpForm. */
export const topUpMessages = /* @__PURE__ */ defineMessages({
  'topup.title': ['Пополнение кошелька', 'Top up the wallet'],
  'topup.amount': ['Сумма, ₽', 'Amount, ₽'],
  'topup.amount.hint': ['Например, {example}', 'For example, {example}'],
  'topup.card': ['С карты', 'From card'],
  'topup.cardsLoading': ['Загружаем карты…', 'Loading cards…'],
  'topup.noCards': ['Привязанных карт нет: привяжите карту.', 'No linked cards: link one.'],
  'topup.link': ['Привязать новую карту', 'Link a new card'],
  'topup.linkSubmit': ['Привязать карту', 'Link the card'],
  'topup.payUrl': ['Или на защищённой странице Mandarin', 'Or on Mandarin’s secure page'],
  'topup.cancel': ['Отмена', 'Cancel'],
  'topup.bound': ['Карта {card} привязана и выбрана.', 'Card {card} is linked and chosen.'],
  'topup.bindingFailed': ['Карту не удалось привязать.', 'The card could not be linked.'],
  'topup.invalid.amount': ['Введите сумму больше нуля', 'Enter an amount above zero'],
  'topup.invalid.card': ['Выберите или привяжите карту', 'Choose or link a card'],
  'topup.submit': ['Пополнить на {amount}', 'Top up {amount}'],
  'topup.submitPlain': ['Пополнить', 'Top up'],
  'topup.processing': ['Пополнение отправлено', 'Top-up sent'],
  'topup.processing.summary': [
    '{amount} с карты {card}. Ждём ответа банка.',
    '{amount} from {card}. Waiting for the bank.',
  ],
  'topup.success': ['Кошелёк пополнен', 'Wallet topped up'],
  'topup.success.summary': ['{amount} с карты {card}.', '{amount} from {card}.'],
  'topup.failed': ['Пополнение не выполнено', 'The top-up failed'],
  'topup.failed.summary': ['Причина: {reason}. Деньги не списаны.', 'Reason: {reason}. No money was taken.'],
  'topup.failed.noReason': ['Деньги не списаны.', 'No money was taken.'],
  'topup.again': ['Пополнить ещё', 'Top up again'],
});
