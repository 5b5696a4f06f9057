import { type FormEvent, type Ref, useCallback, useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { hostedMessages } from './hostedMessages.js';
import { HOSTED_FIELDS } from './loadHostedFields.js';
import { type UseHostedCardFormOptions, useHostedCardForm } from './useHostedCardForm.js';

/** Props of {@link HostedCardForm}. */
export interface HostedCardFormProps extends UseHostedCardFormOptions {
  /** The submit button's text (default "Продолжить" / "Continue"). */
  submitLabel?: string;
  /** Level of the form's heading (default 2). */
  headingLevel?: 2 | 3 | 4;
  className?: string;
  ref?: Ref<HTMLFormElement>;
}

/**
 * Mandarin's hosted card fields for a `jsOperationId`: card number, holder, expiry and CVC each live in an
 * iframe of Mandarin's origin (card data never reaches the page), with labels, focus/valid/error states
 * mirrored from the script as `data-state`, one submit at a time, and `onSuccess` / `onError`.
 */
export function HostedCardForm({
  submitLabel,
  headingLevel = 2,
  className,
  ref,
  ...options
}: HostedCardFormProps) {
  const { theme, locale } = useKit();
  const t = useMessages(hostedMessages);
  const hosted = useHostedCardForm(options);
  const id = useId();
  const { formRef } = hosted;
  const setRef = useCallback(
    (element: HTMLFormElement | null) => {
      formRef(element);
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [formRef, ref],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    hosted.submit();
  };
  const Heading = `h${headingLevel}` as const;
  const status =
    hosted.state === 'loading'
      ? t('hosted.loading')
      : hosted.state === 'processing'
        ? t('hosted.processing')
        : hosted.state === 'success'
          ? t('hosted.success')
          : '';

  return (
    <form
      ref={setRef}
      className={cx('mk-card', 'mk-hosted', className)}
      data-slot="root"
      data-state={hosted.state}
      data-mk-theme={theme}
      lang={locale}
      aria-labelledby={`${id}-title`}
      aria-busy={hosted.state === 'loading' || hosted.state === 'processing'}
      noValidate
      onSubmit={onSubmit}
    >
      <Heading className="mk-title" id={`${id}-title`} data-slot="title">
        {t('hosted.title')}
      </Heading>
      <p className="mk-hint" data-slot="hint">
        {t('hosted.secure')}
      </p>
      {hosted.state === 'load-error' && (
        <ErrorNotice error={null} message={t('hosted.loadError')} onRetry={hosted.retry} />
      )}
      <div className="mk-hosted__fields" data-slot="fields" hidden={hosted.state === 'load-error'}>
        {HOSTED_FIELDS.map((field) => {
          const { state, focused } = hosted.fields[field];
          return (
            <div
              key={field}
              className={cx('mk-field', 'mk-hosted__field', `mk-hosted__field--${field}`)}
              data-slot="field"
              data-field={field}
              data-state={state}
              data-focused={focused || undefined}
            >
              <span className="mk-label" id={`${id}-${field}-label`} data-slot="label">
                {t(`hosted.field.${field}`)}
              </span>
              {/* biome-ignore lint/a11y/useSemanticElements: Mandarin's script fills this container with its iframe; a plain div with a group role keeps the label on it */}
              <div
                className={`mk-hosted__input mandarinpay-field-${field}`}
                role="group"
                aria-labelledby={`${id}-${field}-label`}
                aria-describedby={`${id}-${field}-error`}
                data-slot="input"
              />
              <p
                className="mk-field-error"
                id={`${id}-${field}-error`}
                data-slot="field-error"
                aria-live="polite"
              >
                {state === 'error' ? t(`hosted.invalid.${field}`) : ''}
              </p>
            </div>
          );
        })}
      </div>
      {hosted.state === 'error' && (
        <p className="mk-error mk-error__text" data-slot="error" role="alert">
          {t('hosted.error')}
        </p>
      )}
      <div className="mk-actions" data-slot="actions">
        <button
          type="submit"
          className="mk-button"
          data-slot="submit"
          data-state={hosted.state === 'processing' ? 'pending' : undefined}
          disabled={!hosted.canSubmit}
        >
          {hosted.state === 'processing' ? t('hosted.processing') : (submitLabel ?? t('hosted.submit'))}
        </button>
      </div>
      <p className="mk-status" data-slot="status" role="status">
        {status}
      </p>
    </form>
  );
}
