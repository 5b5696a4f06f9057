import {
  BalanceWidget,
  ErrorNotice,
  type EspKycFields,
  EspKycForm,
  OtpInput,
  queryKeys,
  useKit,
  WalletStatus,
} from '@mandarin-kit/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { SandboxNote } from '../SandboxNote.js';
import { sandbox } from '../sandbox.js';
import { useDemoText } from '../useDemoText.js';

/** The sandbox's names that open a wallet (the emulator's test names). */
const sandboxNames = { first_name: 'Successful', last_name: 'Success', middle_name: 'Successful' };

/** Flow 1: KYC form → SMS code → the wallet's status live from opening to open (or failed) → balance. */
export function WalletPage() {
  const { client } = useKit();
  const t = useDemoText();
  const wallets = useQuery({ queryKey: queryKeys.wallets(), queryFn: () => client.listWallets() });
  const [created, setCreated] = useState<string | null>(null);
  // What the applicant typed, kept in memory only (never stored): "Start again" after a refusal refills the form.
  const [typed, setTyped] = useState<Partial<EspKycFields>>(sandboxNames);
  const onCreated = (wallet: { id: string }, values: EspKycFields) => {
    setTyped(values);
    setCreated(wallet.id);
  };
  // The newest wallet is the one being opened (a failed application's "Start again" makes a new one).
  const walletId = created ?? wallets.data?.wallets[0]?.id ?? null;
  if (wallets.isError) return <ErrorNotice error={wallets.error} onRetry={() => void wallets.refetch()} />;
  if (wallets.isPending) return <p className="demo-note">{t('loading')}</p>;
  return (
    <div className="demo-stack">
      <p className="demo-lead">{t('wallet.intro')}</p>
      {walletId === null ? (
        <>
          <SandboxNote wide>{t('wallet.sandboxNames')}</SandboxNote>
          <EspKycForm defaultValues={sandboxNames} onCreated={onCreated} />
        </>
      ) : (
        <WalletSteps key={walletId} walletId={walletId} kycValues={typed} onRestarted={onCreated} />
      )}
    </div>
  );
}

function WalletSteps({
  walletId,
  kycValues,
  onRestarted,
}: {
  walletId: string;
  kycValues: Partial<EspKycFields>;
  onRestarted: (wallet: { id: string }, values: EspKycFields) => void;
}) {
  const { client } = useKit();
  const t = useDemoText();
  const [verified, setVerified] = useState(false);
  const wallet = useQuery({
    queryKey: queryKeys.wallet(walletId),
    queryFn: () => client.getWallet(walletId),
  });
  const status = wallet.data?.status;
  const needsCode = status === 'Processing' && !verified && wallet.data?.processedAt === null;
  return (
    <div className="demo-grid">
      <WalletStatus walletId={walletId} kycValues={kycValues} onRestarted={onRestarted} />
      {needsCode && (
        <div className="demo-stack">
          <SandboxOtpHint walletId={walletId} />
          <OtpInput walletId={walletId} onVerified={() => setVerified(true)} />
        </div>
      )}
      {status === 'Success' && (
        <div className="demo-stack">
          <BalanceWidget walletId={walletId} />
          <p>
            <a className="demo-button" href="#/payouts">
              {t('wallet.toMoney')}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}

/** Shows the code the emulator would have sent by SMS: clearly marked, sandbox only. */
function SandboxOtpHint({ walletId }: { walletId: string }) {
  const t = useDemoText();
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      for (let i = 0; i < 60 && !stop; i++) {
        try {
          const { code: found } = await sandbox.otpCode(walletId);
          if (found) {
            setCode(found);
            return;
          }
        } catch {
          // not sent yet
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [walletId]);
  return (
    <SandboxNote>
      {t('wallet.sandboxSms')} <output data-testid="sandbox-otp">{code ?? '…'}</output>
    </SandboxNote>
  );
}
