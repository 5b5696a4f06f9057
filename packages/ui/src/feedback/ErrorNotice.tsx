import { isApiError } from '../client/ApiError.js';
import { commonMessages, errorMessageKey } from '../i18n/commonMessages.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: unknown;
  /** Shows a retry button that calls this. */
  onRetry?: () => void;
  /** Overrides the text chosen by the error's code. */
  message?: string;
  id?: string;
}

/** An error of a BFF call, in words chosen by its code, with the request id for support. */
export function ErrorNotice({ error, onRetry, message, id }: ErrorNoticeProps) {
  const t = useMessages(commonMessages);
  const { messages } = useKit();
  const code = isApiError(error) ? error.code : 'INTERNAL';
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <div className="mk-error" data-slot="error" role="alert" id={id}>
      <p className="mk-error__text" data-slot="error-text">
        {message ?? messages?.[`error.${code}`] ?? t(errorMessageKey(code))}
      </p>
      {requestId !== null && (
        <p className="mk-error__ref" data-slot="error-request-id">
          {t('common.requestId', { id: requestId })}
        </p>
      )}
      {onRetry && (
        <button type="button" className="mk-button mk-button--secondary" data-slot="retry" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
