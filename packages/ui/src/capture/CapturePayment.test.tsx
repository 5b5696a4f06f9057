import type { PaymentView } from '@mandarin-kit/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  createFakeBffClient,
  fakeIds,
  fakePayment,
  fakePayments,
  fakeRoutingEntry,
} from '../testing/createFakeBffClient.js';
import type { FakeScenario } from '../testing/fakeScenario.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { CapturePayment } from './CapturePayment.js';

const held = fakePayments[1]!;
const SEND = /^Списать 12\s500,50\s₽$/;

function Page({ payment }: { payment: PaymentView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Списать удержанное
      </button>
      {open && <CapturePayment payment={payment} onClose={() => setOpen(false)} />}
    </>
  );
}

const captureRequests = (fake: ReturnType<typeof createFakeBffClient>) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/complete'));

async function open(payment: PaymentView = held, scenario: FakeScenario = {}, locale: 'ru' | 'en' = 'ru') {
  const fake = createFakeBffClient({ payments: fakePayments, ...scenario });
  renderWithKit(<Page payment={payment} />, { fake, locale });
  const user = userEvent.setup();
  const opener = screen.getByRole('button', { name: 'Списать удержанное' });
  await user.click(opener);
  const dialog = screen.getByRole('dialog');
  // The accounts are offered by their labels once the sub-merchants are loaded.
  if (within(dialog).queryAllByRole('combobox').length > 0) {
    await waitFor(() =>
      expect(within(dialog).getAllByRole('option', { name: 'Цветы · 16f90c5e' }).length).toBeGreaterThan(0),
    );
  }
  return { fake, user, opener, dialog };
}

async function split(
  dialog: HTMLElement,
  user: ReturnType<typeof userEvent.setup>,
  first: string,
  second: string,
) {
  await user.selectOptions(
    within(dialog).getByRole('combobox', { name: 'Счёт получателя, строка 1' }),
    'Цветы · 16f90c5e',
  );
  await user.type(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' }), first);
  await user.click(within(dialog).getByRole('button', { name: 'Добавить строку' }));
  await user.selectOptions(
    within(dialog).getByRole('combobox', { name: 'Счёт получателя, строка 2' }),
    'Без названия · 8ba85f01',
  );
  await user.type(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 2' }), second);
}

describe('CapturePayment', () => {
  it('captures exactly the held amount, split between sub-merchants by their labels, and follows it live', async () => {
    const { fake, user, dialog } = await open(held, { capture: { finalStatus: null } });
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(
      'Списание по заказу order-1004',
    );
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(dialog).getByText(/^Удержано 12\s500,50\s₽$/)).toBeTruthy();
    await split(dialog, user, '10000', '2500,50');
    await user.click(within(dialog).getByRole('button', { name: SEND }));

    const heading = await within(dialog).findByRole('heading', { name: 'Списание отправлено' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(captureRequests(fake)[0]!.body).toEqual({
      routing: [
        { ...fakeRoutingEntry(fakeIds.accountA, '10000.00'), description: '' },
        { ...fakeRoutingEntry(fakeIds.accountB, '2500.50'), description: '' },
      ],
    });
    await act(async () => fake.settlePayment(fakeIds.paymentHeld, 'success'));
    const done = await within(dialog).findByRole('heading', { name: 'Деньги списаны' });
    expect(within(dialog).getByText(/^12\s500,50\s₽ по заказу order-1004 списаны/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it('refuses more than is held, and a split that does not add up, sending nothing', async () => {
    const { fake, user, dialog } = await open();
    await split(dialog, user, '10000', '2500,51');
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /^Списать можно не больше удержанного: 12\s500,50\s₽$/,
    );
    const send = within(dialog).getByRole('button', { name: SEND });
    await user.click(send);
    expect(captureRequests(fake)).toEqual([]);
    const second = within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 2' });
    await user.clear(second);
    await user.type(second, '2500');
    await user.click(send);
    expect(within(dialog).getByRole('alert').textContent).toBe('Распределите всю удержанную сумму');
    // A row that no longer parses is never sent either, whatever the split was before.
    await user.clear(second);
    await user.type(second, '2500,50');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' }), '10 000,0x');
    await user.click(send);
    expect(captureRequests(fake)).toEqual([]);
  });

  it('starts from the split the payment was created with', async () => {
    const payment = fakePayment({
      ...held,
      routing: [
        fakeRoutingEntry(fakeIds.accountA, '12000.00', '100.00'),
        fakeRoutingEntry(fakeIds.accountB, '500.50'),
      ],
    });
    const { fake, user, dialog } = await open(payment, { payments: [payment] });
    expect(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' })).toHaveProperty(
      'value',
      '12000,00',
    );
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect(await within(dialog).findByRole('heading', { name: 'Деньги списаны' })).toBeTruthy();
    expect(captureRequests(fake)).toHaveLength(1);
  });

  it('shows Mandarin’s reason when the capture fails', async () => {
    const { user, dialog } = await open(held, {
      capture: { finalStatus: 'failed', failure: 'The hold has expired' },
    });
    await split(dialog, user, '10000', '2500,50');
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect(await within(dialog).findByRole('heading', { name: 'Списание не прошло' })).toBeTruthy();
    expect(within(dialog).getByText('Причина: The hold has expired')).toBeTruthy();
  });

  it('keeps focus on the busy button while sending', async () => {
    const { user, dialog } = await open(held, { pending: ['completePayment'] });
    await split(dialog, user, '10000', '2500,50');
    const send = within(dialog).getByRole('button', { name: SEND });
    await user.click(send);
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(send);
  });

  it('says a payment that is not held cannot be captured', async () => {
    const { dialog } = await open(fakePayments[2]!);
    expect(within(dialog).getByRole('heading', { name: 'Этот платёж нельзя списать' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /^Списать/ })).toBeNull();
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const { user, opener } = await open();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('speaks English', async () => {
    const { dialog } = await open(held, {}, 'en');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Capture of order order-1004');
    expect(within(dialog).getByRole('button', { name: /^Capture ₽12,500\.50$/ })).toBeTruthy();
  });
});
