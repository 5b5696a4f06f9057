import { type Ref, useId, useImperativeHandle } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { useKit } from '../provider/KitContext.js';
import { cx } from '../state/cx.js';
import { KycCheckbox, KycFieldContext, KycGroup, KycTextField } from './KycFields.js';
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
    <KycFieldContext value={{ kyc, t, disabled: pending }}>
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
        <KycGroup legend="kyc.person">
          <KycTextField name="last_name" label="kyc.last_name" autoComplete="family-name" />
          <KycTextField name="first_name" label="kyc.first_name" autoComplete="given-name" />
          <KycTextField
            name="middle_name"
            label="kyc.middle_name"
            hint="kyc.middle_name.hint"
            autoComplete="additional-name"
            required={false}
          />
          <KycTextField name="birth_date" label="kyc.birth_date" type="date" autoComplete="bday" />
          <KycTextField
            name="citizenship"
            label="kyc.citizenship"
            hint="kyc.citizenship.hint"
            autoComplete="country"
            mask={maskCountry}
          />
          <KycTextField name="inn" label="kyc.inn" hint="kyc.inn.hint" inputMode="numeric" mask={maskInn} />
          <KycTextField
            name="snils"
            label="kyc.snils"
            hint="kyc.snils.hint"
            inputMode="numeric"
            mask={maskSnils}
          />
        </KycGroup>
        <KycGroup legend="kyc.passport">
          <KycTextField
            name="document.serial"
            label="kyc.serial"
            inputMode="numeric"
            mask={maskPassportSeries}
          />
          <KycTextField
            name="document.number"
            label="kyc.number"
            inputMode="numeric"
            mask={maskPassportNumber}
          />
          <KycTextField name="document.issue_date" label="kyc.issue_date" type="date" />
          <KycTextField
            name="document.issue_code"
            label="kyc.issue_code"
            hint="kyc.issue_code.hint"
            inputMode="numeric"
            mask={maskIssueCode}
          />
          <KycTextField name="document.issuer" label="kyc.issuer" className="mk-field--wide" />
          <KycTextField name="document.birth_place" label="kyc.birth_place" className="mk-field--wide" />
          <KycTextField
            name="document.expiration_date"
            label="kyc.expiration_date"
            type="date"
            required={false}
          />
        </KycGroup>
        <KycGroup legend="kyc.addresses">
          <KycTextField
            name="registration_address"
            label="kyc.registration_address"
            autoComplete="street-address"
            className="mk-field--wide"
          />
          <KycCheckbox name="same_address" label="kyc.same_address" />
          {!sameAddress && (
            <KycTextField
              name="living_address"
              label="kyc.living_address"
              autoComplete="street-address"
              className="mk-field--wide"
            />
          )}
        </KycGroup>
        <KycGroup legend="kyc.contacts">
          <KycTextField
            name="phones.0.phone"
            label="kyc.phone"
            hint="kyc.phone.hint"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            mask={maskPhone}
          />
          <KycTextField name="email" label="kyc.email" type="email" autoComplete="email" inputMode="email" />
          <KycTextField name="fax" label="kyc.fax" type="tel" required={false} />
          <KycCheckbox name="phone_check" label="kyc.phone_check" />
        </KycGroup>
        <KycGroup legend="kyc.declarations">
          <KycCheckbox name="is_public_official_person" label="kyc.is_public_official_person" />
          <KycCheckbox name="presence_of_beneficiary" label="kyc.presence_of_beneficiary" />
          <KycCheckbox name="beneficiary_information" label="kyc.beneficiary_information" />
          <KycCheckbox name="exist_fatf_government_bills" label="kyc.exist_fatf_government_bills" />
          <KycCheckbox
            name="affiliation_with_foreign_taxpayers"
            label="kyc.affiliation_with_foreign_taxpayers"
          />
          <KycCheckbox name="terms_agreement" label="kyc.terms_agreement" required />
        </KycGroup>
        {kyc.state === 'error' && (
          <ErrorNotice error={kyc.requestError} onRetry={() => void kyc.onSubmit()} />
        )}
        <div className="mk-actions" data-slot="actions">
          <button type="submit" className="mk-button" data-slot="submit" disabled={pending}>
            {pending ? t('kyc.submitting') : t('kyc.submit')}
          </button>
        </div>
      </form>
    </KycFieldContext>
  );
}
