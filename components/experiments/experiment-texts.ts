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
};

export const STEP_TEXTS: Record<string, (p: Record<string, string | number>) => string> = {
  'create-group': (p) => `created ${p.groupId} (${p.protocol}, ${p.assignor})`,
  crash: (p) => `killed ${p.consumerId} with SIGKILL`,
  'crash-restart': (p) => `killed ${p.consumerId} and restarted it at once`,
  slow: (p) => `${p.consumerId} now takes ${p.delayMs} ms per message`,
};
