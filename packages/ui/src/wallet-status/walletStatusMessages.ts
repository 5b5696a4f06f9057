import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of WalletStatus. */
export const walletStatusMessages = /* @__PURE__ */ defineMessages({
  'walletStatus.title': ['Кошелёк', 'Wallet'],
  'walletStatus.loading': ['Загружаем состояние кошелька…', 'Loading the wallet…'],
  'walletStatus.Processing': ['Открываем кошелёк', 'Opening your wallet'],
  'walletStatus.Processing.text': [
    'Банк проверяет данные. Обычно это несколько минут; здесь всё обновится само.',
    'The bank is checking your details. It usually takes a few minutes; this updates by itself.',
  ],
  'walletStatus.step.sent': ['Заявка отправлена', 'Application sent'],
  'walletStatus.step.check': ['Банк проверяет данные', 'The bank checks your details'],
  'walletStatus.step.open': ['Кошелёк открыт', 'Wallet open'],
  'walletStatus.progress': ['Ход открытия', 'Progress'],
  'walletStatus.done': ['выполнено', 'done'],
  'walletStatus.Success': ['Кошелёк открыт', 'Your wallet is open'],
  'walletStatus.Success.text': [
    'Можно пополнять кошелёк и выводить деньги.',
    'You can top up the wallet and pay out from it.',
  ],
  'walletStatus.Blocked': ['Кошелёк заблокирован', 'Your wallet is blocked'],
  'walletStatus.Blocked.text': [
    'Операции по кошельку недоступны, деньги на нём сохранены. Чтобы узнать причину и снять блокировку, обратитесь в поддержку магазина.',
    'No operations are possible; the money in it is kept. To learn why and lift the block, contact the shop’s support.',
  ],
  'walletStatus.Suspended': ['Кошелёк приостановлен', 'Your wallet is suspended'],
  'walletStatus.Suspended.text': [
    'Банк временно остановил операции, деньги на кошельке сохранены. Обратитесь в поддержку магазина, чтобы узнать, что нужно для возобновления.',
    'The bank has paused operations for now; the money in it is kept. Contact the shop’s support to learn what is needed to resume.',
  ],
  'walletStatus.Failed': ['Кошелёк не открыт', 'The wallet was not opened'],
  'walletStatus.Failed.text': [
    'Банк не принял заявку. Проверьте данные и отправьте её ещё раз.',
    'The bank did not accept the application. Check your details and send it again.',
  ],
  'walletStatus.startAgain': ['Начать заново', 'Start again'],
  'walletStatus.support': ['Поддержка:', 'Support:'],
});
