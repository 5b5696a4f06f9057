import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { OtpInput } from './OtpInput.js';

const sends = (requests: Array<{ path: string }>) => requests.filter((r) => r.path.endsWith('/otp/send'));

describe('OtpInput', () => {
  it('sends one SMS on mount (even in StrictMode) and shows the masked phone, countdown and attempts', async () => {
    const { fake, container } = renderWithKit(<OtpInput walletId={fakeIds.wallet} />, {
      scenario: { otp: { retries: 3, ttlSeconds: 300 } },
    });
    expect(await screen.findByText('Код отправлен на +7 *** ***-**-53.')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: 'Код из SMS' });
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByText(/Код действует ещё [45]:\d\d\./)).toBeTruthy();
    expect(screen.getByText('Осталось попыток: 3.')).toBeTruthy();
    expect(sends(fake.requests)).toHaveLength(1);
    expect(fake.requests[0]!.headers).toMatchObject({ 'X-CSRF': '1' });
    expect(container.querySelector('[data-slot="root"]')?.getAttribute('data-state')).toBe('awaiting');
  });

  it('accepts a pasted code with junk around it and verifies by itself', async () => {
    const onVerified = vi.fn();
    const { fake } = renderWithKit(<OtpInput walletId={fakeIds.wallet} onVerified={onVerified} />);
    const input = await screen.findByRole('textbox', { name: 'Код из SMS' });
    const user = userEvent.setup();
    await user.click(input);
    await user.paste('Код: 12-34');
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('heading', { name: 'Телефон подтверждён' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('+7 *** ***-**-53');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', body: { code: '1234' } });
  });

  it('is usable with the keyboard alone, and says how many attempts remain after a wrong code', async () => {
    renderWithKit(<OtpInput walletId={fakeIds.wallet} />, { scenario: { otp: { retries: 3 } } });
    await screen.findByRole('textbox', { name: 'Код из SMS' });
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Код из SMS' }));
    await user.keyboard('9999');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Неверный код. Осталось попыток: 2.');
    const input = screen.getByRole('textbox', { name: 'Код из SMS' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    expect((input as HTMLInputElement).value).toBe('');
    await user.keyboard('1');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('234');
    const done = await screen.findByRole('heading', { name: 'Телефон подтверждён' });
    // The field unmounted with the verified code: focus is on the confirmation, not <body>.
    expect(document.activeElement).toBe(done);
  });

  it('stops at no attempts left and offers a new code', async () => {
    const { fake } = renderWithKit(<OtpInput walletId={fakeIds.wallet} resendCooldown={0} />, {
      scenario: { otp: { retries: 1 } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Код из SMS' }), '0000');
    expect((await screen.findByRole('alert')).textContent).toBe('Попытки закончились. Запросите новый код.');
    expect(screen.getByRole('button', { name: 'Подтвердить' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Отправить код ещё раз' }));
    await waitFor(() => expect(sends(fake.requests)).toHaveLength(2));
  });

  it('says when the code expired, and keeps resend behind its cooldown until then', async () => {
    renderWithKit(<OtpInput walletId={fakeIds.wallet} />, { scenario: { otp: { ttlSeconds: 0 } } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Срок действия кода истёк. Запросите новый код.',
    );
    expect(screen.getByRole('button', { name: 'Отправить код ещё раз' }).hasAttribute('aria-disabled')).toBe(
      false,
    );
  });

  it('keeps resend disabled during the cooldown and says when it opens', async () => {
    renderWithKit(<OtpInput walletId={fakeIds.wallet} resendCooldown={60} />);
    const resend = await screen.findByRole('button', { name: 'Отправить код ещё раз' });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/Отправить код ещё раз можно через [01]:\d\d\./)).toBeTruthy();
  });

  it('sends on demand when autoSend is off, and reports a failed send with a retry', async () => {
    const { fake } = renderWithKit(<OtpInput walletId={fakeIds.wallet} autoSend={false} />, {
      scenario: { errors: { sendOtp: { code: 'RATE_LIMITED', times: 1, retryAfter: 0 } } },
      locale: 'en',
    });
    expect(sends(fake.requests)).toHaveLength(0);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Get a code' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('We sent a code to +7 *** ***-**-53.')).toBeTruthy();
    // The Try again button unmounted once the code was sent: focus is on the code field.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'SMS code' }));
  });

  it('fills and verifies the code from WebOTP where the browser has it', async () => {
    const get = vi.fn(async () => ({ code: '1234', type: 'otp' }));
    vi.stubGlobal('OTPCredential', class {});
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
    try {
      const onVerified = vi.fn();
      renderWithKit(<OtpInput walletId={fakeIds.wallet} onVerified={onVerified} />);
      await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
      expect(get).toHaveBeenCalledWith(expect.objectContaining({ otp: { transport: ['sms'] } }));
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, 'credentials');
    }
  });

  it('is controlled through value and onValueChange', async () => {
    const onValueChange = vi.fn();
    renderWithKit(<OtpInput walletId={fakeIds.wallet} value="12" onValueChange={onValueChange} />);
    const input = (await screen.findByRole('textbox', { name: 'Код из SMS' })) as HTMLInputElement;
    expect(input.value).toBe('12');
    await userEvent.setup().type(input, '3');
    expect(onValueChange).toHaveBeenLastCalledWith('123');
    expect(input.value).toBe('12');
  });
});
