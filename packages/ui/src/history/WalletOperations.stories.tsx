import type { OperationHistoryRow } from '@mandarin-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { fakeHistory, fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { WalletOperations } from './WalletOperations.js';

const meta = {
  title: 'Components/WalletOperations',
  component: WalletOperations,
  args: { walletId: fakeIds.wallet, timeZone: 'Europe/Moscow' },
} satisfies Meta<typeof WalletOperations>;

export default meta;
type Story = StoryObj<typeof meta>;

const large: OperationHistoryRow[] = [
  {
    ...fakeHistory[2]!,
    amount: { amount: '90071992547409.93', currency: 'RUB' },
    signedAmount: '+90071992547409.93',
  },
  {
    ...fakeHistory[3]!,
    amount: { amount: '92233720368547758.07', currency: 'RUB' },
    signedAmount: '-92233720368547758.07',
  },
];

export const Rows: Story = {};
export const Loading: Story = { parameters: kit({ scenario: { pending: ['listOperations'] } }) };
export const Empty: Story = { parameters: kit({ scenario: { history: [] } }) };
export const Filtered: Story = { args: { defaultFilter: { status: 'failed' } } };
export const FilteredEmpty: Story = { args: { defaultFilter: { kind: 'deposit' } } };
export const UpstreamError: Story = {
  parameters: kit({ scenario: { errors: { listOperations: { code: 'UPSTREAM_UNAVAILABLE' } } } }),
};
export const NetworkError: Story = {
  parameters: kit({ scenario: { errors: { listOperations: { code: 'NETWORK' } } } }),
};
export const MorePages: Story = { args: { pageSize: 2 } };
export const MorePagesLoaded: Story = {
  args: { pageSize: 2 },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Показать ещё' }));
    await expect(await canvas.findByRole('cell', { name: /^Выплата на карту/ })).toBeTruthy();
  },
};
export const LargeAmounts: Story = { parameters: kit({ scenario: { history: large } }) };
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkError: Story = {
  parameters: kit({ theme: 'dark', scenario: { errors: { listOperations: { code: 'INTERNAL' } } } }),
};
export const English: Story = { parameters: kit({ locale: 'en' }), args: { pageSize: 2 } };
export const EnglishEmpty: Story = { parameters: kit({ locale: 'en', scenario: { history: [] } }) };
