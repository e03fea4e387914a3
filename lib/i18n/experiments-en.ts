/** Each judged experiment: what it does and expects (said before it runs), and its result card. */
export const EXPERIMENTS_EN = {
  ids: {
    'kill-restart': {
      title: 'Kill and restart: it resumes at the committed offset',
      expectation:
        'One consumer (commit after processing) falls behind, is killed with SIGKILL and restarted. Expected: it resumes exactly at the offset Kafka has committed, so it reads exactly log end − committed records, and processes again only what it had not committed yet.',
    },
    'crash-uncommitted': {
      title: 'Crash with uncommitted work: duplicates',
      expectation:
        'One consumer with auto-commit every 20 s processes records, then is killed before its next commit. Expected: after the restart, exactly the processed-but-uncommitted records are processed twice, and none is missing (at-least-once).',
    },
    'at-most-once': {
      title: 'At-most-once: commit first, then crash',
      expectation:
        'One consumer commits each batch before processing it, and is killed in the middle of a batch. Expected: the rest of that batch is never processed (missing > 0: at least committed − processed at the crash, more if a later rebalance cuts another committed batch short), and nothing is processed twice.',
    },
    'new-group-start': {
      title: 'A new group id: earliest vs latest',
      expectation:
        'Two new groups read the same topic, one with auto.offset.reset=earliest and one with latest. Expected: earliest reads every record already there; latest reads none of them, only the records that arrive after it joined.',
    },
    'same-key': {
      title: 'Same key, same partition',
      expectation:
        'The producer sends 100 trades with one key. Expected: Kafka puts all of them in one partition (the key’s hash decides), and the other partitions get none.',
    },
    'broker-down': {
      title: 'Broker down while producing (acks=all, idempotent)',
      expectation:
        'The producer sends with acks=all and idempotence while the broker is stopped and started again. Expected: sends fail while it is down, then the producer recovers; in the log, no acknowledged record is missing and none is written twice.',
    },
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
    'poison-dlq': {
      title: 'Poison messages: retries, then the DLQ, exactly once',
      expectation:
        'A group with retry + DLQ (3 attempts, 50 ms backoff doubling) reads while 10 % of the trades are poison (broken JSON or a negative price). Expected: every poison message is retried, then written to <topic>.dlq exactly once with its origin in the headers; good messages are not affected (0 missing, 0 duplicates).',
    },
    'exactly-once-crash': {
      title: 'Exactly-once: a crash mid-transaction',
      expectation:
        'An exactly-once consumer (read_committed, output to <topic>.out and offsets in one transaction) is killed with work in its open transaction. Expected: the transaction is aborted and that work is processed again, yet <topic>.out read with read_committed has every trade once: 0 duplicates, 0 missing.',
    },
  },
  measures: {
    'restart.committed': 'committed offsets at the crash',
    'restart.read': 'records read after the restart',
    'restart.duplicates': 'processed twice',
    'restart.missing': 'missing',
    'uncommitted.window': 'processed but not committed at the crash',
    'uncommitted.duplicates': 'processed twice after the restart',
    'uncommitted.missing': 'missing',
    'atmost.skipped': 'committed but not processed at the crash',
    'atmost.missing': 'never processed (missing)',
    'atmost.duplicates': 'processed twice',
    'start.earliestRead': 'earliest: records of the backlog read',
    'start.latestRead': 'latest: records of the backlog read',
    'start.latestNew': 'latest: new records read',
    'key.records': 'records added per partition',
    'key.partitions': 'partitions that got them',
    'broker.downMs': 'broker down for',
    'broker.failedSends': 'failed sends',
    'broker.recoveredMs': 'producer recovered after the restart in',
    'broker.records': 'records written meanwhile',
    'broker.missing': 'acked records missing from the log',
    'broker.duplicates': 'records written twice',
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
    'poison.sent': 'poison messages sent',
    'poison.inDlq': 'records in the DLQ',
    'poison.distinct': 'distinct origins (topic, partition, offset)',
    'poison.attempts': 'attempts per poison message (header)',
    'poison.retries': 'retries seen',
    'poison.goodMissing': 'good messages missing',
    'poison.goodDuplicates': 'good messages processed twice',
    'eos.aborted': 'processed in the aborted transaction',
    'eos.reprocessed': 'processed again after the restart',
    'eos.outputRecords': 'trades in <topic>.out (read_committed)',
    'eos.outputDuplicates': 'duplicates in the output',
    'eos.outputMissing': 'missing from the output',
  },
  steps: {
    'create-group': 'created {groupId} ({protocol}, {assignor})',
    crash: 'killed {consumerId} with SIGKILL',
    'crash-restart': 'killed {consumerId} and restarted it at once',
    slow: '{consumerId} now takes {delayMs} ms per message',
    'create-group-mode': 'created {groupId} (commit {commitMode}) at the log end',
    'create-group-reset': 'created {groupId} (auto.offset.reset={offsetReset})',
    restart: 'restarted {consumerId}',
    'one-key': 'the producer sends every trade to {topic} with one key',
    poison: 'the producer sends {percent} % of the trades as poison',
    'broker-stop': 'broker stopped',
    'broker-start': 'broker started again',
  },
  card: {
    run: 'Run',
    busy: 'Another experiment is running',
    passed: 'pass',
    failed: 'fail',
    running: 'running',
    error: 'error',
    took: 'took {seconds} s',
    runningFor: 'running {seconds} s',
    couldNotFinish: 'Could not finish: {error}',
    expected: 'expected {value}',
  },
} as const;
