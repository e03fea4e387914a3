'use client';

import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useNow } from '@/lib/use-now';
import type { ShareRecord, ShareRecordState } from '@/protocol/share';
import type { GroupInfo } from '@/protocol/snapshot';
import { Help } from '../ui/help';

/** Done records in one colour each; an acquired record takes its member's lane colour. */
const STATE_CLASS: Record<ShareRecordState, string> = {
  // Drawn in the colour of the member holding the lock instead.
  acquired: '',
  accepted: 'bg-emerald-500 border-emerald-600',
  released: 'bg-amber-300 border-amber-500',
  available: 'bg-white border-amber-500 border-dashed dark:bg-slate-900',
  rejected: 'bg-red-600 border-red-700',
  archived: 'bg-slate-500 border-slate-600',
};

/**
 * A lab share group's records, partition by partition, as its members reported them: each square
 * a record (offset order), coloured by its state, an acquired one in the colour of the member that
 * holds its lock, with the delivery count when above 1.
 */
export const ShareWindow = memo(function ShareWindow({
  group,
  colorOf,
}: {
  group: GroupInfo;
  colorOf: (consumerId: string | null) => string | null;
}) {
  const t = useDict().ui.share;
  const now = useNow(500);
  const windows = group.shareWindow ?? [];
  if (windows.length === 0) return null;
  return (
    <div className="mb-3 flex flex-col gap-1" data-testid="share-window">
      <div className="flex flex-wrap items-center gap-3 text-[11px] text-slate-600 dark:text-slate-300">
        <span className="font-semibold">{t.title}</span>
        <Help term="share-lock" />
        {(['accepted', 'released', 'available', 'rejected', 'archived'] as const).map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <i className={`inline-block h-2.5 w-2.5 rounded-sm border ${STATE_CLASS[s]}`} />{' '}
            {t.states[s]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <i className="inline-block h-2.5 w-2.5 rounded-sm border border-slate-700 bg-slate-700" />{' '}
          {t.states.acquired}
        </span>
      </div>
      {windows.map((w) => (
        <div
          key={`${w.topic}-${w.partition}`}
          className="flex items-start gap-2"
          data-testid={`share-window-${w.partition}`}
        >
          <span className="w-8 shrink-0 font-mono text-xs">P{w.partition}</span>
          <div className="flex flex-wrap gap-0.5">
            {w.records.map((r) => (
              <RecordSquare key={r.offset} record={r} color={colorOf(r.consumerId)} now={now} />
            ))}
            {w.records.length === 0 && (
              <span className="text-xs italic text-slate-500">{t.none}</span>
            )}
          </div>
        </div>
      ))}
    </div>
  );
});

function RecordSquare({
  record: r,
  color,
  now,
}: {
  record: ShareRecord;
  color: string | null;
  now: number;
}) {
  const t = useDict().ui.share;
  const locked = r.state === 'acquired';
  const left = locked && r.lockUntil !== null ? Math.max(0, (r.lockUntil - now) / 1000) : null;
  const title = fill(t.recordTitle, {
    offset: r.offset,
    state: t.states[r.state],
    consumer: r.consumerId,
    count: r.deliveryCount,
    lock: left === null ? '' : fill(t.lockLeft, { seconds: left.toFixed(1) }),
  });
  return (
    <span
      title={title}
      data-testid={`share-record-${r.offset}`}
      data-state={r.state}
      data-delivery-count={r.deliveryCount}
      className={`relative inline-flex h-4 w-4 items-center justify-center rounded-sm border text-[9px] font-bold leading-none text-white ${locked ? '' : STATE_CLASS[r.state]}`}
      style={
        locked
          ? { backgroundColor: color ?? '#334155', borderColor: color ?? '#334155' }
          : undefined
      }
    >
      {r.deliveryCount > 1 ? r.deliveryCount : ''}
    </span>
  );
}
