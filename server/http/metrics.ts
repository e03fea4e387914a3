import type { Snapshot } from '../../protocol/snapshot';
import { VERDICTS } from '../../protocol/snapshot';
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

class Exposition {
  private readonly lines: string[] = [];

  metric(name: string, help: string, samples: string[]): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

export function prometheusMetrics(snapshot: Snapshot): string {
  const cluster = snapshot.cluster?.clusterId ?? 'unknown';
  const out = new Exposition();
  const partitionRows = snapshot.groups.flatMap((g) =>
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
  out.metric(
    'kafka_consumergroup_group_offset',
    'Last group committed offset of a partition',
    partitionRows
      .filter((r) => r.o.committedOffset !== null)
      .map((r) => sample('kafka_consumergroup_group_offset', r.labels, r.o.committedOffset ?? 0)),
  );
  out.metric(
    'kafka_consumergroup_group_lag',
    'Group offset lag of a partition',
    partitionRows.map((r) => sample('kafka_consumergroup_group_lag', r.labels, r.o.lag)),
  );
  out.metric(
    'kafka_consumergroup_group_lag_seconds',
    'Group time lag of a partition: age of the next message to consume',
    partitionRows.map((r) =>
      sample('kafka_consumergroup_group_lag_seconds', r.labels, r.o.lagSeconds),
    ),
  );
  out.metric(
    'kafka_consumergroup_group_max_lag',
    'Max group offset lag',
    snapshot.groups.map((g) =>
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
    snapshot.groups.map((g) =>
      sample('kafka_consumergroup_group_max_lag_seconds', groupLabels(g), g.lagSeconds),
    ),
  );
  out.metric(
    'kafka_consumergroup_group_sum_lag',
    'Sum of group offset lag',
    snapshot.groups.map((g) =>
      sample('kafka_consumergroup_group_sum_lag', groupLabels(g), g.totalLag),
    ),
  );
  out.metric(
    'offset_lab_consumergroup_health',
    `Burrow-style verdict of the group: ${VERDICTS.map((v, i) => `${i}=${v}`).join(', ')}`,
    snapshot.groups.map((g) =>
      sample(
        'offset_lab_consumergroup_health',
        { ...groupLabels(g), verdict: g.health.verdict },
        VERDICTS.indexOf(g.health.verdict),
      ),
    ),
  );
  out.metric(
    'offset_lab_consumergroup_rebalance_storm',
    `1 while the group has had ${STORM_COUNT} or more rebalances in the last ${STORM_WINDOW_MS / 60_000} min (a rebalance storm), else 0`,
    snapshot.groups.map((g) =>
      sample('offset_lab_consumergroup_rebalance_storm', groupLabels(g), g.storm ? 1 : 0),
    ),
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
