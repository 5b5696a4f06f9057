import {
  BalanceWidget,
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

/**
 * The sandbox applicant "Start again" offers after a failed application: the kit's form does not hand back
 * what was typed, so the demo refills it with an applicant the sandbox accepts.
 */
const sandboxApplicant: Partial<EspKycFields> = {
  ...sandboxNames,
  birth_date: '1993-12-22',
  citizenship: 'RU',
  inn: '500100732259',
  snils: '112-233-445 95',
  registration_address: 'Moscow, Petrovka st., 2, apt. 1',
  same_address: true,
  document: {
    document_type: 'Passport',
    serial: '1233',
    number: '123458',
    issue_date: '2013-04-24',
    issue_code: '404-004',
    issuer: 'Fili Davydkovo District Department of Internal Affairs',
    birth_place: 'Moscow',
    expiration_date: '',
  },
  phones: [{ phone: '+7 (901) 763-63-53', type: 'Personal' }],
  email: 'ivanoff@mail.ru',
};

/** Flow 1: KYC form → SMS code → the wallet's status live from opening to open (or failed) → balance. */
export function WalletPage() {
  const { client } = useKit();
  const t = useDemoText();
  const wallets = useQuery({ queryKey: queryKeys.wallets(), queryFn: () => client.listWallets() });
  const [created, setCreated] = useState<string | null>(null);
  // The newest wallet is the one being opened (a failed application's "Start again" makes a new one).
  const walletId = created ?? wallets.data?.wallets[0]?.id ?? null;
  if (wallets.isPending) return <p className="demo-note">{t('loading')}</p>;
  return (
    <div className="demo-stack">
      <p className="demo-lead">{t('wallet.intro')}</p>
      {walletId === null ? (
        <>
          <SandboxNote wide>{t('wallet.sandboxNames')}</SandboxNote>
          <EspKycForm defaultValues={sandboxNames} onCreated={(w) => setCreated(w.id)} />
        </>
      ) : (
        <WalletSteps key={walletId} walletId={walletId} onRestarted={setCreated} />
      )}
    </div>
  );
}

function WalletSteps({ walletId, onRestarted }: { walletId: string; onRestarted: (id: string) => void }) {
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
      <WalletStatus walletId={walletId} kycValues={sandboxApplicant} onRestarted={(w) => onRestarted(w.id)} />
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
