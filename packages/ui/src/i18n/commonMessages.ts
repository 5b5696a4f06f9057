import type { ApiErrorCode } from '../client/ApiError.js';
import { defineMessages } from './defineMessages.js';

/** Strings shared by every component: API errors (grouped by what the user can do), their recovery actions. */
export const commonMessages = /* @__PURE__ */ defineMessages({
  'common.retry': ['Повторить', 'Try again'],
  'common.retryIn': ['Повторить через {time}', 'Try again in {time}'],
  'common.refresh': ['Обновить данные', 'Refresh'],
  'common.reload': ['Обновить страницу', 'Reload the page'],
  'common.requestId': ['Код обращения: {id}', 'Reference: {id}'],
  'error.network.heading': ['Нет соединения', 'No connection'],
  'error.network': [
    'Нет связи с сервером. Проверьте подключение и повторите.',
    'Cannot reach the server. Check your connection and try again.',
  ],
  'error.invalid.heading': ['Проверьте данные', 'Check your details'],
  'error.invalid': ['Исправьте отмеченные данные.', 'Please fix what is marked.'],
  'error.session.heading': ['Сессия истекла', 'Session expired'],
  'error.session': ['Обновите страницу и повторите.', 'Reload the page and try again.'],
  'error.forbidden.heading': ['Нет доступа', 'Not allowed'],
  'error.forbidden': ['Недостаточно прав для этого действия.', 'You are not allowed to do this.'],
  'error.notFound.heading': ['Не найдено', 'Not found'],
  'error.notFound': ['Такой записи нет или она удалена.', 'It does not exist or was removed.'],
  'error.conflict.heading': ['Данные изменились', 'Something changed'],
  'error.conflict': [
    'Действие уже выполнено или недоступно. Обновите данные.',
    'This was already done or is not possible now. Refresh to see.',
  ],
  'error.rateLimited.heading': ['Слишком много попыток', 'Too many attempts'],
  'error.rateLimited': ['Подождите и повторите.', 'Wait a moment, then try again.'],
  'error.rejected.heading': ['Банк отклонил операцию', 'The bank declined'],
  'error.rejected': [
    'Повтор не поможет: проверьте данные или обратитесь в поддержку.',
    'Trying again will not help: check the details or contact support.',
  ],
  'error.funds.heading': ['Недостаточно средств', 'Not enough money'],
  'error.funds': [
    'На кошельке меньше этой суммы. Уменьшите сумму или пополните кошелёк.',
    'The wallet holds less than this. Lower the amount or top the wallet up.',
  ],
  'error.bankDown.heading': ['Банк не отвечает', 'The bank is not answering'],
  'error.bankDown': ['Повторите попытку немного позже.', 'Try again in a little while.'],
  'error.generic.heading': ['Что-то пошло не так', 'Something went wrong'],
  'error.generic': ['Повторите попытку немного позже.', 'Try again in a little while.'],
});

type Group =
  | 'network'
  | 'invalid'
  | 'session'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'rateLimited'
  | 'rejected'
  | 'funds'
  | 'bankDown'
  | 'generic';
type ErrorKey = `error.${Group}`;

const GROUPS: Partial<Record<ApiErrorCode, ErrorKey>> = {
  NETWORK: 'error.network',
  VALIDATION_FAILED: 'error.invalid',
  UNAUTHENTICATED: 'error.session',
  CSRF_REQUIRED: 'error.session',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  CONFLICT: 'error.conflict',
  IDEMPOTENCY_KEY_REUSED: 'error.conflict',
  RATE_LIMITED: 'error.rateLimited',
  UPSTREAM_REJECTED: 'error.rejected',
  INSUFFICIENT_FUNDS: 'error.funds',
  UPSTREAM_TIMEOUT: 'error.bankDown',
  UPSTREAM_UNAVAILABLE: 'error.bankDown',
};

/** The string key for an error code; a host may also override a single code as `error.<CODE>`. */
export function errorMessageKey(code: ApiErrorCode): ErrorKey {
  return GROUPS[code] ?? 'error.generic';
}

/** What a person can do about an error: the one action its notice offers. */
export type Recovery = 'retry' | 'wait' | 'refresh' | 'reload' | 'none';

/** Seconds to wait after a rate limit that came without `Retry-After`. */
export const DEFAULT_RETRY_AFTER = 30;

/**
 * The recovery for an error code: repeat a failure of the line or the server; wait out a rate limit (its
 * `Retry-After`, or {@link DEFAULT_RETRY_AFTER}) before the same button repeats; refresh after a conflict;
 * reload after a lost session; nothing where repeating can't help (a refusal, invalid data, no access).
 */
export function recoveryOf(code: ApiErrorCode): Recovery {
  const group = errorMessageKey(code);
  if (group === 'error.rateLimited') return 'wait';
  if (group === 'error.conflict') return 'refresh';
  if (group === 'error.session') return 'reload';
  if (group === 'error.network' || group === 'error.bankDown' || group === 'error.generic') return 'retry';
  return 'none';
}
