import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { sameOffset } from '@/lib/same-offset';
import type { GroupOffset } from '@/protocol/snapshot';

export const PartitionChip = memo(
  function PartitionChip({ offset, color }: { offset: GroupOffset; color: string | null }) {
    const t = useDict().ui.board;
    const title = fill(t.chipTitle, {
      topic: offset.topic,
      partition: offset.partition,
      committed: offset.committedOffset ?? '—',
      logEnd: offset.logEndOffset,
      lag: offset.lag,
    });
    return (
      <span
        data-flip-key={`${offset.topic}-${offset.partition}`}
        data-testid={`chip-${offset.partition}`}
        title={title}
        className="inline-flex min-w-12 items-center justify-between gap-1 rounded-md px-2 py-1 font-mono text-xs font-semibold text-white shadow-sm"
        style={{ backgroundColor: color ?? '#64748b' }}
      >
        <span>P{offset.partition}</span>
        <span className="rounded bg-black/25 px-1 text-[10px] font-normal">{offset.lag}</span>
      </span>
    );
  },
  (a, b) => a.color === b.color && sameOffset(a.offset, b.offset),
);
