import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of TopUpForm. */
export const topUpMessages = /* @__PURE__ */ defineMessages({
  'topup.title': ['Пополнение кошелька', 'Top up the wallet'],
  'topup.description': [
    'С привязанной карты. Новую карту можно привязать здесь же.',
    'From a linked card. You can link a new card right here.',
  ],
  'topup.amount': ['Сумма, ₽', 'Amount, ₽'],
  'topup.amount.hint': ['Например, {example}', 'For example, {example}'],
  'topup.invalid.amount': ['Введите сумму больше нуля', 'Enter an amount above zero'],
  'topup.invalid.card': [
    'Выберите карту в списке или привяжите новую',
    'Choose a card below or link a new one',
  ],
  'topup.submit': ['Пополнить на {amount}', 'Top up {amount}'],
  'topup.submitPlain': ['Пополнить', 'Top up'],
  'topup.submitting': ['Отправляем…', 'Sending…'],
  'topup.processing': ['Пополнение отправлено', 'Top-up sent'],
  'topup.processing.summary': [
    '{amount} с карты {card}. Ждём ответа банка.',
    '{amount} from card {card}. Waiting for the bank.',
  ],
  'topup.success': ['Кошелёк пополнен', 'Wallet topped up'],
  'topup.success.summary': ['{amount} с карты {card}.', '{amount} from card {card}.'],
  'topup.failed': ['Пополнение не выполнено', 'The top-up failed'],
  'topup.failed.summary': ['Причина: {reason}. Деньги не списаны.', 'Reason: {reason}. No money was taken.'],
  'topup.failed.noReason': ['Деньги не списаны.', 'No money was taken.'],
  'topup.again': ['Пополнить ещё', 'Top up again'],
});
