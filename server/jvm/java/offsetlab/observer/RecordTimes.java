package offsetlab.observer;

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
import offsetlab.Lines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag in time when the server's log-end history does not reach back: the timestamp of the record a
 * group reads next, for many partitions with one group-less consumer. A committed offset that was
 * compacted away gives the next record; one below the log start (retention deleted it) gives the
 * first record there, and the answer carries the log start so the server can count what was lost.
 */
public final class RecordTimes {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_PARTITIONS = 1000;

  private RecordTimes() {}

  public static JsonNode read(ClientConfig config, JsonNode req) {
    long deadline = System.currentTimeMillis() + Math.max(500, Math.min(10_000, req.path("timeoutMs").asLong(5000)));
    Map<TopicPartition, Long> wanted = new HashMap<>();
    for (JsonNode p : req.path("partitions")) {
      if (wanted.size() >= MAX_PARTITIONS) break;
      wanted.put(new TopicPartition(p.path("topic").asText(), p.path("partition").asInt()), p.path("offset").asLong());
    }
    Properties props = config.browserConsumer("read_uncommitted");
    // One record per partition is all that is needed: the broker still sends a whole first batch.
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "1");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "offset-lab-record-times");
    ObjectNode out = Lines.object();
    ArrayNode results = out.putArray("records");
    if (wanted.isEmpty()) return out;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      Map<TopicPartition, Long> starts = new HashMap<>();
      Map<TopicPartition, Long> ends = new HashMap<>();
      List<TopicPartition> tps = offsetsOf(consumer, new ArrayList<>(wanted.keySet()), starts, ends, deadline);
      consumer.assign(tps);
      Map<TopicPartition, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
      Set<TopicPartition> pending = new HashSet<>();
      for (TopicPartition tp : tps) {
        long from = Math.max(wanted.get(tp), starts.getOrDefault(tp, 0L));
        if (from < ends.getOrDefault(tp, 0L)) {
          consumer.seek(tp, from);
          pending.add(tp);
        }
      }
      consumer.pause(tps.stream().filter(tp -> !pending.contains(tp)).toList());
      while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
        var batch = consumer.poll(POLL);
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition tp : pending) {
          List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
          if (!records.isEmpty()) {
            found.put(tp, records.get(0));
            done.add(tp);
          } else if (consumer.position(tp, remaining(deadline)) >= ends.getOrDefault(tp, 0L)) {
            // Only aborted or control records left up to the log end: nothing waits to be read.
            done.add(tp);
          }
        }
        done.forEach(pending::remove);
        consumer.pause(done);
      }
      for (TopicPartition tp : wanted.keySet()) {
        ObjectNode o = results.addObject();
        o.put("topic", tp.topic()).put("partition", tp.partition()).put("offset", wanted.get(tp));
        o.put("logStartOffset", starts.getOrDefault(tp, 0L)).put("logEndOffset", ends.getOrDefault(tp, 0L));
        ConsumerRecord<byte[], byte[]> r = found.get(tp);
        if (r != null) o.put("recordOffset", r.offset()).put("timestamp", r.timestamp());
        else o.putNull("recordOffset").putNull("timestamp");
        // Still pending at the deadline, or its offsets could not be had: unknown, not "nothing
        // to read".
        o.put("timedOut", pending.contains(tp) || !starts.containsKey(tp));
      }
    }
    return out;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofMillis(Math.max(100, deadline - System.currentTimeMillis()));
  }

  /**
   * Log start and end of each partition, into starts and ends; the partitions that have both.
   * One request for all first; if it fails (a partition deleted, or without a leader, makes the
   * whole call time out), one at a time, so one bad partition does not cost the others.
   */
  private static List<TopicPartition> offsetsOf(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> tps,
      Map<TopicPartition, Long> starts,
      Map<TopicPartition, Long> ends,
      long deadline) {
    try {
      starts.putAll(consumer.beginningOffsets(tps, remaining(deadline)));
      ends.putAll(consumer.endOffsets(tps, remaining(deadline)));
      return tps;
    } catch (RuntimeException whole) {
      List<TopicPartition> ok = new ArrayList<>();
      for (TopicPartition tp : tps) {
        if (System.currentTimeMillis() >= deadline) break;
        try {
          Duration each = Duration.ofMillis(Math.min(1000, remaining(deadline).toMillis()));
          Long start = consumer.beginningOffsets(List.of(tp), each).get(tp);
          Long end = consumer.endOffsets(List.of(tp), each).get(tp);
          if (start == null || end == null) continue;
          starts.put(tp, start);
          ends.put(tp, end);
          ok.add(tp);
        } catch (RuntimeException one) {
          // This partition stays unknown (timedOut); the others go on.
        }
      }
      starts.keySet().retainAll(ok);
      ends.keySet().retainAll(ok);
      return ok;
    }
  }
}
