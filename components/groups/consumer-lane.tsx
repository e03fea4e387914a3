'use client';

import type { LaneModel } from '@/lib/lanes';
import type { ConsumerInfo, GroupOffset } from '@/protocol/snapshot';
import { Badge, type Tone } from '../ui/badge';
import { ConsumerActions } from './consumer-actions';
import { Countdown } from './countdown';
import { PartitionChip } from './partition-chip';

const STATUS_TONE: Record<ConsumerInfo['status'], Tone> = {
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
  readOnly,
}: {
  lane: LaneModel;
  chips: GroupOffset[];
  readOnly: boolean;
}) {
  const { consumer } = lane;
  return (
    <div
      data-testid={`lane-${lane.key}`}
      data-ghost={lane.ghost ? 'true' : 'false'}
      className={`flex min-h-[92px] min-w-[170px] flex-1 basis-[170px] flex-col gap-2 rounded-md border-2 p-2 ${lane.ghost ? 'border-dashed opacity-80' : ''}`}
      style={{
        borderColor: lane.color,
        backgroundColor: `${lane.color}${lane.ghost ? '0d' : '14'}`,
      }}
    >
      <div className="flex items-start justify-between gap-1">
        <div className="min-w-0">
          <div className="flex items-center gap-1">
            <span
              className="h-2.5 w-2.5 shrink-0 rounded-full"
              style={{ backgroundColor: lane.color }}
            />
            <span className="truncate text-sm font-semibold" title={lane.memberId ?? undefined}>
              {lane.label}
            </span>
            {consumer?.isLeader && !lane.ghost && <Badge tone="sky">leader</Badge>}
          </div>
          <div
            className="truncate font-mono text-[10px] text-slate-500"
            title={lane.memberId ?? ''}
          >
            {lane.memberId ? lane.memberId.slice(-12) : 'no member id yet'}
            {consumer?.pid ? ` · pid ${consumer.pid}` : ''}
          </div>
        </div>
        {consumer && (
          <Badge tone={STATUS_TONE[consumer.status]} testId={`status-${lane.key}`}>
            {consumer.status}
          </Badge>
        )}
      </div>
      {lane.ghost && consumer?.evictionDueAt && (
        <div className="text-xs text-red-700 dark:text-red-300">
          crashed · <Countdown dueAt={consumer.evictionDueAt} />
        </div>
      )}
      {lane.note && <div className="text-xs text-slate-500">{lane.note}</div>}
      {consumer && consumer.delayMs > 0 && !lane.ghost && (
        <div className="text-xs text-amber-700 dark:text-amber-300">
          slow: {consumer.delayMs} ms per message
        </div>
      )}
      <div className="flex flex-wrap gap-1">
        {chips.map((o) => (
          <PartitionChip key={`${o.topic}-${o.partition}`} offset={o} color={lane.color} />
        ))}
        {chips.length === 0 && !lane.ghost && (
          <span className="text-xs text-slate-400 italic">idle: no partitions</span>
        )}
      </div>
      {consumer && !readOnly && !lane.ghost && <ConsumerActions consumer={consumer} />}
    </div>
  );
}
