import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../state/snapshot';
import {
  fresh,
  group,
  member,
  observation,
  observed,
  run,
  T0,
  topic,
} from '../state/test-fixtures';
import { prometheusMetrics } from './metrics';

const state = run(
  fresh(),
  observed(
    observation(
      T0,
      [
        group('orders-"quoted"\\group', [member('m1', [0, 1], 'orders')], {
          offsets: [
            { topic: 'orders', partition: 0, offset: 40 },
            { topic: 'orders', partition: 1, offset: null },
          ],
        }),
      ],
      [topic('orders', [100, [5, 30]])],
    ),
  ),
);

describe('prometheusMetrics', () => {
  const text = prometheusMetrics(buildSnapshot(state, T0));
  const parsed = parsePrometheusTextFormat(text);
  const metric = (name: string) => parsed.find((m) => m.name === name);

  it('parses as the Prometheus text format', () => {
    expect(parsed.map((m) => m.name)).toEqual([
      'kafka_consumergroup_group_offset',
      'kafka_consumergroup_group_lag',
      'kafka_consumergroup_group_lag_seconds',
      'kafka_consumergroup_group_messages_lost',
      'kafka_consumergroup_group_retention_margin',
      'kafka_consumergroup_group_lag_retention_ratio',
      'kafka_consumergroup_group_max_lag',
      'kafka_consumergroup_group_max_lag_seconds',
      'kafka_consumergroup_group_sum_lag',
      'offset_lab_consumergroup_health',
      'offset_lab_consumergroup_retention_seconds_left',
      'offset_lab_consumergroup_retention_at_risk',
      'offset_lab_consumergroup_rebalance_storm',
      'offset_lab_sharegroup_start_offset',
      'offset_lab_sharegroup_lag',
      'offset_lab_sharegroup_readers',
      'kafka_partition_latest_offset',
      'kafka_partition_earliest_offset',
    ]);
    expect(parsed.every((m) => m.type === 'GAUGE')).toBe(true);
  });

  it("uses kafka-lag-exporter's labels and values, escaping label values", () => {
    const lag = metric('kafka_consumergroup_group_lag')?.metrics;
    expect(lag).toHaveLength(2);
    expect(lag?.[0]?.labels).toMatchObject({
      cluster_name: 'lab',
      group: 'orders-"quoted"\\group',
      topic: 'orders',
      partition: '0',
      state: 'Stable',
      is_simple_consumer: 'false',
      consumer_id: 'm1',
      client_id: 'client-m1',
    });
    expect(lag?.map((m) => Number(m.value))).toEqual([60, 25]);
    expect(Number(metric('kafka_consumergroup_group_sum_lag')?.metrics[0]?.value)).toBe(85);
    expect(Number(metric('kafka_consumergroup_group_max_lag')?.metrics[0]?.value)).toBe(60);
    expect(metric('kafka_consumergroup_group_offset')?.metrics).toHaveLength(1);
    expect(metric('kafka_partition_earliest_offset')?.metrics.map((m) => Number(m.value))).toEqual([
      0, 5,
    ]);
    expect(metric('offset_lab_consumergroup_health')?.metrics[0]?.labels?.verdict).toBe('OK');
  });

  it("retention with klag-exporter's names: lost, margin, lag as a share of the retained log", () => {
    const values = (name: string) =>
      metric(name)?.metrics.map((m) => [m.labels?.partition, Number(m.value)]);
    expect(values('kafka_consumergroup_group_messages_lost')).toEqual([
      ['0', 0],
      ['1', 0],
    ]);
    // Partition 1 has no committed offset: no margin to tell.
    expect(values('kafka_consumergroup_group_retention_margin')).toEqual([['0', 40]]);
    expect(values('kafka_consumergroup_group_lag_retention_ratio')).toEqual([
      ['0', 60],
      ['1', 100],
    ]);
    // The topic's retention.ms was never read here: no time left to tell, no verdict.
    expect(metric('offset_lab_consumergroup_retention_seconds_left')?.metrics ?? []).toEqual([]);
    expect(
      metric('offset_lab_consumergroup_retention_at_risk')?.metrics.map((m) => Number(m.value)),
    ).toEqual([0]);
  });

  it("share groups: their start offset, Kafka's share lag and readers, and no consumer-group series", () => {
    const withShare = run(
      state,
      observed(
        observation(
          T0 + 1_000,
          [
            group('queue', [member('a', [0], 'orders'), member('b', [0], 'orders')], {
              type: 'share',
              protocolType: 'share',
              offsets: [{ topic: 'orders', partition: 0, offset: 10, lag: 3 }],
            }),
          ],
          [topic('orders', [100, [5, 30]])],
        ),
      ),
    );
    const shareParsed = parsePrometheusTextFormat(
      prometheusMetrics(buildSnapshot(withShare, T0 + 1_000)),
    );
    const values = (name: string) =>
      shareParsed
        .find((m) => m.name === name)
        ?.metrics.map((s) => ({
          group: s.labels?.group,
          partition: s.labels?.partition,
          value: s.value,
        }));
    expect(values('offset_lab_sharegroup_start_offset')).toEqual([
      { group: 'queue', partition: '0', value: '10' },
    ]);
    expect(values('offset_lab_sharegroup_lag')).toEqual([
      { group: 'queue', partition: '0', value: '3' },
    ]);
    // P1 has no share state yet: no start offset and no lag, but its readers (none) are known.
    expect(values('offset_lab_sharegroup_readers')).toEqual([
      { group: 'queue', partition: '0', value: '2' },
      { group: 'queue', partition: '1', value: '0' },
    ]);
    expect(values('kafka_consumergroup_group_lag')?.map((s) => s.group)).not.toContain('queue');
    expect(values('kafka_consumergroup_group_sum_lag')?.map((s) => s.group)).not.toContain('queue');
  });
});
