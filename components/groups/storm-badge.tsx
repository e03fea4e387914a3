'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { GroupSummary } from '@/protocol/snapshot';
import { formatText } from '@/protocol/texts';
import { TipBadge } from '../ui/tip-badge';

type Storm = NonNullable<GroupSummary['storm']>;

/** A storm in words: how many rebalances in how long, then its most frequent causes. */
export function stormText(
  t: ReturnType<typeof useDict>['ui']['storm'],
  word: (text: Storm['reasons'][number]['text']) => string,
  storm: Storm,
): string {
  const base = fill(t.reason, {
    count: storm.count,
    minutes: Math.round(storm.windowMs / 60_000),
  });
  const why = storm.reasons.map((r) => `${word(r.text)} ×${r.count}`).join('; ');
  return why ? `${base} ${why}` : base;
}

/** Beside the health verdict: this group keeps rebalancing. Focusable, like the health badge. */
export function StormBadge({ storm, testId }: { storm: Storm; testId?: string }) {
  const d = useDict();
  const word = (text: Storm['reasons'][number]['text']) => formatText((k) => d.events[k], text);
  return (
    <TipBadge
      tone="amber"
      shape="⚡"
      label={d.ui.storm.short}
      tip={stormText(d.ui.storm, word, storm)}
      className="ml-1"
      data={{
        'data-testid': testId,
        'data-count': storm.count,
        'data-members': storm.members.join(','),
      }}
    />
  );
}
