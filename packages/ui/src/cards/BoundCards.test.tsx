import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCards, fakeIds } from '../testing/createFakeBffClient.js';
import {
  FAKE_HOSTED_SRC,
  type FakeHostedFields,
  installFakeHostedFields,
} from '../testing/fakeHostedFields.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { BoundCards } from './BoundCards.js';

// user-event walks a radio group with CSS.escape, which jsdom lacks.
if (!globalThis.CSS?.escape) {
  Object.assign(globalThis, {
    CSS: { ...globalThis.CSS, escape: (value: string) => value.replace(/["\\\]]/g, '\\$&') },
  });
}

let hosted: FakeHostedFields;
beforeEach(() => {
  hosted = installFakeHostedFields();
});
afterEach(() => hosted.uninstall());

function Host({ onValueChange }: { onValueChange: (cardId: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <BoundCards
      hostedScriptSrc={FAKE_HOSTED_SRC}
      selectable
      value={value}
      onValueChange={(next) => {
        onValueChange(next);
        setValue(next);
      }}
    />
  );
}

const region = () => screen.getByRole('region', { name: 'Привязанные карты' });
const items = () => within(region()).getAllByRole('listitem');

describe('BoundCards', () => {
  it('lists the cards with masked number, expiry and status', async () => {
    renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} />);
    expect(screen.getByText('Загружаем карты…')).toBeTruthy();
    await waitFor(() => expect(items()).toHaveLength(2));
    const [visa] = items();
    expect(visa!.querySelector('[data-slot="card-number"]')?.textContent).toBe('4111 11•• •••• 1111');
    expect(visa!.querySelector('[data-slot="card-expiry"]')?.textContent).toBe('до 12/27');
    expect(visa!.querySelector('[data-slot="card-status"]')?.textContent).toBe('Привязана');
    expect(region().getAttribute('data-state')).toBe('ready');
    // Nothing was loaded that the list does not need.
    expect(hosted.scripts()).toHaveLength(0);
  });

  it('links a card: starts the binding, shows the hosted fields, and updates live on card_binding.status', async () => {
    const onBound = vi.fn();
    const { fake } = renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} onBound={onBound} />, {
      scenario: { cards: { list: [] } },
    });
    expect(await screen.findByText(/Карт пока нет/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Привязать карту' }));

    const form = await screen.findByRole('form', { name: 'Данные карты' });
    const start = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/cards');
    expect(start?.headers).toMatchObject({ 'X-CSRF': '1', 'Idempotency-Key': expect.any(String) });
    expect(
      screen.getByRole('link', { name: 'Или введите карту на защищённой странице Mandarin' }),
    ).toHaveProperty('href', `https://secure.mandarinpay.test/pay/${fakeIds.binding}`);
    // The pending binding is in the list at once.
    expect(items()[0]!.querySelector('[data-slot="card-status"]')?.textContent).toBe('Привязываем…');

    await waitFor(() => expect(form.getAttribute('data-state')).toBe('ready'));
    expect(hosted.setups.at(-1)?.operationId).toBe(`js-${fakeIds.binding}`);
    await user.click(within(form).getByRole('button', { name: 'Привязать' }));
    expect(await screen.findByText('Банк проверяет карту. Это займёт несколько секунд.')).toBeTruthy();

    const listCalls = fake.requests.filter((r) => r.path === '/api/cards' && r.method === 'GET').length;
    act(() => fake.completeCardBinding(fakeIds.binding, 'active', '555555******4444'));
    expect(await screen.findByText('Карта •• 4444 привязана.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(items()[0]!.querySelector('[data-slot="card-number"]')?.textContent).toBe('5555 55•• •••• 4444');
    expect(items()[0]!.querySelector('[data-slot="card-status"]')?.textContent).toBe('Привязана');
    expect(onBound).toHaveBeenCalledTimes(1);
    expect(onBound).toHaveBeenCalledWith(expect.objectContaining({ id: fakeIds.binding, status: 'active' }));
    // Live: one refetch after the event, no polling.
    await waitFor(() =>
      expect(fake.requests.filter((r) => r.path === '/api/cards' && r.method === 'GET').length).toBe(
        listCalls + 1,
      ),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Привязать карту' }));
  });

  it('says so when the binding fails', async () => {
    const onBound = vi.fn();
    renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} onBound={onBound} />, {
      scenario: { cards: { bindingResult: 'failed', bindingDelayMs: 40 } },
      locale: 'en',
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Link a card' }));
    expect(
      await screen.findByText('The card could not be linked. Try again or use another card.'),
    ).toBeTruthy();
    expect(screen.getAllByText('Not linked')).toHaveLength(1);
    expect(onBound).not.toHaveBeenCalled();
  });

  it('removes a card only after confirmation, and cancel keeps it', async () => {
    const onRemoved = vi.fn();
    const { fake } = renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} onRemoved={onRemoved} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить карту •• 1111' }));
    expect(screen.getByText('Удалить карту •• 1111 из списка?')).toBeTruthy();
    // The question opens on its safe answer, and Escape closes it like Cancel.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Отмена' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Да, удалить' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Удалить карту •• 1111' }));
    await user.click(screen.getByRole('button', { name: 'Удалить карту •• 1111' }));
    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Удалить карту •• 1111' }));
    expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Удалить карту •• 1111' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить' }));
    expect(await screen.findByText('Карта •• 1111 удалена.')).toBeTruthy();
    const deletes = fake.requests.filter((r) => r.method === 'DELETE');
    expect(deletes).toEqual([expect.objectContaining({ path: `/api/cards/${fakeIds.cardVisa}` })]);
    expect(deletes[0]!.headers['X-CSRF']).toBe('1');
    expect(items()).toHaveLength(1);
    expect(onRemoved).toHaveBeenCalledWith(fakeIds.cardVisa);
  });

  it('shows an error when removing fails, and keeps the card', async () => {
    renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} />, {
      scenario: { errors: { removeCard: { code: 'NOT_FOUND' } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Удалить карту •• 0004' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Не найдено');
    expect(items()).toHaveLength(2);
  });

  it('picks a card with the keyboard as a radio group (pending cards cannot be picked)', async () => {
    const onValueChange = vi.fn();
    renderWithKit(<Host onValueChange={onValueChange} />, {
      scenario: {
        cards: {
          list: [
            {
              id: fakeIds.binding,
              status: 'pending',
              cardMasked: null,
              cardHolder: null,
              expiryMonth: null,
              expiryYear: null,
              createdAt: '2025-04-01T00:00:00.000Z',
            },
            ...fakeCards,
          ],
        },
      },
    });
    const group = await screen.findByRole('group', { name: 'Карта для операции' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(radios[0]).toHaveProperty('disabled', true);
    const user = userEvent.setup();
    await user.click(radios[1]!);
    expect(onValueChange).toHaveBeenLastCalledWith(fakeIds.cardVisa);
    expect(document.activeElement).toBe(radios[1]);
    await user.keyboard('{ArrowDown}');
    expect(onValueChange).toHaveBeenLastCalledWith(fakeIds.cardMir);
    expect(radios[2]).toHaveProperty('checked', true);
    expect(radios[1]).toHaveProperty('checked', false);
    expect(items()[2]!.hasAttribute('data-selected')).toBe(true);
  });

  it('picking by label, and removing the picked card clears the pick', async () => {
    const onValueChange = vi.fn();
    renderWithKit(
      <BoundCards
        hostedScriptSrc={FAKE_HOSTED_SRC}
        selectable
        defaultValue={fakeIds.cardMir}
        onValueChange={onValueChange}
      />,
      { locale: 'en' },
    );
    const mir = await screen.findByRole('radio', { name: /2202 20•• •••• 0004/ });
    // The parts of the name are read apart, not run together ("…0004expires 03/29Linked").
    expect(mir.getAttribute('id') && document.querySelector(`label[for="${mir.id}"]`)?.textContent).toBe(
      '2202 20•• •••• 0004, expires 03/29, Linked',
    );
    expect(mir).toHaveProperty('checked', true);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove card •• 0004' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('Card •• 0004 removed.')).toBeTruthy();
    expect(onValueChange).toHaveBeenLastCalledWith(null);
  });

  it('offers a retry when the list cannot be loaded', async () => {
    renderWithKit(<BoundCards hostedScriptSrc={FAKE_HOSTED_SRC} />, {
      scenario: { delayMs: 5, errors: { listCards: { code: 'UPSTREAM_UNAVAILABLE', times: 1 } } },
    });
    const alert = await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Привязать карту' })).toBeNull();
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(items()).toHaveLength(2));
  });
});
