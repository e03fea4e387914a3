'use client';

import { useEffect, useState } from 'react';

/** The time, refreshed every `intervalMs`: for "… ago" labels, without re-rendering per message. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
