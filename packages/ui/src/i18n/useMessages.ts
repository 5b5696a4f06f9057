import { useCallback } from 'react';
import { useKit } from '../provider/KitContext.js';
import { interpolate, type MessageBundle } from './defineMessages.js';

/** Looks up a string: the host's override first, then the locale's own, then Russian. */
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/** The strings of `bundle` in the provider's locale, with the host's overrides applied. */
export function useMessages<K extends string>(bundle: MessageBundle<K>): Translate<K> {
  const { locale, messages } = useKit();
  return useCallback(
    (key, params) => interpolate(messages?.[key] ?? bundle[locale][key] ?? bundle.ru[key], params),
    [bundle, locale, messages],
  );
}
