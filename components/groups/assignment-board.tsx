'use client';

import { useMemo, useRef } from 'react';
import { buildBoard } from '@/lib/lanes';
import { useCanAct } from '@/lib/use-live';
import type { ConsumerInfo, GroupInfo } from '@/protocol/snapshot';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { ConsumerLane } from './consumer-lane';
import { PartitionChip } from './partition-chip';
import { useFlip } from './use-flip';

export function AssignmentBoard({
  group,
  consumers,
}: {
  group: GroupInfo;
  consumers: ConsumerInfo[];
}) {
  const board = useMemo(() => buildBoard(group, consumers), [group, consumers]);
  const container = useRef<HTMLDivElement>(null);
  const run = useCommand();
  const canAct = useCanAct();
  const signature = useMemo(
    () =>
      [...board.chipsByLane]
        .map(
          ([lane, chips]) => `${lane}:${chips.map((c) => `${c.topic}-${c.partition}`).join(',')}`,
        )
        .concat(`unassigned:${board.unassigned.map((c) => `${c.topic}-${c.partition}`).join(',')}`)
        .join('|'),
    [board],
  );
  useFlip(container, signature);
  return (
    <div ref={container} className="flex flex-col gap-2" data-testid="assignment-board">
      <div className="flex flex-wrap gap-2">
        {board.lanes.map((lane) => (
          <ConsumerLane
            key={lane.key}
            lane={lane}
            chips={board.chipsByLane.get(lane.key) ?? []}
            readOnly={!group.lab || !canAct}
          />
        ))}
        {board.lanes.length === 0 && (
          <div className="text-sm text-slate-500 italic">
            No members: the group is {group.state.toLowerCase()}.
          </div>
        )}
      </div>
      {board.unassigned.length > 0 && (
        <div
          data-testid="unassigned"
          className="flex flex-wrap items-center gap-1 rounded-md border border-dashed border-slate-400 p-2 dark:border-slate-600"
        >
          <span className="mr-1 text-xs text-slate-500">
            {group.rebalance || group.members.length > 0
              ? 'unassigned (rebalancing):'
              : 'not assigned to anyone:'}
          </span>
          {board.unassigned.map((o) => (
            <PartitionChip key={`${o.topic}-${o.partition}`} offset={o} color={null} />
          ))}
        </div>
      )}
      {board.dormant.length > 0 && (
        <div
          className="flex flex-wrap items-center gap-2 text-xs text-slate-500"
          data-testid="dormant"
        >
          <span>Not in the group:</span>
          {board.dormant.map((c) => (
            <span
              key={c.id}
              className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 dark:border-slate-700"
            >
              {c.id} <em>{c.status}</em>
              {group.lab && (
                <Button
                  data-testid={`restart-${c.id}`}
                  aria-label={`Restart ${c.id}`}
                  title="Start a new process: it joins with a new member id"
                  onClick={() => run({ type: 'consumer:restart', consumerId: c.id })}
                >
                  Restart
                </Button>
              )}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
