import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { FAKE_HOSTED_SRC } from '../testing/fakeHostedFields.js';
import { withFakeHostedFields } from '../testing/hostedStory.js';
import { kit } from '../testing/storyParameters.js';
import { TopUpForm } from './TopUpForm.js';

const meta = {
  title: 'Components/TopUpForm',
  component: TopUpForm,
  args: { walletId: fakeIds.wallet, hostedScriptSrc: FAKE_HOSTED_SRC },
  beforeEach: withFakeHostedFields,
} satisfies Meta<typeof TopUpForm>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

/** Amount, the Visa card, then Top up. */
async function topUp(canvas: Canvas, amount = '2500') {
  await userEvent.type(await canvas.findByRole('textbox', { name: /Сумма|Amount/ }), amount);
  await userEvent.click(await canvas.findByRole('radio', { name: '•• 1111' }));
  await userEvent.click(canvas.getByRole('button', { name: /Пополнить|Top up/ }));
}

export const Empty: Story = {};
export const CardsLoading: Story = { parameters: kit({ scenario: { pending: ['listCards'] } }) };
export const NoCards: Story = { parameters: kit({ scenario: { cards: { list: [] } } }) };
export const Invalid: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Пополнить' }));
    await expect(canvas.getByText('Выберите или привяжите карту')).toBeTruthy();
  },
};
export const LinkingInline: Story = {
  parameters: kit({ scenario: { cards: { list: [] } } }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Привязать новую карту' }));
    const form = await canvas.findByRole('form', { name: 'Данные карты' });
    await waitFor(() => expect(form.getAttribute('data-state')).toBe('ready'));
  },
};
export const Submitting: Story = {
  parameters: kit({ scenario: { pending: ['createTopUp'] } }),
  play: async ({ canvas }) => {
    await topUp(canvas);
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: /Пополнить на/ }).getAttribute('aria-disabled')).toBe('true'),
    );
  },
};
export const Processing: Story = {
  parameters: kit({ scenario: { topUp: { finalStatus: null } } }),
  play: async ({ canvas }) => {
    await topUp(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Пополнение отправлено' })).toBeTruthy();
  },
};
export const Success: Story = {
  play: async ({ canvas }) => {
    await topUp(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Кошелёк пополнен' })).toBeTruthy();
  },
};
export const FailedWithReason: Story = {
  parameters: kit({
    scenario: { topUp: { finalStatus: 'failed', failure: 'банк карты отклонил списание' } },
  }),
  play: async ({ canvas }) => {
    await topUp(canvas);
    await expect(await canvas.findByText(/банк карты отклонил списание/)).toBeTruthy();
  },
};
export const NetworkError: Story = {
  parameters: kit({ scenario: { errors: { createTopUp: { code: 'NETWORK' } } } }),
  play: async ({ canvas }) => {
    await topUp(canvas);
    await expect(await canvas.findByText(/Нет связи с сервером/)).toBeTruthy();
  },
};
export const Dark: Story = { parameters: kit({ theme: 'dark' }) };
export const DarkSuccess: Story = { ...Success, parameters: kit({ theme: 'dark' }) };
export const English: Story = { parameters: kit({ locale: 'en' }) };
export const EnglishSuccess: Story = {
  parameters: kit({ locale: 'en' }),
  play: async ({ canvas }) => {
    await topUp(canvas, '2,500.50');
    await expect(await canvas.findByRole('heading', { name: 'Wallet topped up' })).toBeTruthy();
  },
};
