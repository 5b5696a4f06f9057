import { type FormEvent, type ReactNode, type Ref, useCallback, useId } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field } from '../parts/Field.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
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
  /** The next step once the card details are accepted (a link or button of the host's), shown in the result. */
  resultAction?: ReactNode;
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
  resultAction,
  className,
  ref,
  ...options
}: HostedCardFormProps) {
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
    if (hosted.canSubmit) hosted.submit();
  };
  const accepted = hosted.state === 'success';
  const noticeLevel = (headingLevel + 1) as 3 | 4 | 5;
  // Processing keeps focus on the busy button; once accepted, the fields and button go and focus moves to
  // the result's heading.
  const focus = useFocusOnChange<HTMLHeadingElement>(accepted);

  return (
    <form
      ref={setRef}
      {...useCardRoot('hosted', className)}
      data-state={hosted.state}
      aria-labelledby={`${id}-title`}
      aria-busy={hosted.state === 'loading' || hosted.state === 'processing'}
      noValidate
      onSubmit={onSubmit}
      onFocus={focus.onFocus}
    >
      <CardHeader
        id={`${id}-title`}
        level={headingLevel}
        title={t('hosted.title')}
        description={t('hosted.secure')}
      />
      {hosted.state === 'load-error' && (
        <ErrorNotice
          error={null}
          level={noticeLevel}
          heading={t('hosted.loadError.heading')}
          message={t('hosted.loadError')}
          onRetry={hosted.retry}
        />
      )}
      {accepted && (
        <ResultPanel
          tone="success"
          level={noticeLevel}
          heading={t('hosted.success')}
          summary={t('hosted.success.summary')}
          action={resultAction}
          headingRef={focus.target}
        />
      )}
      {/* The containers stay mounted while loading (the script fills them); they look like placeholders then. */}
      <div
        className="mk-hosted__fields"
        data-slot="fields"
        hidden={hosted.state === 'load-error' || accepted}
      >
        {HOSTED_FIELDS.map((field) => {
          const { state, focused } = hosted.fields[field];
          const fieldId = `${id}-${field}`;
          return (
            <Field
              key={field}
              id={fieldId}
              labelAs="span"
              label={t(`hosted.field.${field}`)}
              error={state === 'error' && t(`hosted.invalid.${field}`)}
              className={cx('mk-hosted__field', `mk-hosted__field--${field}`)}
              dataAttributes={{
                'data-field': field,
                'data-state': state,
                'data-focused': focused || undefined,
              }}
            >
              {/* biome-ignore lint/a11y/useSemanticElements: Mandarin's script fills this container with its iframe; a plain div with a group role keeps the label on it */}
              <div
                className={`mk-hosted__input mandarinpay-field-${field}`}
                role="group"
                aria-labelledby={`${fieldId}-label`}
                aria-describedby={state === 'error' ? `${fieldId}-error` : undefined}
                data-slot="input"
              />
            </Field>
          );
        })}
      </div>
      {hosted.state === 'error' && (
        <ErrorNotice
          error={null}
          level={noticeLevel}
          heading={t('hosted.error.heading')}
          message={t('hosted.error')}
        />
      )}
      {!accepted && (
        <div className="mk-actions" data-slot="actions">
          <Button
            type="submit"
            slot="submit"
            busy={hosted.state === 'processing'}
            unavailable={!hosted.canSubmit && hosted.state !== 'processing'}
          >
            {hosted.state === 'processing' ? t('hosted.processing') : (submitLabel ?? t('hosted.submit'))}
          </Button>
        </div>
      )}
      {hosted.state === 'loading' && (
        <p className="mk-visually-hidden" data-slot="status" role="status">
          {t('hosted.loading')}
        </p>
      )}
    </form>
  );
}
