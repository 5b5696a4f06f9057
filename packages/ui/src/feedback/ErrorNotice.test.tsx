import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../client/ApiError.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { ErrorNotice } from './ErrorNotice.js';

const error = (code: ApiError['code'], retryAfter?: number) =>
  new ApiError({ code, message: code, status: 400, requestId: 'req-1', retryAfter: retryAfter ?? null });

afterEach(() => {
  vi.useRealTimers();
});

describe('ErrorNotice', () => {
  it('has a heading, the words for its kind and the request id', () => {
    renderWithKit(<ErrorNotice error={error('UPSTREAM_UNAVAILABLE')} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Банк не отвечает');
    expect(alert.textContent).toContain('Код обращения: req-1');
    expect(screen.getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });

  it('offers no Retry where repeating cannot help: a bank refusal, invalid data', () => {
    const onRetry = vi.fn();
    renderWithKit(
      <>
        <ErrorNotice error={error('UPSTREAM_REJECTED')} onRetry={onRetry} />
        <ErrorNotice error={error('VALIDATION_FAILED')} onRetry={onRetry} />
      </>,
    );
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Банк отклонил операцию' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a payout is more than the wallet holds, and offers no Retry', () => {
    renderWithKit(<ErrorNotice error={error('INSUFFICIENT_FUNDS')} onRetry={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Недостаточно средств' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Уменьшите сумму или пополните кошелёк');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers Refresh, not Retry, on a conflict', async () => {
    const onRetry = vi.fn();
    const onRefresh = vi.fn();
    renderWithKit(<ErrorNotice error={error('CONFLICT')} onRetry={onRetry} onRefresh={onRefresh} />);
    expect(screen.queryByRole('button', { name: 'Повторить' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Обновить данные' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('counts down Retry-After on a rate limit before Retry does anything', () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    renderWithKit(<ErrorNotice error={error('RATE_LIMITED', 5)} onRetry={onRetry} />, { strict: false });
    const button = screen.getByRole('button', { name: 'Повторить через 0:05' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    act(() => button.click());
    expect(onRetry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(3000));
    expect(button.textContent).toBe('Повторить через 0:02');
    act(() => vi.advanceTimersByTime(2000));
    expect(button.textContent).toBe('Повторить');
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    act(() => button.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('waits 30 s on a rate limit that came without Retry-After', () => {
    vi.useFakeTimers();
    renderWithKit(<ErrorNotice error={error('RATE_LIMITED')} onRetry={() => {}} />, { strict: false });
    expect(screen.getByRole('button', { name: 'Повторить через 0:30' })).toBeTruthy();
  });
});
