import type { EventEnvelope } from '@mandarin-kit/core';
import { createContext, useContext } from 'react';
import type { BffClient } from '../client/createBffClient.js';
import type { EventStreamStatus } from '../client/eventStream.js';
import type { Locale } from '../i18n/defineMessages.js';

/** Colour scheme of the kit's components. */
export type Theme = 'light' | 'dark';

/** A listener of the provider's live events. */
export type KitEventListener = (event: EventEnvelope) => void;

/**
 * The old name of {@link KitEventListener}.
 * @deprecated It shadows the DOM's `EventListener`; use `KitEventListener`.
 */
export type EventListener = KitEventListener;

/** What the provider hands to every component. */
export interface KitContextValue {
  client: BffClient;
  locale: Locale;
  theme: Theme;
  /** The host's strings by key, over the kit's own. */
  messages: Readonly<Record<string, string>> | undefined;
  /** Listens to the shared event stream; returns the unsubscribe function. */
  subscribe: (listener: KitEventListener) => () => void;
}

/** The kit's React context; use {@link useKit}. */
export const KitContext = createContext<KitContextValue | null>(null);

/** The provider's client, locale and theme; throws outside `<MandarinKitProvider>`. */
export function useKit(): KitContextValue {
  const value = useContext(KitContext);
  if (value === null)
    throw new Error('Mandarin Kit components must be rendered inside <MandarinKitProvider>');
  return value;
}

/** Where the shared SSE connection stands. */
export const EventStatusContext = /* @__PURE__ */ createContext<EventStreamStatus>('closed');

/** Where the provider's shared SSE connection stands. */
export function useEventStreamStatus(): EventStreamStatus {
  return useContext(EventStatusContext);
}
