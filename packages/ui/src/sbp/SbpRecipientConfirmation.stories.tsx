import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { SbpRecipientConfirmation } from './SbpRecipientConfirmation.js';

const meta = {
  title: 'Components/SbpRecipientConfirmation',
  component: SbpRecipientConfirmation,
  args: { operationId: fakeIds.operation },
} satisfies Meta<typeof SbpRecipientConfirmation>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {};
export const Loading: Story = { parameters: kit({ scenario: { pending: ['getSbpRecipient'] } }) };
export const BankFromDirectory: Story = {
  parameters: kit({ scenario: { sbp: { bankName: null, bankId: '100000000004' } } }),
};
export const Confirming: Story = {
  parameters: kit({ scenario: { pending: ['confirmSbpPayout'] } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByText('Подтверждаем перевод…')).toBeTruthy();
  },
};
export const Processing: Story = {
  parameters: kit({ scenario: { sbp: { finalStatus: null } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByRole('heading', { name: 'Перевод отправлен' })).toBeTruthy();
  },
};
export const Success: Story = {
  args: {
    resultAction: (
      <a className="mk-button mk-button--secondary" data-slot="next-step" href="#history">
        К истории операций
      </a>
    ),
  },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByRole('heading', { name: 'Перевод выполнен' })).toBeTruthy();
  },
};
export const Failed: Story = {
  parameters: kit({ scenario: { sbp: { finalStatus: 'failed' } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByRole('heading', { name: 'Перевод не выполнен' })).toBeTruthy();
  },
};
export const Rejected: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Отменить перевод' }));
    await expect(await canvas.findByRole('heading', { name: 'Перевод отменён' })).toBeTruthy();
  },
};
export const ConfirmNetworkError: Story = {
  parameters: kit({ scenario: { errors: { confirmSbpPayout: { code: 'NETWORK' } } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByText(/Нет связи с сервером/)).toBeTruthy();
  },
};
export const ConfirmConflict: Story = {
  parameters: kit({ scenario: { errors: { confirmSbpPayout: { code: 'CONFLICT' } } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByText(/уже выполнено/)).toBeTruthy();
  },
};
export const LoadError: Story = {
  parameters: kit({ scenario: { errors: { getSbpRecipient: { code: 'UPSTREAM_TIMEOUT' } } } }),
};
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkSuccess: Story = { ...Success, parameters: kit({ theme: 'dark' }) };
export const English: Story = { parameters: kit({ locale: 'en' }) };
