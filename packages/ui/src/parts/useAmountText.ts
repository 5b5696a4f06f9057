import { useCallback, useState } from 'react';
import type { Locale } from '../i18n/defineMessages.js';
import { amountTextIn } from '../routing/amountText.js';

/**
 * The text of an amount field that follows the kit's locale: when the locale changes, an amount typed in the old
 * one is written again in the new one when it would read differently there (`1 500,50` → `1500.50`), so switching
 * language never turns an amount the user typed into a refused or different one. Text that is not an amount stays
 * as typed, for its own error to say so.
 */
export function useAmountText(
  locale: Locale,
  initial: string | (() => string) = '',
): [text: string, setText: (text: string) => void] {
  const [state, setState] = useState(() => ({
    text: typeof initial === 'function' ? initial() : initial,
    locale,
  }));
  let current = state;
  if (state.locale !== locale) {
    // Adjusted while rendering (React's pattern for state that follows a prop): no frame shows the old format.
    current = { text: amountTextIn(state.text, state.locale, locale), locale };
    setState(current);
  }
  const setText = useCallback((text: string) => setState({ text, locale }), [locale]);
  return [current.text, setText];
}
