'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useNow } from '@/lib/use-now';
import type { ConsumerPhase, GroupOffset, LaneInfo } from '@/protocol/snapshot';
import { formatText } from '@/protocol/texts';
import { Badge, type Tone } from '../ui/badge';
import { ErrorLine } from '../ui/error-line';
import { ConsumerActions } from './consumer-actions';
import { Countdown } from './countdown';
import { chipKey, PartitionChip } from './partition-chip';

const PHASE_TONE: Record<ConsumerPhase, Tone> = {
  starting: 'sky',
  joining: 'amber',
  running: 'green',
  paused: 'violet',
  stopping: 'amber',
  stopped: 'slate',
  crashed: 'red',
};

export function ConsumerLane({
  lane,
  chips,
  incoming,
  waiting,
  highlight,
  readOnly,
}: {
  lane: LaneInfo;
  chips: GroupOffset[];
  incoming: GroupOffset[];
  waiting: ReadonlySet<string>;
  highlight: ReadonlySet<string>;
  readOnly: boolean;
}) {
  const { consumer } = lane;
  const ghost = lane.kind === 'ghost';
  const d = useDict();
  const t = d.ui.lane;
  const word = (text: LaneInfo['noteText']) => (text ? formatText((k) => d.events[k], text) : null);
  return (
    <div
      data-testid={`lane-${lane.key}`}
      data-ghost={ghost ? 'true' : 'false'}
      className={`flex min-h-[92px] min-w-[170px] flex-1 basis-[170px] flex-col gap-2 rounded-md border-2 p-2 ${ghost ? 'border-dashed' : ''}`}
      style={{ borderColor: lane.color, backgroundColor: `${lane.color}${ghost ? '0d' : '14'}` }}
    >
      <div className="flex items-start justify-between gap-1">
        <div className="min-w-0">
          <div className="flex items-center gap-1">
            <span
              className="h-2.5 w-2.5 shrink-0 rounded-full"
              style={{ backgroundColor: lane.color }}
            />
            <span className="truncate text-sm font-semibold" title={lane.memberId ?? undefined}>
              {word(lane.labelText) ?? lane.label}
            </span>
            {consumer?.isLeader && !ghost && <Badge tone="sky">{t.leader}</Badge>}
          </div>
          <div
            className="truncate font-mono text-[10px] text-slate-700 dark:text-slate-300"
            title={lane.memberId ?? ''}
          >
            {lane.memberId ? lane.memberId.slice(-12) : t.noMemberId}
            {lane.memberEpoch !== null ? ` · epoch ${lane.memberEpoch}` : ''}
            {consumer?.pid ? ` · pid ${consumer.pid}` : ''}
          </div>
        </div>
        {consumer && (
          <Badge tone={PHASE_TONE[consumer.phase]} testId={`status-${lane.key}`}>
            {t.phases[consumer.phase]}
          </Badge>
        )}
      </div>
      {ghost && lane.evictionDueAt !== null && (
        <div className="text-xs text-red-700 dark:text-red-300">
          {t.crashed} · <Countdown dueAt={lane.evictionDueAt} />
        </div>
      )}
      {lane.note && (
        <div className="text-xs text-slate-500">{word(lane.noteText) ?? lane.note}</div>
      )}
      {consumer?.frozenAt != null && !ghost && (
        <div
          className="text-xs font-semibold text-sky-800 dark:text-sky-300"
          data-testid={`frozen-${lane.key}`}
        >
          ❄ <FrozenFor since={consumer.frozenAt} />
        </div>
      )}
      {consumer && consumer.delayMs > 0 && !ghost && (
        <div className="text-xs text-amber-700 dark:text-amber-300">
          {fill(t.slow, { ms: consumer.delayMs })}
        </div>
      )}
      {consumer?.share && !ghost && (
        <div
          className="text-[11px] text-slate-700 dark:text-slate-300"
          data-testid={`share-counts-${lane.key}`}
        >
          {fill(d.ui.share.counts, consumer.share)}
        </div>
      )}
      <div className="flex flex-wrap gap-1">
        {chips.map((o) => (
          <PartitionChip
            key={`${o.topic}-${o.partition}`}
            offset={o}
            color={lane.color}
            waiting={waiting.has(chipKey(o))}
            highlight={highlight.has(chipKey(o))}
          />
        ))}
        {incoming.map((o) => (
          <span
            key={`in-${o.topic}-${o.partition}`}
            data-testid={`incoming-${o.partition}`}
            title={t.incoming}
            className="inline-flex items-center rounded-md border-2 border-dashed px-2 py-0.5 font-mono text-xs"
            style={{ borderColor: lane.color }}
          >
            →P{o.partition}
          </span>
        ))}
        {chips.length === 0 && incoming.length === 0 && !ghost && (
          <span className="text-xs text-slate-600 italic dark:text-slate-400">{t.idle}</span>
        )}
      </div>
      {consumer?.lastError && !ghost && <ErrorLine error={consumer.lastError} />}
      {consumer && lane.consumerId && !readOnly && !ghost && (
        <ConsumerActions consumerId={lane.consumerId} consumer={consumer} />
      )}
    </div>
  );
}

function FrozenFor({ since }: { since: number }) {
  const now = useNow(500);
  const t = useDict().ui.actions;
  return <>{fill(t.frozen, { seconds: Math.max(0, (now - since) / 1000).toFixed(0) })}</>;
}
