import type { ApiErrorCode } from '../client/ApiError.js';
import { defineMessages } from './defineMessages.js';

/** Strings shared by every component: API errors (grouped by what the user can do), retry. */
export const commonMessages = /* @__PURE__ */ defineMessages({
  'common.retry': ['Повторить', 'Try again'],
  'common.requestId': ['Код обращения: {id}', 'Reference: {id}'],
  'error.network': [
    'Нет связи с сервером. Проверьте подключение и повторите.',
    'Cannot reach the server. Check your connection and try again.',
  ],
  'error.invalid': ['Проверьте введённые данные.', 'Please check what you entered.'],
  'error.session': ['Сессия истекла. Обновите страницу.', 'Your session has expired. Reload the page.'],
  'error.forbidden': ['Недостаточно прав для этого действия.', 'You are not allowed to do this.'],
  'error.notFound': ['Не найдено.', 'Not found.'],
  'error.conflict': [
    'Действие уже выполнено или сейчас недоступно.',
    'This was already done or is not possible right now.',
  ],
  'error.rateLimited': [
    'Слишком много попыток. Подождите и повторите.',
    'Too many attempts. Wait a moment and try again.',
  ],
  'error.rejected': ['Банк отклонил операцию.', 'The bank declined the operation.'],
  'error.bankDown': [
    'Банк не отвечает. Повторите попытку позже.',
    'The bank is not answering. Try again later.',
  ],
  'error.generic': [
    'Что-то пошло не так. Повторите попытку позже.',
    'Something went wrong. Try again later.',
  ],
});

type ErrorKey =
  `error.${'network' | 'invalid' | 'session' | 'forbidden' | 'notFound' | 'conflict' | 'rateLimited' | 'rejected' | 'bankDown' | 'generic'}`;

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
  UPSTREAM_TIMEOUT: 'error.bankDown',
  UPSTREAM_UNAVAILABLE: 'error.bankDown',
};

/** The string key for an error code; a host may also override a single code as `error.<CODE>`. */
export function errorMessageKey(code: ApiErrorCode): ErrorKey {
  return GROUPS[code] ?? 'error.generic';
}
