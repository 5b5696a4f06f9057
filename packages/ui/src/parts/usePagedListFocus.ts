import { type RefObject, useEffect, useRef } from 'react';
import { useFocusWasInside } from './useFocusWasInside.js';

/** What {@link usePagedListFocus} returns: refs for the table and heading, the wrapped load, the root's focus handler. */
export interface PagedListFocus {
  tableRef: RefObject<HTMLTableElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** "Show more" that then moves focus to the first row it brought. */
  loadMore: () => void;
  /** Put on the component's root: tells focus inside the list from focus elsewhere on the page. */
  onFocus: () => void;
}

/**
 * Focus for a list paged by "Show more" (history, payments): after a page arrives, focus goes to its first row
 * (`[data-slot="row"]`, the button may be gone with the last page); and when a control goes away under the user
 * (Retry after it worked, Clear filters, the last "Show more"), focus lands on the heading, not on `<body>`.
 * Focus elsewhere on the page is left alone. `controls` names which controls are shown (the list's state, whether
 * "Show more" and its Retry are there): when it changes, one may have gone from under the user.
 */
export function usePagedListFocus(rowCount: number, load: () => void, controls: string): PagedListFocus {
  const tableRef = useRef<HTMLTableElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstNew = useRef<number | null>(null);
  const { wasInside, onFocus } = useFocusWasInside();

  useEffect(() => {
    const index = firstNew.current;
    if (index === null || rowCount <= index) return;
    firstNew.current = null;
    tableRef.current?.querySelectorAll<HTMLElement>('[data-slot="row"]')[index]?.focus();
  }, [rowCount]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change that can unmount a control
  useEffect(() => {
    const active = document.activeElement;
    if (wasInside() && (active === null || active === document.body)) headingRef.current?.focus();
  }, [controls]);

  return {
    tableRef,
    headingRef,
    loadMore: () => {
      firstNew.current = rowCount;
      load();
    },
    onFocus,
  };
}
