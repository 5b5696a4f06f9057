import type { RoutingWireEntry } from '@mandarin-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { RoutingSplitEditor } from './RoutingSplitEditor.js';

const entry = (accountId: string, value: string, fee = '0.00', description = ''): RoutingWireEntry => ({
  accountId,
  amount: { value, currency: 'RUB' },
  platformFeeAmount: { value: fee, currency: 'RUB' },
  description,
});
const { accountA: A, accountB: B, accountC: C } = fakeIds;

const meta = {
  title: 'Components/RoutingSplitEditor',
  component: RoutingSplitEditor,
  args: { total: 500000n },
} satisfies Meta<typeof RoutingSplitEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const Filled: Story = {
  args: {
    defaultValue: { destination: [entry(A, '4000.00', '50.00', 'Книги'), entry(B, '1000.00', '50.00')] },
  },
};
export const SumMismatch: Story = {
  args: { defaultValue: { destination: [entry(A, '4000.00', '50.00'), entry(B, '500.00', '50.00')] } },
};
export const RowIssues: Story = {
  args: {
    defaultValue: {
      destination: [entry(A, '100.00', '150.00'), entry(A, '4900.00'), entry('acct-1', '0.00')],
    },
  },
};
export const WithAccounts: Story = {
  args: {
    accounts: [
      { id: A, label: 'Книжная лавка' },
      { id: B, label: 'Кофейня' },
      { id: C, label: 'Цветы' },
    ],
    defaultValue: { destination: [entry(A, '2500.00', '25.00'), entry(B, '2500.00', '25.00')] },
  },
};
export const SplitEvenly: Story = {
  args: {
    total: 10000n,
    defaultValue: { destination: [entry(A, '1.00'), entry(B, '1.00'), entry(C, '1.00')] },
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Разделить поровну' }));
    await expect(
      canvas.getByText('Сумма строк совпадает с итогом.', { selector: '[data-slot="balanced"]' }),
    ).toBeTruthy();
  },
};
export const ByPercentages: Story = {
  args: { total: 100000n, defaultValue: { destination: [entry(A, '1.00'), entry(B, '1.00')] } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Указать доли в процентах' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Доля, %, строка 1' }), '70');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Доля, %, строка 2' }), '30');
    await userEvent.click(canvas.getByRole('button', { name: 'Разделить по долям' }));
    await expect(
      canvas.getByText('Сумма строк совпадает с итогом.', { selector: '[data-slot="balanced"]' }),
    ).toBeTruthy();
  },
};
export const Refund: Story = {
  args: {
    mode: 'source',
    total: 100000n,
    original: [entry(A, '4000.00', '50.00'), entry(B, '1000.00', '50.00')],
    refunded: [entry(B, '500.00')],
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Вернуть пропорционально остатку' }));
    await expect(
      canvas.getByText('Сумма строк совпадает с итогом.', { selector: '[data-slot="balanced"]' }),
    ).toBeTruthy();
  },
};
export const RefundTooLarge: Story = {
  args: { mode: 'source', total: 600000n, original: [entry(A, '5000.00')] },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Вернуть пропорционально остатку' }));
    await expect(canvas.getByRole('alert')).toBeTruthy();
  },
};
export const FortyRows: Story = {
  args: {
    total: 100000n,
    defaultValue: {
      destination: Array.from({ length: 40 }, (_, i) =>
        entry(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, '10.00', '0.10'),
      ),
    },
  },
};
export const Dark: Story = { ...SumMismatch, parameters: kit({ theme: 'dark' }) };
export const English: Story = { ...RowIssues, parameters: kit({ locale: 'en' }) };
