import type { ReactNode } from 'react';
import { Field } from './Field.js';

/** Props of {@link FilterSelect}. */
export interface FilterSelectProps<V extends string> {
  /** The control's id. */
  id: string;
  /** What the filter narrows by (`status`); the select's slot is `filter-${name}`. */
  name: string;
  label: ReactNode;
  value: V;
  values: readonly V[];
  /** Each value in words. */
  optionLabel: (value: V) => string;
  onChange: (value: V) => void;
}

/** One filter of a list (kind, status, period): a labelled select of the values it may take. */
export function FilterSelect<V extends string>({
  id,
  name,
  label,
  value,
  values,
  optionLabel,
  onChange,
}: FilterSelectProps<V>) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className="mk-input"
        data-slot={`filter-${name}`}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {values.map((option) => (
          <option key={option} value={option} data-slot="option">
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}
