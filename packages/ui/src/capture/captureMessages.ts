import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of CapturePayment. */
export const captureMessages = /* @__PURE__ */ defineMessages({
  'capture.title': ['Списание по заказу {order}', 'Capture of order {order}'],
  'capture.description': ['Удержано {held}', 'Held {held}'],
  'capture.close': ['Закрыть', 'Close'],
  'capture.cancel': ['Отмена', 'Cancel'],
  'capture.hint': [
    'Распределите удержанную сумму между получателями: списывается ровно она.',
    'Split the held amount between the recipients: exactly that is captured.',
  ],
  'capture.tooMuch': [
    'Списать можно не больше удержанного: {held}',
    'At most the held {held} can be captured',
  ],
  'capture.incomplete': ['Распределите всю удержанную сумму', 'Split the whole held amount'],
  'capture.submit': ['Списать {amount}', 'Capture {amount}'],
  'capture.pending': ['Списание отправлено', 'Capture sent'],
  'capture.pending.summary': [
    '{amount} по заказу {order}: ждём ответа банка.',
    '{amount} for order {order}: waiting for the bank.',
  ],
  'capture.success': ['Деньги списаны', 'Money captured'],
  'capture.success.summary': [
    '{amount} по заказу {order} списаны и распределены между получателями.',
    '{amount} for order {order} was captured and split between the recipients.',
  ],
  'capture.failed': ['Списание не прошло', 'Capture failed'],
  'capture.failed.summary': ['Причина: {reason}', 'Reason: {reason}'],
  'capture.failed.noReason': ['Банк не назвал причину.', 'The bank gave no reason.'],
  'capture.unavailable': ['Этот платёж нельзя списать', 'This payment cannot be captured'],
  'capture.unavailable.summary': [
    'Списать можно только удержанные средства двухстадийного платежа.',
    'Only the held money of a two-step payment can be captured.',
  ],
});
