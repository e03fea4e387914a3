'use client';

import { useHydrated } from '@/lib/use-now';

/**
 * A clock time in the reader's own time zone and locale, which only the browser knows: the
 * server's HTML holds a same-width placeholder, replaced once the page is live.
 */
export function ClientTime({ at, withDate = false }: { at: number; withDate?: boolean }) {
  const hydrated = useHydrated();
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} className="tabular-nums">
      {hydrated ? (withDate ? date.toLocaleString() : date.toLocaleTimeString()) : '--:--:--'}
    </time>
  );
}
