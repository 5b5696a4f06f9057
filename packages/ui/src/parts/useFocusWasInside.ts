import { useCallback, useEffect, useRef } from 'react';

/**
 * Whether focus was last inside a component: `onFocus` goes on its root, and focus anywhere else on the page
 * clears it. Still true after the focused control unmounted (focus then on `<body>`), which is when the
 * component should put focus back on something of its own.
 */
export function useFocusWasInside(): { wasInside: () => boolean; onFocus: () => void } {
  const wasInside = useRef(false);
  useEffect(() => {
    // Capture on the document runs before React's handler on the root, which sets it back for focus inside.
    const onFocusIn = () => {
      wasInside.current = false;
    };
    document.addEventListener('focusin', onFocusIn, true);
    return () => document.removeEventListener('focusin', onFocusIn, true);
  }, []);
  return {
    wasInside: useCallback(() => wasInside.current, []),
    onFocus: useCallback(() => {
      wasInside.current = true;
    }, []),
  };
}
