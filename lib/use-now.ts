'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveStore } from './use-live';

/**
 * The time, refreshed every `intervalMs`: for countdowns and "… ago" labels, without re-rendering
 * per message. Until the page is live it is the time of the state it was rendered from, so the
 * server's HTML and the first client render agree (no hydration mismatch).
 */
export function useNow(intervalMs: number): number {
  const store = useLiveStore();
  const [now, setNow] = useState(() => store.getState().snapshot?.at ?? 0);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const noSubscription = () => () => {};

/** False on the server and while hydrating, true after: for what only the browser can say. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
