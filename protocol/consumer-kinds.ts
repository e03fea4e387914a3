/**
 * The kinds of lab consumer: which client library, which group protocol, which assignor.
 * One table, so the API's validation, the dialog and the workers agree on what combines.
 */
export const CONSUMER_CLIENTS = ['kafkajs', 'java'] as const;
/** classic: JoinGroup/SyncGroup (eager or cooperative); consumer: KIP-848, broker-driven. */
export const GROUP_PROTOCOLS = ['classic', 'consumer'] as const;
export const ASSIGNORS = [
  'round-robin',
  'range',
  'sticky',
  'cooperative-sticky',
  'uniform',
] as const;

export type ConsumerClient = (typeof CONSUMER_CLIENTS)[number];
export type GroupProtocol = (typeof GROUP_PROTOCOLS)[number];
export type Assignor = (typeof ASSIGNORS)[number];

/** Assignors each client offers per protocol (KIP-848's run on the broker: group.remote.assignor). */
export const ASSIGNORS_FOR: Record<ConsumerClient, Record<GroupProtocol, readonly Assignor[]>> = {
  kafkajs: { classic: ['round-robin', 'range'], consumer: [] },
  java: {
    classic: ['range', 'round-robin', 'sticky', 'cooperative-sticky'],
    consumer: ['uniform', 'range'],
  },
};

/** The name Kafka shows for an assignor (DescribeGroups' protocol, or the remote assignor). */
export const KAFKA_ASSIGNOR_NAMES: Record<Assignor, string> = {
  'round-robin': 'roundrobin',
  range: 'range',
  sticky: 'sticky',
  'cooperative-sticky': 'cooperative-sticky',
  uniform: 'uniform',
};

export type RebalanceStyle = 'eager' | 'cooperative' | 'kip-848';

export function rebalanceStyle(protocol: GroupProtocol, assignor: Assignor): RebalanceStyle {
  if (protocol === 'consumer') return 'kip-848';
  return assignor === 'cooperative-sticky' ? 'cooperative' : 'eager';
}

/** KIP-848 session timeouts are set per group on the broker, within group.consumer.*.session.timeout.ms. */
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
  if (kind.client === 'kafkajs' && kind.protocol === 'consumer') {
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
  if (kind.protocol === 'consumer') {
    const { min, max } = CONSUMER_PROTOCOL_SESSION_MS;
    if (kind.sessionTimeoutMs < min || kind.sessionTimeoutMs > max) {
      problems.push(
        `sessionTimeoutMs must be an integer from ${min} to ${max} for protocol "consumer" (the broker's group.consumer.min/max.session.timeout.ms)`,
      );
    }
  }
  return problems;
}
