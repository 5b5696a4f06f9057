import { BalanceWidget, EspKycForm, OtpInput, queryKeys, useKit } from '@mandarin-kit/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sandbox } from '../sandbox.js';

/** Flow 1: KYC form → SMS code → ESP status live from Processing to Success → balance. */
export function WalletPage() {
  const { client } = useKit();
  const wallets = useQuery({ queryKey: queryKeys.wallets(), queryFn: () => client.listWallets() });
  const [created, setCreated] = useState<string | null>(null);
  const [verified, setVerified] = useState(false);
  const walletId = created ?? wallets.data?.wallets[0]?.id ?? null;
  const wallet = useQuery({
    queryKey: queryKeys.wallet(walletId ?? 'none'),
    queryFn: () => client.getWallet(walletId!),
    enabled: walletId !== null,
  });
  if (wallets.isPending) return <p>Loading…</p>;
  if (walletId === null) {
    return (
      <section aria-labelledby="kyc-title" className="demo-card">
        <h2 id="kyc-title">Open a wallet</h2>
        <p className="demo-hint" role="note">
          Sandbox: the names <strong>Successful / Success / Successful</strong> open the wallet,{' '}
          <strong>Unsuccessful</strong> ×3 make it fail.
        </p>
        <EspKycForm
          defaultValues={{ first_name: 'Successful', last_name: 'Success', middle_name: 'Successful' }}
          onCreated={(w) => setCreated(w.id)}
        />
      </section>
    );
  }
  const status = wallet.data?.status ?? 'Processing';
  const needsCode = status === 'Processing' && !verified && wallet.data?.processedAt === null;
  return (
    <>
      <section aria-labelledby="status-title" className="demo-card">
        <h2 id="status-title">Wallet status</h2>
        <p role="status" aria-live="polite" data-testid="wallet-status" data-state={status}>
          {status}
        </p>
      </section>
      {needsCode && (
        <section aria-labelledby="otp-title" className="demo-card">
          <h2 id="otp-title">Confirm your phone</h2>
          <SandboxOtpHint walletId={walletId} />
          <OtpInput walletId={walletId} onVerified={() => setVerified(true)} />
        </section>
      )}
      {status === 'Success' && (
        <section aria-labelledby="balance-title" className="demo-card">
          <h2 id="balance-title">Balance</h2>
          <BalanceWidget walletId={walletId} />
        </section>
      )}
    </>
  );
}

/** Shows the code the emulator would have sent by SMS: clearly marked, sandbox only. */
function SandboxOtpHint({ walletId }: { walletId: string }) {
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
    <p className="demo-hint demo-sandbox" role="note">
      Sandbox SMS: your code is <output data-testid="sandbox-otp">{code ?? '…'}</output>
    </p>
  );
}
