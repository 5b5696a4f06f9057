import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CapturePayment } from './capture/CapturePayment.js';
import { HostedCardForm } from './cards/HostedCardForm.js';
import { EspKycForm } from './esp-kyc/EspKycForm.js';
import { OtpInput } from './otp/OtpInput.js';
import { RefundDialog } from './refund/RefundDialog.js';
import { SbpRecipientConfirmation } from './sbp/SbpRecipientConfirmation.js';
import { fakeIds, fakePayment, fakePayments, fakeRoutingEntry } from './testing/createFakeBffClient.js';
import {
  FAKE_HOSTED_SRC,
  type FakeHostedFields,
  installFakeHostedFields,
} from './testing/fakeHostedFields.js';
import { renderWithKit } from './testing/renderWithKit.js';
import { validKycValues } from './testing/storyParameters.js';

// Every state change a user sets off, walked with the keyboard: after each one focus is somewhere a screen
// reader user can continue from — never dropped to <body>, never left on a control that went `disabled`
// (which a real browser blurs to <body>; jsdom doesn't, so that is checked separately).
const root = () => document.querySelector('[data-slot="root"]')!;
const stateIs = (state: string) => waitFor(() => expect(root().getAttribute('data-state')).toBe(state));

/** Waits for `state`, then checks where focus is: on `where` when given, and never lost. */
async function after(state: string, where?: () => HTMLElement) {
  await stateIs(state);
  // Focus moves in an effect after the commit that set data-state: a bounded wait, not a fixed sleep.
  await waitFor(() => {
    const active = document.activeElement as HTMLElement | null;
    expect(active, `focus after "${state}"`).not.toBe(document.body);
    expect(active?.isConnected).toBe(true);
    expect(active?.hasAttribute('disabled')).toBe(false);
    if (where) expect(active).toBe(where());
  });
}

let hosted: FakeHostedFields | undefined;
afterEach(() => hosted?.uninstall());

describe('focus after each state change', () => {
  it('KYC: submit stays focused while pending; the accepted application takes focus', async () => {
    renderWithKit(<EspKycForm defaultValues={validKycValues} />, { scenario: { delayMs: 40 } });
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Открыть кошелёк' }).focus();
    await user.keyboard('{Enter}');
    await after('pending', () => screen.getByRole('button', { name: 'Отправляем данные…' }));
    await after('success', () => screen.getByRole('heading', { name: 'Заявка на кошелёк принята' }));
  });

  it('OTP: get code → the code field; verify → the confirmation', async () => {
    renderWithKit(<OtpInput walletId={fakeIds.wallet} autoSend={false} />, { scenario: { delayMs: 40 } });
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{Enter}');
    await after('sending', () => screen.getByRole('button', { name: 'Получить код' }));
    await after('awaiting', () => screen.getByRole('textbox', { name: 'Код из SMS' }));
    await user.keyboard('1234');
    await after('verifying', () => screen.getByRole('textbox', { name: 'Код из SMS' }));
    await after('verified', () => screen.getByRole('heading', { name: 'Телефон подтверждён' }));
  });

  it('SBP: confirm stays focused while confirming; processing and success take focus', async () => {
    const { fake } = renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} />, {
      scenario: { delayMs: 40, sbp: { finalStatus: null } },
    });
    const user = userEvent.setup();
    await stateIs('ready');
    await user.tab();
    await user.keyboard('{Enter}');
    await after('confirming', () => screen.getByRole('button', { name: 'Подтверждаем перевод…' }));
    await after('processing', () => screen.getByRole('heading', { name: 'Перевод отправлен' }));
    act(() => fake.finishSbpPayout('success'));
    await after('success', () => screen.getByRole('heading', { name: 'Перевод выполнен' }));
  });

  it('SBP: reject stays focused while rejecting; the cancellation takes focus', async () => {
    renderWithKit(<SbpRecipientConfirmation operationId={fakeIds.operation} />, {
      scenario: { delayMs: 40 },
    });
    const user = userEvent.setup();
    await stateIs('ready');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    await after('rejecting', () => screen.getByRole('button', { name: 'Отменяем перевод…' }));
    await after('rejected', () => screen.getByRole('heading', { name: 'Перевод отменён' }));
  });

  it('hosted card form: submit stays focused while processing; the accepted card takes focus', async () => {
    hosted = installFakeHostedFields({ processDelayMs: 40 });
    renderWithKit(<HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} />);
    await stateIs('ready');
    screen.getByRole('button', { name: 'Продолжить' }).focus();
    await userEvent.setup().keyboard('{Enter}');
    await after('processing', () => screen.getByRole('button', { name: 'Отправляем…' }));
    await after('success', () => screen.getByRole('heading', { name: 'Данные карты приняты' }));
  });

  it('refund: the amount takes focus and keeps it while Enter sends; the result and Refund more take focus', async () => {
    const { fake } = renderWithKit(<RefundDialog payment={fakePayments[2]!} onClose={() => {}} />, {
      scenario: { delayMs: 40, payments: fakePayments, refund: { finalStatus: null } },
    });
    await after('editing', () => screen.getByRole('textbox', { name: 'Сумма возврата' }));
    const user = userEvent.setup();
    await user.keyboard('{Enter}');
    await after('submitting', () => screen.getByRole('textbox', { name: 'Сумма возврата' }));
    await after('done', () => screen.getByRole('heading', { name: 'Возврат отправлен' }));
    const refundId = fake.payments()[2]!.refunds[1]!.id;
    act(() => fake.settleRefund(fakeIds.paymentPaid, refundId, 'failed'));
    // The failed refund is refundable again once the payment is read again after the event.
    await user.click(await screen.findByRole('button', { name: 'Вернуть ещё' }, { timeout: 3000 }));
    await after('editing', () => screen.getByRole('textbox', { name: 'Сумма возврата' }));
  });

  it('capture: Capture stays focused while sending; the result takes focus', async () => {
    const payment = fakePayment({
      ...fakePayments[1]!,
      routing: [fakeRoutingEntry(fakeIds.accountA, '12500.50')],
    });
    renderWithKit(<CapturePayment payment={payment} onClose={() => {}} />, {
      scenario: { delayMs: 40, payments: [payment] },
    });
    await stateIs('editing');
    screen.getByRole('button', { name: /^Списать / }).focus();
    await userEvent.setup().keyboard('{Enter}');
    await after('submitting', () => screen.getByRole('button', { name: /^Списать / }));
    await after('done', () =>
      screen.getByRole('heading', { name: /^(Списание отправлено|Деньги списаны)$/ }),
    );
  });
});
