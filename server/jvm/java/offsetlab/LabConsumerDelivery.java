package offsetlab;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * What happens to a polled record that differs by commit mode and DLQ: retry + dead-lettering,
 * then either exactly-once's transaction (output, consumed offsets) or the progress the commits of
 * after-processing and batch are made of. The poll loop (LabConsumerLoop) calls it per record.
 */
final class LabConsumerDelivery {
  private final LabConsumerCommits commits;
  private final LabConsumerProgress progress;
  /** exactly-once only. */
  private final LabConsumerTransactions txns;
  /** retry + DLQ outside exactly-once only. */
  private final DeadLetters deadLetters;
  private final PoisonRetry poison;

  LabConsumerDelivery(
      LabConsumerConfig config,
      LabConsumerControl control,
      LabConsumerCommits commits,
      LabConsumerProgress progress,
      LabConsumerTransactions txns,
      DeadLetters deadLetters,
      Runnable heartbeat) {
    this.commits = commits;
    this.progress = progress;
    this.txns = txns;
    this.deadLetters = deadLetters;
    // A long backoff must not keep a transaction open past transaction.timeout.ms.
    this.poison = new PoisonRetry(config, control, heartbeat, this::commitOrFail);
  }

  /** Processes the record, with retries and the DLQ when the group has them. */
  PoisonRetry.Outcome handle(ConsumerRecord<byte[], byte[]> r) {
    return poison.handle(r, this::deadLetter);
  }

  private long deadLetter(ConsumerRecord<byte[], byte[]> r, String error, int attempts) {
    return txns != null ? txns.deadLetter(r, error, attempts) : deadLetters.send(r, error, attempts);
  }

  /** The record is processed or dead-lettered: progress, then the commit mode's bookkeeping. */
  void done(TopicPartition tp, ConsumerRecord<byte[], byte[]> r, PoisonRetry.Outcome o) {
    boolean processed = o.kind() == PoisonRetry.Kind.PROCESSED;
    if (processed) progress.processed(tp, r.offset(), Lines.text(r.value()));
    else progress.handled(tp, r.offset());
    if (txns != null) {
      if (processed) txns.output(r);
      txns.consumed(r);
      if (txns.due(System.currentTimeMillis())) commitOrFail();
      return;
    }
    if (!processed) LabConsumerMessages.deadLettered(tp, r.offset(), o.attempts(), o.error(), o.dlqOffset());
    if (commits.commitsProcessed()) {
      commits.processed(tp, r.offset() + 1);
      commits.afterRecord(System.currentTimeMillis());
    }
  }

  private void commitOrFail() {
    if (txns != null && !txns.commit()) throw new KafkaException("transaction refused");
  }

  /**
   * The end of a batch (after the loop sought back what it did not process): exactly-once commits
   * what was processed; if refused, aborts and seeks back to the committed offsets.
   */
  void finish() {
    if (txns != null && !txns.commit()) txns.abort();
  }

  /** Processing failed mid-batch (after the loop sought back the rest): nothing of it is kept. */
  void failed() {
    if (txns != null) txns.abort();
  }
}
