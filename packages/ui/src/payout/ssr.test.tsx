import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient, fakeIds } from '../testing/createFakeBffClient.js';
import { TopUpForm } from '../topup/TopUpForm.js';
import { PayoutForm } from './PayoutForm.js';

describe('server rendering of the money forms', () => {
  it('renders PayoutForm and TopUpForm without touching window, fetch or EventSource, and without inline styles', () => {
    const fake = createFakeBffClient();
    const html = renderToString(
      <MandarinKitProvider client={fake.client} EventSource={fake.EventSource} locale="en" theme="dark">
        <PayoutForm walletId={fakeIds.wallet} />
        <TopUpForm
          walletId={fakeIds.wallet}
          hostedScriptSrc="https://secure.mandarinpay.test/api/hosted.js"
        />
      </MandarinKitProvider>,
    );
    expect(html.match(/data-slot="root"/g)).toHaveLength(2);
    expect(html).toContain('Withdraw money');
    expect(html).toContain('Top up the wallet');
    expect(html).not.toContain('style=');
    expect(fake.requests).toHaveLength(0);
    expect(fake.hub.instances).toHaveLength(0);
  });
});
