import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBffClient, type FakeBff, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { PayoutForm } from './PayoutForm.js';

const NBSP = '\u00a0';
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const payouts = (requests: FakeBff['requests']) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith('/payouts'));
const balanceCalls = (requests: FakeBff['requests']) => requests.filter((r) => r.path.endsWith('/balance'));

async function fillCard(amount: string, card = '4111111111111111') {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /Сумма|Amount/ }), amount);
  await user.type(screen.getByRole('textbox', { name: /Номер карты|Card number/ }), card);
  return user;
}

async function fillSbp(phone = '9017636353') {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('radio', { name: 'По СБП' }));
  await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '1500');
  await user.type(screen.getByRole('textbox', { name: 'Телефон получателя' }), phone);
  await user.type(screen.getByRole('searchbox', { name: 'Найти банк получателя' }), 'сбер');
  // The search answered: only the bank it found is offered.
  await waitFor(() => expect(screen.queryByRole('radio', { name: 'Т-Банк' })).toBeNull());
  await user.click(screen.getByRole('radio', { name: 'Сбербанк' }));
  return user;
}

describe('PayoutForm', () => {
  it('pays out to a card number: balance shown, number masked as typed, one request, then one final result', async () => {
    const onCompleted = vi.fn();
    const { fake, container } = renderWithKit(
      <PayoutForm walletId={fakeIds.wallet} onCompleted={onCompleted} />,
      { scenario: { payout: { finalStatus: null } } },
    );
    expect(plain((await screen.findByText(/Доступно/)).textContent)).toBe('Доступно: 15 000,75 ₽');
    const user = await fillCard('1 500,5');
    expect(screen.getByRole('textbox', { name: 'Номер карты' })).toHaveProperty(
      'value',
      '4111 1111 1111 1111',
    );
    const submit = screen.getByRole('button', { name: `Вывести 1${NBSP}500,50${NBSP}₽` });
    await user.click(submit);
    await user.click(submit);

    const sent = await screen.findByRole('heading', { name: 'Выплата отправлена' });
    expect(document.activeElement).toBe(sent);
    expect(payouts(fake.requests)).toHaveLength(1);
    const [request] = payouts(fake.requests);
    expect(request?.body).toEqual({
      amount: '1500.50',
      destination: { type: 'card_number', cardNumber: '4111111111111111' },
    });
    expect(request?.headers['Idempotency-Key']).toMatch(/\S/);
    expect(onCompleted).not.toHaveBeenCalled();

    act(() => fake.finishSbpPayout('success'));
    const done = await screen.findByRole('heading', { name: 'Деньги выведены' });
    expect(document.activeElement).toBe(done);
    expect(screen.queryByRole('heading', { name: 'Выплата отправлена' })).toBeNull();
    expect(plain(screen.getByRole('status').textContent)).toContain('1 500,50 ₽ → •••• 1111.');
    expect(container.querySelector('[data-slot="root"]')?.getAttribute('data-state')).toBe('success');
    expect(onCompleted).toHaveBeenCalledTimes(1);
    expect(onCompleted).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'success', amount: { amount: '1500.50', currency: 'RUB' } }),
    );

    // A new payout starts from the form, with focus on its heading.
    await user.click(screen.getByRole('button', { name: 'Новая выплата' }));
    const title = await screen.findByRole('heading', { name: 'Вывод денег' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.getByRole('textbox', { name: 'Сумма, ₽' })).toHaveProperty('value', '');
  });

  it('ends on the final status even when the event outruns the answer that created the payout', async () => {
    const fake = createFakeBffClient({ payout: { finalStatus: null } });
    const create = fake.client.createPayout;
    // Mandarin's callback (and its event) lands while the answer to the create call is still on its way.
    fake.client.createPayout = async (...args) => {
      const view = await create(...args);
      // The fake stream hands the event to the page synchronously: it is in before the answer returns.
      fake.finishSbpPayout('success');
      return view;
    };
    renderWithKit(<PayoutForm walletId={fakeIds.wallet} />, { fake });
    const user = await fillCard('100');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(await screen.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Выплата отправлена' })).toBeNull();
  });

  it('refuses more than the balance before anything is sent', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />, {
      scenario: { balance: '1000.00' },
    });
    const user = await fillCard('1000,01');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    const amount = screen.getByRole('textbox', { name: 'Сумма, ₽' });
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(plain(screen.getByText(/Больше, чем есть на кошельке/).textContent)).toBe(
      'Больше, чем есть на кошельке (1 000,00 ₽)',
    );
    expect(document.activeElement).toBe(amount);
    expect(payouts(fake.requests)).toHaveLength(0);
  });

  it('refuses a card number that fails the Luhn check, with focus on it', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />);
    const user = await fillCard('100', '4111111111111112');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    const card = screen.getByRole('textbox', { name: 'Номер карты' });
    expect(card.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Проверьте номер карты')).toBeTruthy();
    expect(document.activeElement).toBe(card);
    expect(payouts(fake.requests)).toHaveLength(0);
  });

  it("shows the BFF's INSUFFICIENT_FUNDS with the amount it says is available, and refreshes the balance", async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />, {
      scenario: {
        errors: { createPayout: { code: 'INSUFFICIENT_FUNDS', details: { available: '200.00' } } },
      },
    });
    const user = await fillCard('1500');
    const before = balanceCalls(fake.requests).length;
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(await screen.findByRole('heading', { name: 'Недостаточно средств' })).toBeTruthy();
    expect(plain(screen.getByRole('alert').textContent)).toContain('На кошельке 200,00 ₽');
    await waitFor(() => expect(balanceCalls(fake.requests).length).toBeGreaterThan(before));
    // The form stays, with what was typed.
    expect(screen.getByRole('textbox', { name: 'Сумма, ₽' })).toHaveProperty('value', '1500');
  });

  it("shows Mandarin's reason when the payout fails, and reports it once", async () => {
    const onFailed = vi.fn();
    const onCompleted = vi.fn();
    renderWithKit(<PayoutForm walletId={fakeIds.wallet} onFailed={onFailed} onCompleted={onCompleted} />, {
      scenario: { payout: { finalStatus: 'failed', failure: 'карта получателя заблокирована' } },
    });
    const user = await fillCard('1500');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(await screen.findByRole('heading', { name: 'Выплата не выполнена' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'Причина: карта получателя заблокирована. Деньги остались в кошельке.',
    );
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]?.[0].failure).toEqual({
      code: null,
      message: 'карта получателя заблокирована',
    });
    expect(onCompleted).not.toHaveBeenCalled();
  });

  it('pays out to a bound card picked from the list', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'На привязанную карту' }));
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '300');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(screen.getByText('Выберите карту')).toBeTruthy();
    await user.click(await screen.findByRole('radio', { name: '•• 0004' }));
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(await screen.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
    expect(payouts(fake.requests)[0]?.body).toEqual({
      amount: '300.00',
      destination: { type: 'bound_card', cardId: fakeIds.cardMir },
    });
  });

  it("SBP two-step: searches the bank directory, shows the recipient's name before money moves, then the result", async () => {
    const onCompleted = vi.fn();
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} onCompleted={onCompleted} />);
    const user = await fillSbp();
    expect(screen.getByRole('textbox', { name: 'Телефон получателя' })).toHaveProperty(
      'value',
      '+7 (901) 763-63-53',
    );
    expect(
      fake.requests.some((r) => r.path.startsWith('/api/sbp/banks?query=%D1%81%D0%B1%D0%B5%D1%80')),
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: /Вывести/ }));

    expect(await screen.findByText('Иванов Иван Иванович')).toBeTruthy();
    const check = screen.getByRole('heading', { name: 'Проверьте получателя перевода' });
    await waitFor(() => expect(document.activeElement).toBe(check));
    expect(payouts(fake.requests)[0]?.body).toEqual({
      amount: '1500.00',
      destination: { type: 'sbp', phone: '+79017636353', bankId: '100000000111' },
    });
    expect(onCompleted).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Подтвердить перевод' }));
    const done = await screen.findByRole('heading', { name: 'Деньги выведены' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.queryByText('Иванов Иван Иванович')).toBeNull();
    expect(onCompleted).toHaveBeenCalledTimes(1);
  });

  it('SBP two-step: cancelling at the recipient ends in "cancelled", and the money is not reported as sent', async () => {
    const onCompleted = vi.fn();
    const onFailed = vi.fn();
    const { fake } = renderWithKit(
      <PayoutForm walletId={fakeIds.wallet} onCompleted={onCompleted} onFailed={onFailed} />,
    );
    const user = await fillSbp();
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    await user.click(await screen.findByRole('button', { name: 'Отменить перевод' }));
    const cancelled = await screen.findByRole('heading', { name: 'Перевод отменён' });
    await waitFor(() => expect(document.activeElement).toBe(cancelled));
    expect(fake.requests.some((r) => r.path.endsWith('/sbp/confirm'))).toBe(false);
    expect(onCompleted).not.toHaveBeenCalled();
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('searches the bank directory once the user pauses, not on every keystroke', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} defaultMethod="sbp" />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Найти банк получателя' }), 'альфа');
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'Сбербанк' })).toBeNull());
    expect(screen.getByRole('radio', { name: 'Альфа-Банк' })).toBeTruthy();
    const searches = fake.requests.filter((r) => r.path.startsWith('/api/sbp/banks?'));
    expect(searches.map((r) => decodeURIComponent(r.path.split('=')[1] ?? ''))).toEqual(['альфа']);
  });

  it('SBP one-step: nothing to confirm, straight to the result', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />, {
      scenario: { payout: { twoStep: false } },
    });
    const user = await fillSbp();
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(await screen.findByRole('heading', { name: 'Деньги выведены' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Подтвердить перевод' })).toBeNull();
    expect(fake.requests.some((r) => r.path.endsWith('/sbp/recipient'))).toBe(false);
  });

  it('SBP: refuses an incomplete phone and a missing bank', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'По СБП' }));
    await user.type(screen.getByRole('textbox', { name: 'Сумма, ₽' }), '10');
    await user.type(screen.getByRole('textbox', { name: 'Телефон получателя' }), '90176');
    await user.click(screen.getByRole('button', { name: /Вывести/ }));
    expect(screen.getByText('Введите 10 цифр номера после +7')).toBeTruthy();
    expect(screen.getByText('Выберите банк')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Телефон получателя' }));
    expect(payouts(fake.requests)).toHaveLength(0);
  });

  it('reads amounts in English grouping and speaks English', async () => {
    const { fake } = renderWithKit(<PayoutForm walletId={fakeIds.wallet} />, { locale: 'en' });
    expect(plain((await screen.findByText(/Available/)).textContent)).toBe('Available: ₽15,000.75');
    const user = await fillCard('1,500.50');
    await user.click(screen.getByRole('button', { name: 'Withdraw ₽1,500.50' }));
    expect(await screen.findByRole('heading', { name: 'Money sent' })).toBeTruthy();
    expect(payouts(fake.requests)[0]?.body).toMatchObject({ amount: '1500.50' });
  });
});
