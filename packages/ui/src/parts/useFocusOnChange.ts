import { useCallback, useLayoutEffect, useRef } from 'react';
import { useFocusWasInside } from './useFocusWasInside.js';

/** What {@link useFocusOnChange} returns: a ref for the element to focus, a focus handler for the root. */
export interface FocusOnChange<T extends HTMLElement> {
  target: (element: T | null) => void;
  /** Put on the component's root: tells focus inside the component from focus elsewhere on the page. */
  onFocus: () => void;
}

/**
 * Focus for a component whose content changes under the user: when `key` changes (never on the first render),
 * the element `target` is on gets focus — if focus was inside the component, or was last inside it and then
 * lost to `<body>` because the focused control unmounted. Focus anywhere else on the host page is left alone,
 * and a component that loads by itself never takes focus. Give the target `tabIndex={-1}` when it isn't
 * focusable by itself (a heading, a status line).
 */
export function useFocusOnChange<T extends HTMLElement = HTMLElement>(key: unknown): FocusOnChange<T> {
  const target = useRef<T | null>(null);
  const { wasInside, onFocus } = useFocusWasInside();
  const seen = useRef<{ key: unknown } | null>(null);

  // In the commit that changed the content, before the browser paints or anything reads the page: there is no
  // moment at which the new content is shown with focus left on <body>.
  useLayoutEffect(() => {
    const first = seen.current === null;
    if (!first && Object.is(seen.current!.key, key)) return;
    seen.current = { key };
    const element = target.current;
    if (first || element === null) return;
    const active = element.ownerDocument.activeElement;
    const lost = active === null || active === element.ownerDocument.body;
    const inside = element.closest('[data-slot="root"]')?.contains(active) ?? false;
    if (inside || (lost && wasInside())) element.focus();
  }, [key, wasInside]);

  return {
    target: useCallback((element: T | null) => {
      target.current = element;
    }, []),
    onFocus,
  };
}
