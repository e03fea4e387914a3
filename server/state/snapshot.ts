import { partitionKey } from '../../protocol/keys';
import type { Snapshot, TopicInfo } from '../../protocol/snapshot';
import type { GroupMetricsView } from '../domain/group-metrics';
import { stormOf } from '../domain/storm';
import { buildGroupViews } from './group-view';
import { nodeStatuses } from './node-view';
import { own } from './own';
import { runtimeOf } from './rebalance';
import type { AuditSummary, ConsumerRecord, LabState, OutputAuditSummary } from './types';

export { computeLag } from './group-view';

/** Audits are kept outside the state (bitsets); the caller reads them at the same moment. */
export type AuditOf = (groupId: string) => AuditSummary | null;
/** Sampled history (lag in seconds, health) kept outside the state, read at build time. */
export type MetricsOf = (groupId: string) => GroupMetricsView | undefined;

export interface SnapshotInputs {
  auditOf?: AuditOf;
  /** exactly-once groups: the audit of their output topic. */
  outputAuditOf?: (groupId: string) => OutputAuditSummary | null;
  metricsOf?: MetricsOf;
  /** Which groups to build in full; the rest get only their overview row. Default: all. */
  detailed?: (groupId: string, lab: boolean) => boolean;
}

export function buildSnapshot(
  state: LabState,
  at = Date.now(),
  inputs: SnapshotInputs = {},
): Snapshot {
  const {
    auditOf = () => null,
    outputAuditOf = () => null,
    metricsOf = () => undefined,
    detailed = () => true,
  } = inputs;
  const observation = state.observation;
  const topics = observation?.topics ?? [];
  const topicsByName = new Map(topics.map((t) => [t.name, t]));
  const observedGroups = new Map((observation?.groups ?? []).map((g) => [g.groupId, g]));
  const consumersByGroup = new Map<string, ConsumerRecord[]>();
  for (const c of Object.values(state.consumers))
    consumersByGroup.set(c.groupId, [...(consumersByGroup.get(c.groupId) ?? []), c]);
  const groupIds = [...new Set([...Object.keys(state.labGroups), ...observedGroups.keys()])]
    .map((id) => ({ id, lab: Boolean(own(state.labGroups, id)) }))
    .sort((a, b) => Number(b.lab) - Number(a.lab) || a.id.localeCompare(b.id));
  const overview: Snapshot['overview'] = [];
  const groups: Snapshot['groups'] = [];
  for (const { id, lab } of groupIds) {
    const views = buildGroupViews({
      state,
      groupId: id,
      observed: observedGroups.get(id),
      topics: topicsByName,
      consumers: consumersByGroup.get(id) ?? [],
      detailed: detailed(id, lab),
      audit: () => auditOf(id),
      metrics: metricsOf(id),
      now: at,
      outputAudit: () => outputAuditOf(id),
    });
    // Time-dependent: a storm ends when its rebalances leave the window, with or without events.
    const storm = stormOf(runtimeOf(state, id).recent, at);
    overview.push({ ...views.summary, storm });
    if (views.details) groups.push({ ...views.details, storm });
  }
  return {
    version: state.version,
    at,
    connection: state.connection,
    cluster: observation?.cluster ?? null,
    topics: topics.map(
      (t): TopicInfo => ({
        name: t.name,
        internal: t.internal,
        lab: state.labTopics.includes(t.name),
        configs: own(state.topicConfigs, t.name) ?? null,
        partitions: t.partitions.map((p) => ({
          ...p,
          messagesPerSec:
            Math.round((state.partitionRates[partitionKey(t.name, p.partition)] ?? 0) * 10) / 10,
        })),
      }),
    ),
    overview,
    groups,
    consumers: Object.values(state.consumers).map(consumerInfo(state)),
    producer: state.producer,
    experiments: Object.values(state.experiments),
    nodes: nodeStatuses(state),
  };
}

const consumerInfo = (state: LabState) => (c: ConsumerRecord) => ({
  id: c.id,
  groupId: c.groupId,
  client: own(state.labGroups, c.groupId)?.client ?? 'kafkajs',
  status: c.phase,
  pid: c.pid,
  memberId: c.memberId,
  generationId: c.generationId,
  isLeader: c.isLeader,
  delayMs: c.delayMs,
  lastError: c.lastError,
});
