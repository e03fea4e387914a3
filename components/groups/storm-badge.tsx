'use client';

import { useId } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { GroupSummary } from '@/protocol/snapshot';
import { formatText } from '@/protocol/texts';
import { Badge } from '../ui/badge';

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
  const tip = useId();
  const word = (text: Storm['reasons'][number]['text']) => formatText((k) => d.events[k], text);
  return (
    <button
      type="button"
      aria-describedby={tip}
      className="group relative ml-1 inline-flex rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      data-testid={testId}
      data-count={storm.count}
      data-members={storm.members.join(',')}
    >
      <Badge tone="amber">
        <span aria-hidden="true" className="mr-1">
          ⚡
        </span>
        {d.ui.storm.short}
      </Badge>
      <span
        id={tip}
        role="tooltip"
        className="pointer-events-none invisible absolute top-full right-0 z-30 mt-1 w-64 rounded bg-slate-900 px-2 py-1 text-xs font-normal whitespace-normal text-white shadow group-hover:visible group-focus:visible"
      >
        {stormText(d.ui.storm, word, storm)}
      </span>
    </button>
  );
}
