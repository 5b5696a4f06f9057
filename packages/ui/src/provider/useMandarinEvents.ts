import type { EventEnvelope } from '@mandarin-kit/core';
import { useEffect, useRef } from 'react';
import { useKit } from './KitContext.js';

/** Calls `onEvent` for every event on the provider's shared connection (no second connection is opened). */
export function useMandarinEvents(onEvent: (event: EventEnvelope) => void): void {
  const { subscribe } = useKit();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
