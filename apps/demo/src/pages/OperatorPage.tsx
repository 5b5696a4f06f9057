import {
  formatAmount,
  formatMoney,
  fromRoutingWire,
  type PaymentView,
  parseAmount,
  type RoutingWireEntry,
  validateRouting,
} from '@mandarin-kit/core';
import {
  type BffClient,
  ErrorNotice,
  queryKeys,
  RoutingSplitEditor,
  type RoutingWire,
  useKit,
} from '@mandarin-kit/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { amountToText, parseAmountText } from '../amountText.js';
import { sandboxSubMerchantTokens } from '../sandbox.js';
import { useDemoText } from '../useDemoText.js';

const entry = (accountId: string, value: string, fee: string): RoutingWireEntry => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
});

/** Flow 3: the operator links sellers, takes a payment split between them, and refunds it. */
export function OperatorPage({ client }: { client: BffClient }) {
  const t = useDemoText();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: () => client.me() });
  const queryClient = useQueryClient();
  if (!me.data) return <p className="demo-note">{t('loading')}</p>;
  if (!me.data.roles.includes('operator')) {
    return (
      <section className="demo-panel" aria-labelledby="op-title">
        <h2 id="op-title">{t('operator.only')}</h2>
        <p>{t('operator.onlyText')}</p>
        <button
          type="button"
          className="demo-button"
          onClick={async () => {
            await client.signInAsOperator();
            // The BFF ends this session's event stream, which reconnects by itself with the operator's
            // cookie; what the page shows is read again with the new roles.
            await queryClient.invalidateQueries();
          }}
        >
          {t('operator.signIn')}
        </button>
      </section>
    );
  }
  return <Operator />;
}

function useAccounts() {
  const { client } = useKit();
  const subs = useQuery({ queryKey: ['demo', 'sub-merchants'], queryFn: () => client.listSubMerchants() });
  const accounts = (subs.data?.subMerchants ?? []).map((a) => ({
    id: a.id,
    label: `${a.label ?? a.shortId} · ${a.shortId}`,
  }));
  return { subs, accounts };
}

function Operator() {
  const { client } = useKit();
  const t = useDemoText();
  const qc = useQueryClient();
  const { subs, accounts } = useAccounts();
  const link = useMutation({
    mutationFn: async () => {
      const labels = [t('operator.sellerBooks'), t('operator.sellerCoffee')];
      for (const [i, token] of sandboxSubMerchantTokens.entries())
        await client.linkSubMerchant({ token, label: labels[i] });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['demo', 'sub-merchants'] }),
  });
  return (
    <div className="demo-stack">
      <p className="demo-lead">{t('operator.intro')}</p>
      <div className="demo-grid">
        <section className="demo-panel" aria-labelledby="subs-title">
          <h2 id="subs-title">{t('operator.subs')}</h2>
          <p className="demo-note">{t('operator.subsText')}</p>
          {accounts.length > 0 && (
            <ul data-testid="sub-merchants">
              {accounts.map((a) => (
                <li key={a.id}>{a.label}</li>
              ))}
            </ul>
          )}
          {subs.isSuccess && accounts.length < 2 && (
            <button
              type="button"
              className="demo-button"
              aria-disabled={link.isPending}
              onClick={() => !link.isPending && link.mutate()}
            >
              {t('operator.linkSandbox')}
            </button>
          )}
        </section>
        {accounts.length >= 2 && <NewPayment accounts={accounts} />}
        <Payments accounts={accounts} />
      </div>
    </div>
  );
}

function NewPayment({ accounts }: { accounts: Array<{ id: string; label: string }> }) {
  const { client, locale } = useKit();
  const t = useDemoText();
  const qc = useQueryClient();
  const id = useId();
  const [amountText, setAmountText] = useState(() => amountToText(500_000n, locale));
  const initial = [entry(accounts[0]!.id, '4000.00', '50.00'), entry(accounts[1]!.id, '1000.00', '50.00')];
  const [edited, setEdited] = useState<{ routing: RoutingWire; valid: boolean } | null>(null);
  const total = parseAmountText(amountText, locale);
  const routing = (edited?.routing ?? { destination: initial }) as { destination: RoutingWireEntry[] };
  const valid =
    total !== null && (edited?.valid ?? validateRouting(total, fromRoutingWire(initial)).length === 0);
  const create = useMutation({
    mutationFn: () =>
      client.createPayment({
        amount: formatAmount(total!),
        customer: { email: 'buyer@example.com', phone: '+7 900 123-45-67' },
        routing: routing.destination,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.payments() }),
  });
  return (
    <section className="demo-panel demo-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('operator.checkout')}</h2>
      <div className="demo-field">
        <label htmlFor={`${id}-amount`}>{t('operator.total')}</label>
        <input
          id={`${id}-amount`}
          className="demo-input"
          inputMode="decimal"
          autoComplete="off"
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
        />
      </div>
      <RoutingSplitEditor
        total={total ?? 0n}
        accounts={accounts}
        defaultValue={{ destination: initial }}
        onValueChange={(wire, detail) => setEdited({ routing: wire, valid: detail.valid })}
      />
      <button
        type="button"
        className="demo-button"
        aria-disabled={!valid || create.isPending}
        onClick={() => valid && !create.isPending && create.mutate()}
      >
        {t('operator.create')}
      </button>
      {create.error && <ErrorNotice error={create.error} />}
    </section>
  );
}

function Payments({ accounts }: { accounts: Array<{ id: string; label: string }> }) {
  const { client } = useKit();
  const t = useDemoText();
  // The BFF's list, not this page's memory: every past payment stays after a new one or a reload.
  const payments = useQuery({ queryKey: queryKeys.payments(), queryFn: () => client.listPayments() });
  const list = payments.data?.payments ?? [];
  return (
    <section className="demo-panel demo-wide" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('operator.payments')}</h2>
      {payments.isSuccess && list.length === 0 && <p className="demo-note">{t('operator.noPayments')}</p>}
      <ul className="demo-payments" data-testid="payments">
        {list.map((p) => (
          <PaymentItem key={p.id} payment={p} accounts={accounts} />
        ))}
      </ul>
    </section>
  );
}

function PaymentItem({
  payment: p,
  accounts,
}: {
  payment: PaymentView;
  accounts: Array<{ id: string; label: string }>;
}) {
  const { client, locale } = useKit();
  const t = useDemoText();
  const qc = useQueryClient();
  const id = useId();
  const money = (wire: string) => formatMoney(parseAmount(wire), { locale });
  const [refunding, setRefunding] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [routing, setRouting] = useState<RoutingWire | null>(null);
  const [valid, setValid] = useState(false);
  const amount = parseAmountText(amountText, locale);
  const refundable = parseAmount(p.refundable.amount);
  const refund = useMutation({
    mutationFn: () =>
      client.createRefund(p.id, {
        amount: formatAmount(amount!),
        routing: (routing as { source: RoutingWireEntry[] }).source,
      }),
    onSuccess: () => {
      setRefunding(false);
      setAmountText('');
      return qc.invalidateQueries({ queryKey: queryKeys.payments() });
    },
  });
  const canRefund = amount !== null && amount > 0n && amount <= refundable && valid;
  const refunded = p.refunds.filter((r) => r.status !== 'failed').flatMap((r) => r.routing);
  return (
    <li className="demo-payment" data-testid="payment" data-state={p.status}>
      <p className="demo-payment__head">
        <strong>{money(p.amount.amount)}</strong>{' '}
        <span className="demo-badge" data-testid="payment-status">
          {t(`operator.status.${p.status}`)}
        </span>
      </p>
      <p className="demo-note">
        {t('operator.order')} {p.orderId}
      </p>
      {p.status === 'pending' && p.payUrl && (
        <p>
          <a href={p.payUrl} target="_blank" rel="noopener">
            {t('operator.pay')}
          </a>
        </p>
      )}
      {p.status === 'success' && (
        <p data-testid="refundable">
          {refundable === 0n
            ? t('operator.refundedAll')
            : t('operator.refundable', { amount: money(p.refundable.amount) })}
        </p>
      )}
      {p.refunds.length > 0 && (
        <>
          <h3 id={`${id}-refunds`}>{t('operator.refunds')}</h3>
          <ul aria-labelledby={`${id}-refunds`} data-testid="refunds">
            {p.refunds.map((r) => (
              <li key={r.id}>
                {money(r.amount.amount)} — {t(`operator.refundStatus.${r.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.status === 'success' && refundable > 0n && !refunding && (
        <button
          type="button"
          className="demo-button demo-button--secondary"
          onClick={() => setRefunding(true)}
        >
          {t('operator.refund')}
        </button>
      )}
      {refunding && (
        <div className="demo-stack">
          <div className="demo-field">
            <label htmlFor={`${id}-refund`}>{t('operator.refundAmount')}</label>
            <input
              id={`${id}-refund`}
              className="demo-input"
              inputMode="decimal"
              autoComplete="off"
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
            />
          </div>
          <p>
            <button
              type="button"
              className="demo-button demo-button--secondary"
              onClick={() => setAmountText(amountToText(refundable, locale))}
            >
              {t('operator.refundAll')}
            </button>
          </p>
          <RoutingSplitEditor
            mode="source"
            total={amount ?? 0n}
            accounts={accounts}
            original={p.routing}
            refunded={refunded}
            onValueChange={(wire, detail) => {
              setRouting(wire);
              setValid(detail.valid);
            }}
          />
          <div className="demo-buttons">
            <button
              type="button"
              className="demo-button"
              aria-disabled={!canRefund || refund.isPending}
              onClick={() => canRefund && !refund.isPending && refund.mutate()}
            >
              {amount !== null && amount > 0n
                ? t('operator.refundSubmit', { amount: formatMoney(amount, { locale }) })
                : t('operator.refund')}
            </button>
            <button
              type="button"
              className="demo-button demo-button--secondary"
              onClick={() => setRefunding(false)}
            >
              {t('operator.cancel')}
            </button>
          </div>
          {refund.error && <ErrorNotice error={refund.error} />}
        </div>
      )}
    </li>
  );
}
