'use client';

import dynamic from 'next/dynamic';
import { memo, useCallback, useMemo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { countRender } from '@/lib/render-count';
import { useCanAct } from '@/lib/use-live';
import { PROTOCOL_NAMES } from '@/protocol/consumer-kinds';
import type { GroupInfo, PartitionRef } from '@/protocol/snapshot';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { AssignmentBoard } from './assignment-board';
import { commitLabel, DeliveryDetails } from './delivery-details';
import { DrainText } from './drain-text';
import { GroupActions } from './group-actions';
import { HealthBadge } from './health-badge';
import { LagSeconds } from './lag-seconds';
import { OffsetBars } from './offset-bars';
import { STATE_TONE } from './overview-row';
import { chipKey } from './partition-chip';
import { RebalanceCard } from './rebalance-card';
import { RebalanceClock } from './rebalance-clock';
import { RetentionText } from './retention-badge';
import { ShareWindow } from './share-window';
import { StormBadge } from './storm-badge';

// Loaded when first opened, like every dialog: not part of the first paint's JavaScript.
const ResetOffsetsDialog = dynamic(
  () => import('./reset-offsets-dialog').then((m) => m.ResetOffsetsDialog),
  { ssr: false },
);

const NO_HIGHLIGHT: ReadonlySet<string> = new Set();

export const GroupPanel = memo(function GroupPanel({
  group,
  onClose,
}: {
  group: GroupInfo;
  onClose?: (groupId: string) => void;
}) {
  countRender(`group:${group.groupId}`);
  const [resetting, setResetting] = useState(false);
  const d = useDict().ui;
  const t = d.group;
  const colorOf = useCallback(
    (memberId: string | null) =>
      memberId ? (group.lanes.find((l) => l.memberId === memberId)?.color ?? null) : null,
    [group.lanes],
  );
  const laneColorOf = useCallback(
    (consumerId: string | null) =>
      consumerId ? (group.lanes.find((l) => l.consumerId === consumerId)?.color ?? null) : null,
    [group.lanes],
  );
  // Partitions the rebalance replay is showing, lit up on the board.
  const [highlight, setHighlight] = useState<ReadonlySet<string>>(NO_HIGHLIGHT);
  const onHighlight = useCallback((refs: PartitionRef[]) => {
    setHighlight(refs.length === 0 ? NO_HIGHLIGHT : new Set(refs.map(chipKey)));
  }, []);
  const groupId = group.groupId;
  const title = (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="group-id">
        {groupId}
      </span>
      {group.lab ? <Badge tone="sky">{t.lab}</Badge> : <Badge tone="slate">{t.readOnly}</Badge>}
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
  const closeButton = onClose && (
    <Button
      variant="ghost"
      aria-label={fill(t.close, { groupId })}
      data-testid="close-group"
      onClick={() => onClose(groupId)}
    >
      ×
    </Button>
  );
  const actions = (
    <>
      {group.lab && canAct && (
        <GroupActions
          groupId={groupId}
          kip848={group.config?.protocol === 'consumer'}
          share={group.config?.protocol === 'share'}
          onReset={() => setResetting(true)}
          undoReset={group.undoReset}
        />
      )}
      {closeButton}
    </>
  );
  const topicLine = useMemo(() => group.topics.join(', ') || '—', [group.topics]);
  return (
    <Panel title={title} actions={actions} testId={`group-${groupId}`}>
      <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4 lg:grid-cols-6">
        <Stat label={t.topic}>{topicLine}</Stat>
        <Stat label={t.kind} help="group-protocol">
          {group.config
            ? `${group.config.client} · ${PROTOCOL_NAMES[group.config.protocol]}${group.config.staticMembership ? ` · ${t.static}` : ''}`
            : group.type}
        </Stat>
        <Stat label={t.assignor} help="assignor">
          <span>{group.protocol || group.config?.assignor || '—'}</span>
        </Stat>
        <Stat label={group.type === 'classic' ? t.generation : t.groupEpoch} help="generation">
          <span data-testid="generation">{group.generationId ?? '—'}</span>
        </Stat>
        <Stat label={t.members}>
          <span data-testid="member-count">{group.members.length}</span>
        </Stat>
        <Stat label={t.totalLag} help="lag">
          <span data-testid="total-lag">{group.totalLag}</span>
        </Stat>
        <Stat label={t.lagSeconds} help="lag-seconds">
          <LagSeconds
            seconds={Math.round(group.lagSeconds * 10) / 10}
            method={group.lagMethod}
            testId="lag-seconds"
          />
        </Stat>
        {group.drain && (
          <Stat label={t.drain} wrap>
            <DrainText drain={group.drain} testId="drain" />
          </Stat>
        )}
        {group.retention && (
          <Stat label={t.retention} wrap>
            <RetentionText retention={group.retention} />
          </Stat>
        )}
        <Stat label={t.health} help="health">
          <HealthBadge health={group.health} testId="group-health" />
          {group.storm && <StormBadge storm={group.storm} testId="group-storm" />}
        </Stat>
        {group.config && (
          <Stat label={t.sessionTimeout} help="session-timeout">
            {group.config.sessionTimeoutMs / 1000} s
          </Stat>
        )}
        {group.config && !group.config.share && (
          <Stat label={t.commit} help="commit-mode">
            <span title={commitLabel(group.config)}>{commitLabel(group.config)}</span>
          </Stat>
        )}
        {group.config?.maxPollIntervalMs && (
          <Stat label={t.maxPoll} help="max-poll-interval">
            {group.config.maxPollIntervalMs / 1000} s
          </Stat>
        )}
      </dl>
      {group.audit && (
        <div
          className="mb-3 flex flex-wrap items-center gap-3 rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60"
          data-testid="audit"
        >
          <span className="font-semibold">{t.audit}</span>
          <Help term="delivery-audit" />
          <span>{fill(t.processed, { n: group.audit.processed })}</span>
          <span>{fill(t.duplicates, { n: group.audit.duplicates })}</span>
          {/* Not coloured as an alarm: trades acked a moment ago are legitimately in flight. */}
          <span data-testid="audit-missing">{fill(t.inFlight, { n: group.audit.missing })}</span>
          {(group.audit.deletedUnread ?? 0) + (group.audit.skippedUnread ?? 0) > 0 && (
            <span
              className="flex items-center text-red-700 dark:text-red-300"
              data-testid="audit-unread"
            >
              {fill(t.neverRead, { n: group.audit.deletedUnread ?? 0 })}
              {(group.audit.skippedUnread ?? 0) > 0 &&
                fill(t.neverReadSkipped, { n: group.audit.skippedUnread ?? 0 })}
              <Help term="offset-reset" />
            </span>
          )}
        </div>
      )}
      {group.type === 'share' && (
        <p
          className="mb-3 flex items-center gap-1 rounded bg-violet-50 px-2 py-1 text-xs text-slate-700 dark:bg-violet-950/40 dark:text-slate-200"
          data-testid="share-intro"
        >
          {t.shareIntro}
          <Help term="share-group" />
        </p>
      )}
      <DeliveryDetails group={group} />
      {resetting && (
        <ResetOffsetsDialog
          groupId={groupId}
          running={group.members.length}
          onClose={() => setResetting(false)}
        />
      )}
      <AssignmentBoard group={group} highlight={highlight} />
      {group.shareWindow && <ShareWindow group={group} colorOf={laneColorOf} />}
      <div className="mt-3">
        <RebalanceCard group={group} colorOf={laneColorOf} onHighlight={onHighlight} />
      </div>
      <div>
        <OffsetBars offsets={group.offsets} colorOf={colorOf} share={group.type === 'share'} />
      </div>
    </Panel>
  );
});

function Stat({
  label,
  help,
  wrap = false,
  children,
}: {
  label: string;
  help?: Parameters<typeof Help>[0]['term'];
  /** A sentence rather than a figure: it wraps instead of being cut. */
  wrap?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <dt className="flex items-center text-slate-500">
        {label}
        {help && <Help term={help} />}
      </dt>
      <dd className={wrap ? 'font-mono' : 'truncate font-mono'}>{children}</dd>
    </div>
  );
}
