import { type KeyboardEvent, memo } from 'react';
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

const COLUMN_ISSUES: Record<Exclude<RoutingRowField, 'description'>, readonly string[]> = {
  accountId: ['INVALID_ACCOUNT_ID', 'DUPLICATE_ACCOUNT'],
  amount: ['AMOUNT_FORMAT', 'NON_POSITIVE_AMOUNT'],
  fee: ['FEE_FORMAT', 'FEE_EXCEEDS_AMOUNT', 'NEGATIVE_FEE'],
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
  const errorId = (field: string) => `mk-routing-${row.key}-${field}-error`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onAddAfter(row.key);
    }
  };
  const field = (name: Exclude<RoutingRowField, 'description'>) => {
    const mine = codes.filter((code) => COLUMN_ISSUES[name].includes(code));
    return {
      invalid: mine.length > 0,
      error:
        mine.length > 0 ? (
          <p className="mk-field-error" id={errorId(name)} data-slot="cell-error">
            {mine.map((code) => t(`routing.issue.${code}` as RoutingKey)).join(' ')}
          </p>
        ) : null,
      aria: {
        'aria-invalid': mine.length > 0 ? true : undefined,
        'aria-describedby': mine.length > 0 ? errorId(name) : undefined,
      },
    };
  };
  const account = field('accountId');
  const amount = field('amount');
  const fee = field('fee');
  const percent = field('percent');
  const label = (column: RoutingKey) => t('routing.cell', { column: t(column), row: n });

  return (
    <tr
      className="mk-routing__row"
      data-slot="row"
      data-row-key={row.key}
      data-invalid={codes.length ? '' : undefined}
    >
      <td data-slot="cell">
        {accounts ? (
          <select
            className="mk-input mk-select"
            data-slot="account"
            aria-label={label('routing.account')}
            value={row.accountId}
            onChange={(event) => onChange(row.key, 'accountId', event.target.value)}
            onKeyDown={onKeyDown}
            {...account.aria}
          >
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
            data-slot="account"
            aria-label={label('routing.account')}
            value={row.accountId}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange(row.key, 'accountId', event.target.value)}
            onKeyDown={onKeyDown}
            {...account.aria}
          />
        )}
        {account.error}
      </td>
      <td data-slot="cell">
        <input
          className="mk-input mk-input--number"
          data-slot="amount"
          inputMode="decimal"
          autoComplete="off"
          aria-label={label('routing.amount')}
          value={row.amount}
          onChange={(event) => onChange(row.key, 'amount', event.target.value)}
          onKeyDown={onKeyDown}
          {...amount.aria}
        />
        {amount.error}
      </td>
      <td data-slot="cell">
        <input
          className="mk-input mk-input--number"
          data-slot="fee"
          inputMode="decimal"
          autoComplete="off"
          aria-label={label('routing.fee')}
          value={row.fee}
          placeholder="0"
          onChange={(event) => onChange(row.key, 'fee', event.target.value)}
          onKeyDown={onKeyDown}
          {...fee.aria}
        />
        {fee.error}
      </td>
      <td data-slot="cell">
        <input
          className="mk-input"
          data-slot="description"
          autoComplete="off"
          aria-label={label('routing.description')}
          value={row.description}
          maxLength={255}
          onChange={(event) => onChange(row.key, 'description', event.target.value)}
          onKeyDown={onKeyDown}
        />
      </td>
      {showPercent && (
        <td data-slot="cell">
          <input
            className="mk-input mk-input--number"
            data-slot="percent"
            inputMode="decimal"
            autoComplete="off"
            aria-label={label('routing.percent')}
            value={row.percent}
            onChange={(event) => onChange(row.key, 'percent', event.target.value)}
            onKeyDown={onKeyDown}
            {...percent.aria}
          />
          {percent.error}
        </td>
      )}
      <td data-slot="cell">
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
