import { useKit } from '@mandarin-kit/ui';
import { useCallback } from 'react';
import { type DemoKey, demoText } from './messages.js';

/** The demo's strings in the provider's locale. */
export function useDemoText(): (key: DemoKey, params?: Record<string, string>) => string {
  const { locale } = useKit();
  return useCallback(
    (key: DemoKey, params?: Record<string, string>) => demoText(locale, key, params),
    [locale],
  );
}
