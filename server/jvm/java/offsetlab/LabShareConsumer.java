package offsetlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;

/**
 * One member of a lab share group (KIP-932): Kafka's KafkaShareConsumer in its own process, behind
 * the same contract as LabConsumer. Each poll acquires up to max.poll.records records (locked for
 * this member); each is processed (the lab's delay) and accepted, and the acknowledgements are
 * committed per poll, so what the page shows as accepted Kafka has. A stop before a record is done
 * leaves it unacknowledged: close() releases it for another member. A crash (SIGKILL) leaves it
 * to the broker. A pause stops polling: heartbeats go on, and held records wait for their lock to
 * expire.
 */
public final class LabShareConsumer {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT_PARENT_GONE = Duration.ofMillis(1500);

  private LabShareConsumer() {}

  public static void main(String[] args) {
    WorkerMain.run(LabShareConsumer::run);
  }

  private static int run(LabConsumerConfig config, LabConsumerControl control) {
    if (config.share() == null) {
      LabConsumerMessages.error("start failed: protocol share needs its share settings");
      return 1;
    }
    LabConsumerProgress progress = new LabConsumerProgress(config.runId());
    ShareRecords records = new ShareRecords();
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress-flush");
              t.setDaemon(true);
              return t;
            });
    long flushMs = config.timings().progressFlushMs();
    flusher.scheduleAtFixedRate(
        () -> {
          records.flush();
          progress.flush();
        },
        flushMs,
        flushMs,
        TimeUnit.MILLISECONDS);
    KafkaShareConsumer<byte[], byte[]> consumer;
    try {
      consumer = new KafkaShareConsumer<>(config.shareProperties());
    } catch (RuntimeException e) {
      LabConsumerMessages.error("start failed", e);
      return 1;
    }
    consumer.subscribe(List.of(config.topic()));
    LabConsumerMessages.ready(ProcessHandle.current().pid());
    boolean healthy = true;
    try {
      while (!control.stopping()) {
        if (control.paused()) {
          control.await(POLL.toMillis());
          continue;
        }
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
        records.lockMs(consumer.acquisitionLockTimeoutMs().orElse(null));
        if (polled.isEmpty()) continue;
        long acquiredAt = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : polled) records.acquired(r, acquiredAt);
        boolean explicit = config.share().explicit();
        List<ConsumerRecord<byte[], byte[]>> accepted = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> released = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : polled) {
          // Explicit mode gives back what it has not started when paused or stopped (every record
          // must be acknowledged before the next poll). Implicit mode finishes the batch unless
          // stopping: its next poll or commit accepts the whole batch.
          boolean interrupted = explicit ? control.interrupted() : control.stopping();
          long delay = control.delayMs();
          if (!interrupted && delay > 0) interrupted = !control.await(delay) && (explicit || control.stopping());
          if (interrupted) {
            if (explicit) {
              consumer.acknowledge(r, AcknowledgeType.RELEASE);
              released.add(r);
            }
            continue;
          }
          if (explicit) consumer.acknowledge(r, AcknowledgeType.ACCEPT);
          progress.counted(Lines.text(r.value()));
          accepted.add(r);
        }
        // Implicit and stopping: nothing is committed; close() releases the batch.
        if (!explicit && accepted.size() < polled.count()) break;
        commit(consumer, accepted, released, records);
      }
    } catch (RuntimeException e) {
      LabConsumerMessages.error("share consumer failed", e);
      healthy = false;
    }
    records.flush();
    progress.flush();
    try {
      consumer.close(control.inputEnded() ? CLOSE_TIMEOUT_PARENT_GONE : CLOSE_TIMEOUT);
    } catch (RuntimeException e) {
      LabConsumerMessages.error("close failed", e);
    }
    records.flush();
    LabConsumerMessages.stopped();
    return healthy ? 0 : 1;
  }

  /** Commits the acknowledgements and reports those Kafka took. */
  private static void commit(
      KafkaShareConsumer<byte[], byte[]> consumer,
      List<ConsumerRecord<byte[], byte[]>> accepted,
      List<ConsumerRecord<byte[], byte[]>> released,
      ShareRecords records) {
    if (accepted.isEmpty() && released.isEmpty()) return;
    Map<TopicIdPartition, Optional<KafkaException>> result = consumer.commitSync(COMMIT_TIMEOUT);
    long at = System.currentTimeMillis();
    report(result, accepted, AcknowledgeType.ACCEPT, records, at);
    report(result, released, AcknowledgeType.RELEASE, records, at);
  }

  private static void report(
      Map<TopicIdPartition, Optional<KafkaException>> result,
      List<ConsumerRecord<byte[], byte[]>> acked,
      AcknowledgeType type,
      ShareRecords records,
      long at) {
    for (ConsumerRecord<byte[], byte[]> r : acked) {
      Optional<KafkaException> failed =
          result.entrySet().stream()
              .filter(e -> e.getKey().topic().equals(r.topic()) && e.getKey().partition() == r.partition())
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(Optional.empty());
      if (failed.isPresent()) {
        LabConsumerMessages.error(
            "acknowledgement of " + r.topic() + "-" + r.partition() + "@" + r.offset() + " failed",
            failed.get());
      } else {
        records.acknowledged(r, type, at);
      }
    }
  }
}
