import type { ApiErrorCode } from '../client/ApiError.js';
import { defineMessages } from './defineMessages.js';

/** Strings shared by every component: API errors (grouped by what the user can do), retry. */
export const commonMessages = defineMessages({
  ru: {
    'common.retry': 'Повторить',
    'common.requestId': 'Код обращения: {id}',
    'error.network': 'Нет связи с сервером. Проверьте подключение и повторите.',
    'error.invalid': 'Проверьте введённые данные.',
    'error.session': 'Сессия истекла. Обновите страницу.',
    'error.forbidden': 'Недостаточно прав для этого действия.',
    'error.notFound': 'Не найдено.',
    'error.conflict': 'Действие уже выполнено или сейчас недоступно.',
    'error.rateLimited': 'Слишком много попыток. Подождите и повторите.',
    'error.rejected': 'Банк отклонил операцию.',
    'error.bankDown': 'Банк не отвечает. Повторите попытку позже.',
    'error.generic': 'Что-то пошло не так. Повторите попытку позже.',
  },
  en: {
    'common.retry': 'Try again',
    'common.requestId': 'Reference: {id}',
    'error.network': 'Cannot reach the server. Check your connection and try again.',
    'error.invalid': 'Please check what you entered.',
    'error.session': 'Your session has expired. Reload the page.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.notFound': 'Not found.',
    'error.conflict': 'This was already done or is not possible right now.',
    'error.rateLimited': 'Too many attempts. Wait a moment and try again.',
    'error.rejected': 'The bank declined the operation.',
    'error.bankDown': 'The bank is not answering. Try again later.',
    'error.generic': 'Something went wrong. Try again later.',
  },
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
