import { getDefaultNormalizer, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { BalanceWidget } from './BalanceWidget.js';

const NBSP = '\u00a0';
// Testing Library folds every \s (no-break spaces too) by default; money must match exactly.
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false, trim: false }) };

describe('BalanceWidget', () => {
  it('shows the exact balance with Russian grouping and no-break spaces', async () => {
    const onUpdate = vi.fn();
    renderWithKit(<BalanceWidget walletId={fakeIds.wallet} onUpdate={onUpdate} />);
    const region = screen.getByRole('region', { name: 'Баланс кошелька' });
    expect(region.getAttribute('data-state')).toBe('loading');
    expect(screen.getByRole('status').textContent).toBe('Загружаем баланс…');
    const amount = await screen.findByText(`15${NBSP}000,75${NBSP}₽`, exact);
    expect(amount.getAttribute('data-slot')).toBe('amount');
    expect(region.getAttribute('data-state')).toBe('ready');
    expect(onUpdate).toHaveBeenCalledWith(expect.objectContaining({ status: 'Success' }));
  });

  it('keeps kopecks exact beyond float precision, and formats in English', async () => {
    renderWithKit(<BalanceWidget walletId={fakeIds.wallet} />, {
      scenario: { balance: '90071992547409.93' },
      locale: 'en',
    });
    expect(await screen.findByText('₽90,071,992,547,409.93')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Wallet balance' })).toBeTruthy();
  });

  it('offers a retry after an error, usable from the keyboard', async () => {
    const onError = vi.fn();
    renderWithKit(<BalanceWidget walletId={fakeIds.wallet} onError={onError} />, {
      scenario: { delayMs: 5, errors: { getBalance: { code: 'UPSTREAM_UNAVAILABLE', times: 1 } } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Банк не отвечает');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }));
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Повторить' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText(`15${NBSP}000,75${NBSP}₽`, exact)).toBeTruthy();
  });

  it('lets the host override any string', async () => {
    renderWithKit(<BalanceWidget walletId={fakeIds.wallet} />, {
      messages: { 'balance.title': 'На счёте' },
    });
    expect(screen.getByRole('region', { name: 'На счёте' })).toBeTruthy();
  });
});
