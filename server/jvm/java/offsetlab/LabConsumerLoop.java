package offsetlab;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.GroupMaxSizeReachedException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.UnreleasedInstanceIdException;

/**
 * The application's poll loop, as a Java service writes it: poll, process each record, commit by
 * the commit mode. Everything that touches the consumer runs on this one thread.
 */
final class LabConsumerLoop {
  /** Short, so lab commands (pause, rejoin, stop) take effect between two polls quickly. */
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
  private static final Duration SYNC_COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final long HEARTBEAT_REPORT_MS = 1000;
  /** A delay is cut into slices this long, so the loop can report heartbeats meanwhile. */
  private static final long DELAY_SLICE_MS = 250;
  private static final long ERROR_BACKOFF_MS = 1000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LabConsumerConfig config;
  private final LabConsumerControl control;
  private final LabConsumerProgress progress;
  private final LabConsumerCommits commits;
  private final LabConsumerListener listener;
  private final LabConsumerDelivery delivery;
  private final String mode;
  private final long maxPollIntervalMs;
  private long lastPollAt = 0;
  private String reportedMember = "";
  private int reportedGeneration = -1;
  private long reportedAt = 0;

  LabConsumerLoop(
      KafkaConsumer<byte[], byte[]> consumer,
      LabConsumerConfig config,
      LabConsumerControl control,
      LabConsumerProgress progress,
      LabConsumerCommits commits,
      LabConsumerListener listener,
      LabConsumerTransactions txns,
      DeadLetters deadLetters) {
    this.consumer = consumer;
    this.config = config;
    this.control = control;
    this.progress = progress;
    this.commits = commits;
    this.listener = listener;
    this.delivery =
        new LabConsumerDelivery(config, control, commits, progress, txns, deadLetters, this::reportHeartbeat);
    this.mode = config.commitMode();
    this.maxPollIntervalMs = config.effectiveMaxPollIntervalMs();
  }

  /** Runs until a stop (or the end of stdin); true unless the client failed for good. */
  boolean run() {
    listener.expectJoin(System.currentTimeMillis());
    while (!control.stopping()) {
      applyCommands();
      long before = System.currentTimeMillis();
      if (lastPollAt > 0 && before - lastPollAt > maxPollIntervalMs)
        listener.suspectLeave(before - lastPollAt, before);
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = consumer.poll(POLL_TIMEOUT);
      } catch (KafkaException e) {
        if (fatal(e)) {
          LabConsumerMessages.error("the consumer cannot continue", e);
          return false;
        }
        LabConsumerMessages.error("poll failed", e);
        control.await(ERROR_BACKOFF_MS);
        continue;
      }
      lastPollAt = System.currentTimeMillis();
      reportHeartbeat();
      if (!records.isEmpty()) process(records);
      commits.tick(System.currentTimeMillis());
    }
    return true;
  }

  /**
   * Errors no retry can fix: fenced by a newer process with our group.instance.id (classic), our
   * instance id still owned by a crashed predecessor until its session ends (KIP-848), a full
   * group (group.max.size), and InvalidConfigurationException: security, ACLs, versions.
   */
  private static boolean fatal(KafkaException e) {
    return e instanceof FencedInstanceIdException
        || e instanceof UnreleasedInstanceIdException
        || e instanceof GroupMaxSizeReachedException
        || e instanceof InvalidGroupIdException
        || e instanceof InvalidConfigurationException;
  }

  private void applyCommands() {
    java.util.Set<TopicPartition> owned = consumer.assignment();
    if (control.paused()) {
      if (!consumer.paused().containsAll(owned)) consumer.pause(owned);
    } else if (!consumer.paused().isEmpty()) consumer.resume(consumer.paused());
    if (!control.takeRejoin()) return;
    try {
      consumer.enforceRebalance("triggered from the lab");
    } catch (RuntimeException e) {
      LabConsumerMessages.error("rejoin failed", e);
      return;
    }
    if (!config.classic()) {
      // Kafka 4.4's consumer for group.protocol=consumer implements enforceRebalance() as a
      // logged warning and nothing else: under KIP-848 the coordinator alone decides rebalances.
      LabConsumerMessages.error(
          "rejoin: not supported with group.protocol=consumer (KIP-848): Kafka 4.4's enforceRebalance() only logs a warning; the group coordinator alone starts rebalances (a member joins or leaves, partitions or subscriptions change)");
    }
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    if (mode.equals("before-processing")) {
      if (control.interrupted()) {
        rewind(records, null, -1);
        return;
      }
      if (!commits.commitBatchFirst(records, SYNC_COMMIT_TIMEOUT)) {
        // Fetch the batch again after the next poll, which also completes any rebalance.
        rewind(records, null, -1);
        return;
      }
    }
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
        if (control.interrupted() || !delay()) {
          finish(records, tp, r.offset());
          return;
        }
        try {
          PoisonRetry.Outcome outcome = delivery.handle(r);
          if (outcome.kind() == PoisonRetry.Kind.INTERRUPTED) {
            finish(records, tp, r.offset());
            return;
          }
          delivery.done(tp, r, outcome);
        } catch (KafkaException e) {
          if (LabConsumerTransactions.fatal(e)) throw e;
          LabConsumerMessages.error("record not processed, to be read again", e);
          rewind(records, tp, r.offset());
          delivery.failed();
          return;
        }
        reportHeartbeat();
      }
    }
    finish(records, null, -1);
  }

  /** The end of a batch, complete (tp null) or cut short at tp@offset: the rest is fetched again. */
  private void finish(ConsumerRecords<byte[], byte[]> records, TopicPartition tp, long offset) {
    if (tp != null) rewind(records, tp, offset);
    delivery.finish();
  }

  /**
   * Records poll() returned but this loop did not process (pause, stop): seek back to the first
   * of them, so they are fetched again and nothing is skipped (the position, which auto commit
   * commits, moved past them when poll returned them).
   */
  private void rewind(ConsumerRecords<byte[], byte[]> records, TopicPartition from, long offset) {
    boolean reached = from == null;
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
      long target;
      if (tp.equals(from)) {
        reached = true;
        target = offset;
      } else if (reached) target = rs.get(0).offset();
      else continue;
      try {
        consumer.seek(tp, target);
      } catch (IllegalStateException e) {
        // No longer assigned: whoever owns it now reads from the committed offset.
      }
    }
  }

  /** The per-record processing delay; false when a stop or pause cut it short. */
  private boolean delay() {
    long end = System.currentTimeMillis() + control.delayMs();
    while (true) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) return !control.interrupted();
      if (!control.await(Math.min(left, DELAY_SLICE_MS))) return false;
      reportHeartbeat();
    }
  }

  /**
   * The member id and generation (member epoch under KIP-848) as the client knows them: on a
   * change, else once a second. Kafka heartbeats from its own thread, but once max.poll.interval.ms
   * has passed since the last poll the client has left the group, so nothing is reported then.
   */
  void reportHeartbeat() {
    long now = System.currentTimeMillis();
    if (now - lastPollAt > maxPollIntervalMs) {
      listener.generationId = null;
      if (lastPollAt > 0) listener.pollTimerExpired(now - lastPollAt);
      return;
    }
    ConsumerGroupMetadata meta = consumer.groupMetadata();
    String member = meta.memberId();
    int generation = meta.generationId();
    if (member == null || member.isEmpty() || generation <= 0) return;
    listener.generationId = generation;
    boolean changed = !member.equals(reportedMember) || generation != reportedGeneration;
    if (!changed && now - reportedAt < HEARTBEAT_REPORT_MS) return;
    reportedMember = member;
    reportedGeneration = generation;
    reportedAt = now;
    LabConsumerMessages.heartbeat(member, generation);
  }
}
