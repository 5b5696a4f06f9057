import { type BffClient, MandarinKitProvider, useEventStreamStatus } from '@mandarin-kit/ui';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { EventsPage } from './pages/EventsPage.js';
import { OperatorPage } from './pages/OperatorPage.js';
import { PayoutsPage } from './pages/PayoutsPage.js';
import { WalletPage } from './pages/WalletPage.js';
import { type Preferences, usePreferences } from './preferences.js';
import { useDemoText } from './useDemoText.js';
import { pages, useHashRoute } from './useHashRoute.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** The demo marketplace: one page per flow, all on the kit's components, in Russian or English. */
export function App({ client }: { client: BffClient }) {
  const [preferences, setPreferences] = usePreferences();
  return (
    <QueryClientProvider client={queryClient}>
      <MandarinKitProvider
        client={client}
        locale={preferences.locale}
        theme={preferences.theme}
        queryClient={queryClient}
      >
        <div className="demo" data-mk-theme={preferences.theme}>
          <Header client={client} preferences={preferences} onChange={setPreferences} />
          <Pages client={client} />
        </div>
      </MandarinKitProvider>
    </QueryClientProvider>
  );
}

function Header({
  client,
  preferences,
  onChange,
}: {
  client: BffClient;
  preferences: Preferences;
  onChange: (change: Partial<Preferences>) => void;
}) {
  const t = useDemoText();
  const id = useId();
  const page = useHashRoute();
  return (
    <header className="demo-header">
      <div className="demo-header__top">
        <p className="demo-brand">{t('brand')}</p>
        <fieldset className="demo-settings">
          <legend className="demo-visually-hidden">{t('settings.label')}</legend>
          <label className="demo-setting" htmlFor={`${id}-locale`}>
            {t('settings.language')}
          </label>
          <select
            id={`${id}-locale`}
            className="demo-select"
            value={preferences.locale}
            onChange={(e) => onChange({ locale: e.target.value === 'en' ? 'en' : 'ru' })}
          >
            <option value="ru" lang="ru">
              Русский
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
          <button
            type="button"
            className="demo-button demo-button--quiet"
            aria-pressed={preferences.theme === 'dark'}
            onClick={() => onChange({ theme: preferences.theme === 'dark' ? 'light' : 'dark' })}
          >
            {t('settings.dark')}
          </button>
        </fieldset>
      </div>
      <div className="demo-header__bar">
        <nav aria-label={t('nav.label')} className="demo-nav">
          <ul>
            {pages.map((p) => (
              <li key={p}>
                <a href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>
                  {t(`page.${p}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Session client={client} />
      </div>
    </header>
  );
}

function Pages({ client }: { client: BffClient }) {
  const page = useHashRoute();
  const t = useDemoText();
  return (
    <main className="demo-main">
      <h1>{t(`title.${page}`)}</h1>
      {page === 'wallet' && <WalletPage />}
      {page === 'payouts' && <PayoutsPage />}
      {page === 'operator' && <OperatorPage client={client} />}
      {page === 'events' && <EventsPage />}
    </main>
  );
}

function Session({ client }: { client: BffClient }) {
  const t = useDemoText();
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: () => client.me() });
  const status = useEventStreamStatus();
  const operator = me.data?.roles.includes('operator') ?? false;
  return (
    <div className="demo-session">
      <span className="demo-badge" data-testid="session-role" data-role={operator ? 'operator' : 'customer'}>
        {t(operator ? 'session.operator' : 'session.customer')}
      </span>
      <span className="demo-stream" data-testid="stream-status" data-state={status}>
        {t(`stream.${status}`)}
      </span>
      <button
        type="button"
        className="demo-button demo-button--quiet"
        onClick={async () => {
          await client.signOut();
          await qc.invalidateQueries();
          window.location.reload();
        }}
      >
        {t('session.new')}
      </button>
    </div>
  );
}
