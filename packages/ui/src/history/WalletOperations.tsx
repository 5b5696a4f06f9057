import { type OperationHistoryRow, operationKindSchema } from '@mandarin-kit/core';
import { type Ref, useEffect, useId, useRef } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { type Translate, useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { FilterSelect } from '../parts/FilterSelect.js';
import { Skeleton } from '../parts/Skeleton.js';
import { usePagedListFocus } from '../parts/usePagedListFocus.js';
import { useKit } from '../provider/KitContext.js';
import { counterpartyParts, formatDateTime, formatSignedAmount } from './historyFormat.js';
import { historyMessages } from './historyMessages.js';
import {
  type OperationPeriod,
  type UseWalletOperationsOptions,
  useWalletOperations,
  type WalletOperationsFilter,
} from './useWalletOperations.js';

/** Props of {@link WalletOperations}. */
export interface WalletOperationsProps extends UseWalletOperationsOptions {
  walletId: string;
  /** The time zone dates are shown in (an IANA name such as `Europe/Moscow`; default: the browser's). */
  timeZone?: string;
  /** Called when loading the history failed. */
  onError?: (error: unknown) => void;
  className?: string;
  ref?: Ref<HTMLElement>;
}

type T = Translate<keyof (typeof historyMessages)['ru']>;

/** Characters of the longest amount kept on one line (`−999 999 999,99 ₽`). */
const LONG_AMOUNT = 17;
const PERIODS: OperationPeriod[] = ['all', '7', '30', '90', '365'];
const STATUS_OPTIONS = ['all', 'active', 'success', 'failed'] as const;

function Row({ row, t, timeZone }: { row: OperationHistoryRow; t: T; timeZone?: string | undefined }) {
  const { locale } = useKit();
  const party = counterpartyParts(row.counterparty, t('history.sbp'));
  const amount = formatSignedAmount(row.signedAmount, locale);
  const long = amount.length > LONG_AMOUNT;
  return (
    <tr
      className="mk-history__row"
      data-slot="row"
      data-operation-id={row.id}
      data-status={row.status}
      data-direction={row.direction}
      data-long={long || undefined}
      tabIndex={-1}
    >
      <td className="mk-history__date" data-slot="date">
        <time dateTime={row.createdAt} data-slot="time">
          {formatDateTime(row.createdAt, locale, timeZone)}
        </time>
      </td>
      <td className="mk-history__operation" data-slot="operation">
        <span className="mk-history__kind" data-slot="kind">
          {t(`history.kind.${row.kind}`)}
        </span>
        {party && (
          <span className="mk-history__party" data-slot="counterparty">
            <span className="mk-nowrap" data-slot="counterparty-main">
              {party.main}
            </span>
            {party.detail && (
              <>
                <span data-slot="separator">, </span>
                <span className="mk-nowrap" data-slot="counterparty-detail">
                  {party.detail}
                </span>
              </>
            )}
          </span>
        )}
        {row.failure && (
          <span className="mk-history__reason" data-slot="reason">
            {t('history.reason', { reason: row.failure.message })}
          </span>
        )}
      </td>
      <td className="mk-history__status" data-slot="status">
        <span className="mk-badge" data-slot="status-badge" data-status={row.status}>
          {t(`history.status.${row.status}`)}
        </span>
      </td>
      <td
        className="mk-history__amount mk-money"
        data-slot="amount"
        data-direction={row.direction}
        // Past a billion an amount may wrap, as a last resort, rather than push the card sideways.
        data-long={long || undefined}
      >
        {amount}
      </td>
    </tr>
  );
}

/**
 * A wallet's history: date and time, kind, counterparty, status and the signed amount of each operation, with
 * Mandarin's reason for a failure; filters by kind, status and period, "Show more" by cursor, a CSV download of
 * the filtered rows. A table on a wide card, a stack of rows on a narrow one; kept live by the event stream.
 */
export function WalletOperations({
  walletId,
  timeZone,
  onError,
  className,
  ref,
  ...options
}: WalletOperationsProps) {
  const t = useMessages(historyMessages);
  const history = useWalletOperations(walletId, options);
  const id = useId();
  const titleId = `${id}-title`;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const { state, rows, filter } = history;

  useEffect(() => {
    if (history.error) onErrorRef.current?.(history.error);
  }, [history.error]);

  const { tableRef, headingRef, loadMore, onFocus } = usePagedListFocus(
    rows.length,
    history.loadMore,
    `${state} more:${history.hasMore} failed:${history.loadMoreError !== null}`,
  );

  const select = <K extends keyof WalletOperationsFilter>(
    name: K,
    values: readonly WalletOperationsFilter[K][],
    label: (value: WalletOperationsFilter[K]) => string,
  ) => (
    <FilterSelect
      id={`${id}-${name}`}
      name={name}
      label={t(`history.filter.${name}`)}
      value={filter[name]}
      values={values}
      optionLabel={label}
      onChange={(value) => history.setFilter({ [name]: value } as Partial<WalletOperationsFilter>)}
    />
  );

  return (
    <section
      ref={ref}
      {...useCardRoot('history', className, true)}
      data-state={state}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || history.refreshing || history.loadingMore}
      onFocus={onFocus}
    >
      <CardHeader id={titleId} title={t('history.title')} headingRef={headingRef} />
      <fieldset className="mk-fieldset mk-history__filters" data-slot="filters">
        <legend className="mk-visually-hidden" data-slot="filters-legend">
          {t('history.filters')}
        </legend>
        {select('kind', ['all', ...operationKindSchema.options], (v) =>
          v === 'all' ? t('history.all') : t(`history.kind.${v}`),
        )}
        {select('status', STATUS_OPTIONS, (v) =>
          v === 'all' ? t('history.all') : t(`history.statusGroup.${v}`),
        )}
        {select('period', PERIODS, (v) => t(`history.period.${v}`))}
      </fieldset>
      {state === 'loading' && (
        <Skeleton shapes={['history-row', 'history-row', 'history-row']} label={t('history.loading')} />
      )}
      {state === 'error' && <ErrorNotice error={history.error} onRetry={history.retry} />}
      {state === 'empty' && (
        <div className="mk-history__empty" data-slot="empty">
          <p className="mk-hint" data-slot="empty-text" role="status">
            {history.filtered ? t('history.emptyFiltered') : t('history.empty')}
          </p>
          {history.filtered && (
            <div className="mk-actions" data-slot="empty-actions">
              <Button variant="secondary" slot="reset" onClick={history.resetFilter}>
                {t('history.reset')}
              </Button>
            </div>
          )}
        </div>
      )}
      {state === 'ready' && (
        <table ref={tableRef} className="mk-history__table" data-slot="table" aria-labelledby={titleId}>
          <thead data-slot="head">
            <tr data-slot="head-row">
              <th scope="col" data-slot="head-date">
                {t('history.col.date')}
              </th>
              <th scope="col" data-slot="head-operation">
                {t('history.col.operation')}
              </th>
              <th scope="col" data-slot="head-status">
                {t('history.col.status')}
              </th>
              <th scope="col" className="mk-history__amount" data-slot="head-amount">
                {t('history.col.amount')}
              </th>
            </tr>
          </thead>
          <tbody data-slot="body">
            {rows.map((row) => (
              <Row key={row.id} row={row} t={t} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      )}
      {state === 'ready' && history.loadMoreError !== null && (
        <ErrorNotice error={history.loadMoreError} onRetry={history.loadMore} />
      )}
      {state === 'ready' && (
        <div className="mk-actions mk-history__actions" data-slot="actions">
          {history.hasMore && history.loadMoreError === null && (
            <Button variant="secondary" slot="more" busy={history.loadingMore} onClick={loadMore}>
              {history.loadingMore ? t('history.loadingMore') : t('history.more')}
            </Button>
          )}
          <a className="mk-link" href={history.csvUrl} download data-slot="csv">
            {t('history.csv')}
            <span className="mk-visually-hidden" data-slot="csv-hint">
              {' '}
              ({t('history.csvHint')})
            </span>
          </a>
        </div>
      )}
    </section>
  );
}
