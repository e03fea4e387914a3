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
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Burrow's approach: a consumer with no group reads __consumer_offsets from its end and reports
 * every commit as the coordinator wrote it, instead of asking every group for its offsets.
 */
public final class CommitTail {
  static final String OFFSETS_TOPIC = "__consumer_offsets";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final long FLUSH_INTERVAL_MS = 50;
  /** __consumer_offsets exists only once some group has used the cluster; look again this often. */
  private static final long DISCOVER_INTERVAL_MS = 250;
  private static final Duration DISCOVER_TIMEOUT = Duration.ofMillis(500);

  private final ClientConfig config;
  private CompletableFuture<JsonNode> started;
  private volatile Map<MetricName, ? extends Metric> metrics = Map.of();
  /** Records read from __consumer_offsets: tells "nothing committed" from "not reading". */
  private volatile long recordsRead;

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

  public long recordsRead() {
    return recordsRead;
  }

  private void run(CompletableFuture<JsonNode> started) {
    CommitBatch batch = new CommitBatch();
    try {
      List<TopicPartition> partitions;
      boolean fromBeginning = false;
      // A consumer of its own finds the partitions, so the one that reads starts with them known.
      try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(config.tailConsumer())) {
        metrics = probe.metrics();
        partitions = discover(probe, Duration.ofMillis(config.apiTimeoutMs()));
        if (partitions.isEmpty()) {
          // No group has used this cluster yet: wait for the first one to create the topic.
          announce(started, 0);
          while ((partitions = discover(probe, DISCOVER_TIMEOUT)).isEmpty()) {
            Thread.sleep(DISCOVER_INTERVAL_MS);
          }
          // Created just now: nothing in it predates this stream.
          fromBeginning = true;
        }
      }
      Map<TopicPartition, Long> resume = Map.of();
      while (true) {
        resume = tail(partitions, resume, fromBeginning, started, batch);
        System.err.println("offsetlab observer: the commit tail stayed behind the log end without moving; reconnecting it");
      }
    } catch (Throwable t) {
      batch.flush();
      Failure failure = Failure.of(t, config.secrets());
      if (!started.isDone()) started.completeExceptionally(t);
      mode("polling", failure.kind() + ": " + failure.toJson().path("message").asText());
      metrics = Map.of();
    }
  }

  /**
   * Reads with a new consumer from `resume` (else the end, or the beginning of a topic created
   * meanwhile) until the StallWatch says it is stuck; returns where to resume then.
   */
  private Map<TopicPartition, Long> tail(
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> resume,
      boolean fromBeginning,
      CompletableFuture<JsonNode> started,
      CommitBatch batch) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config.tailConsumer())) {
      metrics = consumer.metrics();
      consumer.assign(partitions);
      for (TopicPartition tp : partitions) {
        Long at = resume.get(tp);
        if (at != null) consumer.seek(tp, at);
        else if (fromBeginning) consumer.seekToBeginning(List.of(tp));
        else consumer.seekToEnd(List.of(tp));
      }
      // Resolves the start offsets now, so authorization problems surface in the answer.
      for (TopicPartition tp : partitions) consumer.position(tp);
      consume(consumer, batch, POLL);
      announce(started, partitions.size());
      StallWatch watch = new StallWatch();
      long lastEmit = 0;
      while (true) {
        // Leading edge: a lone commit goes out at once; a burst at most every FLUSH_INTERVAL_MS.
        long untilDue = lastEmit + FLUSH_INTERVAL_MS - System.currentTimeMillis();
        consume(consumer, batch, batch.isEmpty() ? POLL : Duration.ofMillis(Math.max(0, untilDue)));
        long now = System.currentTimeMillis();
        if (!batch.isEmpty() && now - lastEmit >= FLUSH_INTERVAL_MS) {
          lastEmit = now;
          batch.flush();
        }
        Map<TopicPartition, Long> stalledAt = watch.check(consumer, partitions);
        if (stalledAt != null) return stalledAt;
      }
    }
  }

  /** Answers the tailCommits request (once) and tells the server the stream is on. */
  private static void announce(CompletableFuture<JsonNode> started, int partitions) {
    if (started.isDone()) return;
    started.complete(Lines.object().put("mode", "tail").put("partitions", partitions));
    mode("tail", null);
  }

  private void consume(KafkaConsumer<byte[], byte[]> consumer, CommitBatch batch, Duration timeout) {
    var records = consumer.poll(timeout);
    recordsRead += records.count();
    for (ConsumerRecord<byte[], byte[]> r : records) batch.add(r.key(), r.value(), r.timestamp());
  }

  private static List<TopicPartition> discover(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(OFFSETS_TOPIC, timeout);
    } catch (TimeoutException e) {
      // While the topic is being created its metadata says LEADER_NOT_AVAILABLE, which the
      // consumer retries until the timeout: in the loop, just look again later.
      if (timeout.equals(DISCOVER_TIMEOUT)) return List.of();
      throw e;
    }
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
