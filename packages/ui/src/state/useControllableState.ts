import { useCallback, useRef, useState } from 'react';

/**
 * The controlled/uncontrolled pair behind `value`/`defaultValue`/`onValueChange`: controlled when `value` is
 * not undefined, otherwise state that starts at `defaultValue`. The setter is stable.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (next: T) => void,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useRef({ controlled, onChange });
  latest.current = { controlled, onChange };
  const set = useCallback((next: T) => {
    if (!latest.current.controlled) setOwn(next);
    latest.current.onChange?.(next);
  }, []);
  return [current, set];
}
