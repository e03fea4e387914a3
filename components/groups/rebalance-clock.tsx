'use client';

import { useEffect, useState } from 'react';
import { Badge } from '../ui/badge';

export function RebalanceClock({ startedAt, reason }: { startedAt: number; reason: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <span title={reason} data-testid="rebalancing">
      <Badge tone="amber">rebalancing {(Math.max(0, now - startedAt) / 1000).toFixed(1)} s</Badge>
    </span>
  );
}
