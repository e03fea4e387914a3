package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import offsetlab.Lines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The message browser: reads one page of a partition with a consumer that has no group, so
 * nothing is joined and nothing committed. Each request gets its own short-lived consumer.
 */
public final class Records {
  /** Values longer than this are cut: a page of records must stay small enough for a browser. */
  private static final int MAX_VALUE_BYTES = 16 * 1024;
  private static final Duration POLL = Duration.ofMillis(200);

  private Records() {}

  public static JsonNode read(ClientConfig config, JsonNode req) {
    String topic = req.path("topic").asText();
    int partition = req.path("partition").asInt();
    int limit = Math.max(1, Math.min(100, req.path("limit").asInt(20)));
    long deadline = System.currentTimeMillis() + Math.max(500, Math.min(10_000, req.path("timeoutMs").asLong(3000)));
    Properties props = config.browserConsumer(req.path("isolation").asText("read_uncommitted"));
    TopicPartition tp = new TopicPartition(topic, partition);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> tps = List.of(tp);
      consumer.assign(tps);
      Duration api = Duration.ofMillis(Math.max(500, deadline - System.currentTimeMillis()));
      long logStart = consumer.beginningOffsets(tps, api).getOrDefault(tp, 0L);
      long logEnd = consumer.endOffsets(tps, api).getOrDefault(tp, 0L);
      long from = startOffset(consumer, tp, req, logStart, logEnd, api);
      ObjectNode out = Lines.object();
      out.put("topic", topic).put("partition", partition);
      out.put("logStartOffset", logStart).put("logEndOffset", logEnd).put("from", from);
      ArrayNode records = out.putArray("records");
      long next = from;
      if (from < logEnd) {
        consumer.seek(tp, from);
        // The page is full, the log end is reached (read_committed: the last stable offset), or time is up.
        while (records.size() < limit && System.currentTimeMillis() < deadline) {
          var batch = consumer.poll(POLL);
          for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
            if (records.size() >= limit) break;
            records.add(toJson(r));
            next = r.offset() + 1;
          }
          long position = consumer.position(tp, api);
          if (records.size() < limit) next = Math.max(next, position);
          if (position >= logEnd) break;
        }
      }
      out.put("nextOffset", next);
      return out;
    }
  }

  private static long startOffset(
      KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, JsonNode req, long logStart, long logEnd, Duration api) {
    String from = req.path("from").asText("offset");
    long value = req.path("value").asLong(0);
    switch (from) {
      case "timestamp":
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(tp, value), api);
        OffsetAndTimestamp at = found.get(tp);
        return at == null ? logEnd : at.offset();
      case "end":
        // The last `value` records before the log end: "what just arrived".
        return Math.max(logStart, logEnd - Math.max(0, value));
      default:
        return Math.min(logEnd, Math.max(logStart, value));
    }
  }

  private static ObjectNode toJson(ConsumerRecord<byte[], byte[]> r) {
    ObjectNode o = Lines.object();
    o.put("offset", r.offset());
    o.put("timestamp", r.timestamp());
    o.put("timestampType", r.timestampType().name);
    putBytes(o, "key", r.key());
    putBytes(o, "value", r.value());
    ArrayNode headers = o.putArray("headers");
    for (Header h : r.headers()) {
      ObjectNode header = headers.addObject().put("key", h.key());
      putBytes(header, "value", h.value());
    }
    return o;
  }

  /** Text as text; anything that is not valid UTF-8 as base64, said so; long values cut, said so. */
  private static void putBytes(ObjectNode o, String field, byte[] bytes) {
    if (bytes == null) {
      o.putNull(field);
      return;
    }
    boolean cut = bytes.length > MAX_VALUE_BYTES;
    byte[] shown = cut ? java.util.Arrays.copyOf(bytes, MAX_VALUE_BYTES) : bytes;
    o.put(field + "Size", bytes.length);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(shown))
              .toString();
      o.put(field, text);
      o.put(field + "Encoding", "utf8");
    } catch (CharacterCodingException e) {
      // A cut in the middle of a multi-byte character also lands here: base64 keeps it exact.
      o.put(field, Base64.getEncoder().encodeToString(shown));
      o.put(field + "Encoding", "base64");
    }
    if (cut) o.put(field + "Truncated", true);
  }
}
