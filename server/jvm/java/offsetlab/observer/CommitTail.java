package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import offsetlab.Lines;
import offsetlab.Observer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Burrow's approach: a consumer with no group reads __consumer_offsets from its end and reports
 * every commit as the coordinator wrote it, instead of asking every group for its offsets.
 */
public final class CommitTail {
  static final String OFFSETS_TOPIC = "__consumer_offsets";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long FLUSH_INTERVAL_MS = 50;
  /** __consumer_offsets exists only once some group has used the cluster; look again this often. */
  private static final long DISCOVER_INTERVAL_MS = 1000;

  private final ClientConfig config;
  private CompletableFuture<JsonNode> started;
  private volatile Map<MetricName, ? extends Metric> metrics = Map.of();

  public CommitTail(ClientConfig config) {
    this.config = config;
  }

  /** Starts tailing once (again only after it failed); answers when the first fetch went through. */
  public JsonNode start() throws Exception {
    CompletableFuture<JsonNode> current;
    synchronized (this) {
      if (started == null || started.isCompletedExceptionally()) {
        started = new CompletableFuture<>();
        CompletableFuture<JsonNode> mine = started;
        Thread t = new Thread(() -> run(mine), "commit-tail");
        t.setDaemon(true);
        t.start();
      }
      current = started;
    }
    return current.get();
  }

  public double[] requestMetrics() {
    return Observer.sumRequests(metrics);
  }

  private void run(CompletableFuture<JsonNode> started) {
    CommitBatch batch = new CommitBatch();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config.tailConsumer())) {
      metrics = consumer.metrics();
      List<TopicPartition> partitions = discover(consumer);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolves the end offsets now, so authorization problems surface in the answer.
      for (TopicPartition tp : partitions) consumer.position(tp);
      consume(consumer, batch, POLL);
      ObjectNode result = Lines.object().put("mode", "tail").put("partitions", partitions.size());
      started.complete(result);
      mode("tail", null);
      long lastDiscover = System.currentTimeMillis();
      long lastEmit = 0;
      while (true) {
        // Leading edge: a lone commit goes out at once; a burst at most every FLUSH_INTERVAL_MS.
        long untilDue = lastEmit + FLUSH_INTERVAL_MS - System.currentTimeMillis();
        consume(consumer, batch, batch.isEmpty() ? POLL : Duration.ofMillis(Math.max(0, untilDue)));
        long now = System.currentTimeMillis();
        if (partitions.isEmpty() && now - lastDiscover >= DISCOVER_INTERVAL_MS) {
          lastDiscover = now;
          partitions = discover(consumer);
          consumer.assign(partitions);
          // Created just now, by the first group: nothing in it predates this stream.
          consumer.seekToBeginning(partitions);
        }
        if (!batch.isEmpty() && now - lastEmit >= FLUSH_INTERVAL_MS) {
          lastEmit = now;
          batch.flush();
        }
      }
    } catch (Throwable t) {
      batch.flush();
      Failure failure = Failure.of(t, config.secrets());
      if (!started.isDone()) started.completeExceptionally(t);
      mode("polling", failure.kind() + ": " + failure.toJson().path("message").asText());
      metrics = Map.of();
    }
  }

  private static void consume(KafkaConsumer<byte[], byte[]> consumer, CommitBatch batch, Duration timeout)
      throws InterruptedException {
    if (consumer.assignment().isEmpty()) {
      // Nothing to fetch until __consumer_offsets exists; poll() would refuse an empty assignment.
      Thread.sleep(POLL.toMillis());
      return;
    }
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      batch.add(r.key(), r.value(), r.timestamp());
    }
  }

  private static List<TopicPartition> discover(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(OFFSETS_TOPIC);
    if (infos == null) return List.of();
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private static void mode(String mode, String reason) {
    ObjectNode event = Lines.object().put("event", "commit-stream").put("mode", mode);
    if (reason == null) event.putNull("reason");
    else event.put("reason", reason);
    Lines.emit(event);
  }
}
