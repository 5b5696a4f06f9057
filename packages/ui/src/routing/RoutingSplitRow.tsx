import { type ChangeEvent, type KeyboardEvent, memo } from 'react';
import type { Translate } from '../i18n/useMessages.js';
import type { routingMessages } from './routingMessages.js';
import type { RoutingRowDraft, RoutingRowField } from './useRoutingSplit.js';

type RoutingKey = keyof (typeof routingMessages)['ru'];

/** A sub-merchant account the user may pick. */
export interface RoutingAccountOption {
  id: string;
  label: string;
}

/** Props of {@link RoutingSplitRow}; every one is stable or primitive so that memo can skip the row. */
export interface RoutingSplitRowProps {
  row: RoutingRowDraft;
  index: number;
  /** `|`-joined issue codes of the row. */
  issues: string;
  accounts: readonly RoutingAccountOption[] | undefined;
  showPercent: boolean;
  t: Translate<RoutingKey>;
  onChange: (key: string, field: RoutingRowField, text: string) => void;
  onRemove: (key: string) => void;
  onAddAfter: (key: string) => void;
}

const COLUMN_ISSUES: Record<RoutingRowField, readonly string[]> = {
  accountId: ['INVALID_ACCOUNT_ID', 'DUPLICATE_ACCOUNT'],
  amount: ['AMOUNT_FORMAT', 'NON_POSITIVE_AMOUNT'],
  fee: ['FEE_FORMAT', 'FEE_EXCEEDS_AMOUNT', 'NEGATIVE_FEE'],
  description: [],
  percent: ['PERCENT_FORMAT'],
};

/** One editable row of the routing split. */
export const RoutingSplitRow = memo(function RoutingSplitRow({
  row,
  index,
  issues,
  accounts,
  showPercent,
  t,
  onChange,
  onRemove,
  onAddAfter,
}: RoutingSplitRowProps) {
  const codes = issues === '' ? [] : issues.split('|');
  const n = index + 1;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onAddAfter(row.key);
    }
  };
  // The props every control of a column shares (its label names the column and the row), and its errors.
  const control = (name: RoutingRowField) => {
    const slot = name === 'accountId' ? 'account' : name;
    const errorId = `mk-routing-${row.key}-${name}-error`;
    const mine = codes.filter((code) => COLUMN_ISSUES[name].includes(code));
    const invalid = mine.length > 0;
    return {
      props: {
        'data-slot': slot,
        'aria-label': t('routing.cell', { column: t(`routing.${slot}`), row: n }),
        value: row[name],
        onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
          onChange(row.key, name, event.target.value),
        onKeyDown,
        // Ctrl+Enter adds a row below: said to assistive technology here, not in the visible copy.
        'aria-keyshortcuts': 'Control+Enter',
        'aria-invalid': invalid || undefined,
        'aria-describedby': invalid ? errorId : undefined,
      },
      error: invalid && (
        <p className="mk-field-error" id={errorId} data-slot="cell-error">
          {mine.map((code) => t(`routing.issue.${code}` as RoutingKey)).join(' ')}
        </p>
      ),
    };
  };
  // Each cell's column name, shown only when the rows stack as cards on a narrow container (the input is
  // labelled by aria-label either way).
  const caption = (slot: string) => (
    <span className="mk-routing__caption" data-slot="cell-caption" aria-hidden="true">
      {t(`routing.${slot}` as RoutingKey)}
    </span>
  );
  const numberCell = (name: 'amount' | 'fee' | 'percent') => {
    const { props, error } = control(name);
    return (
      <td data-slot="cell" data-column={name}>
        {caption(name)}
        <input
          className="mk-input mk-input--number"
          inputMode="decimal"
          autoComplete="off"
          placeholder={name === 'fee' ? '0' : undefined}
          {...props}
        />
        {error}
      </td>
    );
  };
  const account = control('accountId');

  return (
    <tr
      className="mk-routing__row"
      data-slot="row"
      data-row-key={row.key}
      data-invalid={codes.length ? '' : undefined}
    >
      <td data-slot="cell" data-column="account">
        {caption('account')}
        {accounts ? (
          <select className="mk-input mk-select" {...account.props}>
            <option value="" data-slot="option">
              {t('routing.chooseAccount')}
            </option>
            {accounts.map((option) => (
              <option key={option.id} value={option.id} data-slot="option">
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            className="mk-input mk-input--mono"
            spellCheck={false}
            autoComplete="off"
            {...account.props}
          />
        )}
        {account.error}
      </td>
      {numberCell('amount')}
      {numberCell('fee')}
      <td data-slot="cell" data-column="description">
        {caption('description')}
        <input className="mk-input" autoComplete="off" maxLength={255} {...control('description').props} />
      </td>
      {showPercent && numberCell('percent')}
      <td data-slot="cell" data-column="remove">
        <button
          type="button"
          className="mk-button mk-button--ghost"
          data-slot="remove"
          aria-label={t('routing.removeRow', { row: n })}
          onClick={() => onRemove(row.key)}
        >
          <span aria-hidden="true" data-slot="remove-icon">
            ×
          </span>
        </button>
      </td>
    </tr>
  );
});
