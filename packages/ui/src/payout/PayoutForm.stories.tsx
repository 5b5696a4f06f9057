import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { PayoutForm } from './PayoutForm.js';

const meta = {
  title: 'Components/PayoutForm',
  component: PayoutForm,
  args: { walletId: fakeIds.wallet },
} satisfies Meta<typeof PayoutForm>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

/** Amount and card number, then Withdraw. */
async function payToCard(canvas: Canvas, amount = '1500', card = '4111111111111111') {
  await userEvent.type(await canvas.findByRole('textbox', { name: /Сумма|Amount/ }), amount);
  await userEvent.type(canvas.getByRole('textbox', { name: /Номер карты|Card number/ }), card);
  await userEvent.click(canvas.getByRole('button', { name: /Вывести|Withdraw/ }));
}

/** SBP: amount, phone, a bank found by search, then Withdraw. */
async function payBySbp(canvas: Canvas) {
  await userEvent.click(await canvas.findByRole('radio', { name: 'По СБП' }));
  await userEvent.type(canvas.getByRole('textbox', { name: 'Сумма, ₽' }), '1500');
  await userEvent.type(canvas.getByRole('textbox', { name: 'Телефон получателя' }), '9017636353');
  await userEvent.type(canvas.getByRole('searchbox', { name: 'Найти банк получателя' }), 'сбер');
  await userEvent.click(await canvas.findByRole('radio', { name: 'Сбербанк' }));
  await userEvent.click(canvas.getByRole('button', { name: /Вывести/ }));
}

export const Empty: Story = {};
export const Loading: Story = { parameters: kit({ scenario: { pending: ['getBalance'] } }) };
export const LoadError: Story = {
  parameters: kit({ scenario: { errors: { getBalance: { code: 'UPSTREAM_TIMEOUT' } } } }),
};
export const Invalid: Story = {
  play: async ({ canvas }) => {
    await payToCard(canvas, '0', '4111111111111112');
    await expect(await canvas.findByText('Проверьте номер карты')).toBeTruthy();
  },
};
export const MoreThanBalance: Story = {
  parameters: kit({ scenario: { balance: '1000.00' } }),
  play: async ({ canvas }) => {
    await payToCard(canvas, '1 500');
    await expect(await canvas.findByText(/Больше, чем есть на кошельке/)).toBeTruthy();
  },
};
export const BoundCard: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('radio', { name: 'На привязанную карту' }));
    await expect(await canvas.findAllByRole('radio', { name: /•• \d{4}/ })).not.toHaveLength(0);
  },
};
export const SbpBankSearch: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('radio', { name: 'По СБП' }));
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Найти банк получателя' }), 'альфа');
    await waitFor(() => expect(canvas.queryByRole('radio', { name: 'Сбербанк' })).toBeNull());
    await expect(canvas.getByRole('radio', { name: 'Альфа-Банк' })).toBeTruthy();
  },
};
export const Submitting: Story = {
  parameters: kit({ scenario: { pending: ['createPayout'] } }),
  play: async ({ canvas }) => {
    await payToCard(canvas);
    await expect(await canvas.findByRole('button', { name: 'Отправляем…' })).toBeTruthy();
  },
};
export const Processing: Story = {
  parameters: kit({ scenario: { payout: { finalStatus: null } } }),
  play: async ({ canvas }) => {
    await payToCard(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Выплата отправлена' })).toBeTruthy();
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
    await payToCard(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
  },
};
export const FailedWithReason: Story = {
  parameters: kit({
    scenario: { payout: { finalStatus: 'failed', failure: 'карта получателя заблокирована' } },
  }),
  play: async ({ canvas }) => {
    await payToCard(canvas);
    await expect(await canvas.findByText(/карта получателя заблокирована/)).toBeTruthy();
  },
};
export const InsufficientFunds: Story = {
  parameters: kit({
    scenario: { errors: { createPayout: { code: 'INSUFFICIENT_FUNDS', details: { available: '200.00' } } } },
  }),
  play: async ({ canvas }) => {
    await payToCard(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Недостаточно средств' })).toBeTruthy();
  },
};
export const NetworkError: Story = {
  parameters: kit({ scenario: { errors: { createPayout: { code: 'NETWORK' } } } }),
  play: async ({ canvas }) => {
    await payToCard(canvas);
    await expect(await canvas.findByText(/Нет связи с сервером/)).toBeTruthy();
  },
};
export const SbpTwoStep: Story = {
  play: async ({ canvas }) => {
    await payBySbp(canvas);
    await expect(await canvas.findByText('Иванов Иван Иванович')).toBeTruthy();
  },
};
export const SbpTwoStepSuccess: Story = {
  play: async ({ canvas }) => {
    await payBySbp(canvas);
    await userEvent.click(await canvas.findByRole('button', { name: 'Подтвердить перевод' }));
    await expect(await canvas.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
  },
};
export const SbpOneStep: Story = {
  parameters: kit({ scenario: { payout: { twoStep: false } } }),
  play: async ({ canvas }) => {
    await payBySbp(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
  },
};
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkSuccess: Story = { ...Success, parameters: kit({ theme: 'dark' }) };
export const English: Story = { parameters: kit({ locale: 'en' }) };
export const EnglishFailed: Story = {
  parameters: kit({
    locale: 'en',
    scenario: { payout: { finalStatus: 'failed', failure: 'the recipient’s card is blocked' } },
  }),
  play: async ({ canvas }) => {
    await payToCard(canvas, '1,500.50');
    await expect(await canvas.findByRole('heading', { name: 'The payout failed' })).toBeTruthy();
  },
};
