import { BalanceWidget, BoundCards, queryKeys, SbpRecipientConfirmation, useKit } from '@mandarin-kit/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSandboxConfig } from '../sandbox.js';

/** Flow 2: top-up from a bound card; payouts to a card number and by SBP with recipient confirmation. */
export function PayoutsPage() {
  const { client } = useKit();
  const wallets = useQuery({ queryKey: queryKeys.wallets(), queryFn: () => client.listWallets() });
  const wallet = wallets.data?.wallets.find((w) => w.status === 'Success');
  if (wallets.isPending) return <p>Loading…</p>;
  if (wallet === undefined) {
    return (
      <p className="demo-card">
        Open a wallet first: <a href="#/wallet">Wallet onboarding</a>.
      </p>
    );
  }
  return (
    <>
      <section aria-labelledby="balance-title" className="demo-card">
        <h2 id="balance-title">Balance</h2>
        <BalanceWidget walletId={wallet.id} />
      </section>
      <TopUp walletId={wallet.id} />
      <CardPayout walletId={wallet.id} />
      <SbpPayout walletId={wallet.id} />
      <Operations walletId={wallet.id} />
    </>
  );
}

function TopUp({ walletId }: { walletId: string }) {
  const { client } = useKit();
  const config = useSandboxConfig();
  const [cardId, setCardId] = useState<string | null>(null);
  const [amount, setAmount] = useState('1500.00');
  const [payoutAmount, setPayoutAmount] = useState('50.00');
  const topUp = useMutation({ mutationFn: () => client.createTopUp(walletId, { amount, cardId: cardId! }) });
  const payout = useMutation({
    mutationFn: () =>
      client.createPayout(walletId, {
        amount: payoutAmount,
        destination: { type: 'bound_card', cardId: cardId! },
      }),
  });
  return (
    <section aria-labelledby="topup-title" className="demo-card">
      <h2 id="topup-title">Your cards: top up from one, pay out to one</h2>
      <p className="demo-hint" role="note">
        Sandbox test cards: 4111 1111 1111 1111 links, 4000 0000 0000 0002 is declined. The card is typed into
        Mandarin’s hosted fields (iframes from its origin): neither this page nor the BFF ever sees it.
      </p>
      {config && (
        <BoundCards
          hostedScriptSrc={`${config.emulatorUrl}/api/hosted.js`}
          selectable
          value={cardId}
          onValueChange={setCardId}
        />
      )}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          topUp.mutate();
        }}
      >
        <label>
          Top-up amount, ₽{' '}
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
        </label>
        <button type="submit" disabled={cardId === null || topUp.isPending}>
          Top up from the card
        </button>
        {topUp.error && <p role="alert">{topUp.error.message}</p>}
      </form>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          payout.mutate();
        }}
      >
        <label>
          Payout to the card, ₽{' '}
          <input value={payoutAmount} onChange={(e) => setPayoutAmount(e.target.value)} inputMode="decimal" />
        </label>
        <button type="submit" disabled={cardId === null || payout.isPending}>
          Pay out to the card
        </button>
        {payout.error && <p role="alert">{payout.error.message}</p>}
      </form>
    </section>
  );
}

function CardPayout({ walletId }: { walletId: string }) {
  const { client } = useKit();
  const [cardNumber, setCardNumber] = useState('4111 1111 1111 1111');
  const [amount, setAmount] = useState('100.00');
  const payout = useMutation({
    mutationFn: () =>
      client.createPayout(walletId, { amount, destination: { type: 'card_number', cardNumber } }),
  });
  return (
    <section aria-labelledby="card-payout-title" className="demo-card">
      <h2 id="card-payout-title">Pay out to a card number</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          payout.mutate();
        }}
      >
        <label>
          Card number{' '}
          <input value={cardNumber} onChange={(e) => setCardNumber(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Payout amount, ₽{' '}
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
        </label>
        <button type="submit" disabled={payout.isPending}>
          Pay out to card
        </button>
        {payout.data && (
          <p role="status">
            Payout to {payout.data.destinationMasked}: {payout.data.status}
          </p>
        )}
        {payout.error && <p role="alert">{payout.error.message}</p>}
      </form>
    </section>
  );
}

function SbpPayout({ walletId }: { walletId: string }) {
  const { client } = useKit();
  const banks = useQuery({ queryKey: queryKeys.sbpBanks(''), queryFn: () => client.listSbpBanks() });
  const [phone, setPhone] = useState('+7 900 765-43-21');
  const [bankId, setBankId] = useState('');
  const [amount, setAmount] = useState('250.00');
  const [operationId, setOperationId] = useState<string | null>(null);
  const payout = useMutation({
    mutationFn: () =>
      client.createPayout(walletId, {
        amount,
        destination: {
          type: 'sbp',
          phone,
          bankId: bankId || banks.data!.banks[0]!.bankId,
          confirmRecipient: true,
        },
      }),
    onSuccess: (op) => setOperationId(op.id),
  });
  return (
    <section aria-labelledby="sbp-title" className="demo-card">
      <h2 id="sbp-title">Pay out by SBP</h2>
      <p className="demo-hint" role="note">
        Sandbox phones: +7 900 765-43-21 (the bank returns “Ivan Ivanovich Ivanov”), +7 900 123-45-67.
      </p>
      {operationId === null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            payout.mutate();
          }}
        >
          <label>
            Recipient phone <input value={phone} onChange={(e) => setPhone(e.target.value)} type="tel" />
          </label>
          <label>
            Bank{' '}
            <select value={bankId} onChange={(e) => setBankId(e.target.value)}>
              {banks.data?.banks.map((b) => (
                <option key={b.bankId} value={b.bankId}>
                  {b.bankName}
                </option>
              ))}
            </select>
          </label>
          <label>
            SBP amount, ₽{' '}
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
          </label>
          <button type="submit" disabled={payout.isPending || !banks.data}>
            Continue
          </button>
          {payout.error && <p role="alert">{payout.error.message}</p>}
        </form>
      ) : (
        <>
          <SbpRecipientConfirmation operationId={operationId} />
          <button type="button" onClick={() => setOperationId(null)}>
            New SBP payout
          </button>
        </>
      )}
    </section>
  );
}

function Operations({ walletId }: { walletId: string }) {
  const { client } = useKit();
  const ops = useQuery({
    queryKey: queryKeys.operations(walletId),
    queryFn: () => client.listOperations(walletId),
  });
  return (
    <section aria-labelledby="ops-title" className="demo-card">
      <h2 id="ops-title">Operations</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Amount, ₽</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {ops.data?.operations.map((op) => (
            <tr key={op.id} data-testid="operation-row">
              <td>{op.kind.replaceAll('_', ' ')}</td>
              <td>{op.amount.amount}</td>
              <td>{op.destinationMasked ?? '—'}</td>
              <td data-state={op.status}>{op.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
