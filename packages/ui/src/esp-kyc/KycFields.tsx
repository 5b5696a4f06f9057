import { useId } from 'react';
import type { Translate } from '../i18n/useMessages.js';
import { cx } from '../state/cx.js';
import type { kycMessages } from './kycMessages.js';
import type { EspKycFieldPath, UseEspKycResult } from './useEspKyc.js';

/** A key of the KYC strings. */
export type KycKey = keyof (typeof kycMessages)['ru'];

/** How a field of the form is drawn. */
export interface KycFieldOptions {
  type?: 'date' | 'tel' | 'email';
  autoComplete?: string;
  numeric?: boolean;
  mask?: (value: string) => string;
  hint?: boolean;
  optional?: boolean;
  wide?: boolean;
  checkbox?: boolean;
}

/** A field of the form: its label key is `kyc.<last path segment>`, its hint `kyc.<segment>.hint`. */
export type KycFieldSpec = readonly [name: EspKycFieldPath, options?: KycFieldOptions];

/** Props of {@link KycField}. */
export interface KycFieldProps {
  spec: KycFieldSpec;
  kyc: UseEspKycResult;
  t: Translate<KycKey>;
  disabled: boolean;
}

/**
 * A labelled text input (with its hint) or checkbox, its error wired through `aria-describedby`. Only the
 * terms agreement is a required checkbox; a text field is required unless `optional`.
 */
export function KycField({ spec: [name, options = {}], kyc, t, disabled }: KycFieldProps) {
  const id = useId();
  const error = kyc.fieldError(name);
  const registered = kyc.form.register(name);
  const segment = name.slice(name.lastIndexOf('.') + 1);
  const { checkbox, hint, mask, type } = options;
  const required = checkbox ? name === 'terms_agreement' : !options.optional;
  const input = {
    ...registered,
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': cx(error && `${id}-error`, hint && `${id}-hint`) || undefined,
    disabled,
  };
  const label = (
    <label className={checkbox ? 'mk-check__label' : 'mk-label'} htmlFor={id} data-slot="label">
      {t(`kyc.${segment}` as KycKey)}
    </label>
  );
  const errorText = error && (
    <p className="mk-field-error" id={`${id}-error`} data-slot="field-error">
      {error}
    </p>
  );
  if (checkbox) {
    return (
      <div className="mk-check" data-slot="checkbox-field" data-invalid={error ? '' : undefined}>
        <input {...input} className="mk-check__box" data-slot="checkbox" type="checkbox" />
        {label}
        {errorText}
      </div>
    );
  }
  return (
    <div
      className={cx('mk-field', options.wide && 'mk-field--wide')}
      data-slot="field"
      data-invalid={error ? '' : undefined}
    >
      {label}
      <input
        {...input}
        className="mk-input"
        data-slot="input"
        type={type ?? 'text'}
        autoComplete={options.autoComplete}
        inputMode={options.numeric ? 'numeric' : type === 'tel' || type === 'email' ? type : undefined}
        onChange={(event) => {
          if (mask) event.target.value = mask(event.target.value);
          return registered.onChange(event);
        }}
      />
      {hint && (
        <p className="mk-hint" id={`${id}-hint`} data-slot="hint">
          {t(`kyc.${segment}.hint` as KycKey)}
        </p>
      )}
      {errorText}
    </div>
  );
}
