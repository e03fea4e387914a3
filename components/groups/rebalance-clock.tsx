'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useNow } from '@/lib/use-now';
import { Badge } from '../ui/badge';

export function RebalanceClock({ startedAt, reason }: { startedAt: number; reason: string }) {
  const t = useDict().ui.board;
  const now = useNow(100);
  return (
    <span title={reason} data-testid="rebalancing">
      <Badge tone="amber">
        {fill(t.rebalancing, { seconds: (Math.max(0, now - startedAt) / 1000).toFixed(1) })}
      </Badge>
    </span>
  );
}
