import type { ReactNode } from 'react';
import { cx } from '../state/cx.js';

/** Props of {@link Field}. */
export interface FieldProps {
  /** The control's id; the hint's is `${id}-hint`, the error's `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Replaces the hint while there is one: the two never say the same thing twice. */
  error?: ReactNode;
  /** The error is announced as it appears (it arrives from the server, not as the user types). */
  announce?: boolean;
  /** Spans the whole row of a field grid. */
  wide?: boolean;
  /** `span` with an id `${id}-label` for a control that isn't a form element (hosted iframes). */
  labelAs?: 'label' | 'span';
  className?: string;
  /** More `data-*` attributes for the field's element (its state, say). */
  dataAttributes?: Record<`data-${string}`, string | boolean | undefined>;
  children: ReactNode;
}

/** What a field's control says about itself: `aria-describedby` (error or hint) and `aria-invalid`. */
export function fieldDescription(id: string, { hint, error }: { hint?: ReactNode; error?: ReactNode }) {
  return {
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    'aria-invalid': error ? true : undefined,
  } as const;
}

/** A label, the control, and under it the hint or, when there is one, the error instead. */
export function Field({
  id,
  label,
  hint,
  error,
  announce,
  wide,
  labelAs = 'label',
  className,
  dataAttributes,
  children,
}: FieldProps) {
  return (
    <div
      className={cx('mk-field', wide && 'mk-field--wide', className)}
      data-slot="field"
      data-invalid={error ? '' : undefined}
      {...dataAttributes}
    >
      {labelAs === 'label' ? (
        <label className="mk-label" htmlFor={id} data-slot="label">
          {label}
        </label>
      ) : (
        <span className="mk-label" id={`${id}-label`} data-slot="label">
          {label}
        </span>
      )}
      {children}
      {error ? (
        <p
          className="mk-field-error"
          id={`${id}-error`}
          data-slot="field-error"
          role={announce ? 'alert' : undefined}
        >
          {error}
        </p>
      ) : (
        hint && (
          <p className="mk-hint" id={`${id}-hint`} data-slot="hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
