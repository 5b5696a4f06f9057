import type { Meta, StoryObj } from '@storybook/react-vite';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { BalanceWidget } from './BalanceWidget.js';

const meta = {
  title: 'Components/BalanceWidget',
  component: BalanceWidget,
  args: { walletId: fakeIds.wallet },
} satisfies Meta<typeof BalanceWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = { parameters: kit({ scenario: { balance: '15000.75' } }) };
export const Empty: Story = { parameters: kit({ scenario: { balance: '0.00' } }) };
export const Loading: Story = { parameters: kit({ scenario: { pending: ['getBalance'] } }) };
export const Opening: Story = {
  parameters: kit({ scenario: { balance: '0.00', walletStatus: 'Processing' } }),
};
export const Blocked: Story = { parameters: kit({ scenario: { walletStatus: 'Blocked' } }) };
export const UpstreamError: Story = {
  parameters: kit({ scenario: { errors: { getBalance: { code: 'UPSTREAM_UNAVAILABLE' } } } }),
};
export const NetworkError: Story = {
  parameters: kit({ scenario: { errors: { getBalance: { code: 'NETWORK' } } } }),
};
export const NotFound: Story = {
  parameters: kit({ scenario: { errors: { getBalance: { code: 'NOT_FOUND' } } } }),
};
export const Large: Story = { parameters: kit({ scenario: { balance: '90071992547409.93' } }) };
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkError: Story = {
  parameters: kit({ theme: 'dark', scenario: { errors: { getBalance: { code: 'INTERNAL' } } } }),
};
export const English: Story = { parameters: kit({ locale: 'en' }) };
