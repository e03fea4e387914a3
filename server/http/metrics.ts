import type { Snapshot } from '../../protocol/snapshot';
import { VERDICTS } from '../../protocol/snapshot';
import { AT_RISK_SHARE } from '../domain/retention';
import { STORM_COUNT, STORM_WINDOW_MS } from '../domain/storm';

/**
 * The Prometheus text format (version 0.0.4), with kafka-lag-exporter's metric names and labels so
 * existing dashboards and alerts work unchanged, plus the lab's health verdict as a gauge.
 */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string | number | boolean>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`);
  return `${name}{${pairs.join(',')}} ${Number.isFinite(value) ? value : 'NaN'}`;
}

type GroupOffset = Snapshot['groups'][number]['offsets'][number];
type OffsetRow = { o: GroupOffset; labels: Labels };
type OffsetValue = (o: GroupOffset) => number | null | undefined;

class Exposition {
  private readonly lines: string[] = [];

  metric(name: string, help: string, samples: string[]): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples);
  }

  /** One sample per row (a group's partition); a row whose value is null has none. */
  perRow(name: string, help: string, rows: OffsetRow[], value: OffsetValue): void {
    this.metric(
      name,
      help,
      rows.flatMap((r) => {
        const v = value(r.o);
        return v == null ? [] : [sample(name, r.labels, v)];
      }),
    );
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

export function prometheusMetrics(snapshot: Snapshot): string {
  const cluster = snapshot.cluster?.clusterId ?? 'unknown';
  const out = new Exposition();
  // Share groups (KIP-932) have no committed offset and no one owner per partition: their own
  // series below, not kafka-lag-exporter's consumer-group ones.
  const consumerGroups = snapshot.groups.filter((g) => g.type !== 'share');
  const partitionRows = consumerGroups.flatMap((g) =>
    g.offsets.map((o) => {
      const member = g.members.find((m) => m.memberId === o.memberId);
      return {
        o,
        labels: {
          cluster_name: cluster,
          group: g.groupId,
          topic: o.topic,
          partition: o.partition,
          state: g.state,
          is_simple_consumer: g.members.length === 0,
          member_host: member?.host ?? '',
          consumer_id: o.memberId ?? '',
          client_id: member?.clientId ?? '',
        },
      };
    }),
  );
  const groupLabels = (g: Snapshot['groups'][number]) => ({
    cluster_name: cluster,
    group: g.groupId,
    state: g.state,
    is_simple_consumer: g.members.length === 0,
  });
  const perPartition = (name: string, help: string, value: OffsetValue) =>
    out.perRow(name, help, partitionRows, value);
  perPartition(
    'kafka_consumergroup_group_offset',
    'Last group committed offset of a partition',
    (o) => o.committedOffset,
  );
  perPartition('kafka_consumergroup_group_lag', 'Group offset lag of a partition', (o) => o.lag);
  perPartition(
    'kafka_consumergroup_group_lag_seconds',
    'Group time lag of a partition: age of the next message to consume',
    (o) => o.lagSeconds,
  );
  // Retention, with klag-exporter's names: what was lost, and how close the rest is.
  perPartition(
    'kafka_consumergroup_group_messages_lost',
    'Messages retention deleted before the group read them (committed offset below the log start)',
    (o) => o.retention?.lost ?? 0,
  );
  perPartition(
    'kafka_consumergroup_group_retention_margin',
    'Committed offset minus the log start offset; negative: messages were lost',
    (o) => o.retention?.marginOffsets,
  );
  perPartition(
    'kafka_consumergroup_group_lag_retention_ratio',
    'Lag as a percentage of the retained log (log end − log start); over 100: messages were lost',
    (o) => o.retention?.lagRetentionRatio ?? 0,
  );
  out.metric(
    'kafka_consumergroup_group_max_lag',
    'Max group offset lag',
    consumerGroups.map((g) =>
      sample(
        'kafka_consumergroup_group_max_lag',
        groupLabels(g),
        Math.max(0, ...g.offsets.map((o) => o.lag)),
      ),
    ),
  );
  out.metric(
    'kafka_consumergroup_group_max_lag_seconds',
    'Max group time lag',
    consumerGroups.map((g) =>
      sample('kafka_consumergroup_group_max_lag_seconds', groupLabels(g), g.lagSeconds),
    ),
  );
  out.metric(
    'kafka_consumergroup_group_sum_lag',
    'Sum of group offset lag',
    consumerGroups.map((g) =>
      sample('kafka_consumergroup_group_sum_lag', groupLabels(g), g.totalLag),
    ),
  );
  out.metric(
    'offset_lab_consumergroup_health',
    `Burrow-style verdict of the group: ${VERDICTS.map((v, i) => `${i}=${v}`).join(', ')}`,
    consumerGroups.map((g) =>
      sample(
        'offset_lab_consumergroup_health',
        { ...groupLabels(g), verdict: g.health.verdict },
        VERDICTS.indexOf(g.health.verdict),
      ),
    ),
  );
  perPartition(
    'offset_lab_consumergroup_retention_seconds_left',
    'At least this long before retention may delete the next record the group reads (retention.ms minus its age); only where time retention applies and something waits',
    (o) => (o.lag > 0 ? o.retention?.secondsLeft : null),
  );
  out.metric(
    'offset_lab_consumergroup_retention_at_risk',
    `Retention verdict of the group: 0=safe or unknown, 1=at risk (less than ${AT_RISK_SHARE * 100} % of retention.ms left for its next record), 2=lost (messages deleted unread)`,
    consumerGroups.map((g) =>
      sample(
        'offset_lab_consumergroup_retention_at_risk',
        groupLabels(g),
        g.retention?.state === 'lost' ? 2 : g.retention?.state === 'at-risk' ? 1 : 0,
      ),
    ),
  );
  out.metric(
    'offset_lab_consumergroup_rebalance_storm',
    `1 while the group has had ${STORM_COUNT} or more rebalances in the last ${STORM_WINDOW_MS / 60_000} min (a rebalance storm), else 0`,
    consumerGroups.map((g) =>
      sample('offset_lab_consumergroup_rebalance_storm', groupLabels(g), g.storm ? 1 : 0),
    ),
  );
  shareGroupMetrics(
    out,
    cluster,
    snapshot.groups.filter((g) => g.type === 'share'),
  );
  const partitions = snapshot.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      p,
      labels: { cluster_name: cluster, topic: t.name, partition: p.partition },
    })),
  );
  out.metric(
    'kafka_partition_latest_offset',
    'Latest offset of a partition',
    partitions.map((x) => sample('kafka_partition_latest_offset', x.labels, x.p.logEndOffset)),
  );
  out.metric(
    'kafka_partition_earliest_offset',
    'Earliest offset of a partition',
    partitions.map((x) => sample('kafka_partition_earliest_offset', x.labels, x.p.logStartOffset)),
  );
  return out.toString();
}

/** Per partition of each share group: Kafka's start offset (SPSO), its share lag, and its readers. */
function shareGroupMetrics(out: Exposition, cluster: string, groups: Snapshot['groups']): void {
  const rows = groups.flatMap((g) =>
    g.offsets.map((o) => ({
      o,
      labels: {
        cluster_name: cluster,
        group: g.groupId,
        topic: o.topic,
        partition: o.partition,
        state: g.state,
      },
    })),
  );
  const series = (name: string, help: string, value: OffsetValue) =>
    out.perRow(name, help, rows, value);
  series(
    'offset_lab_sharegroup_start_offset',
    'Share-partition start offset (SPSO) of a share group: every record below it is done',
    (o) => o.committedOffset,
  );
  series(
    'offset_lab_sharegroup_lag',
    "Kafka's share lag (KIP-1226): log end − start offset − records already done beyond it",
    // A partition without share state has not been started: no figure, rather than a made-up 0.
    (o) => (o.committedOffset === null ? null : o.lag),
  );
  series(
    'offset_lab_sharegroup_readers',
    'Members of the share group that read this partition (several at once)',
    (o) => o.sharedBy?.length ?? 0,
  );
}
