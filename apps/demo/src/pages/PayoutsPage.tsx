import {
  BalanceWidget,
  BoundCards,
  ErrorNotice,
  PayoutForm,
  queryKeys,
  TopUpForm,
  useKit,
  WalletOperations,
} from '@mandarin-kit/ui';
import { useQuery } from '@tanstack/react-query';
import { SandboxNote } from '../SandboxNote.js';
import { useSandboxConfig } from '../sandbox.js';
import { useDemoText } from '../useDemoText.js';

/** Flow 2: the balance, a top-up from a card, payouts (card number, linked card, SBP), cards and history. */
export function PayoutsPage() {
  const { client } = useKit();
  const t = useDemoText();
  const config = useSandboxConfig();
  const wallets = useQuery({ queryKey: queryKeys.wallets(), queryFn: () => client.listWallets() });
  const wallet = wallets.data?.wallets.find((w) => w.status === 'Success');
  if (wallets.isError) return <ErrorNotice error={wallets.error} onRetry={() => void wallets.refetch()} />;
  if (wallets.isPending || config === null) return <p className="demo-note">{t('loading')}</p>;
  if (wallet === undefined) {
    const opening = wallets.data?.wallets.some((w) => w.status === 'Processing') ?? false;
    return (
      <div className="demo-stack">
        <p className="demo-lead">{t(opening ? 'money.opening' : 'money.noWallet')}</p>
        <p>
          <a className="demo-button" href="#/wallet">
            {t(opening ? 'money.toOpening' : 'money.toWallet')}
          </a>
        </p>
      </div>
    );
  }
  const hostedScriptSrc = `${config.emulatorUrl}/api/hosted.js`;
  return (
    <div className="demo-grid">
      <div className="demo-stack">
        <BalanceWidget walletId={wallet.id} />
        <SandboxNote>{t('money.sandboxCards')}</SandboxNote>
        <TopUpForm walletId={wallet.id} hostedScriptSrc={hostedScriptSrc} />
        <BoundCards hostedScriptSrc={hostedScriptSrc} />
      </div>
      <div className="demo-stack">
        <SandboxNote>{t('money.sandboxSbp')}</SandboxNote>
        <PayoutForm walletId={wallet.id} />
      </div>
      <WalletOperations className="demo-wide" walletId={wallet.id} timeZone="Europe/Moscow" />
    </div>
  );
}
