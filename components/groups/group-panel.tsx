'use client';

import { memo, useCallback, useMemo, useState } from 'react';
import { countRender } from '@/lib/render-count';
import { useCanAct } from '@/lib/use-live';
import type { GroupInfo, GroupState } from '@/protocol/snapshot';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { AssignmentBoard } from './assignment-board';
import { OffsetBars } from './offset-bars';
import { RebalanceClock } from './rebalance-clock';
import { ResetOffsetsDialog } from './reset-offsets-dialog';

const STATE_TONE: Record<GroupState, Tone> = {
  Stable: 'green',
  PreparingRebalance: 'amber',
  CompletingRebalance: 'amber',
  Assigning: 'amber',
  Reconciling: 'amber',
  Empty: 'slate',
  Dead: 'red',
  Unknown: 'slate',
};

export const GroupPanel = memo(function GroupPanel({ group }: { group: GroupInfo }) {
  countRender(`group:${group.groupId}`);
  const run = useCommand();
  const [resetting, setResetting] = useState(false);
  const colorOf = useCallback(
    (memberId: string | null) =>
      memberId ? (group.lanes.find((l) => l.memberId === memberId)?.color ?? null) : null,
    [group.lanes],
  );
  const groupId = group.groupId;
  const title = (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="group-id">
        {groupId}
      </span>
      {group.lab ? <Badge tone="sky">lab</Badge> : <Badge tone="slate">read-only</Badge>}
      <Badge tone={STATE_TONE[group.state]} testId="group-state">
        {group.state}
      </Badge>
      <Help term="group-state" />
      {group.rebalance && (
        <RebalanceClock startedAt={group.rebalance.startedAt} reason={group.rebalance.reason} />
      )}
    </span>
  );
  const canAct = useCanAct();
  const actions =
    group.lab && canAct ? (
      <>
        <Button data-testid="add-consumer" onClick={() => run({ type: 'consumer:add', groupId })}>
          + Add consumer
        </Button>
        <Button
          data-testid="trigger-rebalance"
          title="One member rejoins with new metadata; the coordinator rebalances the whole group"
          onClick={() =>
            run({ type: 'group:rebalance', groupId }, `Rebalance requested for ${groupId}`)
          }
        >
          Trigger rebalance
        </Button>
        <Button data-testid="open-reset-offsets" onClick={() => setResetting(true)}>
          Reset offsets
        </Button>
        <Button
          variant="danger"
          data-testid="delete-group"
          onClick={() => {
            if (window.confirm(`Stop all consumers of ${groupId} and delete the group in Kafka?`)) {
              void run({ type: 'group:delete', groupId }, `Group ${groupId} deleted`);
            }
          }}
        >
          Delete
        </Button>
      </>
    ) : null;
  const topicLine = useMemo(() => group.topics.join(', ') || '—', [group.topics]);
  return (
    <Panel title={title} actions={actions} testId={`group-${groupId}`}>
      <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4 lg:grid-cols-7">
        <Stat label="topic">{topicLine}</Stat>
        <Stat label="assignor" help="assignor">
          {group.protocol || '—'}
        </Stat>
        <Stat label="generation" help="generation">
          <span data-testid="generation">{group.generationId ?? '—'}</span>
        </Stat>
        <Stat label="members">
          <span data-testid="member-count">{group.members.length}</span>
        </Stat>
        <Stat label="total lag" help="lag">
          <span data-testid="total-lag">{group.totalLag}</span>
        </Stat>
        {group.config && (
          <Stat label="session timeout" help="session-timeout">
            {group.config.sessionTimeoutMs / 1000} s
          </Stat>
        )}
        {group.config && (
          <Stat label="commit" help="commit-mode">
            {group.config.commitMode}
          </Stat>
        )}
      </dl>
      {group.audit && (
        <div
          className="mb-3 flex flex-wrap items-center gap-3 rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60"
          data-testid="audit"
        >
          <span className="font-semibold">Delivery audit</span>
          <Help term="delivery-audit" />
          <span>processed {group.audit.processed}</span>
          <span>duplicates {group.audit.duplicates}</span>
          {/* Not coloured as an alarm: trades acked a moment ago are legitimately in flight. */}
          <span data-testid="audit-missing">acked but not yet processed {group.audit.missing}</span>
        </div>
      )}
      {resetting && <ResetOffsetsDialog groupId={groupId} onClose={() => setResetting(false)} />}
      <AssignmentBoard group={group} />
      <div className="mt-3">
        <OffsetBars offsets={group.offsets} colorOf={colorOf} />
      </div>
    </Panel>
  );
});

function Stat({
  label,
  help,
  children,
}: {
  label: string;
  help?: Parameters<typeof Help>[0]['term'];
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <dt className="flex items-center text-slate-500">
        {label}
        {help && <Help term={help} />}
      </dt>
      <dd className="truncate font-mono">{children}</dd>
    </div>
  );
}
