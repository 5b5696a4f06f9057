import { fromRoutingWire, parseAmount, type RoutingWireEntry, validateRouting } from '@mandarin-kit/core';
import { type BffClient, queryKeys, RoutingSplitEditor, type RoutingWire, useKit } from '@mandarin-kit/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sandboxSubMerchantTokens } from '../sandbox.js';

const entry = (accountId: string, value: string, fee: string): RoutingWireEntry => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
});

const toMinor = (amount: string) => {
  try {
    return parseAmount(amount);
  } catch {
    return 0n;
  }
};

/** Flow 3: a checkout split across sub-merchants, paid on the hosted page, then two partial refunds. */
export function OperatorPage({ client }: { client: BffClient }) {
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: () => client.me() });
  const queryClient = useQueryClient();
  if (!me.data) return <p>Loading…</p>;
  if (!me.data.roles.includes('operator')) {
    return (
      <section className="demo-card" aria-labelledby="op-title">
        <h2 id="op-title">Operators only</h2>
        <p>The demo lets anyone sign in as the marketplace operator (off by default in a real BFF).</p>
        <button
          type="button"
          onClick={async () => {
            await client.signInAsOperator();
            // The BFF ends this session's event stream, which reconnects by itself with the operator's
            // cookie; what the page shows is read again with the new roles.
            await queryClient.invalidateQueries();
          }}
        >
          Sign in as operator
        </button>
      </section>
    );
  }
  return <Checkout />;
}

function Checkout() {
  const { client } = useKit();
  const qc = useQueryClient();
  const accounts = useQuery({
    queryKey: ['demo', 'sub-merchants'],
    queryFn: () => client.listSubMerchants(),
  });
  const link = useMutation({
    mutationFn: async () => {
      for (const [i, token] of sandboxSubMerchantTokens.entries()) {
        await client.linkSubMerchant({ token, label: `Shop ${i + 1}` });
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['demo', 'sub-merchants'] }),
  });
  const [amount, setAmount] = useState('5000.00');
  const [edited, setEdited] = useState<{ routing: RoutingWire; valid: boolean } | null>(null);
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      client.createPayment({
        amount,
        customer: { email: 'buyer@example.com', phone: '+7 900 123-45-67' },
        routing: (routing as { destination: RoutingWireEntry[] }).destination,
      }),
    onSuccess: (p) => setPaymentId(p.id),
  });
  const options = (accounts.data?.subMerchants ?? []).map((a, i) => ({
    id: a.id,
    label: `${a.label ?? `Shop ${i + 1}`} · ${a.shortId}`,
  }));
  // The editor reports edits; until the first one, the starting split is what will be sent.
  const initial: RoutingWireEntry[] =
    options.length < 2
      ? []
      : [entry(options[0]!.id, '4000.00', '50.00'), entry(options[1]!.id, '1000.00', '50.00')];
  const routing = edited?.routing ?? { destination: initial };
  const valid =
    edited?.valid ??
    (initial.length > 0 && validateRouting(toMinor(amount), fromRoutingWire(initial)).length === 0);
  if (options.length < 2) {
    return (
      <section className="demo-card" aria-labelledby="subs-title">
        <h2 id="subs-title">Sub-merchants</h2>
        <button type="button" onClick={() => link.mutate()} disabled={link.isPending}>
          Link two sandbox sub-merchants
        </button>
      </section>
    );
  }
  if (paymentId !== null)
    return <Payment paymentId={paymentId} accounts={options} onNew={() => setPaymentId(null)} />;
  return (
    <section className="demo-card" aria-labelledby="checkout-title">
      <h2 id="checkout-title">Checkout</h2>
      <label>
        Order total, ₽{' '}
        <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
      </label>
      <RoutingSplitEditor
        total={toMinor(amount)}
        accounts={options}
        defaultValue={{ destination: initial }}
        onValueChange={(wire, detail) => setEdited({ routing: wire, valid: detail.valid })}
      />
      <button type="button" disabled={!valid || create.isPending} onClick={() => create.mutate()}>
        Create payment
      </button>
      {create.error && <p role="alert">{create.error.message}</p>}
    </section>
  );
}

function Payment({
  paymentId,
  accounts,
  onNew,
}: {
  paymentId: string;
  accounts: Array<{ id: string; label: string }>;
  onNew: () => void;
}) {
  const { client } = useKit();
  const payment = useQuery({
    queryKey: queryKeys.payment(paymentId),
    queryFn: () => client.getPayment(paymentId),
  });
  const [amount, setAmount] = useState('1000.00');
  const [routing, setRouting] = useState<RoutingWire | null>(null);
  const [valid, setValid] = useState(false);
  const qc = useQueryClient();
  const refund = useMutation({
    mutationFn: () =>
      client.createRefund(paymentId, { amount, routing: (routing as { source: RoutingWireEntry[] }).source }),
    onSuccess: () => {
      setRouting(null);
      setValid(false);
      return qc.invalidateQueries({ queryKey: queryKeys.payment(paymentId) });
    },
  });
  const p = payment.data;
  if (!p) return <p>Loading…</p>;
  const refunded = p.refunds.filter((r) => r.status !== 'failed').flatMap((r) => r.routing);
  return (
    <section className="demo-card" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment {p.amount.amount} ₽</h2>
      <p role="status" aria-live="polite" data-testid="payment-status" data-state={p.status}>
        Status: {p.status}
      </p>
      {p.status === 'pending' && p.payUrl && (
        <p>
          <a href={p.payUrl} target="_blank" rel="noopener">
            Pay on Mandarin’s hosted page
          </a>
        </p>
      )}
      {p.status === 'success' && (
        <>
          <p data-testid="refundable">Refundable: {p.refundable.amount} ₽</p>
          <h3>Partial refund</h3>
          <label>
            Refund amount, ₽{' '}
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
          </label>
          <RoutingSplitEditor
            key={p.refunds.length}
            mode="source"
            total={toMinor(amount)}
            accounts={accounts}
            original={p.routing}
            refunded={refunded}
            onValueChange={(wire, detail) => {
              setRouting(wire);
              setValid(detail.valid);
            }}
          />
          <button type="button" disabled={!valid || refund.isPending} onClick={() => refund.mutate()}>
            Refund
          </button>
          {refund.error && <p role="alert">{refund.error.message}</p>}
        </>
      )}
      <h3>Refunds</h3>
      <ul data-testid="refunds">
        {p.refunds.map((r) => (
          <li key={r.id}>
            {r.amount.amount} ₽ — {r.status}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onNew}>
        New checkout
      </button>
    </section>
  );
}
