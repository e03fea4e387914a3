'use client';

import dynamic from 'next/dynamic';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

// Loaded when first opened: a reader who never browses messages never downloads the browser.
const MessageBrowser = dynamic(() => import('./message-browser').then((m) => m.MessageBrowser), {
  ssr: false,
});

/** Where the browser opens: a partition, and the offset to start at (the committed one, say). */
export interface BrowseTarget {
  topic: string;
  partition: number;
  offset?: number;
  /** The group's committed offset on this partition, marked among the records. */
  committed?: number;
}

const OpenContext = createContext<((target: BrowseTarget) => void) | null>(null);

/** Lets any part of the page (a partition bar, a DLQ entry) open the message browser. */
export function MessageBrowserProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<BrowseTarget | null>(null);
  const open = useCallback((t: BrowseTarget) => setTarget(t), []);
  const value = useMemo(() => open, [open]);
  return (
    <OpenContext.Provider value={value}>
      {children}
      {target && <MessageBrowser initial={target} onClose={() => setTarget(null)} />}
    </OpenContext.Provider>
  );
}

export function useOpenMessages(): (target: BrowseTarget) => void {
  const open = useContext(OpenContext);
  if (!open) throw new Error('useOpenMessages needs a MessageBrowserProvider');
  return open;
}
