package offsetlab;

import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The rebalance listener. Kafka runs it inside poll(), on the poll loop's thread, so it may use
 * the consumer (commitSync, pause). It reports what the client itself reports: revoked, lost
 * and assigned partitions, with the generation (classic) or member epoch (KIP-848).
 */
final class LabConsumerListener implements ConsumerRebalanceListener {
  private static final Duration REVOKE_COMMIT_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LabConsumerConfig config;
  private final LabConsumerCommits commits;
  private final LabConsumerProgress progress;
  private final LabConsumerControl control;
  /** When the rebalance this member is in began, when known (see expectJoin). */
  private Long rebalanceStartedAt = null;
  /** A poll gap beyond max.poll.interval.ms, reported as `left` once the client acts on it. */
  private long suspectedLeaveGapMs = 0;
  /** This poll gap's leave was reported while the loop still processed its batch. */
  private boolean leaveReported = false;
  /** The last generation / member epoch seen, for `committed` lines from other threads. */
  volatile Integer generationId = null;
  /** close() revokes (or loses) partitions too, but that is leaving, not a rebalance. */
  private boolean closing = false;

  LabConsumerListener(
      KafkaConsumer<byte[], byte[]> consumer,
      LabConsumerConfig config,
      LabConsumerCommits commits,
      LabConsumerProgress progress,
      LabConsumerControl control) {
    this.consumer = consumer;
    this.config = config;
    this.commits = commits;
    this.progress = progress;
    this.control = control;
  }

  /** The member is about to (re)join: the first poll after subscribe, or after a poll gap. */
  void expectJoin(long nowMs) {
    rebalanceStartedAt = nowMs;
  }

  /**
   * The poll loop saw a gap beyond max.poll.interval.ms. The client's background thread leaves the
   * group when its poll timer expires (classic: LeaveGroup, or nothing for a static member;
   * KIP-848: a leave heartbeat); this poll then gives up the partitions as lost and rejoins.
   */
  void suspectLeave(long gapMs, long nowMs) {
    suspectedLeaveGapMs = leaveReported ? 0 : gapMs;
    leaveReported = false;
    expectJoin(nowMs);
  }

  /**
   * Called while the loop is still busy with a batch and the poll gap has passed
   * max.poll.interval.ms. A dynamic member's client has left by now (its background thread acts
   * when the poll timer expires), so the leave is reported at once rather than at the next poll,
   * which a slow batch may put minutes away. A static member keeps its place until its session
   * times out: it is told at the next poll, as before.
   */
  void pollTimerExpired(long gapMs) {
    if (leaveReported || config.groupInstanceId() != null) return;
    leaveReported = true;
    LabConsumerMessages.left(gapMs);
  }

  void closing() {
    closing = true;
  }

  private void confirmLeave() {
    if (suspectedLeaveGapMs == 0) return;
    LabConsumerMessages.left(suspectedLeaveGapMs);
    suspectedLeaveGapMs = 0;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // Revoked, not lost: the membership survived, so a suspected poll-gap leave did not happen.
    suspectedLeaveGapMs = 0;
    boolean eager = config.classic() && !config.assignor().equals("cooperative-sticky");
    if (eager && !closing) {
      // Eager protocols revoke everything as the rebalance begins (cooperative ones mid-way).
      rebalanceStartedAt = System.currentTimeMillis();
      LabConsumerMessages.rebalancing(consumer.groupMetadata().memberId());
    }
    if (partitions.isEmpty()) return;
    progress.flush();
    // As a course rebalance listener does: commit what was processed while this member still owns
    // the partitions. `auto`: Kafka auto-commits before it revokes; `before-processing` already
    // committed every batch before processing it (committing now would move offsets back).
    // exactly-once commits each transaction before the next poll, so none is open here.
    if (commits.commitsProcessed()) commits.commitSync(partitions, REVOKE_COMMIT_TIMEOUT);
    commits.forget(partitions);
    progress.forget(partitions);
    LabConsumerMessages.revoked(partitions, false);
  }

  /** Taken without a chance to commit: this member was no longer in the group (no commit here). */
  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    confirmLeave();
    if (rebalanceStartedAt == null) rebalanceStartedAt = System.currentTimeMillis();
    if (partitions.isEmpty()) return;
    progress.flush();
    commits.forget(partitions);
    progress.forget(partitions);
    LabConsumerMessages.revoked(partitions, true);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> added) {
    confirmLeave();
    // Partitions assigned while the lab has this consumer paused stay paused.
    if (control.paused() && !added.isEmpty()) consumer.pause(added);
    ConsumerGroupMetadata meta = consumer.groupMetadata();
    generationId = meta.generationId();
    long now = System.currentTimeMillis();
    Long duration = rebalanceStartedAt == null ? null : now - rebalanceStartedAt;
    rebalanceStartedAt = null;
    LabConsumerMessages.joined(
        meta.memberId(),
        meta.generationId(),
        config.kafkaAssignorName(),
        consumer.assignment(),
        added,
        duration);
  }
}
