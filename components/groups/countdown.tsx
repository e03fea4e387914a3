'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useNow } from '@/lib/use-now';

/** Seconds until Kafka's session timeout should evict a crashed member. */
export function Countdown({ dueAt }: { dueAt: number }) {
  const now = useNow(200);
  const left = dueAt - now;
  const t = useDict().ui.board;
  return (
    <span data-testid="eviction-countdown" className="font-mono">
      {left > 0 ? fill(t.evictedIn, { seconds: (left / 1000).toFixed(1) }) : t.timedOut}
    </span>
  );
}
