import type { PaymentView } from '@mandarin-kit/core';
import { act, getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RefundDialog } from '../refund/RefundDialog.js';
import { createFakeBffClient, fakeIds, fakePayments } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { PaymentsTable } from './PaymentsTable.js';

const NBSP = '\u00a0';
// Testing Library folds every \s (no-break spaces too) by default; money must match exactly.
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false, trim: false }) };
const MSK = 'Europe/Moscow';
const scenario = { payments: fakePayments };

const rowOf = (orderId: string) => screen.getByText(orderId).closest('tr') as HTMLElement;
const groupOf = (orderId: string) => screen.getByText(orderId).closest('tbody') as HTMLElement;
const listRequests = (fake: ReturnType<typeof createFakeBffClient>) =>
  fake.requests.filter((r) => r.path.startsWith('/api/payments')).map((r) => r.path);

/** The table wired to the refund dialog, as an operator's page has them. */
function Page() {
  const [refunding, setRefunding] = useState<PaymentView | null>(null);
  return (
    <>
      <PaymentsTable onRefund={setRefunding} />
      {refunding && <RefundDialog payment={refunding} onClose={() => setRefunding(null)} />}
    </>
  );
}

describe('PaymentsTable', () => {
  it('lists each payment: date and time, order id, status in words, exact amount', async () => {
    renderWithKit(<PaymentsTable timeZone={MSK} />, { scenario });
    const region = screen.getByRole('region', { name: 'Платежи' });
    expect(region.getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('Загружаем платежи…');

    const table = await screen.findByRole('table', { name: 'Платежи' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Дата', 'Заказ', 'Статус', 'Сумма', 'Подробности']);
    expect(within(table).getAllByRole('row')).toHaveLength(6);

    const held = rowOf('order-1004');
    expect(within(held).getByText('Средства удержаны')).toBeTruthy();
    expect(within(held).getByText(`12${NBSP}500,50${NBSP}₽`, exact).getAttribute('data-slot')).toBe('amount');
    expect(within(held).getByText('Бронь стола')).toBeTruthy();
    const time = within(held).getByText('5 мар. 2025 г., 14:05');
    expect(time.getAttribute('datetime')).toBe('2025-03-05T11:05:00.000Z');

    expect(within(rowOf('order-1003')).getByText('Возвращён частично')).toBeTruthy();
    expect(within(rowOf('order-1002')).getByText('Возвращён')).toBeTruthy();
    expect(within(rowOf('order-1001')).getByText('Не прошёл')).toBeTruthy();
    expect(within(rowOf('order-1005')).getByText('В обработке')).toBeTruthy();
    expect(within(rowOf('order-1001')).getByText(`150,25${NBSP}₽`, exact)).toBeTruthy();
  });

  it('opens a payment’s details: the split by sub-merchant labels, its refunds and what remains refundable', async () => {
    renderWithKit(<PaymentsTable timeZone={MSK} onRefund={() => {}} onCapture={() => {}} />, { scenario });
    await screen.findByRole('table');
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Подробнее, заказ order-1003' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggle);
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;

    const split = within(details).getAllByRole('list')[0]!;
    const shares = within(split).getAllByRole('listitem');
    // Labels, not raw ids: the operator's name and the short id, or "Unnamed" and the short id.
    await waitFor(() => expect(within(shares[0]!).getByText('Цветы · 16f90c5e')).toBeTruthy());
    expect(within(shares[0]!).getByText(`4${NBSP}000,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(shares[0]!).getByText(`комиссия 50,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(shares[1]!).getByText('Без названия · 8ba85f01')).toBeTruthy();
    expect(details.textContent).not.toContain(fakeIds.accountA);

    const refund = within(details).getByText('Выполнен').closest('li')!;
    expect(within(refund).getByText(`500,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(details).getByText(`Можно вернуть: 4${NBSP}500,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(details).getByRole('button', { name: 'Вернуть' })).toBeTruthy();
    expect(within(details).queryByRole('button', { name: 'Списать' })).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('[data-slot="details"]')).toBeNull();
  });

  it('offers Refund only while something is refundable and Capture only for a held two-step payment', async () => {
    const onRefund = vi.fn();
    const onCapture = vi.fn();
    renderWithKit(<PaymentsTable onRefund={onRefund} onCapture={onCapture} />, { scenario });
    await screen.findByRole('table');
    const user = userEvent.setup();
    for (const toggle of screen.getAllByRole('button', { name: /^Подробнее/ })) await user.click(toggle);

    expect(within(groupOf('order-1002')).getByText(`Можно вернуть: 0,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(groupOf('order-1002')).queryByRole('button', { name: 'Вернуть' })).toBeNull();
    expect(within(groupOf('order-1001')).getByText('Причина: Insufficient funds on the card')).toBeTruthy();
    expect(within(groupOf('order-1001')).queryByRole('button', { name: /Вернуть|Списать/ })).toBeNull();
    expect(within(groupOf('order-1005')).queryByRole('button', { name: /Вернуть|Списать/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Вернуть' })).toHaveLength(1);

    const capture = within(groupOf('order-1004')).getByRole('button', { name: 'Списать' });
    expect(within(groupOf('order-1004')).getByText(/Распределение задаётся при списании/)).toBeTruthy();
    await user.click(capture);
    expect(onCapture).toHaveBeenCalledWith(expect.objectContaining({ id: fakeIds.paymentHeld }), capture);
    const refund = within(groupOf('order-1003')).getByRole('button', { name: 'Вернуть' });
    await user.click(refund);
    expect(onRefund).toHaveBeenCalledWith(expect.objectContaining({ id: fakeIds.paymentPaid }), refund);
  });

  it('filters by status and period and finds an order by its id, each from the first page', async () => {
    const fake = createFakeBffClient(scenario);
    renderWithKit(<PaymentsTable now={() => new Date('2025-03-09T00:00:00.000Z')} />, { fake });
    await screen.findByRole('table');
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Статус' }), 'Средства удержаны');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(listRequests(fake).at(-1)).toBe('/api/payments?limit=20&status=authorized');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Статус' }), 'Все');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Период' }), '7 дней');
    expect(listRequests(fake).at(-1)).toBe(
      `/api/payments?limit=20&from=${encodeURIComponent('2025-03-02T00:00:00.000Z')}`,
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));

    await user.type(screen.getByRole('searchbox', { name: 'Номер заказа' }), ' order-1002 {Enter}');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(listRequests(fake).at(-1)).toContain('orderId=order-1002');
    expect(screen.getByText('order-1002')).toBeTruthy();
  });

  it('says when nothing matches, and Clear filters brings every payment back with focus on the heading', async () => {
    renderWithKit(<PaymentsTable defaultFilter={{ orderId: 'order-9999' }} />, { scenario });
    expect((await screen.findByRole('status')).textContent).toBe('Загружаем платежи…');
    await screen.findByText('Нет платежей по выбранным условиям.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Сбросить фильтры' }));
    await screen.findByRole('table');
    expect(screen.getByRole('searchbox', { name: 'Номер заказа' })).toHaveProperty('value', '');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Платежи' }));
  });

  it('says so when there are no payments at all', async () => {
    renderWithKit(<PaymentsTable />, { scenario: { payments: [] } });
    expect(await screen.findByText('Платежей пока нет.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Сбросить фильтры' })).toBeNull();
  });

  it('shows more by cursor and moves focus to the first payment it brought', async () => {
    const fake = createFakeBffClient(scenario);
    renderWithKit(<PaymentsTable pageSize={2} />, { fake });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(document.activeElement).toBe(rowOf('order-1003')));
    expect(listRequests(fake).at(-1)).toBe(`/api/payments?limit=2&cursor=${fakeIds.paymentHeld}`);
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(document.activeElement).toBe(rowOf('order-1001')));
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull();
  });

  it('follows the event stream: a refund that ends changes the row and is announced', async () => {
    const fake = createFakeBffClient(scenario);
    renderWithKit(<PaymentsTable />, { fake });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Подробнее, заказ order-1003' }));
    await act(async () => {
      await fake.client.createRefund(fakeIds.paymentPaid, { amount: '4500.00' });
    });
    await act(async () => {
      fake.settleRefund(fakeIds.paymentPaid, fake.payments()[2]!.refunds[1]!.id, 'success');
    });
    await waitFor(() => expect(within(rowOf('order-1003')).getByText('Возвращён')).toBeTruthy());
    expect(within(groupOf('order-1003')).getByText(`Можно вернуть: 0,00${NBSP}₽`, exact)).toBeTruthy();
    expect(screen.getByText('Заказ order-1003: Возвращён').getAttribute('aria-live')).toBe('polite');
  });

  it('shows an error with Retry, and the list once it works', async () => {
    const onError = vi.fn();
    renderWithKit(<PaymentsTable onError={onError} />, {
      scenario: {
        ...scenario,
        delayMs: 5,
        errors: { listPayments: { code: 'UPSTREAM_UNAVAILABLE', times: 1 } },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Банк не отвечает');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    await screen.findByRole('table');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Платежи' }));
  });

  it('speaks English: dates, statuses and amounts', async () => {
    renderWithKit(<PaymentsTable timeZone={MSK} />, { scenario, locale: 'en' });
    await screen.findByRole('table', { name: 'Payments' });
    const held = rowOf('order-1004');
    expect(within(held).getByText('Held')).toBeTruthy();
    expect(within(held).getByText('₽12,500.50')).toBeTruthy();
    expect(within(held).getByText(/^Mar 5, 2025, 2:05\sPM$/)).toBeTruthy();
    expect(within(rowOf('order-1003')).getByText('Partly refunded')).toBeTruthy();
  });

  it('wired to RefundDialog: a full refund changes the row, and closing puts focus on the table, not <body>', async () => {
    renderWithKit(<Page />, { scenario });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Подробнее, заказ order-1003' }));
    await user.click(within(groupOf('order-1003')).getByRole('button', { name: 'Вернуть' }));
    const dialog = screen.getByRole('dialog', { name: 'Возврат по заказу order-1003' });
    await user.click(within(dialog).getByRole('button', { name: /^Вернуть 4\s500,00\s₽$/ }));
    await within(dialog).findByRole('heading', { name: 'Деньги возвращены' });
    await waitFor(() => expect(within(rowOf('order-1003')).getByText('Возвращён')).toBeTruthy());
    // Nothing is left to refund, so the Refund button that opened the dialog is gone: focus goes to the heading.
    expect(within(groupOf('order-1003')).queryByRole('button', { name: 'Вернуть' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Платежи' }));
  });
});
