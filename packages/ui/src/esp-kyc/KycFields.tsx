import type { ReactNode, Ref } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import type { Translate } from '../i18n/useMessages.js';
import { dateMask, datePlaceholder, dateToIso, isoToDate } from '../parts/dates.js';
import { Field, fieldDescription } from '../parts/Field.js';
import { useMaskedInput } from '../parts/useMaskedInput.js';
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

/** Examples in hints, each kept on one line (a number broken across lines reads as two). */
const EXAMPLES: Record<string, string> = {
  snils: '112-233-445 95',
  issue_code: '404-004',
  phone: '+7 (901) 763-63-53',
};

/** The id of a field's control in the form `formId`, for labels and the error summary's links. */
export const kycFieldId = (formId: string, name: string) => `${formId}-${name.replace(/\./g, '-')}`;

/** The label key of a field. */
export const kycLabelKey = (name: string) => `kyc.${name.slice(name.lastIndexOf('.') + 1)}` as KycKey;

/** Props of {@link KycField}. */
export interface KycFieldProps {
  spec: KycFieldSpec;
  formId: string;
  kyc: UseEspKycResult;
  t: Translate<KycKey>;
  locale: Locale;
  /** While the form is being sent: text stays focusable (read-only), so focus never drops to `<body>`. */
  busy: boolean;
}

/**
 * A labelled text input (with its hint, which its error replaces) or checkbox, its error wired through
 * `aria-describedby`. Masks keep the caret; dates are typed in the locale's order (`ДД.ММ.ГГГГ`) and stored as
 * `YYYY-MM-DD`. Only the terms agreement is a required checkbox; a text field is required unless `optional`.
 */
export function KycField({ spec: [name, options = {}], formId, kyc, t, locale, busy }: KycFieldProps) {
  const id = kycFieldId(formId, name);
  const error = kyc.fieldError(name);
  const { checkbox, type } = options;
  const date = type === 'date';
  const registered = kyc.form.register(name, date ? { setValueAs: dateToIso } : undefined);
  const mask = date ? dateMask(locale) : options.mask;
  const masked = useMaskedInput(mask, registered.onChange);
  const segment = name.slice(name.lastIndexOf('.') + 1);
  const hint = options.hint
    ? withExample(t(`${kycLabelKey(name)}.hint` as KycKey), EXAMPLES[segment])
    : undefined;
  const required = checkbox ? name === 'terms_agreement' : !options.optional;
  const label = t(kycLabelKey(name));

  if (checkbox) {
    return (
      <div className="mk-check" data-slot="checkbox-field" data-invalid={error ? '' : undefined}>
        <input
          {...registered}
          {...fieldDescription(id, { error })}
          id={id}
          className="mk-check__box"
          data-slot="checkbox"
          type="checkbox"
          aria-required={required || undefined}
          disabled={busy}
        />
        <label className="mk-check__label" htmlFor={id} data-slot="label">
          {label}
        </label>
        {error && (
          <p className="mk-field-error" id={`${id}-error`} data-slot="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }
  // The form stores the wire date; the field shows it in the locale's order.
  const ref: Ref<HTMLInputElement> = date
    ? (element) => {
        registered.ref(element);
        if (element) element.value = isoToDate(element.value, locale);
      }
    : registered.ref;
  return (
    <Field id={id} label={label} hint={hint} error={error} wide={options.wide}>
      <input
        {...registered}
        {...masked}
        {...fieldDescription(id, { hint, error })}
        ref={ref}
        id={id}
        className="mk-input"
        data-slot="input"
        type={date ? 'text' : (type ?? 'text')}
        autoComplete={options.autoComplete}
        placeholder={date ? datePlaceholder(locale) : undefined}
        inputMode={
          options.numeric || date ? 'numeric' : type === 'tel' || type === 'email' ? type : undefined
        }
        aria-required={required || undefined}
        readOnly={busy}
      />
    </Field>
  );
}

/** A hint whose `{example}` is drawn unbroken. */
function withExample(text: string, example: string | undefined): ReactNode {
  if (example === undefined) return text;
  const [before, after] = text.split('{example}');
  return (
    <>
      {before}
      <span className="mk-nowrap" data-slot="example">
        {example}
      </span>
      {after}
    </>
  );
}
