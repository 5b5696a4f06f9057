import { type PaymentStatus, type PaymentView, paymentStatusSchema } from '@mandarin-kit/core';
import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field } from '../parts/Field.js';
import { FilterSelect } from '../parts/FilterSelect.js';
import { Skeleton } from '../parts/Skeleton.js';
import { usePagedListFocus } from '../parts/usePagedListFocus.js';
import { useKit } from '../provider/KitContext.js';
import { useSubMerchantAccounts } from '../sub-merchants/useSubMerchantAccounts.js';
import { COLUMNS, PaymentRows, statusWords } from './PaymentRows.js';
import { paymentsMessages } from './paymentsMessages.js';
import {
  type PaymentPeriod,
  type PaymentsFilter,
  type UsePaymentsTableOptions,
  usePaymentsTable,
} from './usePaymentsTable.js';

/** Props of {@link PaymentsTable}. */
export interface PaymentsTableProps extends UsePaymentsTableOptions {
  /** The time zone dates are shown in (an IANA name such as `Europe/Moscow`; default: the browser's). */
  timeZone?: string;
  /** Refund chosen for a paid payment; `opener` is the button, for focus to return to. */
  onRefund?: (payment: PaymentView, opener: HTMLElement) => void;
  /** Capture chosen for a held two-step payment; `opener` is the button, for focus to return to. */
  onCapture?: (payment: PaymentView, opener: HTMLElement) => void;
  /** Called when loading the list failed. */
  onError?: (error: unknown) => void;
  className?: string;
  ref?: Ref<HTMLElement>;
}

const PERIODS: PaymentPeriod[] = ['all', '7', '30', '90', '365'];

/**
 * The operator's payments: date and time, order id, status (with "refunded" in full or in part) and the exact
 * amount of each, and on demand its split between sub-merchants (by their labels), its refunds and what can
 * still be refunded, with Refund and Capture where they apply. Filters by status and period, a search by order
 * id, "Show more" by cursor; kept live by the event stream. A table on a wide card, stacked cards on a narrow one.
 */
export function PaymentsTable({
  timeZone,
  onRefund,
  onCapture,
  onError,
  className,
  ref,
  ...options
}: PaymentsTableProps) {
  const t = useMessages(paymentsMessages);
  const { locale } = useKit();
  const table = usePaymentsTable(options);
  const { labelOf } = useSubMerchantAccounts();
  const id = useId();
  const titleId = `${id}-title`;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const { state, payments, filter } = table;
  const [search, setSearch] = useState(filter.orderId);

  useEffect(() => {
    if (table.error) onErrorRef.current?.(table.error);
  }, [table.error]);

  const { tableRef, headingRef, loadMore, onFocus } = usePagedListFocus(
    payments.length,
    table.loadMore,
    `${state} more:${table.hasMore} failed:${table.loadMoreError !== null}`,
  );

  // A payment or refund that changes while the list is shown (the event stream) is announced once.
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    const changed: string[] = [];
    for (const payment of payments) {
      const words = statusWords(payment, t);
      const before = seen.current.get(payment.id);
      if (before !== undefined && before !== words)
        changed.push(t('payments.updated', { order: payment.orderId, status: words }));
      seen.current.set(payment.id, words);
    }
    if (changed.length > 0) setAnnouncement(changed.join('. '));
  }, [payments, t]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    table.setFilter({ orderId: search });
  };
  const reset = () => {
    setSearch('');
    table.resetFilter();
  };

  const select = <K extends 'status' | 'period'>(
    name: K,
    values: readonly PaymentsFilter[K][],
    label: (value: PaymentsFilter[K]) => string,
  ) => (
    <FilterSelect
      id={`${id}-${name}`}
      name={name}
      label={t(`payments.filter.${name}`)}
      value={filter[name]}
      values={values}
      optionLabel={label}
      onChange={(value) => table.setFilter({ [name]: value } as Partial<PaymentsFilter>)}
    />
  );

  return (
    <section
      ref={ref}
      {...useCardRoot('payments', className, true)}
      data-state={state}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || table.refreshing || table.loadingMore}
      onFocus={onFocus}
    >
      <CardHeader id={titleId} title={t('payments.title')} headingRef={headingRef} />
      <div className="mk-payments__filters" data-slot="filters">
        <search className="mk-payments__search-region" data-slot="search">
          <form className="mk-payments__search" data-slot="search-form" onSubmit={onSearch}>
            <Field id={`${id}-search`} label={t('payments.search')} hint={t('payments.search.hint')}>
              <input
                id={`${id}-search`}
                className="mk-input"
                data-slot="search-input"
                type="search"
                autoComplete="off"
                spellCheck={false}
                enterKeyHint="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                aria-describedby={`${id}-search-hint`}
              />
            </Field>
            <Button type="submit" variant="secondary" slot="search-submit">
              {t('payments.search.submit')}
            </Button>
          </form>
        </search>
        <fieldset className="mk-fieldset mk-payments__selects" data-slot="selects">
          <legend className="mk-visually-hidden" data-slot="filters-legend">
            {t('payments.filters')}
          </legend>
          {select('status', ['all', ...paymentStatusSchema.options] as (PaymentStatus | 'all')[], (v) =>
            v === 'all' ? t('payments.all') : t(`payments.status.${v}`),
          )}
          {select('period', PERIODS, (v) => t(`payments.period.${v}`))}
        </fieldset>
      </div>
      {state === 'loading' && (
        <Skeleton shapes={['payment-row', 'payment-row', 'payment-row']} label={t('payments.loading')} />
      )}
      {state === 'error' && <ErrorNotice error={table.error} onRetry={table.retry} />}
      {state === 'empty' && (
        <div className="mk-payments__empty" data-slot="empty">
          <p className="mk-hint" data-slot="empty-text" role="status">
            {table.filtered ? t('payments.emptyFiltered') : t('payments.empty')}
          </p>
          {table.filtered && (
            <div className="mk-actions" data-slot="empty-actions">
              <Button variant="secondary" slot="reset" onClick={reset}>
                {t('payments.reset')}
              </Button>
            </div>
          )}
        </div>
      )}
      {state === 'ready' && (
        <table ref={tableRef} className="mk-payments__table" data-slot="table" aria-labelledby={titleId}>
          <thead data-slot="head">
            <tr data-slot="head-row">
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={`mk-payments__${column === 'details' ? 'toggle' : column}`}
                  data-slot={`head-${column}`}
                >
                  {column === 'details' ? (
                    <span className="mk-visually-hidden" data-slot="head-text">
                      {t('payments.col.details')}
                    </span>
                  ) : (
                    t(`payments.col.${column}`)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {payments.map((payment) => (
            <PaymentRows
              key={payment.id}
              payment={payment}
              open={table.expanded.has(payment.id)}
              onToggle={table.toggle}
              labelOf={labelOf}
              onRefund={onRefund}
              onCapture={onCapture}
              t={t}
              locale={locale}
              timeZone={timeZone}
              idPrefix={id}
            />
          ))}
        </table>
      )}
      {state === 'ready' && table.loadMoreError !== null && (
        <ErrorNotice error={table.loadMoreError} onRetry={table.loadMore} />
      )}
      {state === 'ready' && table.hasMore && table.loadMoreError === null && (
        <div className="mk-actions" data-slot="actions">
          <Button variant="secondary" slot="more" busy={table.loadingMore} onClick={loadMore}>
            {table.loadingMore ? t('payments.loadingMore') : t('payments.more')}
          </Button>
        </div>
      )}
      <p className="mk-visually-hidden" data-slot="announcer" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
