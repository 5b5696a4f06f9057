import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BalanceWidget } from './balance/BalanceWidget.js';
import { CapturePayment } from './capture/CapturePayment.js';
import { BoundCards } from './cards/BoundCards.js';
import { HostedCardForm } from './cards/HostedCardForm.js';
import { EspKycForm } from './esp-kyc/EspKycForm.js';
import { OtpInput } from './otp/OtpInput.js';
import { PaymentsTable } from './payments/PaymentsTable.js';
import { MandarinKitProvider } from './provider/MandarinKitProvider.js';
import { RefundDialog } from './refund/RefundDialog.js';
import { RoutingSplitEditor } from './routing/RoutingSplitEditor.js';
import { SbpRecipientConfirmation } from './sbp/SbpRecipientConfirmation.js';
import { SubMerchantLink } from './sub-merchants/SubMerchantLink.js';
import { createFakeBffClient, fakeIds, fakePayments } from './testing/createFakeBffClient.js';

describe('server rendering', () => {
  it('renders every component without touching window, fetch or EventSource', () => {
    const fake = createFakeBffClient();
    const html = renderToString(
      <MandarinKitProvider client={fake.client} EventSource={fake.EventSource} theme="dark">
        <EspKycForm />
        <OtpInput walletId={fakeIds.wallet} />
        <BalanceWidget walletId={fakeIds.wallet} />
        <SbpRecipientConfirmation operationId={fakeIds.operation} />
        <RoutingSplitEditor total={100n} />
        <HostedCardForm operationId="js-op" scriptSrc="https://secure.mandarinpay.test/api/hosted.js" />
        <BoundCards hostedScriptSrc="https://secure.mandarinpay.test/api/hosted.js" selectable />
        <PaymentsTable />
        <SubMerchantLink />
        <RefundDialog payment={fakePayments[2]!} onClose={() => {}} />
        <CapturePayment payment={fakePayments[1]!} onClose={() => {}} />
      </MandarinKitProvider>,
    );
    // The two dialogs hold a RoutingSplitEditor each: 11 components, 13 roots.
    expect(html.match(/data-slot="root"/g)).toHaveLength(13);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(html).toContain('data-mk-theme="dark"');
    expect(html).not.toContain('style=');
    expect(fake.requests).toHaveLength(0);
    expect(fake.hub.instances).toHaveLength(0);
  });
});
