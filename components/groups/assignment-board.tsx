'use client';

import { useMemo, useRef } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useCanAct } from '@/lib/use-live';
import { partitionKey } from '@/protocol/keys';
import type { GroupInfo, GroupOffset, PartitionRef } from '@/protocol/snapshot';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { ConsumerLane } from './consumer-lane';
import { chipKey, PartitionChip } from './partition-chip';
import { useFlip } from './use-flip';

const refKey = (r: PartitionRef) => partitionKey(r.topic, r.partition);

/** Draws the lanes the server built; it derives nothing about membership itself. */
export function AssignmentBoard({
  group,
  highlight,
}: {
  group: GroupInfo;
  highlight: ReadonlySet<string>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const run = useCommand();
  const canAct = useCanAct();
  const d = useDict().ui;
  const t = d.board;
  const offsetOf = useMemo(() => {
    const byKey = new Map(group.offsets.map((o) => [refKey(o), o]));
    return (refs: PartitionRef[]) =>
      refs.map((r) => byKey.get(refKey(r))).filter((o): o is GroupOffset => o !== undefined);
  }, [group.offsets]);
  const signature = useMemo(
    () =>
      group.lanes
        .map((l) => `${l.key}:${l.partitions.map(refKey).join(',')}`)
        .concat(`unassigned:${group.unassigned.map(refKey).join(',')}`)
        .join('|'),
    [group.lanes, group.unassigned],
  );
  useFlip(container, signature);
  const waiting = useMemo(() => new Set((group.waiting ?? []).map(chipKey)), [group.waiting]);
  return (
    <div ref={container} className="flex flex-col gap-2" data-testid="assignment-board">
      <div className="flex flex-wrap gap-2">
        {group.lanes.map((lane) => (
          <ConsumerLane
            key={lane.key}
            lane={lane}
            chips={offsetOf(lane.partitions)}
            incoming={offsetOf(lane.incoming)}
            waiting={waiting}
            highlight={highlight}
            readOnly={!group.lab || !canAct}
          />
        ))}
        {group.lanes.length === 0 && (
          <div className="text-sm text-slate-500 italic">
            {fill(t.noMembers, { state: group.state })}
          </div>
        )}
      </div>
      {group.unassigned.length > 0 && (
        <div
          data-testid="unassigned"
          className="flex flex-wrap items-center gap-1 rounded-md border border-dashed border-slate-400 p-2 dark:border-slate-600"
        >
          <span className="mr-1 text-xs text-slate-500">
            {group.rebalance || group.members.length > 0 ? t.unassignedRebalancing : t.unassigned}
          </span>
          {offsetOf(group.unassigned).map((o) => (
            <PartitionChip
              key={refKey(o)}
              offset={o}
              color={null}
              waiting={waiting.has(chipKey(o))}
              highlight={highlight.has(chipKey(o))}
            />
          ))}
        </div>
      )}
      {group.dormant.length > 0 && (
        <div
          className="flex flex-wrap items-center gap-2 text-xs text-slate-500"
          data-testid="dormant"
        >
          <span>{t.notInGroup}</span>
          {group.dormant.map((c) => (
            <span
              key={c.id}
              className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 dark:border-slate-700"
            >
              {c.id} <em>{d.lane.phases[c.phase]}</em>
              {group.lab && canAct && (
                <Button
                  data-testid={`restart-${c.id}`}
                  aria-label={fill(t.restartLabel, { id: c.id })}
                  title={t.restartTitle}
                  onClick={() => run({ type: 'consumer:restart', consumerId: c.id })}
                >
                  {t.restart}
                </Button>
              )}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
