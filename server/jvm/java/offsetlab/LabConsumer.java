package offsetlab;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One lab consumer: Kafka's own Java client in its own process, so "crash" is a real SIGKILL (no
 * LeaveGroup, no last commit). stdin: the `start` command, then WorkerCommands; stdout: only
 * WorkerMessage lines (protocol/ipc.ts). The end of stdin means the server is gone.
 */
public final class LabConsumer {
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration COMMIT_TIMEOUT_PARENT_GONE = Duration.ofMillis(1000);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT_PARENT_GONE = Duration.ofMillis(1500);

  private LabConsumer() {}

  public static void main(String[] args) {
    WorkerMain.run(LabConsumer::run);
  }

  private static int run(LabConsumerConfig config, LabConsumerControl control) {
    LabConsumerProgress progress = new LabConsumerProgress(config.runId());
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress-flush");
              t.setDaemon(true);
              return t;
            });
    long flushMs = config.timings().progressFlushMs();
    flusher.scheduleAtFixedRate(progress::flush, flushMs, flushMs, TimeUnit.MILLISECONDS);
    KafkaConsumer<byte[], byte[]> consumer;
    try {
      consumer = new KafkaConsumer<>(config.properties());
    } catch (RuntimeException e) {
      // KafkaException's message names the failing setting, never a configured value.
      LabConsumerMessages.error("start failed", e);
      return 1;
    }
    LabConsumerCommits commits = new LabConsumerCommits(consumer, config);
    LabConsumerListener listener = new LabConsumerListener(consumer, config, commits, progress, control);
    LabConsumerTransactions txns;
    try {
      txns = config.exactlyOnce() ? new LabConsumerTransactions(consumer, config, () -> listener.generationId, progress) : null;
    } catch (RuntimeException e) {
      LabConsumerMessages.error("start failed: transactions", e);
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT_PARENT_GONE));
      return 1;
    }
    DeadLetters deadLetters = config.delivery().deadLetters() && txns == null ? new DeadLetters(config) : null;
    LabConsumerInterceptor.onAcknowledgedCommit(
        offsets -> {
          // Progress first: the server never sees a commit ahead of what it knows was processed.
          progress.flush();
          LabConsumerMessages.committed(listener.generationId, offsets);
        });
    LabConsumerLoop loop =
        new LabConsumerLoop(consumer, config, control, progress, commits, listener, txns, deadLetters);
    consumer.subscribe(List.of(config.topic()), listener);
    LabConsumerMessages.ready(ProcessHandle.current().pid());
    boolean healthy;
    try {
      healthy = loop.run();
    } catch (RuntimeException e) {
      LabConsumerMessages.error("consumer failed", e);
      healthy = false;
    }
    progress.flush();
    Duration commitTimeout = control.inputEnded() ? COMMIT_TIMEOUT_PARENT_GONE : COMMIT_TIMEOUT;
    boolean committed = healthy && commits.finalCommit(config.commitMode(), commitTimeout);
    if (healthy && !committed)
      LabConsumerMessages.error("stopped without committing its last processed offsets");
    listener.closing();
    Duration closeTimeout = control.inputEnded() ? CLOSE_TIMEOUT_PARENT_GONE : CLOSE_TIMEOUT;
    if (txns != null) txns.close(closeTimeout);
    if (deadLetters != null) deadLetters.close(closeTimeout);
    try {
      // DEFAULT: a dynamic member leaves the group (LeaveGroup, or a leave heartbeat under
      // KIP-848); a static member (group.instance.id) stays until its session times out.
      consumer.close(
          CloseOptions.timeout(control.inputEnded() ? CLOSE_TIMEOUT_PARENT_GONE : CLOSE_TIMEOUT));
    } catch (RuntimeException e) {
      LabConsumerMessages.error("close failed", e);
    }
    progress.flush();
    LabConsumerMessages.stopped();
    if (!healthy) return 1;
    return committed ? 0 : 2;
  }
}
