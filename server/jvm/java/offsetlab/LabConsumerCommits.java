package offsetlab;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The explicit commits of `after-processing`, `batch` and `before-processing`. Only the poll loop's
 * thread calls this (KafkaConsumer is not thread-safe); the broker's acknowledgements are seen
 * by LabConsumerInterceptor. `auto` commits nothing here: Kafka's own auto commit does it.
 */
final class LabConsumerCommits {
  private static final long SAME_ERROR_QUIET_MS = 2000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  /** How often after-processing commits what was processed (timings.promptCommitMs). */
  private final long promptCommitMs;
  private final String mode;
  /** batch: commit every this many records (0: not batch) or every batchIntervalMs. */
  private final int batchEvery;
  private final long batchIntervalMs;
  /** batch: records processed since the last commit (server/domain/batch-policy.ts in Java). */
  private int sinceCommit = 0;
  /** batch: when the oldest record not yet in a commit was processed. */
  private long oldestAt = 0;
  /** Processed but not yet acknowledged: the next offset to read per partition. */
  private final Map<TopicPartition, Long> pending = new HashMap<>();
  /** What the last commitAsync carried, so an unanswered one is not sent again and again. */
  private final Map<TopicPartition, Long> sent = new HashMap<>();
  /**
   * Offsets whose commitAsync the broker refused (e.g. a coordinator that timed out under load):
   * sent again from tick. Batch mode would otherwise never send them: its counter was reset when
   * they first went out, and the last batch of a quiet topic has no later records to carry it.
   */
  private final Map<TopicPartition, Long> refused = new HashMap<>();
  private long lastCommitAt = 0;
  private String lastError = "";
  private long lastErrorAt = 0;

  LabConsumerCommits(KafkaConsumer<byte[], byte[]> consumer, LabConsumerConfig config) {
    this.consumer = consumer;
    this.mode = config.commitMode();
    this.promptCommitMs = config.timings().promptCommitMs();
    this.batchEvery = config.delivery().batchEvery();
    this.batchIntervalMs = config.delivery().batchIntervalMs();
  }

  /** Modes whose processed offsets this class commits (with commitSync on revocation and stop). */
  boolean commitsProcessed() {
    return mode.equals("after-processing") || mode.equals("batch");
  }

  /**
   * After each processed record: after-processing every 200 ms; batch at every Nth record, or
   * (tick) once the oldest uncommitted record has waited batchIntervalMs.
   */
  void afterRecord(long nowMs) {
    if (mode.equals("after-processing")) maybeCommitAsync(nowMs);
    else if (mode.equals("batch")) {
      if (sinceCommit++ == 0) oldestAt = nowMs;
      if (sinceCommit >= batchEvery) commitPendingAsync(nowMs);
    }
  }

  /** Between polls: after-processing's prompt commit, batch's interval. */
  void tick(long nowMs) {
    if (mode.equals("after-processing")) maybeCommitAsync(nowMs);
    else if (mode.equals("batch") && sinceCommit > 0 && nowMs - oldestAt >= batchIntervalMs)
      commitPendingAsync(nowMs);
    else if (!refused.isEmpty() && nowMs - lastCommitAt >= promptCommitMs) {
      lastCommitAt = nowMs;
      Map<TopicPartition, OffsetAndMetadata> again = new HashMap<>();
      refused.forEach(
          (tp, next) -> {
            if (!next.equals(sent.get(tp))) again.put(tp, new OffsetAndMetadata(next));
          });
      refused.clear();
      send(again);
    }
  }

  void processed(TopicPartition tp, long next) {
    pending.put(tp, next);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Work on partitions this member no longer owns must not be committed by it. */
  void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      pending.remove(tp);
      sent.remove(tp);
      refused.remove(tp);
    }
  }

  /**
   * commitAsync every promptCommitMs: the processing loop never waits for the coordinator, and
   * a lost async commit is repaired by the next one, or by the commitSync that onPartitionsRevoked
   * and the graceful stop do (the usual pairing: async in the loop, sync at the edges).
   * One connection to the coordinator keeps the async commits in order.
   */
  void maybeCommitAsync(long nowMs) {
    if (nowMs - lastCommitAt < promptCommitMs) return;
    commitPendingAsync(nowMs);
  }

  /** One commitAsync of everything processed and not yet sent. */
  private void commitPendingAsync(long nowMs) {
    lastCommitAt = nowMs;
    sinceCommit = 0;
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    pending.forEach(
        (tp, next) -> {
          if (!next.equals(sent.get(tp))) offsets.put(tp, new OffsetAndMetadata(next));
        });
    send(offsets);
  }

  /** commitAsync of `offsets`; what the broker refuses is sent again (next commit or tick). */
  private void send(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) return;
    offsets.forEach((tp, om) -> sent.put(tp, om.offset()));
    try {
      consumer.commitAsync(
          offsets,
          (done, error) -> {
            if (error == null) {
              done.forEach((tp, om) -> pending.remove(tp, om.offset()));
              return;
            }
            done.forEach((tp, om) -> refuse(tp, om.offset()));
            report("commit failed", error);
          });
    } catch (RuntimeException e) {
      offsets.forEach((tp, om) -> refuse(tp, om.offset()));
      report("commit failed", e);
    }
  }

  /** Not acknowledged: unless a later offset went out since, it is sent again. */
  private void refuse(TopicPartition tp, long offset) {
    if (!sent.remove(tp, offset)) return;
    // Still this member's and not yet covered by a later commit.
    if (Long.valueOf(offset).equals(pending.get(tp))) refused.put(tp, offset);
  }

  /** commitSync of what was processed on `partitions` (revocation, stop); true when none is left. */
  boolean commitSync(Collection<TopicPartition> partitions, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long next = pending.get(tp);
      if (next != null) offsets.put(tp, new OffsetAndMetadata(next));
    }
    if (offsets.isEmpty()) return true;
    try {
      consumer.commitSync(offsets, timeout);
      offsets.forEach((tp, om) -> pending.remove(tp, om.offset()));
      return true;
    } catch (RuntimeException e) {
      report("commit failed", e);
      return false;
    }
  }

  /**
   * At-most-once: the end of every partition's batch is committed before any record of it is
   * processed, so a crash mid-batch loses the rest for good. False when the broker did not
   * acknowledge it; the batch must then not be processed (that would be at-least-once).
   */
  boolean commitBatchFirst(ConsumerRecords<byte[], byte[]> records, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
      ends.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
    }
    try {
      consumer.commitSync(ends, timeout);
      return true;
    } catch (RuntimeException e) {
      report("commit before processing failed, batch not processed", e);
      return false;
    }
  }

  /** `auto` on a graceful stop: the consumed positions, exactly what the auto commit would send. */
  boolean commitPositions(Duration timeout) {
    try {
      consumer.commitSync(timeout);
      return true;
    } catch (RuntimeException e) {
      report("commit failed", e);
      return false;
    }
  }

  /**
   * The graceful stop's commit, before close() (after LeaveGroup the coordinator would refuse it):
   * true when everything processed is committed. before-processing committed every batch already,
   * exactly-once every transaction.
   */
  boolean finalCommit(String mode, Duration timeout) {
    return switch (mode) {
      case "after-processing", "batch" -> commitSync(consumer.assignment(), timeout);
      case "auto" -> commitPositions(timeout);
      default -> true;
    };
  }

  /** A commit failing every 200 ms (e.g. after leaving the group) is reported once per 2 s. */
  private void report(String what, Throwable e) {
    String key = what + e.getClass().getName();
    long now = System.currentTimeMillis();
    if (key.equals(lastError) && now - lastErrorAt < SAME_ERROR_QUIET_MS) return;
    lastError = key;
    lastErrorAt = now;
    LabConsumerMessages.error(what, e);
  }
}
