package offsetlab;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Retry + DLQ in the poll loop: a record that is not a trade is tried again after an exponential
 * backoff, `attempts` times in all, then handed to the DLQ (LabConsumerTransactions under
 * exactly-once, DeadLetters otherwise). The waits block the loop as the course's retry does;
 * Kafka's heartbeat thread keeps the member alive, but max.poll.interval.ms still counts.
 */
final class PoisonRetry {
  private static final long WAIT_SLICE_MS = 250;

  enum Kind {
    PROCESSED,
    DEAD_LETTERED,
    INTERRUPTED
  }

  record Outcome(Kind kind, String error, int attempts, long dlqOffset) {
    static final Outcome PROCESSED = new Outcome(Kind.PROCESSED, null, 1, -1);
    static final Outcome INTERRUPTED = new Outcome(Kind.INTERRUPTED, null, 0, -1);
  }

  interface Sink {
    long deadLetter(ConsumerRecord<byte[], byte[]> r, String error, int attempts);
  }

  private final LabConsumerConfig.Delivery delivery;
  /** No single wait beyond this (timings.maxRetryDelayMs, as server/domain/backoff.ts caps it). */
  private final long maxRetryDelayMs;
  private final LabConsumerControl control;
  private final Runnable heartbeat;
  /** Before each wait: exactly-once commits its open transaction (transaction.timeout.ms). */
  private final Runnable beforeWait;

  PoisonRetry(LabConsumerConfig config, LabConsumerControl control, Runnable heartbeat, Runnable beforeWait) {
    this.delivery = config.delivery();
    this.maxRetryDelayMs = config.timings().maxRetryDelayMs();
    this.control = control;
    this.heartbeat = heartbeat;
    this.beforeWait = beforeWait;
  }

  /** KIP-580's doubling from retry.backoff.ms, without its jitter, capped. */
  private long delayMs(int attempt, long baseMs) {
    double delay = baseMs * Math.pow(2, Math.max(0, attempt - 1));
    return (long) Math.min(delay, maxRetryDelayMs);
  }

  Outcome handle(ConsumerRecord<byte[], byte[]> r, Sink sink) {
    if (!delivery.deadLetters()) return Outcome.PROCESSED;
    for (int attempt = 1; ; attempt++) {
      String problem = TradeCheck.problem(Lines.text(r.value()));
      if (problem == null) return Outcome.PROCESSED;
      if (attempt >= delivery.retryAttempts()) {
        long dlqOffset = sink.deadLetter(r, problem, attempt);
        return new Outcome(Kind.DEAD_LETTERED, problem, attempt, dlqOffset);
      }
      long delay = delayMs(attempt, delivery.retryBackoffMs());
      LabConsumerMessages.retry(r.topic(), r.partition(), r.offset(), attempt, delay, problem);
      beforeWait.run();
      if (!waitFor(delay)) return Outcome.INTERRUPTED;
    }
  }

  /** False when a stop or pause cut the wait short: the record stays unprocessed. */
  private boolean waitFor(long ms) {
    long end = System.currentTimeMillis() + ms;
    while (true) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) return !control.interrupted();
      if (!control.await(Math.min(left, WAIT_SLICE_MS))) return false;
      heartbeat.run();
    }
  }
}
