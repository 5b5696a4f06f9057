import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { OtpInput } from './OtpInput.js';

const meta = {
  title: 'Components/OtpInput',
  component: OtpInput,
  args: { walletId: fakeIds.wallet, length: 4 },
} satisfies Meta<typeof OtpInput>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Sandbox code: 1234. */
export const Empty: Story = {};
export const NotSentYet: Story = { args: { autoSend: false } };
export const Sending: Story = { parameters: kit({ scenario: { pending: ['sendOtp'] } }) };
export const Filled: Story = { args: { defaultValue: '12' } };
export const Verifying: Story = {
  parameters: kit({ scenario: { pending: ['verifyOtp'] } }),
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByRole('textbox'), '1234');
    await expect(await canvas.findByText('Проверяем код…')).toBeTruthy();
  },
};
export const Verified: Story = {
  // The host's next step, shown in the result.
  args: {
    resultAction: (
      <a className="mk-button" data-slot="next-step" href="#wallet">
        Перейти к кошельку
      </a>
    ),
  },
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByRole('textbox'), '1234');
    await expect(await canvas.findByRole('heading', { name: 'Телефон подтверждён' })).toBeTruthy();
  },
};
export const WrongCode: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByRole('textbox'), '0000');
    await expect(await canvas.findByText('Неверный код. Осталось попыток: 2.')).toBeTruthy();
  },
};
export const NoAttemptsLeft: Story = { parameters: kit({ scenario: { otp: { retries: 0 } } }) };
export const Expired: Story = { parameters: kit({ scenario: { otp: { ttlSeconds: 0 } } }) };
export const SendFailed: Story = {
  parameters: kit({ scenario: { errors: { sendOtp: { code: 'RATE_LIMITED' } } } }),
};
export const VerifyNetworkError: Story = {
  parameters: kit({ scenario: { errors: { verifyOtp: { code: 'NETWORK' } } } }),
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByRole('textbox'), '1234');
    await expect(await canvas.findByText(/Нет связи с сервером/)).toBeTruthy();
  },
};
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkWrongCode: Story = { ...WrongCode, parameters: kit({ theme: 'dark' }) };
export const English: Story = { parameters: kit({ locale: 'en' }) };
