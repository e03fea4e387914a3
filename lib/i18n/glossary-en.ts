/** One or two sentences per concept, accurate to Kafka, shown on hover. */
export const GLOSSARY_EN = {
  offset:
    'The position of a message in one partition: 0 for the first, counting up. Every partition has its own offsets.',
  'log-end':
    'Log end offset: the offset the next message written to the partition will get (last offset + 1).',
  'log-start':
    'Log start offset: the oldest offset still on the broker; retention deletes everything before it.',
  commit:
    "A commit stores the group's position in Kafka (__consumer_offsets): the offset of the next message to read. After a restart or rebalance the group resumes from there.",
  committed:
    'The committed offset as kafka-consumer-groups.sh shows it: the next offset the group will read. Empty when the group never committed on this partition.',
  processed:
    'How far this lab consumer has actually processed. Between committed and processed lies work a crash would make the group read again (at-least-once duplicates).',
  lag: 'Lag = log end offset − committed offset: messages written but not yet committed by the group. Lag that keeps growing means consumers are slower than producers.',
  rebalance:
    "The group hands its partitions out again because a member joined, left, was evicted, or the topic's partition count changed. Eager (range, round-robin): every member gives up every partition and nobody consumes until it ends. Cooperative and KIP-848: only the partitions that move pause.",
  'session-timeout':
    'session.timeout.ms: if the coordinator gets no heartbeat from a member for this long, it evicts the member and rebalances. A crashed consumer keeps its partitions until then.',
  assignor:
    'How partitions are split. Range gives each consumer a contiguous block per topic; round-robin deals them out in turn; sticky keeps as many where they were as it can; cooperative-sticky does that and moves only the partitions that must move. KIP-848 groups use the broker’s uniform or range assignor.',
  client:
    'Which client library the lab consumer runs: kafkajs (Node.js, classic protocol only, heartbeats between messages) or Kafka’s own Java client (every protocol and assignor, heartbeats from a background thread).',
  'share-group':
    'A share group (KIP-932, Kafka 4) is a queue on a topic: its members read the same partitions together. Each record is locked for one member at a time and acknowledged one by one (accepted, released for another try, or rejected); a record not acknowledged before its lock expires goes to another member.',
  'share-start-offset':
    'Share-partition start offset (SPSO): every record below it is done (accepted, or archived after its last try). Records above it may be done already, locked by a member, or waiting. kafka-share-groups.sh shows it as START-OFFSET.',
  'share-lock':
    'share.record.lock.duration.ms: how long a record stays locked for the member that acquired it. A member that is alive but silent keeps it that long; then Kafka gives it to another member with its delivery count one higher.',
  'share-lag':
    "Kafka's share lag (KIP-1226): log end − start offset − records already done beyond the start offset. It is lower than log end − start offset as soon as members finish records out of order.",
  'group-protocol':
    'classic: members rejoin through JoinGroup/SyncGroup; with eager assignors everyone stops while the group rebalances. consumer (KIP-848, Kafka 4): the broker computes the assignment and members give up and take only the partitions that move, one by one.',
  'max-poll-interval':
    'max.poll.interval.ms: the longest a Java consumer may take between two poll() calls. Heartbeats go on in the background, but past this limit the client leaves the group itself, and rejoins on its next poll. Raise it for slow processing.',
  'static-membership':
    'group.instance.id gives a member a fixed identity: if it restarts within the session timeout it gets its partitions back without a rebalance.',
  'member-epoch':
    'KIP-848: each member’s epoch follows the group epoch once the member has taken over its target assignment. While they differ, the group is reconciling.',
  generation:
    'The generation id goes up by one with every completed rebalance (KIP-848 groups: the group epoch). Commits from an older generation are rejected, which protects against zombie consumers.',
  'group-state':
    'Stable: consuming. PreparingRebalance: waiting for members to rejoin. CompletingRebalance: waiting for the leader’s assignment. Assigning/Reconciling (KIP-848): the broker computes a new assignment, then members move to it. Empty: no members, offsets kept. Dead: removed.',
  'commit-mode':
    'after-processing and auto commit only processed offsets (at-least-once: a crash re-reads, never loses); auto waits for auto.commit.interval.ms, so it re-reads more. batch commits every N messages or T ms (fewer commits, more to re-read). before-processing commits each batch before handling it (at-most-once: a crash loses the rest of the batch). exactly-once writes the output and the offsets in one transaction.',
  'exactly-once':
    'The consumer reads with isolation.level=read_committed, writes its output to <topic>.out and sends the consumed offsets in the same transaction (sendOffsetsToTransaction). A crash aborts the open transaction: its work is processed again, but the output holds it once for read_committed readers.',
  dlq: 'Dead letter queue: a message that still fails after its retries (exponential backoff) goes to <topic>.dlq with headers naming its origin topic, partition and offset, the error and the attempts; the consumer then commits past it, so good messages keep flowing.',
  acks: 'acks=all waits until every in-sync replica has the message; leader waits for the leader only; none does not wait at all, so lost messages go unnoticed.',
  idempotence:
    'An idempotent producer numbers its batches so the broker drops duplicates caused by retries. It requires acks=all.',
  'key-mode':
    'Kafka hashes the key (murmur2) to pick the partition: the same key always lands on the same partition, so its messages stay in order. No key spreads messages around.',
  health:
    "Burrow's rules over the last 20 s of each partition: OK keeps up; WARN lag is growing; STALL commits arrive but the offset does not move; STOP messages wait and nothing was committed; REWIND the committed offset went backwards. A group shows its worst partition.",
  'lag-seconds':
    'How old the next message to consume is: when the log end passed the committed offset, read from how the log end grew over time (as kafka-lag-exporter does); where that history does not reach back (after a restart, a long idle gap, compaction, retention), from the timestamp of the record itself. "≥" while that record is being read.',
  replication:
    'Each partition is kept on replication.factor brokers. One replica is the leader, which takes every write and read; the followers copy it. A partition survives losing all but one of its in-sync replicas.',
  leader:
    'The replica of a partition that producers write to and consumers read from. When its broker dies, the controller elects another in-sync replica as leader (after broker.session.timeout.ms without a heartbeat: 3 s in the lab).',
  isr: 'In-sync replicas: the leader and the followers that are caught up with it. A broker that dies, or falls behind for replica.lag.time.max.ms, is dropped from the ISR; it is added back once it has caught up.',
  'min-insync-replicas':
    'min.insync.replicas: how many in-sync replicas an acks=all write needs. With fewer, the leader refuses it (NotEnoughReplicas) rather than keep it on too few copies. acks=1 and acks=0 ignore it.',
  'under-replicated':
    'A partition whose ISR is smaller than its replica list: some copy is missing or behind. Offline: no leader at all, so nobody can write or read it.',
  controller:
    'The KRaft controller holds the cluster’s metadata: which brokers are alive, which replica leads each partition, the ISR. It fences a broker that stops heartbeating and moves its leaderships. The 3-broker lab runs it as its own process.',
  fenced:
    'A registered broker the controller does not let serve: it stopped heartbeating (killed, hung) or has just started and is still catching up on metadata.',
  retention:
    'retention.ms and retention.bytes: how long, or how much per partition, the log keeps. Kafka deletes whole closed segments, oldest first, and the log start offset jumps forward; the active segment is never deleted.',
  segment:
    'The log of a partition is a series of segment files. A new one starts after segment.bytes or segment.ms; retention can only delete segments that are closed, so small segments make retention act sooner.',
  'offsets-retention':
    'offsets.retention.minutes (default 7 days): how long Kafka keeps the committed offsets of a group that has no members. After that, a consumer of that group starts over from auto.offset.reset.',
  'offset-reset':
    'auto.offset.reset: where a consumer starts when its position is missing or gone. A position below the log start (deleted by retention) gets OFFSET_OUT_OF_RANGE, and the client jumps to earliest (the log start) or latest (the log end): the messages between were never read.',
  'delivery-audit':
    'Every acked message carries a sequence number. Missing = acked but never processed by this group (data loss); duplicates = processed more than once (at-least-once replays).',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY_EN;
