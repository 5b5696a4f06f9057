import { formatMoney, type PaymentView, parseAmount, type RoutingEntryBody } from '@mandarin-kit/core';
import { memo } from 'react';
import { formatDateTime } from '../history/historyFormat.js';
import type { Locale } from '../i18n/defineMessages.js';
import type { Translate } from '../i18n/useMessages.js';
import type { PaymentsTableProps } from './PaymentsTable.js';
import type { paymentsMessages } from './paymentsMessages.js';
import { canCapture, canRefund } from './usePaymentsTable.js';

/** The table's columns, in order. */
export const COLUMNS = ['date', 'order', 'status', 'amount', 'details'] as const;

type T = Translate<keyof (typeof paymentsMessages)['ru']>;

/** Characters of the longest amount kept on one line (`999 999 999,99 ₽`). */
const LONG_AMOUNT = 16;

const money = (wire: string, locale: Locale) => formatMoney(parseAmount(wire), { locale });

/** Refunded in full, in part, or not at all: what the refunds that have not failed add up to. */
function refundState(payment: PaymentView): 'full' | 'partial' | null {
  if (payment.status !== 'success' || !payment.refunds.some((r) => r.status !== 'failed')) return null;
  return parseAmount(payment.refundable.amount) === 0n ? 'full' : 'partial';
}

/** The payment's status in words, with "refunded" where refunds took all or part of it. */
export function statusWords(payment: PaymentView, t: T): string {
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
export const PaymentRows = memo(function PaymentRows({
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
