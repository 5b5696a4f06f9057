import type { Locale, Theme } from '@mandarin-kit/ui';
import { useEffect, useState } from 'react';
import { demoText } from './messages.js';

const KEY = 'mk-demo:preferences';

/** What the visitor chose: kept in localStorage so that "New customer" (a reload) and a reload keep it. */
export interface Preferences {
  locale: Locale;
  theme: Theme;
}

/** Russian first, as the kit; a stored choice wins; an unreadable one (or storage turned off) is ignored. */
function readPreferences(): Preferences {
  const fallback: Preferences = { locale: 'ru', theme: 'light' };
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<
      Record<keyof Preferences, unknown>
    >;
    return {
      locale: stored.locale === 'en' ? 'en' : fallback.locale,
      theme: stored.theme === 'dark' ? 'dark' : fallback.theme,
    };
  } catch {
    return fallback;
  }
}

/** The visitor's locale and theme, stored on every change; the document's `lang` and title follow the locale. */
export function usePreferences(): [Preferences, (change: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState(readPreferences);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(preferences));
    } catch {
      // Storage may be off (private mode, a policy): the choice then lasts until the page is left.
    }
    document.documentElement.lang = preferences.locale;
    document.title = demoText(preferences.locale, 'brand');
    // The kit's dark tokens apply under data-mk-theme: on <html>, the page's own background follows too.
    document.documentElement.setAttribute('data-mk-theme', preferences.theme);
  }, [preferences]);
  return [preferences, (change) => setPreferences((current) => ({ ...current, ...change }))];
}
