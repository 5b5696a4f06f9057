import { type MouseEvent, type ReactNode, type Ref, useId, useImperativeHandle } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { ResultPanel } from '../parts/ResultPanel.js';
import { useFocusOnChange } from '../parts/useFocusOnChange.js';
import { useKit } from '../provider/KitContext.js';
import { KycField, type KycFieldSpec, type KycKey, kycFieldId, kycLabelKey } from './KycFields.js';
import { kycMessages } from './kycMessages.js';
import {
  formatPhoneInput,
  maskCountry,
  maskInn,
  maskIssueCode,
  maskPassportNumber,
  maskPassportSeries,
  maskSnils,
} from './masks.js';
import { type UseEspKycOptions, useEspKyc } from './useEspKyc.js';

const check = { checkbox: true } as const;
const digits = (mask: (value: string) => string, hint = false) => ({ numeric: true, mask, hint });

// The form as data: each field's label key is `kyc.<last path segment>`, its hint `kyc.<segment>.hint`.
const GROUPS: ReadonlyArray<readonly [KycKey, readonly KycFieldSpec[]]> = [
  [
    'kyc.person',
    [
      ['last_name', { autoComplete: 'family-name' }],
      ['first_name', { autoComplete: 'given-name' }],
      ['middle_name', { autoComplete: 'additional-name', hint: true, optional: true }],
      ['birth_date', { type: 'date', autoComplete: 'bday' }],
      ['citizenship', { autoComplete: 'country', mask: maskCountry, hint: true }],
      ['inn', digits(maskInn, true)],
      ['snils', digits(maskSnils, true)],
    ],
  ],
  [
    'kyc.passport',
    [
      ['document.serial', digits(maskPassportSeries)],
      ['document.number', digits(maskPassportNumber)],
      ['document.issue_date', { type: 'date' }],
      ['document.issue_code', digits(maskIssueCode, true)],
      ['document.issuer', { wide: true }],
      ['document.birth_place', { wide: true }],
      ['document.expiration_date', { type: 'date', optional: true }],
    ],
  ],
  [
    'kyc.addresses',
    [
      ['registration_address', { autoComplete: 'street-address', wide: true }],
      ['same_address', check],
      ['living_address', { autoComplete: 'street-address', wide: true }],
    ],
  ],
  [
    'kyc.contacts',
    [
      ['phones.0.phone', { type: 'tel', autoComplete: 'tel', mask: formatPhoneInput, hint: true }],
      ['email', { type: 'email', autoComplete: 'email' }],
      ['fax', { type: 'tel', optional: true }],
      ['phone_check', check],
    ],
  ],
  [
    'kyc.declarations',
    [
      ['is_public_official_person', check],
      ['presence_of_beneficiary', check],
      ['beneficiary_information', check],
      ['exist_fatf_government_bills', check],
      ['affiliation_with_foreign_taxpayers', check],
      ['terms_agreement', check],
    ],
  ],
];

/** Props of {@link EspKycForm}. */
export interface EspKycFormProps extends UseEspKycOptions {
  /** The next step once the application is accepted (a link or button of the host's), shown in the result. */
  resultAction?: ReactNode;
  className?: string;
  ref?: Ref<HTMLFormElement | null>;
}

/**
 * The KYC form that opens a wallet (ESP): every field of the ESP generate request, grouped, with input masks
 * that keep the caret, dates in the locale's order, core's KYC schema, server field errors shown on their
 * fields, an error summary that links to each, focus on the first error and the terms agreement required.
 * Calls `onCreated({ id, status })` once the BFF accepted it, and shows the outcome with focus on it.
 */
export function EspKycForm({ resultAction, className, ref, ...options }: EspKycFormProps) {
  const { locale } = useKit();
  const t = useMessages(kycMessages);
  const kyc = useEspKyc(options);
  const id = useId();
  useImperativeHandle(ref, () => kyc.formRef.current as HTMLFormElement, [kyc.formRef]);
  const sameAddress = kyc.form.watch('same_address');
  const pending = kyc.state === 'pending';
  const root = useCardRoot('kyc', className, true);
  // Submit keeps focus while busy; the accepted application replaces the form and takes focus.
  const focus = useFocusOnChange<HTMLHeadingElement>(kyc.state === 'success');

  if (kyc.state === 'success') {
    return (
      <section {...root} data-state="success" aria-labelledby={`${id}-title`} onFocus={focus.onFocus}>
        <CardHeader id={`${id}-title`} title={t('kyc.title')} />
        <ResultPanel
          tone="success"
          heading={t('kyc.created')}
          summary={t('kyc.created.summary')}
          action={resultAction}
          headingRef={focus.target}
        />
      </section>
    );
  }

  const visible = (name: string) => name !== 'living_address' || !sameAddress;
  const invalidFields = GROUPS.flatMap(([, fields]) => fields).filter(
    ([name]) => visible(name) && kyc.fieldError(name) !== undefined,
  );
  const focusField = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    event.preventDefault();
    event.currentTarget.ownerDocument.getElementById(kycFieldId(id, name))?.focus();
  };

  return (
    <form
      ref={kyc.formRef}
      {...root}
      data-state={kyc.state}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-title-description`}
      aria-busy={pending}
      noValidate
      onSubmit={(event) => (pending ? event.preventDefault() : kyc.onSubmit(event))}
      onFocus={focus.onFocus}
    >
      <CardHeader id={`${id}-title`} title={t('kyc.title')} description={t('kyc.intro')} />
      <div className="mk-error-summary" data-slot="error-summary" role="alert">
        {kyc.state === 'invalid' && (
          <>
            <p className="mk-error-summary__title" data-slot="error-summary-text">
              {t('kyc.errorSummary', { count: kyc.errorCount })}
            </p>
            <ul data-slot="error-summary-list">
              {invalidFields.map(([name]) => (
                <li key={name} data-slot="error-summary-item">
                  <a
                    className="mk-link"
                    href={`#${kycFieldId(id, name)}`}
                    data-slot="error-summary-link"
                    onClick={(event) => focusField(event, name)}
                  >
                    {t(kycLabelKey(name))}: {kyc.fieldError(name)}
                  </a>
                </li>
              ))}
              {kyc.formErrors.map((message) => (
                <li key={message} data-slot="error-summary-item">
                  {message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {GROUPS.map(([legend, fields]) => (
        <fieldset key={legend} className="mk-fieldset" data-slot="group">
          <legend className="mk-legend" data-slot="legend">
            {t(legend)}
          </legend>
          <div className="mk-grid" data-slot="group-fields">
            {fields.map((spec) =>
              visible(spec[0]) ? (
                <KycField
                  key={spec[0]}
                  spec={spec}
                  formId={id}
                  kyc={kyc}
                  t={t}
                  locale={locale}
                  busy={pending}
                />
              ) : null,
            )}
          </div>
        </fieldset>
      ))}
      {/* "Open wallet" again is the retry (with the same Idempotency-Key): the notice adds no second button. */}
      {kyc.state === 'error' && <ErrorNotice error={kyc.requestError} />}
      <div className="mk-actions" data-slot="actions">
        <Button type="submit" slot="submit" busy={pending}>
          {pending ? t('kyc.submitting') : t('kyc.submit')}
        </Button>
      </div>
    </form>
  );
}
