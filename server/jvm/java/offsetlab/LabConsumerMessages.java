package offsetlab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** WorkerMessage lines (workerMessageSchema in protocol/ipc.ts), one builder per type. */
final class LabConsumerMessages {
  private static final int MAX_ERROR_CHARS = 300;

  private LabConsumerMessages() {}

  static void ready(long pid) {
    ObjectNode m = message("ready");
    m.put("pid", pid);
    Lines.emit(m);
  }

  static void joined(
      String memberId,
      int generationId,
      String protocol,
      Collection<TopicPartition> assignment,
      Collection<TopicPartition> added,
      Long durationMs) {
    ObjectNode m = message("joined");
    m.put("memberId", memberId);
    m.put("generationId", generationId);
    m.putNull("leaderId");
    m.put("isLeader", false);
    m.put("protocol", protocol);
    m.set("assignment", topicPartitions(assignment));
    m.set("added", topicPartitions(added));
    if (durationMs == null) m.putNull("durationMs");
    else m.put("durationMs", durationMs);
    Lines.emit(at(m));
  }

  static void revoked(Collection<TopicPartition> partitions, boolean lost) {
    ObjectNode m = message("revoked");
    m.set("partitions", topicPartitions(partitions));
    m.put("lost", lost);
    Lines.emit(at(m));
  }

  static void rebalancing(String memberId) {
    ObjectNode m = message("rebalancing");
    if (memberId == null || memberId.isEmpty()) m.putNull("memberId");
    else m.put("memberId", memberId);
    Lines.emit(at(m));
  }

  static void heartbeat(String memberId, int generationId) {
    ObjectNode m = message("heartbeat");
    m.put("memberId", memberId);
    m.put("generationId", generationId);
    Lines.emit(at(m));
  }

  static void committed(Integer generationId, Map<TopicPartition, OffsetAndMetadata> offsets) {
    ObjectNode m = message("committed");
    if (generationId == null) m.putNull("generationId");
    else m.put("generationId", generationId);
    ArrayNode list = m.putArray("offsets");
    offsets.forEach(
        (tp, om) -> list.addObject().put("topic", tp.topic()).put("partition", tp.partition()).put("offset", om.offset()));
    Lines.emit(at(m));
  }

  static void retry(String topic, int partition, long offset, int attempt, long delayMs, String error) {
    ObjectNode m = message("retry");
    m.put("topic", topic).put("partition", partition).put("offset", offset);
    m.put("attempt", attempt).put("delayMs", delayMs).put("error", error);
    Lines.emit(at(m));
  }

  static void deadLettered(TopicPartition tp, long offset, int attempts, String error, long dlqOffset) {
    ObjectNode m = message("dead-lettered");
    m.put("topic", tp.topic()).put("partition", tp.partition()).put("offset", offset);
    m.put("attempts", attempts).put("error", error).put("dlqOffset", dlqOffset);
    Lines.emit(at(m));
  }

  static void left(long pollGapMs) {
    ObjectNode m = message("left");
    m.put("reason", "max-poll-interval");
    m.put("pollGapMs", pollGapMs);
    Lines.emit(at(m));
  }

  static void error(String text) {
    String t = text == null ? "unknown error" : text;
    ObjectNode m = message("error");
    m.put("message", t.length() > MAX_ERROR_CHARS ? t.substring(0, MAX_ERROR_CHARS) + "…" : t);
    Lines.emit(at(m));
  }

  /**
   * An exception's class and message, and its root cause's class only: a cause's message may
   * quote a client property (a JAAS config with a password), Kafka's own messages do not.
   */
  static void error(String what, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String cause = root == e ? "" : " (cause: " + root.getClass().getSimpleName() + ")";
    error(what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) + cause);
  }

  static void stopped() {
    Lines.emit(at(message("stopped")));
  }

  static ObjectNode message(String type) {
    ObjectNode m = Lines.object();
    m.put("type", type);
    return m;
  }

  static ObjectNode at(ObjectNode m) {
    m.put("at", System.currentTimeMillis());
    return m;
  }

  static ArrayNode topicPartitions(Collection<TopicPartition> partitions) {
    Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
    for (TopicPartition tp : partitions)
      byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition());
    ArrayNode list = Lines.JSON.createArrayNode();
    byTopic.forEach(
        (topic, ps) -> {
          ObjectNode entry = list.addObject().put("topic", topic);
          ArrayNode arr = entry.putArray("partitions");
          ps.forEach(arr::add);
        });
    return list;
  }
}
