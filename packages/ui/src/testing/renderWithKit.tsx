import { QueryClient } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import { type ReactElement, StrictMode } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import type { Theme } from '../provider/KitContext.js';
import { MandarinKitProvider } from '../provider/MandarinKitProvider.js';
import { createFakeBffClient, type FakeBff, type FakeScenario } from './createFakeBffClient.js';

/** Options of {@link renderWithKit}. */
export interface RenderWithKitOptions {
  scenario?: FakeScenario;
  fake?: FakeBff;
  locale?: Locale;
  theme?: Theme;
  messages?: Record<string, string>;
  strict?: boolean;
}

/** Renders `ui` inside a provider wired to a fake BFF (StrictMode by default). */
export function renderWithKit(
  ui: ReactElement,
  options: RenderWithKitOptions = {},
): RenderResult & { fake: FakeBff; queryClient: QueryClient } {
  const fake = options.fake ?? createFakeBffClient(options.scenario);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });
  const tree = (
    <MandarinKitProvider
      client={fake.client}
      EventSource={fake.EventSource}
      queryClient={queryClient}
      locale={options.locale ?? 'ru'}
      theme={options.theme ?? 'light'}
      {...(options.messages ? { messages: options.messages } : {})}
    >
      {ui}
    </MandarinKitProvider>
  );
  const result = render(options.strict === false ? tree : <StrictMode>{tree}</StrictMode>);
  return { ...result, fake, queryClient };
}
