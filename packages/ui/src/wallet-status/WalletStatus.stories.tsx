import type { EspStatusValue, WalletView } from '@mandarin-kit/core';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { ApiError } from '../client/ApiError.js';
import { useKit } from '../provider/KitContext.js';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient, type FakeBff, fakeIds } from '../testing/createFakeBffClient.js';
import { validKycValues } from '../testing/storyParameters.js';
import { WalletStatus } from './WalletStatus.js';

// The shared fake BFF has no wallet route yet: these stories (and the tests, which import withFakeWallet) give
// its client one, under a provider of their own in the story's locale and theme.
/** What the fake wallet answers with: a status, an error code, or nothing at all (loading). */
export type FakeWallet =
  | { status: EspStatusValue }
  | { error: 'UPSTREAM_UNAVAILABLE' | 'NETWORK' }
  | 'pending';

/**
 * Gives a fake BFF a wallet (`getWallet`), for this component's stories and tests; `setStatus` changes it as
 * Mandarin's callback would and emits the `esp.status` event.
 */
export function withFakeWallet(
  fake: FakeBff,
  wallet: FakeWallet,
): { setStatus: (status: EspStatusValue) => void } {
  let status: EspStatusValue =
    typeof wallet === 'object' && 'status' in wallet ? wallet.status : 'Processing';
  let failures = typeof wallet === 'object' && 'error' in wallet ? 1 : 0;
  const view = (): WalletView => ({
    id: fakeIds.wallet,
    status,
    createdAt: '2025-03-01T09:00:00.000Z',
    processedAt: null,
    finishedAt: status === 'Processing' ? null : '2025-03-01T09:05:00.000Z',
  });
  fake.client.getWallet = async (_walletId, o) => {
    if (wallet === 'pending') {
      return new Promise((_, reject) => o?.signal?.addEventListener('abort', () => reject(o.signal?.reason)));
    }
    // As the fake's own routes: a call cancelled in flight (StrictMode's remount) never reached the server.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (o?.signal?.aborted) throw o.signal.reason;
    if (failures > 0 && typeof wallet === 'object' && 'error' in wallet) {
      failures--;
      throw new ApiError({ code: wallet.error, message: wallet.error, status: 502, requestId: 'req-wallet' });
    }
    return view();
  };
  return {
    setStatus: (next) => {
      status = next;
      fake.hub.emit('esp.status', { walletId: fakeIds.wallet, status: next });
    },
  };
}

function WalletKit({ wallet, children }: { wallet: FakeWallet; children: ReactNode }) {
  const { locale, theme } = useKit();
  const [setup] = useState(() => {
    const fake = createFakeBffClient();
    withFakeWallet(fake, wallet);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return { fake, queryClient };
  });
  return (
    <MandarinKitProvider
      client={setup.fake.client}
      EventSource={setup.fake.EventSource}
      queryClient={setup.queryClient}
      locale={locale}
      theme={theme}
    >
      {children}
    </MandarinKitProvider>
  );
}

const withWallet =
  (wallet: FakeWallet): Decorator =>
  (Story) => (
    <WalletKit wallet={wallet}>
      <Story />
    </WalletKit>
  );

const meta = {
  title: 'Components/WalletStatus',
  excludeStories: ['withFakeWallet'],
  component: WalletStatus,
  args: { walletId: fakeIds.wallet },
} satisfies Meta<typeof WalletStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Opening: Story = { decorators: [withWallet({ status: 'Processing' })] };
export const Open: Story = { decorators: [withWallet({ status: 'Success' })] };
export const Blocked: Story = {
  decorators: [withWallet({ status: 'Blocked' })],
  args: {
    supportContact: (
      <a className="mk-link" data-slot="support-link" href="mailto:help@shop.example">
        help@shop.example
      </a>
    ),
  },
};
export const Suspended: Story = { decorators: [withWallet({ status: 'Suspended' })] };
export const Failed: Story = { decorators: [withWallet({ status: 'Failed' })] };
export const StartAgain: Story = {
  decorators: [withWallet({ status: 'Failed' })],
  args: { kycValues: validKycValues },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Начать заново' }));
    await expect(await canvas.findByDisplayValue('Иванов')).toBeTruthy();
  },
};
export const Loading: Story = { decorators: [withWallet('pending')] };
export const UpstreamError: Story = { decorators: [withWallet({ error: 'UPSTREAM_UNAVAILABLE' })] };
export const Dark: Story = {
  decorators: [withWallet({ status: 'Processing' })],
  parameters: { mandarinKit: { theme: 'dark' } },
};
export const DarkFailed: Story = {
  decorators: [withWallet({ status: 'Failed' })],
  parameters: { mandarinKit: { theme: 'dark' } },
};
export const English: Story = {
  decorators: [withWallet({ status: 'Blocked' })],
  parameters: { mandarinKit: { locale: 'en' } },
};
export const EnglishOpening: Story = {
  decorators: [withWallet({ status: 'Processing' })],
  parameters: { mandarinKit: { locale: 'en' } },
};
