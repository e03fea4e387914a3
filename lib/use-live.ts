'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveState } from './live-reducer';
import type { LiveStore } from './live-store';

export const LiveStoreContext = createContext<LiveStore | null>(null);

export function useLiveStore(): LiveStore {
  const store = useContext(LiveStoreContext);
  if (!store) throw new Error('useLiveStore needs a LiveStoreContext provider');
  return store;
}

/** Subscribes to one slice; components re-render only when that slice's identity changes. */
export function useLive<T>(select: (state: LiveState) => T): T {
  const store = useLiveStore();
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.getState()),
  );
}

/** False on a read-only server or an outside cluster in monitor mode: the page shows no actions. */
export function useCanAct(): boolean {
  return useLive((s) => {
    const connection = s.snapshot?.connection;
    return connection !== undefined && connection.mode === 'lab' && !connection.readOnly;
  });
}
