import {
  formatMoney,
  type PaymentStatus,
  type PaymentView,
  parseAmount,
  paymentStatusSchema,
  type RoutingEntryBody,
} from '@mandarin-kit/core';
import { type FormEvent, memo, type Ref, useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.js';
import { formatDateTime } from '../history/historyFormat.js';
import type { Locale } from '../i18n/defineMessages.js';
import { type Translate, useMessages } from '../i18n/useMessages.js';
import { Button } from '../parts/Button.js';
import { CardHeader, useCardRoot } from '../parts/Card.js';
import { Field } from '../parts/Field.js';
import { Skeleton } from '../parts/Skeleton.js';
import { usePagedListFocus } from '../parts/usePagedListFocus.js';
import { useKit } from '../provider/KitContext.js';
import { useSubMerchantAccounts } from '../sub-merchants/useSubMerchantAccounts.js';
import { paymentsMessages } from './paymentsMessages.js';
import {
  canCapture,
  canRefund,
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

type T = Translate<keyof (typeof paymentsMessages)['ru']>;

/** Characters of the longest amount kept on one line (`999 999 999,99 ₽`). */
const LONG_AMOUNT = 16;
const PERIODS: PaymentPeriod[] = ['all', '7', '30', '90', '365'];
const COLUMNS = ['date', 'order', 'status', 'amount', 'details'] as const;

const money = (wire: string, locale: Locale) => formatMoney(parseAmount(wire), { locale });

/** Refunded in full, in part, or not at all: what the refunds that have not failed add up to. */
function refundState(payment: PaymentView): 'full' | 'partial' | null {
  if (payment.status !== 'success' || !payment.refunds.some((r) => r.status !== 'failed')) return null;
  return parseAmount(payment.refundable.amount) === 0n ? 'full' : 'partial';
}

/** The payment's status in words, with "refunded" where refunds took all or part of it. */
function statusWords(payment: PaymentView, t: T): string {
  const refunded = refundState(payment);
  return refunded ? t(`payments.refunded.${refunded}`) : t(`payments.status.${payment.status}`);
}

interface RowProps {
  payment: PaymentView;
  open: boolean;
  onToggle: (paymentId: string) => void;
  labelOf: (accountId: string) => string;
  onRefund: PaymentsTableProps['onRefund'];
  onCapture: PaymentsTableProps['onCapture'];
  t: T;
  locale: Locale;
  timeZone: string | undefined;
  /** Unique to the table, so that two tables on a page never share an id. */
  idPrefix: string;
}

function SplitList({
  routing,
  labelOf,
  t,
  locale,
  slot,
}: {
  routing: readonly RoutingEntryBody[];
  labelOf: (accountId: string) => string;
  t: T;
  locale: Locale;
  slot: string;
}) {
  return (
    <ul className="mk-payments__split" data-slot={slot}>
      {routing.map((entry) => {
        const fee = parseAmount(entry.platformFeeAmount.value);
        return (
          <li key={entry.accountId} className="mk-payments__share" data-slot="share">
            <span className="mk-payments__account" data-slot="account">
              {labelOf(entry.accountId)}
            </span>
            <span className="mk-money" data-slot="share-amount">
              {money(entry.amount.value, locale)}
            </span>
            {fee > 0n && (
              <span className="mk-payments__fee" data-slot="share-fee">
                {t('payments.details.fee', { fee: formatMoney(fee, { locale }) })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One payment: its row, and under it the details when open (split, refunds, what can be done). */
const PaymentRows = memo(function PaymentRows({
  payment,
  open,
  onToggle,
  labelOf,
  onRefund,
  onCapture,
  t,
  locale,
  timeZone,
  idPrefix,
}: RowProps) {
  const detailsId = `${idPrefix}-${payment.id}`;
  const amount = money(payment.amount.amount, locale);
  const long = amount.length > LONG_AMOUNT;
  const refunded = refundState(payment);
  const refundable = canRefund(payment) && onRefund;
  const capturable = canCapture(payment) && onCapture;
  return (
    <tbody
      className="mk-payments__group"
      data-slot="payment"
      data-payment-id={payment.id}
      data-status={payment.status}
      data-refunded={refunded ?? undefined}
      data-open={open || undefined}
    >
      <tr className="mk-payments__row" data-slot="row" data-long={long || undefined} tabIndex={-1}>
        <td className="mk-payments__date" data-slot="date">
          <time dateTime={payment.createdAt} data-slot="time">
            {formatDateTime(payment.createdAt, locale, timeZone)}
          </time>
        </td>
        <td className="mk-payments__order" data-slot="order">
          <span className="mk-payments__order-id" data-slot="order-id">
            {payment.orderId}
          </span>
          {payment.description && (
            <span className="mk-payments__description" data-slot="description">
              {payment.description}
            </span>
          )}
        </td>
        <td className="mk-payments__status" data-slot="status">
          <span
            className="mk-badge"
            data-slot="status-badge"
            data-status={refunded ? `refunded-${refunded}` : payment.status}
          >
            {statusWords(payment, t)}
          </span>
        </td>
        <td className="mk-payments__amount mk-money" data-slot="amount" data-long={long || undefined}>
          {amount}
        </td>
        <td className="mk-payments__toggle" data-slot="toggle-cell">
          <button
            type="button"
            className="mk-button mk-button--ghost mk-payments__toggle-button"
            data-slot="toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={t('payments.details.label', { order: payment.orderId })}
            onClick={() => onToggle(payment.id)}
          >
            <span data-slot="toggle-text">{t('payments.details')}</span>
            <span className="mk-payments__chevron" data-slot="chevron" aria-hidden="true" />
          </button>
        </td>
      </tr>
      {open && (
        <tr className="mk-payments__details-row" data-slot="details-row">
          <td colSpan={COLUMNS.length} id={detailsId} className="mk-payments__details" data-slot="details">
            <h3 className="mk-payments__subheading" data-slot="details-split-heading">
              {t('payments.details.split')}
            </h3>
            {payment.routing.length > 0 ? (
              <SplitList routing={payment.routing} labelOf={labelOf} t={t} locale={locale} slot="split" />
            ) : (
              <p className="mk-hint" data-slot="no-split">
                {t('payments.details.noSplit')}
              </p>
            )}
            {payment.status === 'success' && (
              <>
                <h3 className="mk-payments__subheading" data-slot="details-refunds-heading">
                  {t('payments.details.refunds')}
                </h3>
                {payment.refunds.length === 0 ? (
                  <p className="mk-hint" data-slot="no-refunds">
                    {t('payments.details.noRefunds')}
                  </p>
                ) : (
                  <ul className="mk-payments__refunds" data-slot="refunds">
                    {payment.refunds.map((refund) => (
                      <li
                        key={refund.id}
                        className="mk-payments__refund"
                        data-slot="refund"
                        data-status={refund.status}
                      >
                        <span className="mk-payments__refund-line" data-slot="refund-line">
                          <time
                            className="mk-payments__date"
                            dateTime={refund.createdAt}
                            data-slot="refund-time"
                          >
                            {formatDateTime(refund.createdAt, locale, timeZone)}
                          </time>
                          <span className="mk-badge" data-slot="refund-status" data-status={refund.status}>
                            {t(
                              `payments.refund.${refund.status === 'failed' || refund.status === 'success' ? refund.status : 'pending'}`,
                            )}
                          </span>
                          <span className="mk-money" data-slot="refund-amount">
                            {money(refund.amount.amount, locale)}
                          </span>
                        </span>
                        <SplitList
                          routing={refund.routing}
                          labelOf={labelOf}
                          t={t}
                          locale={locale}
                          slot="refund-split"
                        />
                        {refund.failureReason && (
                          <span className="mk-payments__reason" data-slot="refund-reason">
                            {t('payments.details.reason', { reason: refund.failureReason })}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mk-payments__refundable" data-slot="refundable">
                  {t('payments.details.refundable', { amount: money(payment.refundable.amount, locale) })}
                </p>
              </>
            )}
            {payment.failureReason && (
              <p className="mk-payments__reason" data-slot="reason">
                {t('payments.details.reason', { reason: payment.failureReason })}
              </p>
            )}
            {(refundable || capturable) && (
              <div className="mk-actions" data-slot="row-actions">
                {refundable && (
                  <button
                    type="button"
                    className="mk-button mk-button--secondary"
                    data-slot="refund"
                    onClick={(event) => onRefund(payment, event.currentTarget)}
                  >
                    {t('payments.action.refund')}
                  </button>
                )}
                {capturable && (
                  <button
                    type="button"
                    className="mk-button"
                    data-slot="capture"
                    onClick={(event) => onCapture(payment, event.currentTarget)}
                  >
                    {t('payments.action.capture')}
                  </button>
                )}
              </div>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
});

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
    <Field id={`${id}-${name}`} label={t(`payments.filter.${name}`)}>
      <select
        id={`${id}-${name}`}
        className="mk-input"
        data-slot={`filter-${name}`}
        value={filter[name]}
        onChange={(event) => table.setFilter({ [name]: event.target.value } as Partial<PaymentsFilter>)}
      >
        {values.map((value) => (
          <option key={value} value={value} data-slot="option">
            {label(value)}
          </option>
        ))}
      </select>
    </Field>
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
