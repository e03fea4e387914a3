package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What this consumer processed, batched for the server like server/kafka/progress-reporter.ts:
 * the next offset per partition and the `seq` of every trade of the current run. Flushed by a
 * timer at most every 100 ms (and before a `committed` line), never per record. A jump in a
 * partition's offsets is sent when it is seen.
 */
final class LabConsumerProgress {
  private final String runId;
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final Set<TopicPartition> dirty = new LinkedHashSet<>();
  /** The first offset processed since the partition came to this member, until reported. */
  private final Map<TopicPartition, Long> first = new HashMap<>();
  private List<Long> seqs = new ArrayList<>();
  private long count = 0;

  LabConsumerProgress(String runId) {
    this.runId = runId;
  }

  synchronized void processed(TopicPartition tp, long offset, String value) {
    Long expected = next.get(tp);
    if (expected == null) first.put(tp, offset);
    // Past the next offset expected: the position jumped (auto.offset.reset after
    // OFFSET_OUT_OF_RANGE). Reported at once, like progress-reporter.ts; the server says why.
    if (expected != null && offset > expected) offsetJump(tp, expected, offset);
    Long seq = tradeSeq(value);
    if (seq != null) seqs.add(seq);
    count++;
    next.put(tp, offset + 1);
    dirty.add(tp);
  }

  /** Handled without a trade to count (dead-lettered): the position moves on, no seq is added. */
  synchronized void handled(TopicPartition tp, long offset) {
    Long expected = next.get(tp);
    if (expected == null) first.put(tp, offset);
    if (expected != null && offset > expected) offsetJump(tp, expected, offset);
    count++;
    next.put(tp, offset + 1);
    dirty.add(tp);
  }

  /**
   * A share member's record: members of a share group read a partition together and out of
   * order, so there is no position to report, only the audit's seq and the count.
   */
  synchronized void counted(String value) {
    Long seq = tradeSeq(value);
    if (seq != null) seqs.add(seq);
    count++;
  }

  private static void offsetJump(TopicPartition tp, long from, long to) {
    ObjectNode m = LabConsumerMessages.message("offset-jump");
    m.put("topic", tp.topic()).put("partition", tp.partition()).put("from", from).put("to", to);
    Lines.emit(LabConsumerMessages.at(m));
  }

  /** Positions on partitions this member no longer owns are no longer its to report. */
  synchronized void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      next.remove(tp);
      dirty.remove(tp);
      first.remove(tp);
    }
  }

  synchronized void flush() {
    if (dirty.isEmpty() && seqs.isEmpty() && count == 0) return;
    ObjectNode m = LabConsumerMessages.message("progress");
    ArrayNode processed = m.putArray("processed");
    for (TopicPartition tp : dirty) {
      Long offset = next.get(tp);
      if (offset == null) continue;
      ObjectNode entry =
          processed.addObject().put("topic", tp.topic()).put("partition", tp.partition()).put("offset", offset);
      Long firstOffset = first.get(tp);
      if (firstOffset != null) entry.put("first", firstOffset);
    }
    first.clear();
    ArrayNode seqList = m.putArray("seqs");
    seqs.forEach(seqList::add);
    m.put("count", count);
    Lines.emit(LabConsumerMessages.at(m));
    dirty.clear();
    seqs = new ArrayList<>();
    count = 0;
  }

  /** The trade's seq when the value is a trade (protocol/trade.ts) of this producer run. */
  private Long tradeSeq(String value) {
    if (value == null || value.isEmpty()) return null;
    JsonNode t;
    try {
      t = Lines.JSON.readTree(value);
    } catch (Exception e) {
      return null;
    }
    if (t == null || !t.isObject()) return null;
    if (!t.path("symbol").isTextual() || !t.path("price").isNumber()) return null;
    if (!t.path("event_time").isTextual() || !t.path("run").isTextual()) return null;
    JsonNode seq = t.path("seq");
    if (!seq.isIntegralNumber() || seq.asLong() < 0) return null;
    return t.get("run").asText().equals(runId) ? seq.asLong() : null;
  }
}
