import {
  formatAmount,
  fromRoutingWire,
  type PaymentView,
  type RoutingWireEntry,
  validateRouting,
} from '@mandarin-kit/core';
import {
  amountToText,
  type BffClient,
  CapturePayment,
  ErrorNotice,
  PaymentsTable,
  parseAmountText,
  queryKeys,
  RefundDialog,
  RoutingSplitEditor,
  type RoutingWire,
  SubMerchantLink,
  useKit,
  useSubMerchantAccounts,
} from '@mandarin-kit/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SandboxNote } from '../SandboxNote.js';
import { sandboxSubMerchantTokens } from '../sandbox.js';
import { useDemoText } from '../useDemoText.js';

/** Flow 3: the operator links sellers, takes a payment split between them, captures, refunds. */
export function OperatorPage({ client }: { client: BffClient }) {
  const t = useDemoText();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: () => client.me() });
  const queryClient = useQueryClient();
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <p className="demo-note">{t('loading')}</p>;
  if (!me.data.roles.includes('operator')) {
    return (
      <section className="demo-panel demo-narrow" aria-labelledby="op-title">
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

/** What the operator is acting on: a payment to refund or to capture, with the dialog for it. */
type Action = { kind: 'refund' | 'capture'; payment: PaymentView } | null;

function Operator() {
  const t = useDemoText();
  const { locale } = useKit();
  const [action, setAction] = useState<Action>(null);
  return (
    <div className="demo-stack">
      <p className="demo-lead">{t('operator.intro')}</p>
      <div className="demo-grid">
        <div className="demo-stack">
          <SandboxNote>
            {t('operator.sandboxTokens')}
            <span className="demo-tokens">
              {sandboxSubMerchantTokens.map((token) => (
                <code key={token} data-testid="sandbox-token">
                  {token}
                </code>
              ))}
            </span>
          </SandboxNote>
          <SubMerchantLink />
        </div>
        {/* Amounts are typed in the language's own way (`5000,00`, `5000.00`): a new language starts the form afresh. */}
        <NewPayment key={locale} />
        <PaymentsTable
          className="demo-wide"
          timeZone="Europe/Moscow"
          onRefund={(payment) => setAction({ kind: 'refund', payment })}
          onCapture={(payment) => setAction({ kind: 'capture', payment })}
        />
      </div>
      {action?.kind === 'refund' && <RefundDialog payment={action.payment} onClose={() => setAction(null)} />}
      {action?.kind === 'capture' && (
        <CapturePayment payment={action.payment} onClose={() => setAction(null)} />
      )}
    </div>
  );
}

const entry = (accountId: string, value: string, fee: string): RoutingWireEntry => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
});

/** The split a new payment of 5 000 ₽ starts from: 4 000 ₽ and 1 000 ₽, 50 ₽ of each the platform's fee. */
function startingSplit(accountIds: string[]): RoutingWireEntry[] {
  const [first, second] = accountIds;
  if (first === undefined) return [];
  if (second === undefined) return [entry(first, '5000.00', '100.00')];
  return [entry(first, '4000.00', '50.00'), entry(second, '1000.00', '50.00')];
}

/**
 * A new payment, as the marketplace's checkout would make it: the order total and its split between the
 * linked sellers (the kit's RoutingSplitEditor, offering them by name), or a two-step payment whose split is
 * given when it is captured. The customer pays on Mandarin's hosted page.
 */
function NewPayment() {
  const { client, locale } = useKit();
  const t = useDemoText();
  const qc = useQueryClient();
  const id = useId();
  const { accounts } = useSubMerchantAccounts();
  const [amountText, setAmountText] = useState(() => amountToText(500_000n, locale));
  const [twoStep, setTwoStep] = useState(false);
  const [edited, setEdited] = useState<{ routing: RoutingWire; valid: boolean } | null>(null);
  const total = parseAmountText(amountText, locale);
  // The editor reports edits; until the first one, its starting split (4:1 between the first two sellers, with
  // the platform's fee from each) is what will be sent.
  const initial = startingSplit(accounts.map((a) => a.id));
  const routing = edited?.routing ?? { destination: initial };
  const valid =
    edited?.valid ??
    (total !== null && initial.length > 0 && validateRouting(total, fromRoutingWire(initial)).length === 0);
  const ready = total !== null && total > 0n && (twoStep || valid);
  const create = useMutation({
    mutationFn: () =>
      client.createPayment({
        amount: formatAmount(total!),
        twoStep,
        customer: { email: 'buyer@example.com', phone: '+7 900 123-45-67' },
        ...(twoStep ? {} : { routing: (routing as { destination: RoutingWireEntry[] }).destination }),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.payments() }),
  });
  const created = create.data;
  return (
    <section className="demo-panel" aria-labelledby={`${id}-title`} data-testid="new-payment">
      <h2 id={`${id}-title`}>{t('operator.checkout')}</h2>
      {accounts.length === 0 ? (
        <p className="demo-note">{t('operator.needSellers')}</p>
      ) : (
        <>
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
          <label className="demo-check">
            <input type="checkbox" checked={twoStep} onChange={(e) => setTwoStep(e.target.checked)} />
            {t('operator.twoStep')}
          </label>
          {!twoStep && (
            <RoutingSplitEditor
              key={accounts.length}
              total={total ?? 0n}
              accounts={accounts}
              defaultValue={{ destination: initial }}
              onValueChange={(wire, detail) => setEdited({ routing: wire, valid: detail.valid })}
            />
          )}
          <button
            type="button"
            className="demo-button"
            aria-disabled={!ready || create.isPending}
            onClick={() => ready && !create.isPending && create.mutate()}
          >
            {t('operator.create')}
          </button>
          {create.error && <ErrorNotice error={create.error} onRetry={() => create.mutate()} />}
          {created && (
            <p className="demo-created" role="status" data-testid="created-payment">
              {t('operator.created', { order: created.orderId })}{' '}
              {created.payUrl && (
                <a href={created.payUrl} target="_blank" rel="noopener">
                  {t('operator.pay')}
                </a>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
