package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads exactly-once groups' output topics for the delivery audit, as a downstream application
 * would: isolation.level=read_committed, so records of open or aborted transactions are never
 * seen. assign() + seekToBeginning instead of a consumer group: nothing is committed, and no group
 * of the lab's own shows up on the cluster. stdin: `start`, then `watch` / `unwatch` {topic};
 * stdout: `seqs` {topic, seqs, records} (the trade seqs of this server run), `error`.
 */
public final class OutputReader {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long FLUSH_MS = 200;
  /** An output topic's partitions are looked up again this often (it may have grown). */
  private static final long REFRESH_MS = 5000;

  private final KafkaConsumer<String, String> consumer;
  private final String runId;
  /** Commands from stdin, kept from the first line on: a `watch` may come before the client exists. */
  private static final ConcurrentLinkedQueue<JsonNode> COMMANDS = new ConcurrentLinkedQueue<>();
  private static volatile boolean ended = false;
  private final Set<String> watched = new HashSet<>();
  private final Map<String, List<Long>> seqs = new HashMap<>();
  private final Map<String, Long> records = new HashMap<>();

  private OutputReader(JsonNode start) {
    Properties p = new Properties();
    start.path("clientProperties").properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, start.path("bootstrap").asText());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "offset-lab-output-reader");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // partitionsFor() answers from cached metadata (5 min by default): an output topic that grew
    // with its input must show its new partitions within a refresh or two.
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, String.valueOf(REFRESH_MS));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    runId = start.path("runId").asText();
  }

  public static void main(String[] args) {
    java.util.concurrent.CompletableFuture<JsonNode> start = new java.util.concurrent.CompletableFuture<>();
    Lines.readAsync(
        line -> {
          if (!start.isDone()) start.complete(line);
          else COMMANDS.add(line);
        },
        () -> {
          ended = true;
          start.complete(null);
        });
    JsonNode first = start.join();
    if (first == null || !first.path("type").asText().equals("start")) System.exit(1);
    OutputReader reader;
    try {
      reader = new OutputReader(first);
    } catch (RuntimeException e) {
      LabConsumerMessages.error("output reader failed to start", e);
      System.exit(1);
      return;
    }
    reader.run();
    System.exit(0);
  }

  private void run() {
    Lines.emit(LabConsumerMessages.message("ready"));
    long lastFlush = 0;
    long lastRefresh = 0;
    while (!ended) {
      boolean changed = applyCommands();
      long now = System.currentTimeMillis();
      if (changed || now - lastRefresh >= REFRESH_MS) {
        lastRefresh = now;
        reassign();
      }
      if (consumer.assignment().isEmpty()) {
        sleep(POLL.toMillis());
      } else {
        try {
          for (ConsumerRecord<String, String> r : consumer.poll(POLL)) read(r);
        } catch (RuntimeException e) {
          LabConsumerMessages.error("output reader poll failed", e);
          sleep(1000);
        }
      }
      if (now - lastFlush >= FLUSH_MS) {
        lastFlush = now;
        flush();
      }
    }
    flush();
    consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1)));
  }

  private boolean applyCommands() {
    boolean changed = false;
    JsonNode c;
    while ((c = COMMANDS.poll()) != null) {
      String topic = c.path("topic").asText();
      switch (c.path("type").asText()) {
        case "watch" -> changed |= watched.add(topic);
        case "unwatch" -> changed |= watched.remove(topic);
        default -> LabConsumerMessages.error("output reader: unknown command");
      }
    }
    return changed;
  }

  /** Assigns every partition of the watched topics; new ones are read from the beginning. */
  private void reassign() {
    Set<TopicPartition> wanted = new HashSet<>();
    try {
      for (String topic : watched) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos != null) for (PartitionInfo i : infos) wanted.add(new TopicPartition(topic, i.partition()));
      }
    } catch (RuntimeException e) {
      LabConsumerMessages.error("output reader metadata failed", e);
      return;
    }
    Set<TopicPartition> current = consumer.assignment();
    if (wanted.equals(current)) return;
    List<TopicPartition> added = new ArrayList<>(wanted);
    added.removeAll(current);
    consumer.assign(wanted);
    consumer.seekToBeginning(added);
  }

  private void read(ConsumerRecord<String, String> r) {
    records.merge(r.topic(), 1L, Long::sum);
    Long seq = seqOf(r.value());
    if (seq != null) seqs.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(seq);
  }

  private Long seqOf(String value) {
    if (value == null) return null;
    try {
      JsonNode t = Lines.JSON.readTree(value);
      if (t == null || !t.path("run").asText("").equals(runId)) return null;
      JsonNode seq = t.path("seq");
      return seq.isIntegralNumber() && seq.asLong() >= 0 ? seq.asLong() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private void flush() {
    for (Map.Entry<String, Long> e : records.entrySet()) {
      ObjectNode m = LabConsumerMessages.message("seqs");
      m.put("topic", e.getKey());
      ArrayNode list = m.putArray("seqs");
      seqs.getOrDefault(e.getKey(), List.of()).forEach(list::add);
      m.put("records", e.getValue());
      Lines.emit(LabConsumerMessages.at(m));
    }
    records.clear();
    seqs.clear();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
