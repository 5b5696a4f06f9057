import type { PaymentView } from '@mandarin-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent } from 'storybook/test';
import { CapturePayment } from '../capture/CapturePayment.js';
import { RefundDialog } from '../refund/RefundDialog.js';
import { fakeIds, fakePayment, fakePayments, fakeRoutingEntry } from '../testing/createFakeBffClient.js';
import { kit } from '../testing/storyParameters.js';
import { PaymentsTable } from './PaymentsTable.js';

const meta = {
  title: 'Operator/PaymentsTable',
  component: PaymentsTable,
  args: { timeZone: 'Europe/Moscow', onRefund: fn(), onCapture: fn() },
  parameters: kit({ scenario: { payments: fakePayments } }),
} satisfies Meta<typeof PaymentsTable>;

export default meta;
type Story = StoryObj<typeof meta>;
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

/** Opens the details of the paid payment with a partial refund, and of the held one. */
async function openDetails(canvas: Canvas, details = /Подробнее|Details/) {
  const [, held, paid] = await canvas.findAllByRole('button', { name: details });
  await userEvent.click(paid!);
  await userEvent.click(held!);
}

export const List: Story = {};
export const Details: Story = {
  play: async ({ canvas }) => {
    await openDetails(canvas);
    await expect(await canvas.findByRole('button', { name: 'Вернуть' })).toBeTruthy();
    await expect(canvas.getByRole('button', { name: 'Списать' })).toBeTruthy();
  },
};
export const Loading: Story = {
  parameters: kit({ scenario: { payments: fakePayments, pending: ['listPayments'] } }),
};
export const Empty: Story = { parameters: kit({ scenario: { payments: [] } }) };
export const NothingFound: Story = { args: { defaultFilter: { orderId: 'order-9999' } } };
export const LoadError: Story = {
  parameters: kit({
    scenario: { payments: fakePayments, errors: { listPayments: { code: 'UPSTREAM_UNAVAILABLE' } } },
  }),
};
export const MorePages: Story = {
  args: { pageSize: 2 },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Показать ещё' }));
    await expect(await canvas.findByText('order-1002')).toBeTruthy();
  },
};
export const LongAmounts: Story = {
  parameters: kit({
    scenario: {
      payments: [
        fakePayment({
          id: fakeIds.paymentPaid,
          orderId: 'order-with-a-very-long-identifier-2025-03-05-000001',
          amount: { amount: '90071992547409.93', currency: 'RUB' },
          refundable: { amount: '90071992547409.93', currency: 'RUB' },
          routing: [fakeRoutingEntry(fakeIds.accountA, '90071992547409.93', '1000.00')],
        }),
      ],
    },
  }),
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /Подробнее/ }));
  },
};
export const Dark: Story = {
  ...Details,
  parameters: kit({ theme: 'dark', scenario: { payments: fakePayments } }),
};
export const English: Story = {
  ...Details,
  parameters: kit({ locale: 'en', scenario: { payments: fakePayments } }),
  play: async ({ canvas }) => {
    await openDetails(canvas);
    await expect(await canvas.findByRole('button', { name: 'Refund' })).toBeTruthy();
  },
};

/** The table wired to RefundDialog and CapturePayment, as an operator's page would have them. */
function PaymentsPage() {
  const [refunding, setRefunding] = useState<PaymentView | null>(null);
  const [capturing, setCapturing] = useState<PaymentView | null>(null);
  return (
    <>
      <PaymentsTable timeZone="Europe/Moscow" onRefund={setRefunding} onCapture={setCapturing} />
      {refunding && <RefundDialog payment={refunding} onClose={() => setRefunding(null)} />}
      {capturing && <CapturePayment payment={capturing} onClose={() => setCapturing(null)} />}
    </>
  );
}

export const WithDialogs: Story = { render: () => <PaymentsPage /> };
