import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of RefundDialog. */
export const refundMessages = /* @__PURE__ */ defineMessages({
  'refund.title': ['Возврат по заказу {order}', 'Refund of order {order}'],
  'refund.description': [
    'Оплачено {paid}, можно вернуть {refundable}',
    'Paid {paid}, refundable {refundable}',
  ],
  'refund.close': ['Закрыть', 'Close'],
  'refund.cancel': ['Отмена', 'Cancel'],
  'refund.amount': ['Сумма возврата', 'Amount to refund'],
  'refund.amount.hint': ['Не больше {amount}', 'At most {amount}'],
  'refund.full': ['Вся сумма', 'Full amount'],
  'refund.invalid.amount': ['Введите сумму больше нуля', 'Enter an amount above zero'],
  'refund.invalid.tooMuch': ['Можно вернуть не больше {amount}', 'At most {amount} can be refunded'],
  'refund.invalid.split': ['Распределите всю сумму возврата', 'Split the whole refund'],
  'refund.split.auto': [
    'Возврат распределён между получателями пропорционально остатку; его можно изменить.',
    'The refund is split between the recipients in proportion to what each still holds; you can change it.',
  ],
  'refund.issue.notRecipient': [
    '{account}: этот счёт не получал денег по платежу',
    '{account}: this account received none of the payment',
  ],
  'refund.issue.tooMuch': [
    'Со счёта {account} можно вернуть не больше {amount}',
    'At most {amount} can be taken back from {account}',
  ],
  'refund.submit': ['Вернуть {amount}', 'Refund {amount}'],
  'refund.submitPlain': ['Вернуть', 'Refund'],
  'refund.pending': ['Возврат отправлен', 'Refund sent'],
  'refund.pending.summary': [
    '{amount} по заказу {order}: ждём ответа банка.',
    '{amount} for order {order}: waiting for the bank.',
  ],
  'refund.success': ['Деньги возвращены', 'Money refunded'],
  'refund.success.summary': [
    '{amount} по заказу {order} вернулись покупателю.',
    '{amount} for order {order} went back to the customer.',
  ],
  'refund.failed': ['Возврат не прошёл', 'Refund failed'],
  'refund.failed.summary': [
    '{amount} не вернулись. Причина: {reason}',
    '{amount} was not refunded. Reason: {reason}',
  ],
  'refund.failed.noReason': [
    '{amount} не вернулись; банк не назвал причину.',
    '{amount} was not refunded; the bank gave no reason.',
  ],
  'refund.left': ['Можно вернуть ещё: {amount}', 'Still refundable: {amount}'],
  'refund.nothingLeft': ['Платёж возвращён полностью.', 'The payment is fully refunded.'],
  'refund.again': ['Вернуть ещё', 'Refund more'],
  'refund.fullyRefunded': ['Платёж возвращён полностью', 'Fully refunded'],
  'refund.fullyRefunded.summary': [
    'По заказу {order} вернули {amount}: возвращать больше нечего.',
    '{amount} of order {order} has been refunded: nothing is left to refund.',
  ],
  'refund.unavailable': ['Этот платёж нельзя вернуть', 'This payment cannot be refunded'],
  'refund.unavailable.summary': [
    'Вернуть можно только оплаченный платёж.',
    'Only a paid payment can be refunded.',
  ],
});
