/** The lessons: the course's five parts, each step a prediction checked on the real lab. */
export const LESSONS_EN = {
  panel: {
    title: 'Lessons',
    tabLessons: 'Lessons',
    tabExperiments: 'All experiments',
    part: 'Part {n}',
    step: 'Step {n} of {of}',
    predict: 'Your prediction',
    run: 'Check it on the lab',
    runTitle: 'Runs this step’s experiment on the real broker; it cleans up its groups when done',
    pickFirst: 'Pick a prediction first',
    busy: 'Another experiment is running',
    blocked: 'Not on this lab: {why}',
    youSaid: 'You predicted: {choice}',
    right: 'Right: Kafka did exactly that.',
    wrong: 'Not this time: Kafka did “{answer}”.',
    unclear: 'The run did not show it clearly (see its numbers); try again.',
    next: 'Next step',
    previous: 'Previous step',
    done: '{done} of {total} steps done',
    reset: 'Start the lessons over',
  },
  lessons: {
    producer: {
      title: 'The producer: keys, acks, idempotence',
      intro: 'Where a message lands, and when the producer may consider it safe.',
    },
    offsets: {
      title: 'Offsets and consumer groups',
      intro:
        'A group remembers its place as a committed offset; a new group decides where to start.',
    },
    semantics: {
      title: 'Delivery semantics, lag and the DLQ',
      intro: 'When you commit decides whether a crash duplicates or loses work.',
    },
    coordinator: {
      title: 'The coordinator, assignors and rebalances',
      intro: 'What a rebalance stops, and how static membership and heartbeats avoid one.',
    },
    replication: {
      title: 'Topics, replication and retention',
      intro: 'acks=1 against acks=all when a leader dies (needs LAB_BROKERS=3).',
    },
  },
  steps: {
    'same-key': {
      ask: 'The producer sends 100 trades with one fixed key to a topic of 6 partitions. Where do they land?',
      choices: [
        'All in one partition',
        'Spread evenly over the 6 partitions',
        'In whichever partition holds the least data',
      ],
    },
    'broker-down': {
      ask: 'With acks=all and idempotence on, the broker stops while the producer sends, then starts again. What happens to acknowledged trades?',
      choices: [
        'Some acknowledged trades are lost',
        'Some are written twice',
        'None is lost, none is written twice; sends fail only while it is down',
      ],
    },
    'kill-restart': {
      ask: 'A consumer that commits after processing falls behind and is killed with SIGKILL. Where does its restart begin?',
      choices: [
        'At the beginning of the topic',
        'At the offset the group committed',
        'At the log end: only new messages',
      ],
    },
    'new-group-start': {
      ask: 'Two new group ids start on a topic that already holds data: one with auto.offset.reset=earliest, one with latest. What does each read?',
      choices: [
        'Both read everything already there',
        'Both read only what arrives after they join',
        'earliest reads everything there; latest only what arrives after it joins',
      ],
    },
    'crash-uncommitted': {
      ask: 'A consumer with a 20 s auto-commit is killed between two commits. After its restart, the records it had processed but not committed are…',
      choices: [
        'processed again: duplicates, nothing missing',
        'skipped: missing',
        'neither: Kafka remembers what was processed',
      ],
    },
    'at-most-once': {
      ask: 'A consumer commits each batch before processing it and is killed mid-batch. What happens to the rest of that batch?',
      choices: [
        'It is processed twice',
        'It is never processed: missing, but nothing twice',
        'Nothing: the restart picks it up',
      ],
    },
    'poison-dlq': {
      ask: 'A group with 3 attempts and a DLQ reads while 10 % of the trades are poison. What happens?',
      choices: [
        'The group stops at the first poison message',
        'Poison messages are retried for ever',
        'Each is retried, then written to the DLQ once; good ones are not affected',
      ],
    },
    'exactly-once-crash': {
      ask: 'An exactly-once consumer is killed with work in its open transaction. What does <topic>.out hold, read with read_committed?',
      choices: ['Every trade exactly once', 'Some trades twice', 'Some trades missing'],
    },
    'three-protocols': {
      ask: 'One member of an eager, a cooperative and a KIP-848 group is killed. Which partitions stop during the rebalance?',
      choices: [
        'All partitions, in all three groups',
        'Eager: all; cooperative and KIP-848: only the dead member’s',
        'None: the survivors carry on in all three',
      ],
    },
    'static-membership': {
      ask: 'A member with group.instance.id is killed and restarted within its session timeout. What happens?',
      choices: [
        'It gets the same partitions back, without a rebalance',
        'A rebalance gives it a new member id and new partitions',
        'Its partitions move to the others for good',
      ],
    },
    'slow-consumer': {
      ask: 'A kafkajs and a Java consumer each take 4 s per message (session timeout 3 s, max.poll.interval 5 s). What happens to each?',
      choices: [
        'Both are evicted by the session timeout',
        'Both keep their partitions',
        'kafkajs is evicted by the session timeout; Java leaves when max.poll.interval passes',
      ],
    },
    'acks-under-failure': {
      ask: 'The leader of partition 0 is killed while the producer writes. What do acks=1 and acks=all lose?',
      choices: [
        'acks=all loses some acknowledged writes too',
        'acks=all loses nothing; acks=1 may lose what the leader had not replicated',
        'Neither can ever lose anything',
      ],
    },
  },
};
