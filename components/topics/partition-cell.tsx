'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { PartitionInfo } from '@/protocol/snapshot';

/** Offline (no leader), below min.insync.replicas, under-replicated, or healthy: worst first. */
export function partitionHealth(p: PartitionInfo, minIsr: number | null) {
  if (p.leader < 0) return 'offline';
  if (minIsr !== null && p.isr.length < minIsr) return 'below-min-isr';
  if (p.isr.length < p.replicas.length) return 'under-replicated';
  return 'ok';
}

const BORDER = {
  offline: 'border-red-500 bg-red-50 dark:bg-red-950/40',
  'below-min-isr': 'border-red-400',
  'under-replicated': 'border-amber-400',
  ok: 'border-slate-200 dark:border-slate-700',
} as const;

const LABEL = {
  offline: 'offline',
  'below-min-isr': 'belowMinIsr',
  'under-replicated': 'underReplicated',
  ok: null,
} as const;

/** One partition: offsets, rate, and who holds it: the leader, each replica in or out of the ISR. */
export function PartitionCell({
  topic,
  p,
  minIsr,
}: {
  topic: string;
  p: PartitionInfo;
  minIsr: number | null;
}) {
  const health = partitionHealth(p, minIsr);
  const inSync = new Set(p.isr);
  const replicated = p.replicas.length > 1 || p.isr.length !== 1;
  const t = useDict().ui.topics;
  const label = LABEL[health];
  return (
    <div
      data-testid={`partition-${topic}-${p.partition}`}
      data-leader={p.leader}
      data-isr={p.isr.join(',')}
      data-health={health}
      title={fill(t.partitionTitle, {
        partition: p.partition,
        logStart: p.logStartOffset,
        logEnd: p.logEndOffset,
        leader: p.leader < 0 ? t.none : p.leader,
        replicas: p.replicas.join(','),
        isr: p.isr.join(',') || t.none,
      })}
      className={`min-w-[3.25rem] rounded border px-1 py-0.5 text-center font-mono text-[10px] ${BORDER[health]}`}
    >
      <div className="font-semibold">P{p.partition}</div>
      <div className="text-slate-500">{p.logStartOffset}…</div>
      <div>{p.logEndOffset}</div>
      <div className="text-emerald-800 dark:text-emerald-300">{p.messagesPerSec}/s</div>
      {replicated && (
        <div className="mt-0.5 border-t border-slate-200 pt-0.5 dark:border-slate-700">
          <div>L{p.leader < 0 ? '–' : p.leader}</div>
          <div className="flex justify-center gap-0.5" title={t.replicasTitle}>
            {p.replicas.map((r) => (
              <span
                key={r}
                className={
                  inSync.has(r)
                    ? r === p.leader
                      ? 'font-bold text-sky-700 dark:text-sky-300'
                      : 'text-emerald-700 dark:text-emerald-400'
                    : 'text-red-500 line-through'
                }
              >
                {r}
              </span>
            ))}
          </div>
        </div>
      )}
      {label && <div className="text-[9px] text-red-600 dark:text-red-400">{t.health[label]}</div>}
    </div>
  );
}
