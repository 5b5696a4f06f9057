import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient } from '../testing/createFakeBffClient.js';
import {
  FAKE_HOSTED_SRC,
  type FakeHostedFields,
  type FakeHostedFieldsOptions,
  installFakeHostedFields,
} from '../testing/fakeHostedFields.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { HostedCardForm } from './HostedCardForm.js';

let hosted: FakeHostedFields;
const install = (options?: FakeHostedFieldsOptions) => {
  hosted = installFakeHostedFields(options);
  return hosted;
};
afterEach(() => hosted?.uninstall());

const form = (name = 'Данные карты') => screen.getByRole('form', { name });
const field = (label: string) => screen.getByRole('group', { name: label }).closest('[data-slot="field"]')!;

describe('HostedCardForm', () => {
  it('adds one script tag, with the nonce, for two forms under StrictMode, and sets each form up', async () => {
    install();
    renderWithKit(
      <>
        <HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} nonce="n0nce" />
        <HostedCardForm operationId="op-2" scriptSrc={FAKE_HOSTED_SRC} nonce="n0nce" />
      </>,
    );
    await waitFor(() =>
      expect(screen.getAllByRole('form').map((f) => f.getAttribute('data-state'))).toEqual([
        'ready',
        'ready',
      ]),
    );
    expect(hosted.scripts()).toHaveLength(1);
    expect(hosted.scripts()[0]!.getAttribute('nonce')).toBe('n0nce');
    expect(hosted.scripts()[0]!.async).toBe(true);
    // StrictMode set each form up, tore it down and set it up again: one live input per field.
    expect(new Set(hosted.setups.map((s) => s.operationId))).toEqual(new Set(['op-1', 'op-2']));
    expect(document.querySelectorAll('[data-slot="hosted-input"]')).toHaveLength(8);
  });

  it('renders on the server without touching the document', () => {
    install();
    const fake = createFakeBffClient();
    const html = renderToString(
      <MandarinKitProvider client={fake.client} EventSource={fake.EventSource}>
        <HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} />
      </MandarinKitProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('mandarinpay-field-card-number');
    expect(html).not.toContain('style=');
    expect(hosted.scripts()).toHaveLength(0);
  });

  it('labels each field container and mirrors the state classes as data-state with an error text', async () => {
    install();
    renderWithKit(<HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} />);
    await waitFor(() => expect(form().getAttribute('data-state')).toBe('ready'));
    for (const label of ['Номер карты', 'Имя владельца', 'Срок действия', 'Код CVC/CVV']) {
      expect(field(label).getAttribute('data-state')).toBe('empty');
    }
    const number = field('Номер карты');
    act(() => hosted.setFieldState('card-number', { empty: false, focused: true }));
    await waitFor(() => expect(number.getAttribute('data-focused')).toBe('true'));
    expect(number.getAttribute('data-state')).toBe('idle');
    act(() => hosted.setFieldState('card-number', { focused: false, error: true }));
    await waitFor(() => expect(number.getAttribute('data-state')).toBe('error'));
    expect(number.hasAttribute('data-focused')).toBe(false);
    expect(within(number as HTMLElement).getByText('Проверьте номер карты.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Номер карты' }).getAttribute('aria-describedby')).toBe(
      within(number as HTMLElement)
        .getByText('Проверьте номер карты.')
        .getAttribute('id'),
    );
    act(() => hosted.setFieldState('card-number', { error: false, valid: true }));
    await waitFor(() => expect(number.getAttribute('data-state')).toBe('valid'));
    expect(within(number as HTMLElement).queryByText('Проверьте номер карты.')).toBeNull();
  });

  it('follows what the user types into the (fake) fields', async () => {
    install();
    renderWithKit(<HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} />, { locale: 'en' });
    await waitFor(() => expect(form('Card details').getAttribute('data-state')).toBe('ready'));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '4111');
    await user.tab();
    const number = field('Card number');
    await waitFor(() => expect(number.getAttribute('data-state')).toBe('error'));
    expect(within(number as HTMLElement).getByText('Check the card number.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '111111111111');
    await waitFor(() => expect(number.getAttribute('data-state')).toBe('valid'));
  });

  it('processes once per click, busy while pending (keeping focus), and reports onSuccess', async () => {
    install({ processDelayMs: 30 });
    const onSuccess = vi.fn();
    renderWithKit(
      <HostedCardForm
        operationId="op-1"
        scriptSrc={FAKE_HOSTED_SRC}
        submitLabel="Оплатить"
        onSuccess={onSuccess}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Оплатить' });
    await waitFor(() => expect(button.hasAttribute('aria-disabled')).toBe(false));
    const user = userEvent.setup();
    await user.dblClick(button);
    expect(hosted.processed).toEqual(['op-1']);
    const busy = screen.getByRole('button', { name: 'Отправляем…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ operationId: 'op-1' }));
    expect(form().getAttribute('data-state')).toBe('success');
    const accepted = screen.getByRole('heading', { name: 'Данные карты приняты' });
    expect(document.activeElement).toBe(accepted);
    // Nothing left to fill in or press once the card is accepted.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('reports a refused card with onError and lets the user try again', async () => {
    install({ result: 'error' });
    const onError = vi.fn();
    renderWithKit(<HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} onError={onError} />);
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Продолжить' });
    await waitFor(() => expect(button.hasAttribute('aria-disabled')).toBe(false));
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Карта не принятаПроверьте данные карты и отправьте их ещё раз.',
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ error: 'The card could not be processed' }),
    );
    await user.click(screen.getByRole('button', { name: 'Продолжить' }));
    expect(hosted.processed).toEqual(['op-1', 'op-1']);
  });

  it('shows a load failure with a retry that adds a fresh script tag', async () => {
    install({ failLoads: 1 });
    const onError = vi.fn();
    renderWithKit(<HostedCardForm operationId="op-1" scriptSrc={FAKE_HOSTED_SRC} onError={onError} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Не удалось загрузить защищённую форму карты');
    expect(form().getAttribute('data-state')).toBe('load-error');
    expect(hosted.scripts()).toHaveLength(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Продолжить' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(form().getAttribute('data-state')).toBe('ready'));
    expect(hosted.scripts()).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
