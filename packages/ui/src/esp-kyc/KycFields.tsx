import { createContext, type HTMLInputTypeAttribute, type ReactNode, useContext, useId } from 'react';
import type { Translate } from '../i18n/useMessages.js';
import { cx } from '../state/cx.js';
import type { kycMessages } from './kycMessages.js';
import type { EspKycFieldPath, UseEspKycResult } from './useEspKyc.js';

/** A key of the KYC strings. */
export type KycKey = keyof (typeof kycMessages)['ru'];

/** What the fields of the styled form share. */
export interface KycFieldContextValue {
  kyc: UseEspKycResult;
  t: Translate<KycKey>;
  disabled: boolean;
}

/** The form's state for its fields; internal to EspKycForm. */
export const KycFieldContext = createContext<KycFieldContextValue | null>(null);

function useField() {
  const value = useContext(KycFieldContext);
  if (value === null) throw new Error('KYC fields must be inside EspKycForm');
  return value;
}

/** Props of {@link KycTextField}. */
export interface KycTextFieldProps {
  name: EspKycFieldPath;
  label: KycKey;
  hint?: KycKey;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  mask?: (value: string) => string;
  required?: boolean;
  className?: string;
}

/** A labelled text input with its hint and error wired through `aria-describedby`. */
export function KycTextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
  mask,
  required = true,
  className,
}: KycTextFieldProps) {
  const { kyc, t, disabled } = useField();
  const id = useId();
  const error = kyc.fieldError(name);
  const registered = kyc.form.register(name);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={cx('mk-field', className)} data-slot="field" data-invalid={error ? '' : undefined}>
      <label className="mk-label" htmlFor={id} data-slot="label">
        {t(label)}
      </label>
      <input
        {...registered}
        id={id}
        className="mk-input"
        data-slot="input"
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy || undefined}
        disabled={disabled}
        onChange={(event) => {
          if (mask) event.target.value = mask(event.target.value);
          return registered.onChange(event);
        }}
      />
      {hint && (
        <p className="mk-hint" id={`${id}-hint`} data-slot="hint">
          {t(hint)}
        </p>
      )}
      {error && (
        <p className="mk-field-error" id={`${id}-error`} data-slot="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Props of {@link KycCheckbox}. */
export interface KycCheckboxProps {
  name: EspKycFieldPath;
  label: KycKey;
  required?: boolean;
}

/** A labelled checkbox with its error. */
export function KycCheckbox({ name, label, required = false }: KycCheckboxProps) {
  const { kyc, t, disabled } = useField();
  const id = useId();
  const error = kyc.fieldError(name);
  return (
    <div className="mk-check" data-slot="checkbox-field" data-invalid={error ? '' : undefined}>
      <input
        {...kyc.form.register(name)}
        id={id}
        className="mk-check__box"
        data-slot="checkbox"
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={disabled}
      />
      <label className="mk-check__label" htmlFor={id} data-slot="label">
        {t(label)}
      </label>
      {error && (
        <p className="mk-field-error" id={`${id}-error`} data-slot="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of fields with its legend. */
export function KycGroup({ legend, children }: { legend: KycKey; children: ReactNode }) {
  const { t } = useField();
  return (
    <fieldset className="mk-fieldset" data-slot="group">
      <legend className="mk-legend" data-slot="legend">
        {t(legend)}
      </legend>
      <div className="mk-grid" data-slot="group-fields">
        {children}
      </div>
    </fieldset>
  );
}
