import { act, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BalanceWidget } from '../balance/BalanceWidget.js';
import { createFakeBffClient, type FakeScenario, fakeIds } from '../testing/createFakeBffClient.js';
import { renderWithKit } from '../testing/renderWithKit.js';
import { MandarinKitProvider } from './MandarinKitProvider.js';
import { queryKeys } from './queryKeys.js';
import { useMandarinEvents } from './useMandarinEvents.js';

function Listener({ onEvent }: { onEvent: (type: string) => void }) {
  useMandarinEvents((event) => onEvent(event.type));
  return null;
}

/** A loaded balance widget and a listener that records the type of every event handed to it. */
async function balanceWithListener() {
  const seen: string[] = [];
  const rendered = renderWithKit(
    <>
      <BalanceWidget walletId={fakeIds.wallet} />
      <Listener onEvent={(type) => seen.push(type)} />
    </>,
  );
  await screen.findByText('Активен');
  return { ...rendered, seen };
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('MandarinKitProvider', () => {
  it('opens exactly one SSE connection under StrictMode, with credentials, and closes it on unmount', async () => {
    const { fake, unmount } = renderWithKit(
      <>
        <BalanceWidget walletId={fakeIds.wallet} />
        <BalanceWidget walletId={fakeIds.wallet} />
      </>,
    );
    await flush();
    expect(fake.hub.instances).toHaveLength(1);
    expect(fake.hub.instances[0]).toMatchObject({ url: '/api/events', withCredentials: true });
    unmount();
    expect(fake.hub.open()).toHaveLength(0);
  });

  it('renders on the server without touching window or EventSource', () => {
    const fake = createFakeBffClient();
    const html = renderToString(
      <MandarinKitProvider client={fake.client} EventSource={fake.EventSource}>
        <BalanceWidget walletId={fakeIds.wallet} />
      </MandarinKitProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(fake.hub.instances).toHaveLength(0);
  });

  it('refreshes the balance and status when an esp.status event for that wallet arrives', async () => {
    const scenario: FakeScenario = { balance: '100.00', walletStatus: 'Processing', delayMs: 20 };
    const fake = createFakeBffClient(scenario);
    renderWithKit(<BalanceWidget walletId={fakeIds.wallet} />, { fake });
    expect(await screen.findByText('Открывается')).toBeTruthy();
    const before = fake.requests.length;
    scenario.walletStatus = 'Success';
    scenario.balance = '250.00';
    act(() => {
      fake.hub.emit('esp.status', { walletId: fakeIds.wallet, status: 'Success' });
    });
    // The event's own status is written into the cache; the balance is fetched again.
    expect(await screen.findByText('Активен')).toBeTruthy();
    await waitFor(() => expect(fake.requests.length).toBeGreaterThan(before));
    expect(fake.requests.at(-1)?.path).toBe(`/api/wallets/${fakeIds.wallet}/balance`);
    expect((await screen.findByText(/^250,00/)).getAttribute('data-slot')).toBe('amount');
  });

  it('writes a card_binding.status into the cached card list at once, then refetches it', async () => {
    const { fake, queryClient } = renderWithKit(<Listener onEvent={() => {}} />);
    await flush();
    const pending = {
      id: 'card-1',
      status: 'pending' as const,
      cardMasked: null,
      cardHolder: null,
      expiryMonth: null,
      expiryYear: null,
      createdAt: 'x',
    };
    queryClient.setQueryData(queryKeys.cards(), { cards: [pending] });
    act(() => {
      fake.hub.emit('card_binding.status', {
        cardId: 'card-1',
        status: 'active',
        cardMasked: '411111******1111',
      });
      fake.hub.emit('card_binding.status', { cardId: 'card-1', status: 'unknown' });
    });
    expect(queryClient.getQueryData(queryKeys.cards())).toEqual({
      cards: [{ ...pending, status: 'active', cardMasked: '411111******1111' }],
    });
    expect(queryClient.getQueryState(queryKeys.cards())?.isInvalidated).toBe(true);
  });

  it('ignores events for other wallets and malformed data, and hands every event to listeners', async () => {
    const { fake, seen, queryClient } = await balanceWithListener();
    const before = fake.requests.length;
    act(() => {
      fake.hub.emit('esp.status', { walletId: 'another', status: 'Blocked' });
      fake.hub.emit('esp.status', { nonsense: true });
    });
    expect(screen.getByText('Активен')).toBeTruthy();
    // An event for this wallet goes the same way, later: once its refetch is here, one the others had set off
    // would be here too.
    act(() => fake.hub.emit('esp.status', { walletId: fakeIds.wallet, status: 'Success' }));
    await waitFor(() => {
      expect(fake.requests.length).toBeGreaterThan(before);
      expect(queryClient.isFetching()).toBe(0);
    });
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/wallets/${fakeIds.wallet}/balance`,
    ]);
    expect(seen).toEqual(['esp.status', 'esp.status', 'esp.status']);
  });

  it('reconnects with backoff and the last event id after the server closed the stream', async () => {
    const { fake } = renderWithKit(<BalanceWidget walletId={fakeIds.wallet} />);
    await flush();
    act(() => {
      fake.hub.emit('esp.status', { walletId: fakeIds.wallet, status: 'Success' }, '41');
      fake.hub.fail({ closed: true });
    });
    await waitFor(() => expect(fake.hub.instances).toHaveLength(2), { timeout: 2000 });
    expect(fake.hub.instances[1]!.url).toBe('/api/events?lastEventId=41');
    expect(fake.hub.open()).toHaveLength(1);
  });

  it('resumes from where the stream opened when the server refused it before any event arrived', async () => {
    const { fake, seen } = await balanceWithListener();
    const before = fake.requests.length;
    act(() => {
      fake.hub.resumeAt('57');
      fake.hub.fail({ closed: true });
    });
    await waitFor(() => expect(fake.hub.instances).toHaveLength(2), { timeout: 2000 });
    expect(fake.hub.instances[1]!.url).toBe('/api/events?lastEventId=57');
    // The data-less frame is no event: no listener hears it and nothing is fetched again.
    expect(seen).toEqual([]);
    expect(fake.requests.length).toBe(before);
    expect(screen.getByText('Активен')).toBeTruthy();
  });
});
