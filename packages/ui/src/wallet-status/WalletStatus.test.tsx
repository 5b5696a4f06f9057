import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBffClient, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { validKycValues } from '../testing/storyParameters.js';
import { WalletStatus } from './WalletStatus.js';
import { type FakeWallet, withFakeWallet } from './WalletStatus.stories.js';

function renderStatus(
  wallet: FakeWallet,
  props: Partial<Parameters<typeof WalletStatus>[0]> = {},
  locale: 'ru' | 'en' = 'ru',
) {
  const fake = createFakeBffClient();
  const control = withFakeWallet(fake, wallet);
  const result = renderWithKit(<WalletStatus walletId={fakeIds.wallet} {...props} />, { fake, locale });
  return { ...result, control };
}

describe('WalletStatus', () => {
  it('shows an opening wallet with its steps, and turns open live from the event stream', async () => {
    const { control } = renderStatus({ status: 'Processing' });
    const region = screen.getByRole('region', { name: 'Кошелёк' });
    expect(region.getAttribute('data-state')).toBe('loading');
    expect(await screen.findByRole('heading', { name: 'Открываем кошелёк' })).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: 'Ход открытия' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'Заявка отправлена (выполнено)',
      'Банк проверяет данные',
      'Кошелёк открыт',
    ]);
    expect(steps[1]!.getAttribute('aria-current')).toBe('step');

    act(() => control.setStatus('Success'));
    expect(await screen.findByRole('heading', { name: 'Кошелёк открыт' })).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(region.getAttribute('data-status')).toBe('Success');
  });

  it('says what a blocked wallet means and whom to contact', async () => {
    renderStatus(
      { status: 'Blocked' },
      { supportContact: <a href="mailto:help@shop.example">help@shop.example</a> },
    );
    const heading = await screen.findByRole('heading', { name: 'Кошелёк заблокирован' });
    const status = heading.closest<HTMLElement>('[role="status"]')!;
    expect(status.textContent).toContain('деньги на нём сохранены');
    expect(within(status).getByRole('link', { name: 'help@shop.example' }).getAttribute('href')).toBe(
      'mailto:help@shop.example',
    );
  });

  it('speaks English for a suspended wallet', async () => {
    renderStatus({ status: 'Suspended' }, {}, 'en');
    expect(await screen.findByRole('heading', { name: 'Your wallet is suspended' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Wallet' })).toBeTruthy();
  });

  it('after a failure, "Start again" opens a KYC form with the fields kept, focused on its heading', async () => {
    const onRestarted = vi.fn();
    renderStatus({ status: 'Failed' }, { kycValues: validKycValues, onRestarted });
    expect(await screen.findByRole('heading', { name: 'Кошелёк не открыт' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Начать заново' }));
    const form = await screen.findByRole('form');
    expect((within(form).getByRole('textbox', { name: /Фамилия/ }) as HTMLInputElement).value).toBe('Иванов');
    expect(document.activeElement?.getAttribute('data-slot')).toBe('title');
    expect(form.contains(document.activeElement)).toBe(true);
    // Sent again: the host gets the new wallet and what was sent, to keep for another "Start again".
    await userEvent.setup().click(within(form).getByRole('button', { name: 'Открыть кошелёк' }));
    await waitFor(() =>
      expect(onRestarted).toHaveBeenCalledWith(
        expect.objectContaining({ status: 'Processing' }),
        expect.objectContaining({ last_name: 'Иванов', inn: '500100732259' }),
      ),
    );
  });

  it('offers a retry after an error and moves focus to the state it then shows', async () => {
    renderStatus({ error: 'UPSTREAM_UNAVAILABLE' });
    const alert = await screen.findByRole('alert');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Повторить' }));
    const heading = await screen.findByRole('heading', { name: 'Открываем кошелёк' });
    expect(document.activeElement).toBe(heading);
  });
});
