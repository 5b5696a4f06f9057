import type { OperationHistoryRow } from '@mandarin-kit/core';
import { act, getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBffClient, fakeHistory, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { formatSignedAmount } from './historyFormat.js';
import { WalletOperations } from './WalletOperations.js';

const NBSP = '\u00a0';
const MINUS = '\u2212';
// Testing Library folds every \s (no-break spaces too) by default; money must match exactly.
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false, trim: false }) };
const MSK = 'Europe/Moscow';

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const historyRequests = (fake: ReturnType<typeof createFakeBffClient>) =>
  fake.requests.filter((r) => r.path.includes('/operations')).map((r) => r.path);

describe('WalletOperations', () => {
  it('lists each operation: date and time, kind in words, counterparty, status, signed amount', async () => {
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} timeZone={MSK} />);
    const region = screen.getByRole('region', { name: 'История операций' });
    expect(region.getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('Загружаем операции…');

    const table = await screen.findByRole('table', { name: 'История операций' });
    expect(region.getAttribute('data-state')).toBe('ready');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Дата', 'Операция', 'Статус', 'Сумма']);
    const rows = bodyRows();
    expect(rows).toHaveLength(4);
    const [withdrawal, sbp, topUp, payout] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(within(withdrawal).getByText('Списание')).toBeTruthy();
    expect(within(withdrawal).getByText('В обработке')).toBeTruthy();
    expect(within(withdrawal).getByText(`${MINUS}250,00${NBSP}₽`, exact)).toBeTruthy();

    // SBP: the bank and the masked phone, and Mandarin's reason for the failure.
    expect(within(sbp).getByText('Перевод по СБП')).toBeTruthy();
    expect(within(sbp).getByText('Сбербанк')).toBeTruthy();
    expect(within(sbp).getByText('+7 *** ***-**-67')).toBeTruthy();
    expect(within(sbp).getByText('Не выполнена').getAttribute('data-status')).toBe('failed');
    expect(within(sbp).getByText('Причина: The bank has no account for this phone number')).toBeTruthy();

    // Money in is signed +, and the card number is masked for people.
    expect(within(topUp).getByText(`+13,00${NBSP}₽`, exact)).toBeTruthy();
    expect(within(topUp).getByText('4111 11•• •••• 1111')).toBeTruthy();
    expect(within(topUp).getByText('Выполнена')).toBeTruthy();

    const time = within(payout).getByText('1 мар. 2025 г., 12:11');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2025-03-01T09:11:00.000Z');
    expect(within(payout).getByText('•••• 1047')).toBeTruthy();
    expect(within(payout).getByText(`${MINUS}100,25${NBSP}₽`, exact).getAttribute('data-slot')).toBe(
      'amount',
    );
  });

  it('speaks English: dates, kinds, statuses and amounts', async () => {
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} timeZone={MSK} />, { locale: 'en' });
    await screen.findByRole('table', { name: 'Wallet activity' });
    const [, sbp, topUp, payout] = bodyRows() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(sbp).getByText('SBP transfer')).toBeTruthy();
    expect(within(sbp).getByText('Failed')).toBeTruthy();
    expect(within(topUp).getByText('+₽13.00')).toBeTruthy();
    expect(within(payout).getByText(`${MINUS}₽100.25`)).toBeTruthy();
    expect(within(payout).getByText(/^Mar 1, 2025, 12:11\sPM$/)).toBeTruthy();
  });

  it('filters by status and kind from the first page, and the CSV link carries the same filter', async () => {
    const fake = createFakeBffClient();
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} />, { fake });
    await screen.findByRole('table');
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Статус' }), 'Не выполненные');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('Перевод по СБП')).toBeTruthy();
    expect(historyRequests(fake).at(-1)).toBe(
      `/api/wallets/${fakeIds.wallet}/operations?status=failed%2Crejected&limit=20`,
    );
    const csv = screen.getByRole('link', { name: /Скачать CSV/ });
    expect(csv.getAttribute('href')).toBe(
      `/api/wallets/${fakeIds.wallet}/operations.csv?status=failed%2Crejected`,
    );
    expect(csv.hasAttribute('download')).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Статус' }), 'Все');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Тип' }), 'Пополнение с карты');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText(`+13,00${NBSP}₽`, exact)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Скачать CSV/ }).getAttribute('href')).toBe(
      `/api/wallets/${fakeIds.wallet}/operations.csv?kind=top_up`,
    );
    expect(historyRequests(fake).every((path) => !path.includes('cursor='))).toBe(true);
  });

  it('filters by period, counted back from the clock', async () => {
    const fake = createFakeBffClient();
    const now = () => new Date('2025-03-10T00:00:00.000Z');
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} now={now} />, { fake });
    await screen.findByRole('table');
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Период' }), '7 дней');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(historyRequests(fake).at(-1)).toContain(`from=${encodeURIComponent('2025-03-03T00:00:00.000Z')}`);
    expect(screen.getByRole('link', { name: /Скачать CSV/ }).getAttribute('href')).toContain(
      'from=2025-03-03',
    );
  });

  it('says so when there are no operations, and offers to clear filters that match nothing', async () => {
    const { unmount } = renderWithKit(<WalletOperations walletId={fakeIds.wallet} />, {
      scenario: { history: [] },
    });
    expect(await screen.findByText('Операций пока нет.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Сбросить фильтры' })).toBeNull();
    unmount();

    renderWithKit(<WalletOperations walletId={fakeIds.wallet} defaultFilter={{ kind: 'deposit' }} />);
    const region = screen.getByRole('region', { name: 'История операций' });
    expect(await screen.findByText('Нет операций по выбранным условиям.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Нет операций по выбранным условиям.');
    expect(region.getAttribute('data-state')).toBe('empty');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Сбросить фильтры' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect((screen.getByRole('combobox', { name: 'Тип' }) as HTMLSelectElement).value).toBe('all');
    // The button went away under the user: focus is on the heading, not <body>.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'История операций' }));
  });

  it('appends the next page by cursor and moves focus to the first new row', async () => {
    const fake = createFakeBffClient();
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} pageSize={2} />, { fake });
    await screen.findByRole('table');
    expect(bodyRows()).toHaveLength(2);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(historyRequests(fake).at(-1)).toBe(
      `/api/wallets/${fakeIds.wallet}/operations?limit=2&cursor=${fakeHistory[1]!.id}`,
    );
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull();
    expect(document.activeElement).toBe(bodyRows()[2]);
  });

  it('keeps the rows shown when the next page fails, and retries it', async () => {
    const fake = createFakeBffClient();
    const list = fake.client.listOperations;
    let failures = 1;
    fake.client.listOperations = (walletId, filter, o) =>
      filter?.cursor && failures-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : list(walletId, filter, o);
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} pageSize={2} />, { fake });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    const alert = await screen.findByRole('alert');
    expect(bodyRows()).toHaveLength(2);
    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error with a retry, and the rows after it', async () => {
    const onError = vi.fn();
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} onError={onError} />, {
      scenario: { delayMs: 5, errors: { listOperations: { code: 'UPSTREAM_UNAVAILABLE', times: 1 } } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Банк не отвечает');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'История операций' }));
  });

  it('shows a new operation and a finished one from the event stream, without a reload', async () => {
    const fake = createFakeBffClient();
    renderWithKit(<WalletOperations walletId={fakeIds.wallet} />, { fake });
    await screen.findByRole('table');
    expect(within(bodyRows()[0]!).getByText('В обработке')).toBeTruthy();

    const fresh: OperationHistoryRow = {
      ...fakeHistory[2]!,
      id: `${fakeIds.operation.slice(0, -2)}09`,
      createdAt: '2025-03-09T10:00:00.000Z',
      updatedAt: '2025-03-09T10:00:00.000Z',
      amount: { amount: '700.00', currency: 'RUB' },
      signedAmount: '+700.00',
      status: 'pending',
    };
    act(() => fake.pushOperation(fresh));
    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    expect(within(bodyRows()[0]!).getByText(`+700,00${NBSP}₽`, exact)).toBeTruthy();

    act(() => fake.pushOperation({ ...fakeHistory[0]!, status: 'success' }));
    await waitFor(() => expect(within(bodyRows()[1]!).getByText('Выполнена')).toBeTruthy());
    expect(bodyRows()).toHaveLength(5);
  });
});

describe('formatSignedAmount', () => {
  it('keeps every kopeck beyond float precision, with the sign', () => {
    expect(formatSignedAmount('-92233720368547758.07', 'ru')).toBe(
      `${MINUS}92${NBSP}233${NBSP}720${NBSP}368${NBSP}547${NBSP}758,07${NBSP}₽`,
    );
    expect(formatSignedAmount('+90071992547409.93', 'en')).toBe('+₽90,071,992,547,409.93');
    expect(formatSignedAmount('+0.00', 'en')).toBe('₽0.00');
  });
});
