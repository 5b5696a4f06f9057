import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import type { Theme } from '../provider/KitContext.js';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient, type FakeScenario } from './createFakeBffClient.js';

/** What a story says about its world, under `parameters.mandarinKit`. */
export interface KitStoryParameters {
  scenario?: FakeScenario;
  locale?: Locale;
  theme?: Theme;
}

/** Props of {@link KitStory}. */
export interface KitStoryProps extends KitStoryParameters {
  children: ReactNode;
}

/** A provider wired to a fake BFF, on a canvas in the theme's background: the frame of every story. */
export function KitStory({ scenario, locale = 'ru', theme = 'light', children }: KitStoryProps) {
  const [fake] = useState(() => createFakeBffClient(scenario));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  return (
    <MandarinKitProvider
      client={fake.client}
      EventSource={fake.EventSource}
      queryClient={queryClient}
      locale={locale}
      theme={theme}
    >
      <div className="mk-story" data-mk-theme={theme}>
        {children}
      </div>
    </MandarinKitProvider>
  );
}
