import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { fakeIds, fakePayment, fakePayments, fakeRoutingEntry } from '../testing/createFakeBffClient.js';
import type { FakeScenario } from '../testing/fakeScenario.js';
import { kit } from '../testing/storyParameters.js';
import { CapturePayment } from './CapturePayment.js';

const held = fakePayments[1]!;
const paid = fakePayments[2]!;
const scenario = (more: FakeScenario = {}) => kit({ scenario: { payments: fakePayments, ...more } });

const meta = {
  title: 'Operator/CapturePayment',
  component: CapturePayment,
  args: { payment: held, onClose: fn(), onCaptured: fn() },
  parameters: scenario(),
  decorators: [
    (Story) => (
      <div className="mk-story-dialog">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CapturePayment>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

/** Splits the held 12 500,50 ₽: 10 000,00 to Цветы, 2 500,50 to the unnamed one. */
async function split(canvas: Canvas, first = '10000', second = '2500,50') {
  await waitFor(() => expect(canvas.getAllByRole('option', { name: /Цветы/ }).length).toBeGreaterThan(0));
  await userEvent.selectOptions(
    canvas.getByRole('combobox', { name: 'Счёт получателя, строка 1' }),
    fakeIds.accountA,
  );
  await userEvent.type(canvas.getByRole('textbox', { name: 'Сумма, ₽, строка 1' }), first);
  await userEvent.click(canvas.getByRole('button', { name: 'Добавить строку' }));
  await userEvent.selectOptions(
    canvas.getByRole('combobox', { name: 'Счёт получателя, строка 2' }),
    fakeIds.accountB,
  );
  await userEvent.type(canvas.getByRole('textbox', { name: 'Сумма, ₽, строка 2' }), second);
}
const send = (canvas: Canvas) => userEvent.click(canvas.getByRole('button', { name: /^(Списать|Capture) / }));

export const Empty: Story = {};
export const Filled: Story = { play: ({ canvas }) => split(canvas) };
export const TooMuch: Story = {
  play: async ({ canvas }) => {
    await split(canvas, '10000', '3000');
    await expect(await canvas.findByText(/^Списать можно не больше удержанного/)).toBeTruthy();
  },
};
export const Prefilled: Story = {
  args: {
    payment: fakePayment({
      ...held,
      routing: [
        fakeRoutingEntry(fakeIds.accountA, '12000.00', '100.00'),
        fakeRoutingEntry(fakeIds.accountB, '500.50'),
      ],
    }),
  },
};
export const Submitting: Story = {
  parameters: scenario({ pending: ['completePayment'] }),
  play: async ({ canvas }) => {
    await split(canvas);
    await send(canvas);
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: /^Списать / }).getAttribute('aria-disabled')).toBe('true'),
    );
  },
};
export const Sent: Story = {
  parameters: scenario({ capture: { finalStatus: null } }),
  play: async ({ canvas }) => {
    await split(canvas);
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Списание отправлено' })).toBeTruthy();
  },
};
export const Captured: Story = {
  play: async ({ canvas }) => {
    await split(canvas);
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Деньги списаны' })).toBeTruthy();
  },
};
export const CaptureFailed: Story = {
  parameters: scenario({ capture: { finalStatus: 'failed', failure: 'The hold has expired' } }),
  play: async ({ canvas }) => {
    await split(canvas);
    await send(canvas);
    await expect(await canvas.findByRole('heading', { name: 'Списание не прошло' })).toBeTruthy();
  },
};
export const Conflict: Story = {
  parameters: scenario({ errors: { completePayment: { code: 'CONFLICT' } } }),
  play: async ({ canvas }) => {
    await split(canvas);
    await send(canvas);
    await expect(await canvas.findByRole('alert')).toBeTruthy();
  },
};
export const NotHeld: Story = { args: { payment: paid } };
export const Dark: Story = {
  ...Filled,
  parameters: kit({ theme: 'dark', scenario: { payments: fakePayments } }),
};
export const English: Story = {
  parameters: kit({ locale: 'en', scenario: { payments: fakePayments } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Capture of order order-1004' })).toBeTruthy();
  },
};
