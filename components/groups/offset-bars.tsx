'use client';

import { memo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { barStart, MIN_SEGMENT_PCT, type OffsetScale, pct, tailSize } from '@/lib/offset-scale';
import { sameOffset } from '@/lib/same-offset';
import type { GroupOffset } from '@/protocol/snapshot';
import { useOpenMessages } from '../messages/message-browser-context';
import { Help } from '../ui/help';
import { ShareLegend, ShareOffsetBar } from './share-offset-bar';

export const OffsetBars = memo(function OffsetBars({
  offsets,
  colorOf,
  share = false,
}: {
  offsets: GroupOffset[];
  colorOf: (memberId: string | null) => string | null;
  /** A share group (KIP-932): start offsets and Kafka's share lag instead of commits. */
  share?: boolean;
}) {
  const t = useDict().ui.bars;
  const [scale, setScale] = useState<OffsetScale>('tail');
  if (offsets.length === 0) return null;
  const size = tailSize(offsets);
  return (
    <div className="flex flex-col gap-1" data-testid="offset-bars">
      <div className="flex flex-wrap items-center gap-3 text-[11px] text-slate-500">
        {share ? <ShareLegend /> : <CommitLegend />}
        <button
          type="button"
          className="ml-auto rounded px-1 underline decoration-dotted underline-offset-2 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:hover:bg-slate-700"
          onClick={() => setScale(scale === 'tail' ? 'log' : 'tail')}
          title={scale === 'tail' ? t.toLog : t.toTail}
          data-testid="bar-scale"
          data-scale={scale}
        >
          {scale === 'tail' ? fill(t.scaleTail, { n: size }) : t.scaleLog}
        </button>
      </div>
      {offsets.map((o) =>
        share ? (
          <ShareOffsetBar
            key={`${o.topic}-${o.partition}`}
            offset={o}
            start={barStart(o, scale, size)}
          />
        ) : (
          <OffsetBar
            key={`${o.topic}-${o.partition}`}
            offset={o}
            color={colorOf(o.memberId)}
            start={barStart(o, scale, size)}
          />
        ),
      )}
    </div>
  );
});

function CommitLegend() {
  const t = useDict().ui.bars;
  return (
    <>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-emerald-500" /> {t.committed}
        <Help term="committed" />
      </span>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-amber-400" /> {t.processed}
        <Help term="processed" />
      </span>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-red-400/70" /> {t.lag}
        <Help term="lag" />
      </span>
    </>
  );
}

const OffsetBar = memo(
  function OffsetBar({
    offset: o,
    color,
    start,
  }: {
    offset: GroupOffset;
    color: string | null;
    /** The offset at the bar's left edge (lib/offset-scale). */
    start: number;
  }) {
    const openMessages = useOpenMessages();
    const t = useDict().ui.bars;
    const span = o.logEndOffset - start;
    // Committed before the bar's start (a tail that does not reach back to it): drawn at the edge.
    const committed = Math.max(start, o.committedOffset ?? o.logStartOffset);
    // The consumer reports faster than the admin poll: never draw processed past the polled log end.
    const processed =
      o.processedOffset !== null && o.processedOffset > committed
        ? Math.min(o.processedOffset, o.logEndOffset)
        : committed;
    const committedPct = pct(committed, start, span);
    const cut = o.committedOffset !== null && o.committedOffset < start;
    const windowPct =
      processed > committed
        ? Math.max(MIN_SEGMENT_PCT, pct(processed, start, span) - committedPct)
        : 0;
    const lagPct = o.lag > 0 ? Math.max(MIN_SEGMENT_PCT, 100 - committedPct) : 0;
    const title = fill(t.title, {
      partition: o.partition,
      logStart: o.logStartOffset,
      committed: o.committedOffset ?? '—',
      processed: o.processedOffset ?? '—',
      logEnd: o.logEndOffset,
      lag: o.lag,
    });
    return (
      <div
        className="grid grid-cols-[2.5rem_1fr_9.5rem] items-center gap-2 text-xs"
        title={title}
        data-testid={`offset-bar-${o.partition}`}
        data-committed={o.committedOffset ?? ''}
      >
        <button
          type="button"
          className="flex items-center gap-1 rounded font-mono hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:hover:bg-slate-700"
          title={
            o.committedOffset !== null && o.committedOffset < o.logEndOffset
              ? fill(t.readFrom, {
                  topic: o.topic,
                  partition: o.partition,
                  offset: o.committedOffset,
                })
              : fill(t.read, { topic: o.topic, partition: o.partition })
          }
          onClick={() =>
            openMessages({
              topic: o.topic,
              partition: o.partition,
              // What this group reads next; with nothing waiting, the latest records instead.
              offset:
                o.committedOffset !== null && o.committedOffset < o.logEndOffset
                  ? o.committedOffset
                  : undefined,
              committed: o.committedOffset ?? undefined,
            })
          }
          data-testid={`browse-partition-${o.partition}`}
        >
          <i
            className="inline-block h-2 w-2 rounded-full"
            style={{ backgroundColor: color ?? '#94a3b8' }}
          />
          P{o.partition}
        </button>
        <div
          className={`relative h-3 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-800 ${cut ? 'border-l-2 border-dashed border-red-700' : ''}`}
          data-start={start}
        >
          <div
            className="absolute inset-y-0 left-0 bg-emerald-500"
            style={{ width: `${Math.min(100, committedPct)}%` }}
          />
          {lagPct > 0 && (
            <div
              className="absolute inset-y-0 right-0 bg-red-400/70"
              style={{ width: `${Math.min(100, lagPct)}%` }}
            />
          )}
          {windowPct > 0 && (
            <div
              className="absolute inset-y-0 bg-amber-400"
              style={{
                left: `${Math.min(100 - windowPct, committedPct)}%`,
                width: `${windowPct}%`,
              }}
            />
          )}
        </div>
        <span className="text-right font-mono text-[11px] tabular-nums text-slate-600 dark:text-slate-300">
          {o.committedOffset ?? '—'} / {o.logEndOffset} ·{' '}
          <b className={o.lag > 0 ? 'text-red-600 dark:text-red-400' : ''}>
            {fill(t.lagN, { lag: o.lag })}
          </b>
        </span>
      </div>
    );
  },
  (a, b) => a.color === b.color && a.start === b.start && sameOffset(a.offset, b.offset),
);
