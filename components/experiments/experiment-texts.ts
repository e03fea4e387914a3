import type { ExperimentId } from '@/protocol/experiments';

/** What each judged experiment does and what it expects, said before it runs. */
export const EXPERIMENT_TEXTS: Record<ExperimentId, { title: string; expectation: string }> = {
  'three-protocols': {
    title: 'Eager vs cooperative vs KIP-848',
    expectation:
      'Three groups of 3 Java consumers read the same topic: classic eager (range), classic cooperative-sticky, and KIP-848 (uniform). One member of each is killed. Expected: eager stops every partition during the rebalance; cooperative and KIP-848 pause only the dead member’s partitions, and the survivors never stop.',
  },
  'static-membership': {
    title: 'Static membership: restart without a rebalance',
    expectation:
      'A Java group with group.instance.id. One member is killed and restarted at once, within its 15 s session timeout. Expected: it gets the same partitions back, the generation stays, and no rebalance happens.',
  },
  'slow-consumer': {
    title: 'Slow consumer: kafkajs vs Kafka’s Java client',
    expectation:
      'Both consumers take 4 s per message. Expected: kafkajs, which heartbeats between messages, is evicted by its 3 s session timeout; the Java client keeps heartbeating in the background and instead leaves the group itself when max.poll.interval.ms (5 s) passes between two polls.',
  },
  'acks-under-failure': {
    title: 'acks=1 vs acks=all when the leader dies (3 brokers)',
    expectation:
      'Two topics with 3 replicas and min.insync.replicas=2, each read back by a group from earliest. The producer writes 200 msg/s with acks=1 (no idempotence), then with acks=all (idempotent); each time the leader of partition 0 is killed with SIGKILL. Expected: a new leader within seconds, the ISR without the dead broker, and after a restart all 3 in sync again. acks=all loses nothing; acks=1 may lose what the dead leader had acknowledged but not yet replicated (often nothing on one machine: followers copy within milliseconds). Then a second broker dies: acks=all writes are refused with NotEnoughReplicas instead of being kept on one copy. Needs LAB_BROKERS=3.',
  },
};

/** Names of the numbers experiments report. */
export const MEASUREMENT_LABELS: Record<string, string> = {
  'eager.pausedPartitions': 'eager: partitions paused',
  'eager.survivorPauseMs': 'eager: longest pause of a survivor’s partition',
  'eager.crashedPauseMs': 'eager: longest pause of the dead member’s partitions',
  'eager.rebalanceMs': 'eager: rebalance took',
  'cooperative.pausedPartitions': 'cooperative: partitions paused',
  'cooperative.survivorPauseMs': 'cooperative: longest pause of a survivor’s partition',
  'cooperative.crashedPauseMs': 'cooperative: longest pause of the dead member’s partitions',
  'cooperative.rebalanceMs': 'cooperative: rebalance took',
  'kip848.pausedPartitions': 'KIP-848: partitions paused',
  'kip848.survivorPauseMs': 'KIP-848: longest pause of a survivor’s partition',
  'kip848.crashedPauseMs': 'KIP-848: longest pause of the dead member’s partitions',
  'kip848.rebalanceMs': 'KIP-848: rebalance took',
  'static.restartMs': 'restart took',
  'static.partitions': 'partitions after the restart',
  'static.generation': 'generation',
  'static.rebalances': 'rebalances',
  'kafkajs.how': 'kafkajs lost its membership by',
  'kafkajs.afterMs': 'kafkajs: after',
  'java.how': 'Java client lost its membership by',
  'java.afterMs': 'Java client: after',
  'acks1.failoverMs': 'acks=1: new leader after',
  'acks1.leaderIsr': 'acks=1: partition 0',
  'acks1.isrBackMs': 'acks=1: all 3 in sync again after the restart in',
  'acks1.acked': 'acks=1: messages acknowledged',
  'acks1.lost': 'acks=1: acknowledged but never readable (lost)',
  'acksAll.failoverMs': 'acks=all: new leader after',
  'acksAll.leaderIsr': 'acks=all: partition 0',
  'notEnough.error': 'two brokers down: the producer says',
  'acksAll.isrBackMs': 'acks=all: all 3 in sync again after the restarts in',
  'acksAll.acked': 'acks=all: messages acknowledged',
  'acksAll.lost': 'acks=all: acknowledged but never readable (lost)',
};

export const STEP_TEXTS: Record<string, (p: Record<string, string | number>) => string> = {
  'create-group': (p) => `created ${p.groupId} (${p.protocol}, ${p.assignor})`,
  crash: (p) => `killed ${p.consumerId} with SIGKILL`,
  'crash-restart': (p) => `killed ${p.consumerId} and restarted it at once`,
  slow: (p) => `${p.consumerId} now takes ${p.delayMs} ms per message`,
  'create-topic': (p) =>
    `created ${p.topic} (3 replicas, min.insync.replicas=2) and a group reading it`,
  produce: (p) =>
    `producing to ${p.topic} with acks=${p.acks === 'leader' ? '1' : p.acks}, idempotence ${p.idempotent === 'true' ? 'on' : 'off'}`,
  'kill-leader': (p) => `killed broker ${p.nodeId}, the leader of ${p.topic}-0, with SIGKILL`,
  'kill-second': (p) => `killed a second broker, ${p.nodeId}: one replica left in sync`,
  'start-broker': (p) => `started broker ${p.nodeId} again`,
};
