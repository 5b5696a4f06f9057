import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeBff, fakeIds } from '../testing/createFakeBffClient.js';
import { FAKE_HOSTED_SRC, installFakeHostedFields } from '../testing/fakeHostedFields.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { TopUpForm } from './TopUpForm.js';

const NBSP = '\u00a0';
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const topUps = (requests: FakeBff['requests']) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith('/top-ups'));

let hosted: ReturnType<typeof installFakeHostedFields>;
beforeEach(() => {
  hosted = installFakeHostedFields({});
});
afterEach(() => hosted.uninstall());

describe('TopUpForm', () => {
  it('tops up from a picked card: one request, the result where the button was, focus on it', async () => {
    const onCompleted = vi.fn();
    const { fake } = renderWithKit(
      <TopUpForm walletId={fakeIds.wallet} hostedScriptSrc={FAKE_HOSTED_SRC} onCompleted={onCompleted} />,
      { scenario: { topUp: { finalStatus: null } } },
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '2 500,5');
    await user.click(await screen.findByRole('radio', { name: '•• 0004' }));
    const submit = screen.getByRole('button', { name: `Пополнить на 2${NBSP}500,50${NBSP}₽` });
    await user.click(submit);
    await user.click(submit);

    const sent = await screen.findByRole('heading', { name: 'Пополнение отправлено' });
    await waitFor(() => expect(document.activeElement).toBe(sent));
    expect(screen.queryByRole('button', { name: /Пополнить на/ })).toBeNull();
    expect(topUps(fake.requests)).toHaveLength(1);
    expect(topUps(fake.requests)[0]?.body).toEqual({ amount: '2500.50', cardId: fakeIds.cardMir });

    act(() => fake.finishSbpPayout('success'));
    const done = await screen.findByRole('heading', { name: 'Кошелёк пополнен' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(plain(done.closest('[role="status"]')?.textContent)).toContain('2 500,50 ₽ с карты •••• 0004.');
    expect(onCompleted).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Пополнить ещё' }));
    expect(await screen.findByRole('button', { name: 'Пополнить' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Сумма, ₽' })).toHaveProperty('value', '');
  });

  it('asks for an amount and a card before sending anything', async () => {
    const { fake } = renderWithKit(<TopUpForm walletId={fakeIds.wallet} hostedScriptSrc={FAKE_HOSTED_SRC} />);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: '•• 1111' });
    await user.click(screen.getByRole('button', { name: 'Пополнить' }));
    const amount = screen.getByRole('textbox', { name: 'Сумма, ₽' });
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(amount);
    await user.type(amount, '100');
    await user.click(screen.getByRole('button', { name: /Пополнить/ }));
    expect(screen.getByText('Выберите или привяжите карту')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '•• 1111' }));
    expect(topUps(fake.requests)).toHaveLength(0);
  });

  it("shows Mandarin's reason when the top-up fails", async () => {
    const onFailed = vi.fn();
    renderWithKit(
      <TopUpForm walletId={fakeIds.wallet} hostedScriptSrc={FAKE_HOSTED_SRC} onFailed={onFailed} />,
      {
        scenario: { topUp: { finalStatus: 'failed', failure: 'банк карты отклонил списание' } },
      },
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '100');
    await user.click(await screen.findByRole('radio', { name: '•• 1111' }));
    await user.click(screen.getByRole('button', { name: /Пополнить/ }));
    const failed = await screen.findByRole('heading', { name: 'Пополнение не выполнено' });
    expect(failed.closest('[role="status"]')?.textContent).toContain(
      'Причина: банк карты отклонил списание. Деньги не списаны.',
    );
    expect(onFailed).toHaveBeenCalledTimes(1);
  });

  it('picks a card linked inline once Mandarin reports it active', async () => {
    const { fake } = renderWithKit(
      <TopUpForm walletId={fakeIds.wallet} hostedScriptSrc={FAKE_HOSTED_SRC} />,
      {
        scenario: { cards: { list: [] } },
      },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Привязать новую карту' }));
    expect(await screen.findByRole('form', { name: 'Данные карты' })).toBeTruthy();
    act(() => fake.completeCardBinding(fakeIds.binding, 'active'));
    const card = await screen.findByRole('radio', { name: '•• 4444' });
    await waitFor(() => expect(card).toHaveProperty('checked', true));
    expect(screen.getByText('Карта •• 4444 привязана и выбрана.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Данные карты' })).toBeNull();
    // The card form closed under the user: focus is back on the button that opened it, not on <body>.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Привязать новую карту' })),
    );
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '50');
    await user.click(screen.getByRole('button', { name: /Пополнить/ }));
    expect(await screen.findByRole('heading', { name: 'Кошелёк пополнен' })).toBeTruthy();
    expect(topUps(fake.requests)[0]?.body).toEqual({ amount: '50.00', cardId: fakeIds.binding });
  });

  it('retries a network failure with the same Idempotency-Key', async () => {
    const { fake } = renderWithKit(
      <TopUpForm walletId={fakeIds.wallet} hostedScriptSrc={FAKE_HOSTED_SRC} />,
      {
        scenario: { errors: { createTopUp: { code: 'NETWORK', times: 1 } } },
      },
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '100');
    await user.click(await screen.findByRole('radio', { name: '•• 1111' }));
    await user.click(screen.getByRole('button', { name: /Пополнить/ }));
    expect(await screen.findByText(/Нет связи с сервером/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Пополнить/ }));
    expect(await screen.findByRole('heading', { name: 'Кошелёк пополнен' })).toBeTruthy();
    const keys = topUps(fake.requests).map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});
