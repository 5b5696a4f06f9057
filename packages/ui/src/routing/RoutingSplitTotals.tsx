import { formatMoney, type RoutingIssue } from '@mandarin-kit/core';
import { memo } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import type { Translate } from '../i18n/useMessages.js';
import type { routingMessages } from './routingMessages.js';

type RoutingKey = keyof (typeof routingMessages)['ru'];

/** Props of {@link RoutingSplitTotals}. */
export interface RoutingSplitTotalsProps {
  mode: 'destination' | 'source';
  total: bigint;
  allocated: bigint;
  remaining: bigint;
  fees: bigint;
  splitIssues: readonly RoutingIssue[];
  valid: boolean;
  /** Whether the user changed anything yet: until then "short of the total" is where to start, not an error. */
  touched: boolean;
  locale: Locale;
  t: Translate<RoutingKey>;
}

/** Totals, what remains to allocate and the split's own issues, announced politely as they change. */
export const RoutingSplitTotals = memo(function RoutingSplitTotals({
  mode,
  total,
  allocated,
  remaining,
  fees,
  splitIssues,
  valid,
  touched,
  locale,
  t,
}: RoutingSplitTotalsProps) {
  const money = (minor: bigint) => formatMoney(minor, { locale });
  return (
    <div className="mk-routing__totals" data-slot="totals" data-state={valid ? 'valid' : 'invalid'}>
      <dl className="mk-details" data-slot="totals-list">
        <div className="mk-details__row" data-slot="total">
          <dt data-slot="label">{t(mode === 'source' ? 'routing.totalRefund' : 'routing.total')}</dt>
          <dd className="mk-money" data-slot="value">
            {money(total)}
          </dd>
        </div>
        <div className="mk-details__row" data-slot="allocated">
          <dt data-slot="label">{t('routing.allocated')}</dt>
          <dd className="mk-money" data-slot="value">
            {money(allocated)}
          </dd>
        </div>
        <div
          className="mk-details__row"
          data-slot="remaining"
          data-state={remaining === 0n ? 'zero' : 'open'}
        >
          <dt data-slot="label">{t('routing.remaining')}</dt>
          <dd className="mk-money" data-slot="value">
            {money(remaining)}
          </dd>
        </div>
        <div className="mk-details__row" data-slot="fees">
          <dt data-slot="label">{t('routing.fees')}</dt>
          <dd className="mk-money" data-slot="value">
            {money(fees)}
          </dd>
        </div>
      </dl>
      {/* Not a live region: the editor announces when the split balances or stops, not every keystroke. */}
      <div className="mk-routing__issues" data-slot="split-issues">
        {splitIssues.map((issue) => (
          <p
            key={issue.code}
            className={touched ? 'mk-field-error' : 'mk-hint'}
            data-slot="split-issue"
            data-code={issue.code}
          >
            {issue.code === 'SUM_MISMATCH'
              ? t(issue.difference! > 0n ? 'routing.issue.SUM_OVER' : 'routing.issue.SUM_SHORT', {
                  amount: money(issue.difference! > 0n ? issue.difference! : -issue.difference!),
                })
              : t(`routing.issue.${issue.code}` as RoutingKey)}
          </p>
        ))}
        {valid && (
          <p className="mk-status mk-status--success" data-slot="balanced">
            {t('routing.balanced')}
          </p>
        )}
      </div>
    </div>
  );
});
