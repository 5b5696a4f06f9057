import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of BalanceWidget. */
export const balanceMessages = defineMessages({
  ru: {
    'balance.title': 'Баланс кошелька',
    'balance.loading': 'Загружаем баланс…',
    'balance.error': 'Не удалось загрузить баланс.',
    'balance.walletStatus': 'Статус кошелька',
    'balance.status.Processing': 'Открывается',
    'balance.status.Success': 'Активен',
    'balance.status.Failed': 'Не открыт',
    'balance.status.Blocked': 'Заблокирован',
    'balance.status.Suspended': 'Приостановлен',
  },
  en: {
    'balance.title': 'Wallet balance',
    'balance.loading': 'Loading the balance…',
    'balance.error': 'Could not load the balance.',
    'balance.walletStatus': 'Wallet status',
    'balance.status.Processing': 'Opening',
    'balance.status.Success': 'Active',
    'balance.status.Failed': 'Not opened',
    'balance.status.Blocked': 'Blocked',
    'balance.status.Suspended': 'Suspended',
  },
});
