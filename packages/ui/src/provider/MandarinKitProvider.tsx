import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { BffClient } from '../client/createBffClient.js';
import {
  type EventSourceConstructor,
  type EventStreamStatus,
  subscribeToEvents,
} from '../client/eventStream.js';
import type { Locale } from '../i18n/defineMessages.js';
import { applyEvent } from './applyEvent.js';
import {
  EventStatusContext,
  KitContext,
  type KitContextValue,
  type KitEventListener,
  type Theme,
} from './KitContext.js';

/** Props of {@link MandarinKitProvider}. */
export interface MandarinKitProviderProps {
  /** The BFF client from `createBffClient`, made once (at module scope or in `useState`), not on every render. */
  client: BffClient;
  /** Language of every string; Russian by default. */
  locale?: Locale;
  /** Colour scheme; sets `data-mk-theme` on each component. */
  theme?: Theme;
  /** The host's QueryClient; the kit makes its own when none is given. */
  queryClient?: QueryClient;
  /** Replacements for any of the kit's strings, by key (`'balance.title'`), in the current locale. */
  messages?: Readonly<Record<string, string>>;
  /** Keep one live SSE connection to `/api/events` (default true). */
  liveEvents?: boolean;
  /** An `EventSource` implementation (tests, polyfills); defaults to the browser's. */
  EventSource?: EventSourceConstructor;
  children?: ReactNode;
}

function createKitQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Live events keep the views fresh; a failed read is retried once, a mutation never blindly.
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * Gives the kit's components their BFF client, React Query, locale, theme and one shared live connection:
 * events arriving on it update or invalidate the queries they affect.
 */
export function MandarinKitProvider({
  client,
  locale = 'ru',
  theme = 'light',
  queryClient,
  messages,
  liveEvents = true,
  EventSource,
  children,
}: MandarinKitProviderProps) {
  const [ownQueryClient] = useState(createKitQueryClient);
  const activeQueryClient = queryClient ?? ownQueryClient;
  const listeners = useRef(new Set<KitEventListener>());
  const [status, setStatus] = useState<EventStreamStatus>('closed');

  useEffect(() => {
    if (!liveEvents) return;
    let close: (() => void) | undefined;
    let cancelled = false;
    // StrictMode mounts, unmounts and mounts again synchronously: deferring the connect (here until the BFF
    // has answered once, so the stream and the calls share one session cookie) means that the first mount
    // never opens a connection at all, rather than opening and closing one.
    void client.ready().then(() => {
      if (cancelled) return;
      close = subscribeToEvents({
        url: client.eventsUrl,
        ...(EventSource ? { EventSource } : {}),
        onStatus: setStatus,
        onEvent: (event) => {
          applyEvent(activeQueryClient, event);
          for (const listener of listeners.current) listener(event);
        },
      });
    });
    return () => {
      cancelled = true;
      close?.();
    };
  }, [client, liveEvents, EventSource, activeQueryClient]);

  const value = useMemo<KitContextValue>(
    () => ({
      client,
      locale,
      theme,
      messages,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [client, locale, theme, messages],
  );

  return (
    <QueryClientProvider client={activeQueryClient}>
      <KitContext value={value}>
        <EventStatusContext value={status}>{children}</EventStatusContext>
      </KitContext>
    </QueryClientProvider>
  );
}
