import { type Ref, useState } from 'react';
import { isApiError } from '../client/ApiError.js';
import { commonMessages, DEFAULT_RETRY_AFTER, errorMessageKey, recoveryOf } from '../i18n/commonMessages.js';
import { useMessages } from '../i18n/useMessages.js';
import { formatCountdown, useNow } from '../otp/useNow.js';
import { Button } from '../parts/Button.js';
import { Icon } from '../parts/Icon.js';
import { useKit } from '../provider/KitContext.js';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: unknown;
  /** Repeats what failed; offered only where repeating can help (a network or server failure, after a rate limit's wait). */
  onRetry?: () => void;
  /** Reloads what the user sees; offered for a conflict (the data changed meanwhile). */
  onRefresh?: () => void;
  /** Overrides the text chosen by the error's code. */
  message?: string;
  /** Overrides the heading chosen by the error's code. */
  heading?: string;
  /** Heading level (default 3, under the card's own heading). */
  level?: 3 | 4 | 5;
  id?: string;
  /** The heading, for focus after the notice appears. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * An error of a BFF call: icon, heading and words chosen by its code, the request id for support, and one
 * recovery action chosen by its kind — Retry after a network or server failure, a countdown and then Retry for
 * a rate limit with `Retry-After`, Refresh on a conflict, Reload on an expired session, none where repeating
 * can't help (a bank's refusal, invalid data).
 */
export function ErrorNotice({
  error,
  onRetry,
  onRefresh,
  message,
  heading,
  level = 3,
  id,
  headingRef,
}: ErrorNoticeProps) {
  const t = useMessages(commonMessages);
  const { messages } = useKit();
  const code = isApiError(error) ? error.code : 'INTERNAL';
  const requestId = isApiError(error) ? error.requestId : null;
  const retryAfter = (isApiError(error) ? error.retryAfter : null) ?? DEFAULT_RETRY_AFTER;
  const group = errorMessageKey(code);
  const recovery = recoveryOf(code);
  // The wait starts when this error arrived (a new error starts a new wait), not when the notice re-renders.
  const [wait, setWait] = useState(() => ({ error, until: Date.now() + retryAfter * 1000 }));
  if (wait.error !== error) setWait({ error, until: Date.now() + retryAfter * 1000 });
  const until = wait.until;
  const waiting = recovery === 'wait' && onRetry !== undefined;
  const now = useNow(waiting);
  const left = waiting ? Math.max(0, (until - now) / 1000) : 0;
  const Heading = `h${level}` as const;
  const action =
    recovery === 'retry' || recovery === 'wait'
      ? onRetry && (
          <Button variant="secondary" slot="retry" unavailable={left > 0} onClick={onRetry}>
            {left > 0 ? t('common.retryIn', { time: formatCountdown(left) }) : t('common.retry')}
          </Button>
        )
      : recovery === 'refresh'
        ? onRefresh && (
            <Button variant="secondary" slot="refresh" onClick={onRefresh}>
              {t('common.refresh')}
            </Button>
          )
        : recovery === 'reload' && (
            <Button variant="secondary" slot="reload" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
          );

  return (
    <div className="mk-notice" data-slot="error" data-code={code} role="alert" id={id}>
      <Icon tone="danger" />
      <div className="mk-notice__body" data-slot="error-body">
        <Heading ref={headingRef} className="mk-notice__heading" data-slot="error-heading" tabIndex={-1}>
          {heading ?? t(`${group}.heading`)}
        </Heading>
        <p className="mk-notice__text" data-slot="error-text">
          {message ?? messages?.[`error.${code}`] ?? t(group)}
        </p>
        {requestId !== null && (
          <p className="mk-notice__ref" data-slot="error-request-id">
            {t('common.requestId', { id: requestId })}
          </p>
        )}
        {action && (
          <div className="mk-actions" data-slot="error-actions">
            {action}
          </div>
        )}
      </div>
    </div>
  );
}
