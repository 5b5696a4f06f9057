import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type FakeBff, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { SbpRecipientConfirmation } from './SbpRecipientConfirmation.js';

const NBSP = '\u00a0';
const posts = (requests: FakeBff['requests'], suffix: string) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

describe('SbpRecipientConfirmation', () => {
  it('shows what the bank returned, confirms once from the keyboard, then the final status from the stream', async () => {
    const onConfirmed = vi.fn();
    const onSucceeded = vi.fn();
    const { fake, container } = renderWithKit(
      <SbpRecipientConfirmation
        operationId={fakeIds.operation}
        onConfirmed={onConfirmed}
        onSucceeded={onSucceeded}
      />,
      // The stream's final status waits for the test, so "sent" is seen however slow the run is.
      { scenario: { sbp: { fullName: 'Иванов Иван Иванович', amount: '1500.00', finalStatus: null } } },
    );
    expect(screen.getByText('Запрашиваем данные получателя в банке…')).toBeTruthy();
    expect(await screen.findByText('Иванов Иван Иванович')).toBeTruthy();
    expect(container.querySelector('[data-slot="amount"]')?.textContent).toBe(`1${NBSP}500,00${NBSP}₽`);
    expect(container.querySelector('[data-slot="bank"]')?.textContent).toBe('Сбербанк');
    expect(container.querySelector('[data-slot="phone"]')?.textContent).toBe('+7 *** ***-**-67');

    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Подтвердить перевод' }));
    await user.keyboard('{Enter}{Enter}');
    expect(await screen.findByRole('heading', { name: 'Перевод отправлен' })).toBeTruthy();
    expect(onConfirmed).toHaveBeenCalledWith(expect.objectContaining({ status: 'pending' }));
    expect(onSucceeded).not.toHaveBeenCalled();
    act(() => fake.finishSbpPayout('success'));
    const done = await screen.findByRole('heading', { name: 'Перевод выполнен' });
    // The buttons unmounted with the decision; focus went to the outcome, not <body>.
    expect(document.activeElement).toBe(done);
    expect(screen.getByRole('status').textContent).toContain(
      `1${NBSP}500,00${NBSP}₽ отправлено получателю: Иванов Иван Иванович.`,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Перевод по СБП');
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect(posts(fake.requests, '/sbp/confirm')).toHaveLength(1);
    expect(posts(fake.requests, '/sbp/reject')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Отменить перевод' })).toBeNull();
    expect(container.querySelector('[data-slot="root"]')?.getAttribute('data-state')).toBe('success');
  });

  it('rejects, and never confirms afterwards', async () => {
    const onRejected = vi.fn();
    const { fake } = renderWithKit(
      <SbpRecipientConfirmation operationId={fakeIds.operation} onRejected={onRejected} />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Отменить перевод' }));
    expect(await screen.findByRole('heading', { name: 'Перевод отменён' })).toBeTruthy();
    expect(onRejected).toHaveBeenCalledWith(expect.objectContaining({ status: 'rejected' }));
    expect(posts(fake.requests, '/sbp/confirm')).toHaveLength(0);
  });

  it('reports a failed payout', async () => {
    const onFailed = vi.fn();
    renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} onFailed={onFailed} />, {
      scenario: { sbp: { finalStatus: 'failed' } },
      locale: 'en',
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Confirm transfer' }));
    expect(await screen.findByRole('heading', { name: 'The transfer failed' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('The money stays in your wallet.');
    expect(onFailed).toHaveBeenCalledTimes(1);
  });

  it('looks the bank name up in the SBP directory when neither view has it', async () => {
    const { container } = renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} />, {
      scenario: { sbp: { bankName: null, bankId: '100000000004' } },
    });
    await waitFor(() => expect(container.querySelector('[data-slot="bank"]')?.textContent).toBe('Т-Банк'));
  });

  it('retries a confirm that hit a network error with the same Idempotency-Key, from Confirm itself', async () => {
    const { fake } = renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} />, {
      scenario: { errors: { confirmSbpPayout: { code: 'NETWORK', times: 1 } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Подтвердить перевод' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Нет связи с сервером');
    // One button per action: the notice offers no second Retry beside Confirm.
    expect(screen.queryByRole('button', { name: 'Повторить' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Подтвердить перевод' }));
    expect(await screen.findByRole('heading', { name: 'Перевод выполнен' })).toBeTruthy();
    const [first, second] = posts(fake.requests, '/sbp/confirm');
    expect(first!.headers['Idempotency-Key']).toBeTruthy();
    expect(second!.headers['Idempotency-Key']).toBe(first!.headers['Idempotency-Key']);
  });

  it('shows a load error with a retry', async () => {
    renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} />, {
      scenario: { delayMs: 5, errors: { getSbpRecipient: { code: 'UPSTREAM_TIMEOUT', times: 1 } } },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Банк не отвечает');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Иванов Иван Иванович')).toBeTruthy();
  });
});
