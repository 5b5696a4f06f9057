import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of BalanceWidget. */
export const balanceMessages = /* @__PURE__ */ defineMessages({
  'balance.title': ['Баланс кошелька', 'Wallet balance'],
  'balance.loading': ['Загружаем баланс…', 'Loading the balance…'],
  'balance.error': ['Не удалось загрузить баланс.', 'Could not load the balance.'],
  'balance.walletStatus': ['Статус кошелька', 'Wallet status'],
  'balance.status.Processing': ['Открывается', 'Opening'],
  'balance.status.Success': ['Активен', 'Active'],
  'balance.status.Failed': ['Не открыт', 'Not opened'],
  'balance.status.Blocked': ['Заблокирован', 'Blocked'],
  'balance.status.Suspended': ['Приостановлен', 'Suspended'],
});
