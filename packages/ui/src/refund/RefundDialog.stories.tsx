import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { fakePayments } from '../testing/createFakeBffClient.js';
import type { FakeScenario } from '../testing/fakeScenario.js';
import { kit } from '../testing/storyParameters.js';
import { RefundDialog } from './RefundDialog.js';

const held = fakePayments[1]!;
const paid = fakePayments[2]!;
const refunded = fakePayments[3]!;
const scenario = (more: FakeScenario = {}) => kit({ scenario: { payments: fakePayments, ...more } });

const meta = {
  title: 'Operator/RefundDialog',
  component: RefundDialog,
  args: { payment: paid, onClose: fn(), onRefunded: fn() },
  parameters: scenario(),
  decorators: [
    (Story) => (
      <div className="mk-story-dialog">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RefundDialog>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

async function typeAmount(canvas: Canvas, amount: string) {
  const input = await canvas.findByRole('textbox', { name: /Сумма возврата|Amount to refund/ });
  await userEvent.clear(input);
  await userEvent.type(input, amount);
}
const send = (canvas: Canvas) =>
  userEvent.click(canvas.getByRole('button', { name: /^(Вернуть|Refund) [\d₽]/ }));

export const Full: Story = {};
export const Partial: Story = {
  play: async ({ canvas }) => {
    await typeAmount(canvas, '1000');
    await expect(canvas.getByRole('button', { name: /^Вернуть 1\s000,00\s₽$/ })).toBeTruthy();
  },
};
export const TooMuch: Story = {
  play: async ({ canvas }) => {
    await typeAmount(canvas, '4600');
    await expect(canvas.getByText(/^Можно вернуть не больше 4\s500,00\s₽$/)).toBeTruthy();
  },
};
export const SplitTooLarge: Story = {
  play: async ({ canvas }) => {
    await typeAmount(canvas, '1000');
    const second = canvas.getByRole('textbox', { name: 'Сумма, ₽, строка 2' });
    await userEvent.clear(second);
    await userEvent.type(second, '950');
    const first = canvas.getByRole('textbox', { name: 'Сумма, ₽, строка 1' });
    await userEvent.clear(first);
    await userEvent.type(first, '50');
    await expect(
      await canvas.findByText(/Со счёта Без названия · 8ba85f01 можно вернуть не больше/),
    ).toBeTruthy();
  },
};
export const Submitting: Story = {
  parameters: scenario({ pending: ['createRefund'] }),
  play: async ({ canvas }) => {
    await send(canvas);
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: /^Вернуть \d/ }).getAttribute('aria-disabled')).toBe('true'),
    );
  },
};
export const Sent: Story = {
  parameters: scenario({ refund: { finalStatus: null } }),
  play: async ({ canvas }) => {
    await typeAmount(canvas, '1000');
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Возврат отправлен' })).toBeTruthy();
  },
};
export const Refunded: Story = {
  play: async ({ canvas }) => {
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Деньги возвращены' })).toBeTruthy();
  },
};
export const RefundFailed: Story = {
  parameters: scenario({ refund: { finalStatus: 'failed', failure: 'The card account is closed' } }),
  play: async ({ canvas }) => {
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Возврат не прошёл' })).toBeTruthy();
  },
};
export const SubmitError: Story = {
  parameters: scenario({ errors: { createRefund: { code: 'UPSTREAM_UNAVAILABLE' } } }),
  play: async ({ canvas }) => {
    await send(canvas);
    await expect(await canvas.findByRole('alert')).toBeTruthy();
  },
};
export const FullyRefunded: Story = { args: { payment: refunded } };
export const NotPaid: Story = { args: { payment: held } };
export const Dark: Story = {
  ...Partial,
  parameters: kit({ theme: 'dark', scenario: { payments: fakePayments } }),
};
export const English: Story = {
  parameters: kit({ locale: 'en', scenario: { payments: fakePayments } }),
  play: async ({ canvas }) => {
    await typeAmount(canvas, '1,000.50');
    await expect(canvas.getByRole('button', { name: /^Refund ₽1,000\.50$/ })).toBeTruthy();
  },
};
export const EnglishRefunded: Story = {
  parameters: kit({ locale: 'en', scenario: { payments: fakePayments } }),
  play: async ({ canvas }) => {
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Money refunded' })).toBeTruthy();
  },
};
