'use client';

import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { MIN_SEGMENT_PCT, pct } from '@/lib/offset-scale';
import { sameOffset } from '@/lib/same-offset';
import type { GroupOffset } from '@/protocol/snapshot';
import { useOpenMessages } from '../messages/message-browser-context';
import { Help } from '../ui/help';

/** The share group's legend: its progress is a start offset and Kafka's share lag, not a commit. */
export function ShareLegend() {
  const t = useDict().ui.bars;
  return (
    <>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-emerald-500" /> {t.shareStart}
        <Help term="share-start-offset" />
      </span>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-emerald-300" /> {t.shareDone}
      </span>
      <span className="inline-flex items-center gap-1">
        <i className="inline-block h-2 w-3 rounded-sm bg-red-400/70" /> {t.shareLag}
        <Help term="share-lag" />
      </span>
    </>
  );
}

/**
 * One partition of a share group: done up to the start offset (SPSO); beyond it, records already
 * done out of order (log end − SPSO − Kafka's lag, where in the window Kafka does not say) and
 * the share lag. Several members read it: their count, not one owner's colour.
 */
export const ShareOffsetBar = memo(
  function ShareOffsetBar({ offset: o, start }: { offset: GroupOffset; start: number }) {
    const openMessages = useOpenMessages();
    const t = useDict().ui.bars;
    const span = o.logEndOffset - start;
    const spso = Math.max(start, o.committedOffset ?? o.logStartOffset);
    const startPct = pct(spso, start, span);
    const beyond = Math.max(0, o.logEndOffset - spso);
    const done = Math.max(0, beyond - o.lag);
    const donePct =
      done > 0 ? Math.max(MIN_SEGMENT_PCT, pct(spso + done, start, span) - startPct) : 0;
    const lagPct = o.lag > 0 ? Math.max(MIN_SEGMENT_PCT, 100 - startPct - donePct) : 0;
    const readers = o.sharedBy?.length ?? 0;
    const title = fill(t.shareTitle, {
      partition: o.partition,
      start: o.committedOffset ?? '—',
      done,
      logEnd: o.logEndOffset,
      lag: o.lag,
      readers,
    });
    return (
      <div
        className="grid grid-cols-[2.5rem_1fr_9.5rem] items-center gap-2 text-xs"
        title={title}
        data-testid={`offset-bar-${o.partition}`}
        data-start-offset={o.committedOffset ?? ''}
        data-share-lag={o.lag}
        data-readers={readers}
      >
        <button
          type="button"
          className="flex items-center gap-1 rounded font-mono hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:hover:bg-slate-700"
          title={fill(t.read, { topic: o.topic, partition: o.partition })}
          onClick={() =>
            openMessages({
              topic: o.topic,
              partition: o.partition,
              offset: o.committedOffset !== null && beyond > 0 ? o.committedOffset : undefined,
            })
          }
          data-testid={`browse-partition-${o.partition}`}
        >
          P{o.partition}
        </button>
        <div className="relative h-3 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-800">
          <div
            className="absolute inset-y-0 left-0 bg-emerald-500"
            style={{ width: `${Math.min(100, startPct)}%` }}
          />
          {donePct > 0 && (
            <div
              className="absolute inset-y-0 bg-emerald-300"
              style={{ left: `${Math.min(100 - donePct, startPct)}%`, width: `${donePct}%` }}
            />
          )}
          {lagPct > 0 && (
            <div
              className="absolute inset-y-0 right-0 bg-red-400/70"
              style={{ width: `${Math.min(100, lagPct)}%` }}
            />
          )}
        </div>
        <span className="text-right font-mono text-[11px] tabular-nums text-slate-600 dark:text-slate-300">
          {o.committedOffset ?? '—'} / {o.logEndOffset} ·{' '}
          <b className={o.lag > 0 ? 'text-red-600 dark:text-red-400' : ''}>
            {fill(t.lagN, { lag: o.lag })}
          </b>{' '}
          · {fill(t.readers, { n: readers })}
        </span>
      </div>
    );
  },
  (a, b) => a.start === b.start && sameOffset(a.offset, b.offset),
);
