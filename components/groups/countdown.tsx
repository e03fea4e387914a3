'use client';

import { useEffect, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';

/** Seconds until Kafka's session timeout should evict a crashed member. */
export function Countdown({ dueAt }: { dueAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const left = dueAt - now;
  const t = useDict().ui.board;
  return (
    <span data-testid="eviction-countdown" className="font-mono">
      {left > 0 ? fill(t.evictedIn, { seconds: (left / 1000).toFixed(1) }) : t.timedOut}
    </span>
  );
}
