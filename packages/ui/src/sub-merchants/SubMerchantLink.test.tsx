import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RoutingSplitEditor } from '../routing/RoutingSplitEditor.js';
import { createFakeBffClient, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { SubMerchantLink } from './SubMerchantLink.js';
import { useSubMerchantAccounts } from './useSubMerchantAccounts.js';

const TOKEN = 'smt_live_5f2b9c0e7a1d4e3f8b6a';
const items = () => within(screen.getByRole('list', { name: 'Привязанные' })).getAllByRole('listitem');

function LinkedEditor() {
  const { accounts } = useSubMerchantAccounts();
  return <RoutingSplitEditor total={500000n} accounts={accounts} />;
}

describe('SubMerchantLink', () => {
  it('lists the linked sub-merchants by name and short id, never the raw id', async () => {
    renderWithKit(<SubMerchantLink />);
    expect(screen.getByRole('region', { name: 'Субмерчанты' }).getAttribute('data-state')).toBe('loading');
    await screen.findByRole('list', { name: 'Привязанные' });
    const [flowers, unnamed] = items() as [HTMLElement, HTMLElement];
    expect(within(flowers).getByText('Цветы · 16f90c5e')).toBeTruthy();
    expect(within(flowers).getByText('с 1 февр. 2025 г.')).toBeTruthy();
    expect(within(unnamed).getByText('Без названия · 8ba85f01')).toBeTruthy();
    expect(screen.getByRole('region').textContent).not.toContain(fakeIds.accountA);
  });

  it('links by token and name, once per attempt, and shows the new one in the list', async () => {
    const onLinked = vi.fn();
    const fake = createFakeBffClient();
    renderWithKit(<SubMerchantLink onLinked={onLinked} />, { fake });
    await screen.findByRole('list');
    const user = userEvent.setup();
    const token = screen.getByRole('textbox', { name: 'Токен субмерчанта' });

    await user.type(token, 'short');
    await user.click(screen.getByRole('button', { name: 'Привязать' }));
    expect(document.activeElement).toBe(token);
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Вставьте токен целиком: не короче 10 символов')).toBeTruthy();
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await user.clear(token);
    await user.type(token, ` ${TOKEN} `);
    await user.type(screen.getByRole('textbox', { name: 'Название (необязательно)' }), 'Кофейня у парка');
    await user.click(screen.getByRole('button', { name: 'Привязать' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Привязан: Кофейня у парка · 3f2504e0',
    );
    const [request] = fake.requests.filter((r) => r.method === 'POST');
    expect(request!.body).toEqual({ token: TOKEN, label: 'Кофейня у парка' });
    expect(request!.headers['Idempotency-Key']).toBeTruthy();
    expect(items()).toHaveLength(3);
    expect(within(items()[2]!).getByText('Кофейня у парка · 3f2504e0')).toBeTruthy();
    expect(token).toHaveProperty('value', '');
    expect(onLinked).toHaveBeenCalledWith(expect.objectContaining({ label: 'Кофейня у парка' }));
  });

  it('puts the BFF’s word on a bad token under the field, not in a notice', async () => {
    renderWithKit(<SubMerchantLink />, {
      scenario: {
        errors: {
          linkSubMerchant: { code: 'VALIDATION_FAILED', fields: { token: ['Токен не распознан'] }, times: 1 },
        },
      },
    });
    await screen.findByRole('list');
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Токен субмерчанта' }), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Привязать' }));
    expect(await screen.findByText('Токен не распознан')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renames inline: focus into the field, Enter saves, focus back to Rename; an empty name clears it', async () => {
    const onRenamed = vi.fn();
    const fake = createFakeBffClient();
    renderWithKit(<SubMerchantLink onRenamed={onRenamed} />, { fake });
    await screen.findByRole('list');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Переименовать Цветы · 16f90c5e' }));
    const field = screen.getByRole('textbox', { name: 'Новое название для 16f90c5e' });
    expect(document.activeElement).toBe(field);
    expect(field).toHaveProperty('value', 'Цветы');
    await user.clear(field);
    await user.type(field, 'Цветы на Тверской{Enter}');
    const rename = await screen.findByRole('button', { name: 'Переименовать Цветы на Тверской · 16f90c5e' });
    await waitFor(() => expect(document.activeElement).toBe(rename));
    const patch = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/sub-merchants/${fakeIds.accountA}`);
    expect(patch.body).toEqual({ label: 'Цветы на Тверской' });
    expect(screen.getByRole('status').textContent).toBe('Переименован: Цветы на Тверской · 16f90c5e');

    await user.click(rename);
    await user.clear(screen.getByRole('textbox', { name: 'Новое название для 16f90c5e' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Без названия · 16f90c5e')).toBeTruthy();
    expect(fake.requests.filter((r) => r.method === 'PATCH').at(-1)!.body).toEqual({ label: null });
    expect(onRenamed).toHaveBeenCalledTimes(2);
  });

  it('Escape cancels a rename and gives focus back', async () => {
    const fake = createFakeBffClient();
    renderWithKit(<SubMerchantLink />, { fake });
    await screen.findByRole('list');
    const user = userEvent.setup();
    const rename = screen.getByRole('button', { name: 'Переименовать Без названия · 8ba85f01' });
    await user.click(rename);
    await user.type(screen.getByRole('textbox', { name: 'Новое название для 8ba85f01' }), 'Кофейня{Escape}');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Переименовать Без названия · 8ba85f01' }),
    );
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('refuses a name over 80 characters', async () => {
    renderWithKit(<SubMerchantLink />);
    await screen.findByRole('list');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Переименовать Цветы · 16f90c5e' }));
    const field = screen.getByRole('textbox', { name: 'Новое название для 16f90c5e' });
    await user.clear(field);
    await user.type(field, 'ж'.repeat(81));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Не длиннее 80 символов')).toBeTruthy();
  });

  it('names reach the routing editor on the same page at once', async () => {
    renderWithKit(
      <>
        <SubMerchantLink />
        <LinkedEditor />
      </>,
    );
    await screen.findByRole('list');
    expect(screen.getByRole('option', { name: 'Без названия · 8ba85f01' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Переименовать Без названия · 8ba85f01' }));
    await user.type(screen.getByRole('textbox', { name: 'Новое название для 8ba85f01' }), 'Кофейня{Enter}');
    expect(await screen.findByRole('option', { name: 'Кофейня · 8ba85f01' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: new RegExp(fakeIds.accountB) })).toBeNull();
  });

  it('says so when none is linked, and shows a load error with Retry', async () => {
    const { unmount } = renderWithKit(<SubMerchantLink />, { scenario: { subMerchants: [] } });
    expect(await screen.findByText('Пока никого не привязали.')).toBeTruthy();
    unmount();
    renderWithKit(<SubMerchantLink />, {
      scenario: { delayMs: 5, errors: { listSubMerchants: { code: 'UPSTREAM_UNAVAILABLE', times: 1 } } },
    });
    const alert = await screen.findByRole('alert');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('list', { name: 'Привязанные' })).toBeTruthy();
  });

  it('speaks English', async () => {
    renderWithKit(<SubMerchantLink />, { locale: 'en' });
    await screen.findByRole('list', { name: 'Linked' });
    expect(screen.getByText('Unnamed · 8ba85f01')).toBeTruthy();
    expect(screen.getByText('since Feb 1, 2025')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rename Цветы · 16f90c5e' })).toBeTruthy();
  });
});
