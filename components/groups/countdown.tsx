'use client';

import { useEffect, useState } from 'react';

/** Seconds until Kafka's session timeout should evict a crashed member. */
export function Countdown({ dueAt }: { dueAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const left = dueAt - now;
  return (
    <span data-testid="eviction-countdown" className="font-mono">
      {left > 0
        ? `evicted in ~${(left / 1000).toFixed(1)} s`
        : 'session timed out, waiting for the coordinator…'}
    </span>
  );
}
