package offsetlab.observer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import offsetlab.Lines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Every topic (internal ones too) with its partitions and, on request, their log start and end. */
final class Topics {
  /**
   * The last offsets read per partition. A partition whose ListOffsets fails (no leader: every
   * replica's broker is down; or its leader moving) keeps these: an offline partition's log cannot
   * change, and the topic stays on the page, marked by its leader -1, instead of vanishing.
   */
  private static final Map<TopicPartition, long[]> LAST_KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  private Topics() {}

  static ArrayNode read(Admin admin, boolean withOffsets) {
    try {
      return readOrThrow(admin, withOffsets);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private static ArrayNode readOrThrow(Admin admin, boolean withOffsets) throws Exception {
    Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    List<TopicDescription> topics = new ArrayList<>();
    for (KafkaFuture<TopicDescription> f : admin.describeTopics(names).topicNameValues().values()) {
      TopicDescription d = described(f);
      if (d != null) topics.add(d);
    }
    Map<TopicPartition, Long> start = Map.of();
    Map<TopicPartition, Long> end = Map.of();
    if (withOffsets) {
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription t : topics) {
        for (TopicPartitionInfo p : t.partitions()) {
          earliest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.earliest());
          latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
        }
      }
      // Both calls in flight together: one ListOffsets per leader each.
      ListOffsetsResult first = admin.listOffsets(earliest);
      ListOffsetsResult last = admin.listOffsets(latest);
      start = offsets(first, earliest.keySet());
      end = offsets(last, latest.keySet());
    }
    ArrayNode out = Lines.JSON.createArrayNode();
    for (TopicDescription t : topics) {
      ObjectNode topic = Lines.object().put("name", t.name()).put("internal", t.isInternal());
      ArrayNode partitions = topic.putArray("partitions");
      boolean complete = true;
      for (TopicPartitionInfo p : t.partitions()) {
        TopicPartition tp = new TopicPartition(t.name(), p.partition());
        ObjectNode partition = partitions.addObject().put("partition", p.partition());
        partition.put("leader", p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id());
        ids(partition.putArray("replicas"), p.replicas());
        ids(partition.putArray("isr"), p.isr());
        if (withOffsets) {
          Long s = start.get(tp);
          Long e = end.get(tp);
          long[] known = LAST_KNOWN.get(tp);
          if (s != null && e != null) LAST_KNOWN.put(tp, new long[] {s, e});
          else if (known != null) {
            s = known[0];
            e = known[1];
          }
          if (s == null || e == null) complete = false;
          else partition.put("logStartOffset", s).put("logEndOffset", e);
        } else {
          partition.putNull("logStartOffset").putNull("logEndOffset");
        }
      }
      // A topic with a partition never read yet (deleted mid-call, offline since before the
      // first poll) is left out of this observation rather than shown with made-up numbers.
      if (complete) out.add(topic);
    }
    // Deleted topics' partitions are forgotten.
    if (withOffsets) LAST_KNOWN.keySet().removeIf(tp -> !names.contains(tp.topic()));
    return out;
  }

  private static TopicDescription described(KafkaFuture<TopicDescription> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) return null;
      throw e;
    }
  }

  private static Map<TopicPartition, Long> offsets(ListOffsetsResult result, Set<TopicPartition> asked)
      throws Exception {
    Map<TopicPartition, Long> out = new HashMap<>();
    ExecutionException first = null;
    for (TopicPartition tp : asked) {
      try {
        out.put(tp, result.partitionResult(tp).get().offset());
      } catch (ExecutionException e) {
        // Missing from the map: the caller leaves the topic out.
        if (first == null) first = e;
      }
    }
    // Not one partition answered: that is the cluster failing (down, no access), not a topic.
    if (out.isEmpty() && first != null) throw first;
    return out;
  }

  private static void ids(ArrayNode out, List<Node> nodes) {
    Set<Integer> seen = new HashSet<>();
    for (Node n : nodes) if (seen.add(n.id())) out.add(n.id());
  }
}
