/**
 * The kinds of lab consumer: which client library, which group protocol, which assignor.
 * One table, so the API's validation, the dialog and the workers agree on what combines.
 */
export const CONSUMER_CLIENTS = ['kafkajs', 'java'] as const;
/**
 * classic: JoinGroup/SyncGroup (eager or cooperative); consumer: KIP-848, broker-driven; share:
 * a share group (KIP-932), whose members read the same partitions, record by record.
 */
export const GROUP_PROTOCOLS = ['classic', 'consumer', 'share'] as const;
export const ASSIGNORS = [
  'round-robin',
  'range',
  'sticky',
  'cooperative-sticky',
  'uniform',
  // The broker's share-group assignor (group.share.assignors).
  'simple',
] as const;

/** How the page and the timeline name each protocol. */
export const PROTOCOL_NAMES: Record<(typeof GROUP_PROTOCOLS)[number], string> = {
  classic: 'classic',
  consumer: 'KIP-848',
  share: 'share (KIP-932)',
};

export type ConsumerClient = (typeof CONSUMER_CLIENTS)[number];
export type GroupProtocol = (typeof GROUP_PROTOCOLS)[number];
export type Assignor = (typeof ASSIGNORS)[number];

/** Assignors each client offers per protocol (KIP-848's run on the broker: group.remote.assignor). */
export const ASSIGNORS_FOR: Record<ConsumerClient, Record<GroupProtocol, readonly Assignor[]>> = {
  kafkajs: { classic: ['round-robin', 'range'], consumer: [], share: [] },
  java: {
    classic: ['range', 'round-robin', 'sticky', 'cooperative-sticky'],
    consumer: ['uniform', 'range'],
    share: ['simple'],
  },
};

/** The name Kafka shows for an assignor (DescribeGroups' protocol, or the remote assignor). */
export const KAFKA_ASSIGNOR_NAMES: Record<Assignor, string> = {
  'round-robin': 'roundrobin',
  range: 'range',
  sticky: 'sticky',
  'cooperative-sticky': 'cooperative-sticky',
  uniform: 'uniform',
  simple: 'simple',
};

export type RebalanceStyle = 'eager' | 'cooperative' | 'kip-848';

export function rebalanceStyle(protocol: GroupProtocol, assignor: Assignor): RebalanceStyle {
  if (protocol !== 'classic') return 'kip-848';
  return assignor === 'cooperative-sticky' ? 'cooperative' : 'eager';
}

/**
 * KIP-848 and share-group session timeouts are set per group on the broker, within
 * group.consumer.* and group.share.*.session.timeout.ms (the same on the lab broker).
 */
export const CONSUMER_PROTOCOL_SESSION_MS = { min: 3000, max: 60_000 } as const;

export interface ConsumerKind {
  client: ConsumerClient;
  protocol: GroupProtocol;
  assignor: Assignor;
  staticMembership: boolean;
  maxPollIntervalMs: number | null;
  sessionTimeoutMs: number;
}

/** Why a combination cannot run, naming the field; null when it can. */
export function kindProblems(kind: ConsumerKind): string[] {
  const problems: string[] = [];
  const allowed = ASSIGNORS_FOR[kind.client][kind.protocol];
  if (kind.client === 'kafkajs' && kind.protocol === 'share') {
    problems.push(
      'protocol: kafkajs cannot join share groups (KIP-932: kafkajs 2.2.4 has no ShareGroupHeartbeat or ShareFetch); use client "java" for protocol "share"',
    );
  } else if (kind.client === 'kafkajs' && kind.protocol === 'consumer') {
    problems.push(
      'protocol: kafkajs speaks only the classic protocol; use client "java" for protocol "consumer" (KIP-848)',
    );
  } else if (!allowed.includes(kind.assignor)) {
    problems.push(
      `assignor must be one of: ${allowed.join(', ')} (for client ${kind.client}, protocol ${kind.protocol})`,
    );
  }
  if (kind.client === 'kafkajs' && kind.staticMembership) {
    problems.push(
      'staticMembership: kafkajs has no static membership (group.instance.id); use client "java"',
    );
  }
  if (kind.client === 'kafkajs' && kind.maxPollIntervalMs !== null) {
    problems.push(
      'maxPollIntervalMs: kafkajs has no max.poll.interval.ms (it heartbeats between messages); use client "java"',
    );
  }
  if (kind.protocol === 'share' && kind.staticMembership) {
    problems.push(
      'staticMembership: share groups have no static membership (the share consumer refuses group.instance.id)',
    );
  }
  if (kind.protocol !== 'classic') {
    const { min, max } = CONSUMER_PROTOCOL_SESSION_MS;
    if (kind.sessionTimeoutMs < min || kind.sessionTimeoutMs > max) {
      problems.push(
        `sessionTimeoutMs must be an integer from ${min} to ${max} for protocol "${kind.protocol}" (the broker's group.${kind.protocol}.min/max.session.timeout.ms)`,
      );
    }
  }
  return problems;
}
