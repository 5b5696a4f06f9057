import { type BffClient, MandarinKitProvider, useEventStreamStatus } from '@mandarin-kit/ui';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EventsPage } from './pages/EventsPage.js';
import { OperatorPage } from './pages/OperatorPage.js';
import { PayoutsPage } from './pages/PayoutsPage.js';
import { WalletPage } from './pages/WalletPage.js';
import { type Page, pages, useHashRoute } from './useHashRoute.js';

const titles: Record<Page, string> = {
  wallet: 'Wallet onboarding',
  payouts: 'Top-up & payouts',
  operator: 'Operator: checkout & refunds',
  events: 'Live events & callbacks',
};

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** The demo marketplace: one page per flow, all on the kit's components. */
export function App({ client }: { client: BffClient }) {
  const [locale, setLocale] = useState<'ru' | 'en'>('en');
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  return (
    <QueryClientProvider client={queryClient}>
      <MandarinKitProvider client={client} locale={locale} theme={theme} queryClient={queryClient}>
        <div className="demo" data-theme={theme} data-mk-theme={theme}>
          <header className="demo-header">
            <p className="demo-brand">Mandarin Kit · demo marketplace</p>
            <Session client={client} />
            <div className="demo-toggles">
              <button type="button" onClick={() => setLocale(locale === 'ru' ? 'en' : 'ru')}>
                {locale === 'ru' ? 'English' : 'Русский'}
              </button>
              <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
                {theme === 'light' ? 'Dark theme' : 'Light theme'}
              </button>
            </div>
          </header>
          <Pages client={client} />
        </div>
      </MandarinKitProvider>
    </QueryClientProvider>
  );
}

function Pages({ client }: { client: BffClient }) {
  const page = useHashRoute();
  return (
    <>
      <nav aria-label="Demo flows" className="demo-nav">
        {pages.map((p) => (
          <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>
            {titles[p]}
          </a>
        ))}
      </nav>
      <main className="demo-main">
        <h1>{titles[page]}</h1>
        {page === 'wallet' && <WalletPage />}
        {page === 'payouts' && <PayoutsPage />}
        {page === 'operator' && <OperatorPage client={client} />}
        {page === 'events' && <EventsPage />}
      </main>
    </>
  );
}

function Session({ client }: { client: BffClient }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: () => client.me() });
  const status = useEventStreamStatus();
  const operator = me.data?.roles.includes('operator') ?? false;
  return (
    <div className="demo-session">
      <span data-testid="stream-status">Live events: {status}</span>
      <span>{operator ? 'Operator' : 'Customer'}</span>
      <button
        type="button"
        onClick={async () => {
          await client.signOut();
          await qc.invalidateQueries();
          window.location.reload();
        }}
      >
        New customer
      </button>
    </div>
  );
}
