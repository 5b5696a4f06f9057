import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of SbpRecipientConfirmation. */
export const sbpMessages = /* @__PURE__ */ defineMessages({
  'sbp.title': ['Проверьте получателя перевода', 'Check who receives the transfer'],
  'sbp.titleSent': ['Перевод по СБП', 'SBP transfer'],
  'sbp.loading': ['Запрашиваем данные получателя в банке…', 'Asking the bank for the recipient’s details…'],
  'sbp.amount': ['Сумма', 'Amount'],
  'sbp.bank': ['Банк получателя', 'Recipient’s bank'],
  'sbp.phone': ['Телефон', 'Phone'],
  'sbp.recipient': ['Получатель', 'Recipient'],
  'sbp.unknownBank': ['Банк с идентификатором {bankId}', 'Bank with id {bankId}'],
  'sbp.question': ['Это тот, кому вы хотите перевести деньги?', 'Is this who you want to send the money to?'],
  'sbp.confirm': ['Подтвердить перевод', 'Confirm transfer'],
  'sbp.reject': ['Отменить перевод', 'Cancel transfer'],
  'sbp.confirming': ['Подтверждаем перевод…', 'Confirming the transfer…'],
  'sbp.rejecting': ['Отменяем перевод…', 'Cancelling the transfer…'],
  'sbp.processing': ['Перевод отправлен', 'Transfer sent'],
  'sbp.processing.summary': [
    'Ждём ответа банка. Обычно это несколько секунд.',
    'Waiting for the bank. This usually takes a few seconds.',
  ],
  'sbp.success': ['Перевод выполнен', 'Transfer complete'],
  'sbp.success.summary': ['{amount} отправлено получателю: {name}.', '{amount} was sent to {name}.'],
  'sbp.failed': ['Перевод не выполнен', 'The transfer failed'],
  'sbp.failed.summary': ['Деньги остались в кошельке.', 'The money stays in your wallet.'],
  'sbp.rejected': ['Перевод отменён', 'Transfer cancelled'],
  'sbp.rejected.summary': ['Деньги остались в кошельке.', 'The money stays in your wallet.'],
});
