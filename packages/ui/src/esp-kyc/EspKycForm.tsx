import { type Ref, useId, useImperativeHandle } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { KycField, type KycFieldSpec, type KycKey } from './KycFields.js';
import { kycMessages } from './kycMessages.js';
import {
  maskCountry,
  maskInn,
  maskIssueCode,
  maskPassportNumber,
  maskPassportSeries,
  maskPhone,
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
      ['phones.0.phone', { type: 'tel', autoComplete: 'tel', mask: maskPhone, hint: true }],
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
  className?: string;
  ref?: Ref<HTMLFormElement | null>;
}

/**
 * The KYC form that opens a wallet (ESP): every field of the ESP generate request, grouped, with input masks,
 * core's KYC schema, server field errors shown on their fields, focus on the first error and the terms
 * agreement required. Calls `onCreated({ id, status })` once the BFF accepted it.
 */
export function EspKycForm({ className, ref, ...options }: EspKycFormProps) {
  const { theme, locale } = useKit();
  const t = useMessages(kycMessages);
  const kyc = useEspKyc(options);
  const id = useId();
  useImperativeHandle(ref, () => kyc.formRef.current as HTMLFormElement, [kyc.formRef]);
  const sameAddress = kyc.form.watch('same_address');
  const pending = kyc.state === 'pending';

  if (kyc.state === 'success') {
    return (
      <section
        className={cx('mk-card', 'mk-kyc', className)}
        data-slot="root"
        data-state="success"
        data-mk-theme={theme}
        lang={locale}
        aria-labelledby={`${id}-title`}
      >
        <h2 className="mk-title" id={`${id}-title`} data-slot="title">
          {t('kyc.title')}
        </h2>
        <p className="mk-status mk-status--success" data-slot="status" role="status">
          {t('kyc.created')}
        </p>
      </section>
    );
  }

  return (
    <form
      ref={kyc.formRef}
      className={cx('mk-card', 'mk-kyc', className)}
      data-slot="root"
      data-state={kyc.state}
      data-mk-theme={theme}
      lang={locale}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      aria-busy={pending}
      noValidate
      onSubmit={kyc.onSubmit}
    >
      <h2 className="mk-title" id={`${id}-title`} data-slot="title">
        {t('kyc.title')}
      </h2>
      <p className="mk-hint" id={`${id}-intro`} data-slot="intro">
        {t('kyc.intro')}
      </p>
      <div className="mk-error-summary" data-slot="error-summary" role="alert">
        {kyc.state === 'invalid' && (
          <>
            <p data-slot="error-summary-text">{t('kyc.errorSummary', { count: kyc.errorCount })}</p>
            {kyc.formErrors.length > 0 && (
              <ul data-slot="error-summary-list">
                {kyc.formErrors.map((message) => (
                  <li key={message} data-slot="error-summary-item">
                    {message}
                  </li>
                ))}
              </ul>
            )}
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
              spec[0] === 'living_address' && sameAddress ? null : (
                <KycField key={spec[0]} spec={spec} kyc={kyc} t={t} disabled={pending} />
              ),
            )}
          </div>
        </fieldset>
      ))}
      {kyc.state === 'error' && <ErrorNotice error={kyc.requestError} onRetry={() => void kyc.onSubmit()} />}
      <div className="mk-actions" data-slot="actions">
        <button type="submit" className="mk-button" data-slot="submit" disabled={pending}>
          {pending ? t('kyc.submitting') : t('kyc.submit')}
        </button>
      </div>
    </form>
  );
}
