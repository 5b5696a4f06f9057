import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of RoutingSplitEditor. */
export const routingMessages = /* @__PURE__ */ defineMessages({
  'routing.legend.destination': [
    'Распределение платежа между получателями',
    'Split of the payment between recipients',
  ],
  'routing.legend.source': ['Возврат: с каких счетов', 'Refund: from which accounts'],
  'routing.account': ['Счёт получателя', 'Recipient account'],
  'routing.amount': ['Сумма, ₽', 'Amount, ₽'],
  'routing.fee': ['Комиссия платформы, ₽', 'Platform fee, ₽'],
  'routing.description': ['Описание', 'Description'],
  'routing.percent': ['Доля, %', 'Share, %'],
  'routing.cell': ['{column}, строка {row}', '{column}, row {row}'],
  'routing.chooseAccount': ['Выберите счёт', 'Choose an account'],
  'routing.addRow': ['Добавить строку', 'Add row'],
  'routing.removeRow': ['Удалить строку {row}', 'Remove row {row}'],
  'routing.rowAdded': ['Добавлена строка {row}.', 'Row {row} added.'],
  'routing.rowRemoved': ['Строка {row} удалена.', 'Row {row} removed.'],
  'routing.shortcut': [
    'Ctrl+Enter в строке добавляет строку под ней.',
    'Ctrl+Enter in a row adds a row below it.',
  ],
  'routing.splitEvenly': ['Разделить поровну', 'Split evenly'],
  'routing.splitByPercent': ['Разделить по долям', 'Split by shares'],
  'routing.showPercent': ['Указать доли в процентах', 'Enter shares in percent'],
  'routing.splitRefund': ['Вернуть пропорционально остатку', 'Refund in proportion to what remains'],
  'routing.total': ['Сумма платежа', 'Payment total'],
  'routing.totalRefund': ['Сумма возврата', 'Refund total'],
  'routing.allocated': ['Распределено', 'Allocated'],
  'routing.remaining': ['Осталось распределить', 'Left to allocate'],
  'routing.fees': ['Комиссия платформы', 'Platform fee'],
  'routing.balanced': ['Сумма строк совпадает с итогом.', 'The rows add up to the total.'],
  'routing.issue.EMPTY': ['Добавьте хотя бы одного получателя.', 'Add at least one recipient.'],
  'routing.issue.SUM_OVER': ['Строки больше итога на {amount}.', 'The rows exceed the total by {amount}.'],
  'routing.issue.SUM_SHORT': ['До итога не хватает {amount}.', 'The rows are {amount} short of the total.'],
  'routing.issue.FEE_EXCEEDS_AMOUNT': [
    'Комиссия больше суммы строки.',
    'The fee is larger than the row’s amount.',
  ],
  'routing.issue.DUPLICATE_ACCOUNT': [
    'Этот счёт уже есть в другой строке.',
    'This account is already in another row.',
  ],
  'routing.issue.NON_POSITIVE_AMOUNT': ['Сумма должна быть больше нуля.', 'The amount must be above zero.'],
  'routing.issue.NEGATIVE_FEE': ['Комиссия не может быть отрицательной.', 'The fee cannot be negative.'],
  'routing.issue.INVALID_ACCOUNT_ID': [
    'Укажите счёт получателя (UUID).',
    'Enter the recipient account (a UUID).',
  ],
  'routing.issue.AMOUNT_FORMAT': ['Введите сумму, например 1500,50.', 'Enter an amount such as 1500.50.'],
  'routing.issue.FEE_FORMAT': ['Введите комиссию, например 15,00.', 'Enter a fee such as 15.00.'],
  'routing.issue.PERCENT_FORMAT': ['Введите долю, например 33,5.', 'Enter a share such as 33.5.'],
  'routing.issue.NO_WEIGHTS': [
    'Укажите доли хотя бы для одной строки.',
    'Enter a share for at least one row.',
  ],
  'routing.issue.REFUND_TOO_LARGE': [
    'Возврат больше, чем осталось от платежа.',
    'The refund is larger than what remains of the payment.',
  ],
});
