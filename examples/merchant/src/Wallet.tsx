import { BalanceWidget, type BffClient, EspKycForm, MandarinKitProvider, OtpInput } from '@mandarin-kit/ui';
import { useState } from 'react';

/** Open a wallet (KYC), confirm the phone by SMS, then see the balance, live. */
export function Wallet({ client }: { client: BffClient }) {
  const [walletId, setWalletId] = useState<string>();
  const [verified, setVerified] = useState(false);
  return (
    <MandarinKitProvider client={client} locale="en" theme="light">
      <main>
        <h1>Your wallet</h1>
        {walletId === undefined ? (
          <EspKycForm onCreated={(wallet) => setWalletId(wallet.id)} />
        ) : verified ? (
          <BalanceWidget walletId={walletId} />
        ) : (
          <OtpInput walletId={walletId} length={4} onVerified={() => setVerified(true)} />
        )}
      </main>
    </MandarinKitProvider>
  );
}
