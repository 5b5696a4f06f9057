import type { PaymentView } from '@mandarin-kit/core';
import { act, getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBffClient, fakeIds, fakePayments } from '../testing/createFakeBffClient.js';
import type { FakeScenario } from '../testing/fakeScenario.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { RefundDialog } from './RefundDialog.js';

const NBSP = '\u00a0';
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false, trim: false }) };
const paid = fakePayments[2]!;
const refunded = fakePayments[3]!;
const held = fakePayments[1]!;
const SEND = /^Вернуть \d/;

/** A page with a button that opens the dialog, as PaymentsTable's Refund does. */
function Page({ payment }: { payment: PaymentView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Открыть возврат
      </button>
      {open && <RefundDialog payment={payment} onClose={() => setOpen(false)} />}
    </>
  );
}

const refundRequests = (fake: ReturnType<typeof createFakeBffClient>) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/refunds'));

async function open(payment: PaymentView = paid, scenario: FakeScenario = {}, locale: 'ru' | 'en' = 'ru') {
  const fake = createFakeBffClient({ payments: fakePayments, ...scenario });
  renderWithKit(<Page payment={payment} />, { fake, locale });
  const user = userEvent.setup();
  const opener = screen.getByRole('button', { name: 'Открыть возврат' });
  await user.click(opener);
  const dialog = screen.getByRole('dialog');
  return { fake, user, opener, dialog };
}

describe('RefundDialog', () => {
  it('offers everything refundable, split in proportion, and sends exactly that', async () => {
    const { fake, user, dialog } = await open();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(
      'Возврат по заказу order-1003',
    );
    const amount = within(dialog).getByRole('textbox', { name: 'Сумма возврата' });
    expect(document.activeElement).toBe(amount);
    expect(amount).toHaveProperty('value', '4500,00');
    expect(within(dialog).getByText(`Не больше 4${NBSP}500,00${NBSP}₽`, exact)).toBeTruthy();
    // What each recipient still holds: 3600 and 900 after the earlier 400 + 100.
    expect(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' })).toHaveProperty(
      'value',
      '3600,00',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 2' })).toHaveProperty(
      'value',
      '900,00',
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Счёт получателя, строка 1' })).toHaveProperty(
        'selectedOptions.0.textContent',
        'Цветы · 16f90c5e',
      ),
    );

    await user.click(within(dialog).getByRole('button', { name: SEND }));
    const heading = await within(dialog).findByRole('heading', { name: 'Деньги возвращены' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(within(dialog).getByText(/Платёж возвращён полностью\./)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Вернуть ещё' })).toBeNull();
    const [request] = refundRequests(fake);
    expect(request!.body).toEqual({
      amount: '4500.00',
      routing: [
        {
          accountId: fakeIds.accountA,
          amount: { value: '3600.00', currency: 'RUB' },
          platformFeeAmount: { value: '0.00', currency: 'RUB' },
          description: '',
        },
        {
          accountId: fakeIds.accountB,
          amount: { value: '900.00', currency: 'RUB' },
          platformFeeAmount: { value: '0.00', currency: 'RUB' },
          description: '',
        },
      ],
    });
    expect(request!.headers['Idempotency-Key']).toBeTruthy();
  });

  it('refunds part: the split follows the amount to the kopeck, and the pending refund becomes final live', async () => {
    const { fake, user, dialog } = await open(paid, { refund: { finalStatus: null } });
    const amount = within(dialog).getByRole('textbox', { name: 'Сумма возврата' });
    await user.clear(amount);
    await user.type(amount, '1 000,01');
    expect(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' })).toHaveProperty(
      'value',
      '800,01',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 2' })).toHaveProperty(
      'value',
      '200,00',
    );
    await user.click(within(dialog).getByRole('button', { name: /^Вернуть 1\s000,01\s₽$/ }));

    expect(await within(dialog).findByRole('heading', { name: 'Возврат отправлен' })).toBeTruthy();
    expect(within(dialog).getByText(`Можно вернуть ещё: 3${NBSP}499,99${NBSP}₽`, exact)).toBeTruthy();
    expect(refundRequests(fake)[0]!.body).toMatchObject({ amount: '1000.01' });
    const refundId = fake.payments()[2]!.refunds[1]!.id;
    await act(async () =>
      fake.settleRefund(fakeIds.paymentPaid, refundId, 'failed', 'The card account is closed'),
    );
    expect(await within(dialog).findByRole('heading', { name: 'Возврат не прошёл' })).toBeTruthy();
    expect(within(dialog).getByText(/Причина: The card account is closed/)).toBeTruthy();
    // A failed refund gives its amount back: everything is refundable again, and "Refund more" starts over.
    await waitFor(() =>
      expect(within(dialog).getByText(`Можно вернуть ещё: 4${NBSP}500,00${NBSP}₽`, exact)).toBeTruthy(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Вернуть ещё' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Сумма возврата' })),
    );
  });

  it('refuses more than remains refundable, and sends nothing', async () => {
    const { fake, user, dialog } = await open();
    const amount = within(dialog).getByRole('textbox', { name: 'Сумма возврата' });
    await user.clear(amount);
    await user.type(amount, '4500,01');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby')!)!.textContent).toBe(
      `Можно вернуть не больше 4${NBSP}500,00${NBSP}₽`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Вернуть' }));
    expect(document.activeElement).toBe(amount);
    expect(refundRequests(fake)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Вся сумма' }));
    expect(amount).toHaveProperty('value', '4500,00');
  });

  it('refuses a split that takes more from an account than it still holds', async () => {
    const { fake, user, dialog } = await open();
    const amount = within(dialog).getByRole('textbox', { name: 'Сумма возврата' });
    await user.clear(amount);
    await user.type(amount, '1000');
    const second = within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 2' });
    await user.clear(second);
    await user.type(second, '950');
    const first = within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' });
    await user.clear(first);
    await user.type(first, '50');
    const alert = await within(dialog).findByText(
      `Со счёта Без названия · 8ba85f01 можно вернуть не больше 900,00${NBSP}₽`,
      exact,
    );
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect(refundRequests(fake)).toEqual([]);
  });

  it('sends nothing while a row of the split does not parse', async () => {
    const { fake, user, dialog } = await open();
    const first = within(dialog).getByRole('textbox', { name: 'Сумма, ₽, строка 1' });
    await user.clear(first);
    await user.type(first, '3600,0x');
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect(
      within(dialog).getByText('Распределите всю сумму возврата').closest('[role="alert"]'),
    ).not.toBeNull();
    expect(refundRequests(fake)).toEqual([]);
  });

  it('sends a split edited by hand after the amount changed, the edit keeping it valid', async () => {
    const { fake, user, dialog } = await open();
    const amount = within(dialog).getByRole('textbox', { name: 'Сумма возврата' });
    await user.clear(amount);
    await user.type(amount, '1000');
    await user.type(within(dialog).getByRole('textbox', { name: 'Описание, строка 1' }), 'Книги');
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect(await within(dialog).findByRole('heading', { name: 'Деньги возвращены' })).toBeTruthy();
    const routing = (
      refundRequests(fake)[0]!.body as { routing: Array<{ amount: { value: string }; description: string }> }
    ).routing;
    expect(routing.map((entry) => [entry.amount.value, entry.description])).toEqual([
      ['800.00', 'Книги'],
      ['200.00', ''],
    ]);
  });

  it('says a fully refunded payment is refunded, with no form', async () => {
    const { dialog } = await open(refunded);
    expect(within(dialog).getByRole('heading', { name: 'Платёж возвращён полностью' })).toBeTruthy();
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { level: 2 }));
  });

  it('says a payment that is not paid cannot be refunded', async () => {
    const { dialog } = await open(held);
    expect(within(dialog).getByRole('heading', { name: 'Этот платёж нельзя вернуть' })).toBeTruthy();
    expect(within(dialog).getByText('Вернуть можно только оплаченный платёж.')).toBeTruthy();
    expect(within(dialog).queryByRole('textbox')).toBeNull();
  });

  it('keeps focus on the busy button while sending', async () => {
    const { user, dialog } = await open(paid, { pending: ['createRefund'] });
    const send = within(dialog).getByRole('button', { name: SEND });
    await user.click(send);
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(send);
    expect(dialog.getAttribute('aria-busy')).toBe('true');
  });

  it('shows why sending failed and keeps the form', async () => {
    const { user, dialog } = await open(paid, { errors: { createRefund: { code: 'UPSTREAM_UNAVAILABLE' } } });
    await user.click(within(dialog).getByRole('button', { name: SEND }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Банк не отвечает');
    expect(within(dialog).getByRole('textbox', { name: 'Сумма возврата' })).toBeTruthy();
  });

  it('keeps Tab inside, closes on Escape, and gives focus back to the button that opened it', async () => {
    const { user, opener, dialog } = await open();
    const close = within(dialog).getByRole('button', { name: 'Закрыть' });
    const send = within(dialog).getByRole('button', { name: SEND });
    send.focus();
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(send);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Cancel closes it too', async () => {
    const onClose = vi.fn();
    renderWithKit(<RefundDialog payment={paid} onClose={onClose} />, {
      scenario: { payments: fakePayments },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Отмена' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks English and reads English amounts', async () => {
    const { fake, user, dialog } = await open(paid, {}, 'en');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Refund of order order-1003');
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to refund' });
    await user.clear(amount);
    await user.type(amount, '1,000.50');
    await user.click(within(dialog).getByRole('button', { name: /^Refund ₽1,000\.50$/ }));
    expect(await within(dialog).findByRole('heading', { name: 'Money refunded' })).toBeTruthy();
    expect(refundRequests(fake)[0]!.body).toMatchObject({ amount: '1000.50' });
  });
});
