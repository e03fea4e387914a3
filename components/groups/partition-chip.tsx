import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { sameOffset } from '@/lib/same-offset';
import type { GroupOffset } from '@/protocol/snapshot';

/** How the board names a partition's chip in sets (replay highlight, waiting partitions). */
export const chipKey = (r: { topic: string; partition: number }) => `${r.topic}/${r.partition}`;

export const PartitionChip = memo(
  function PartitionChip({
    offset,
    color,
    waiting = false,
    highlight = false,
  }: {
    offset: GroupOffset;
    color: string | null;
    /** Nobody processes it right now (revoked, lost, or its owner crashed). */
    waiting?: boolean;
    /** The rebalance replay is showing this partition. */
    highlight?: boolean;
  }) {
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
        data-waiting={waiting ? 'true' : undefined}
        data-highlight={highlight ? 'true' : undefined}
        title={waiting ? `${title}\n${t.waitingTitle}` : title}
        className={`inline-flex min-w-12 items-center justify-between gap-1 rounded-md px-2 py-1 font-mono text-xs font-semibold text-white shadow-sm ${waiting ? 'outline-2 outline-offset-1 outline-amber-500 outline-dashed' : ''} ${highlight ? 'ring-4 ring-amber-400' : ''}`}
        style={{ backgroundColor: color ?? '#64748b' }}
      >
        <span>
          {waiting && (
            <>
              <span aria-hidden="true">⏸ </span>
              <span className="sr-only">{t.waitingLabel} </span>
            </>
          )}
          P{offset.partition}
        </span>
        <span className="rounded bg-black/25 px-1 text-[10px] font-normal">{offset.lag}</span>
      </span>
    );
  },
  (a, b) =>
    a.color === b.color &&
    a.waiting === b.waiting &&
    a.highlight === b.highlight &&
    sameOffset(a.offset, b.offset),
);
