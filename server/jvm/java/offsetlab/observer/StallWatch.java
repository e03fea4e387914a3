package offsetlab.observer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Notices a tail consumer that stays behind the log end without moving. In test runs on a new
 * cluster, where __consumer_offsets was created while the tail waited for it, the stream now and
 * then delivered nothing for over 5 s (cause not found). One ListOffsets every CHECK_INTERVAL_MS
 * is the price of noticing such a stall and reconnecting.
 */
final class StallWatch {
  private static final long CHECK_INTERVAL_MS = 2000;
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

  private long lastCheck = System.currentTimeMillis();
  /** Partitions behind the log end at the last check, and where the consumer was then. */
  private Map<TopicPartition, Long> behindAt = Map.of();

  /** Where to resume, once some partition stayed behind at the same position for two checks. */
  Map<TopicPartition, Long> check(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    long now = System.currentTimeMillis();
    if (now - lastCheck < CHECK_INTERVAL_MS) return null;
    lastCheck = now;
    Map<TopicPartition, Long> positions = new HashMap<>();
    Map<TopicPartition, Long> behind = new HashMap<>();
    Map<TopicPartition, Long> end;
    try {
      end = consumer.endOffsets(partitions, CHECK_TIMEOUT);
    } catch (TimeoutException e) {
      return null; // The broker is slow or away: nothing wrong with this consumer.
    }
    for (TopicPartition tp : partitions) {
      long position;
      try {
        position = consumer.position(tp, CHECK_TIMEOUT);
        positions.put(tp, position);
      } catch (TimeoutException e) {
        position = -1; // Never resolved: a stall too, if it lasts.
      }
      Long e = end.get(tp);
      if (e != null && e > position) behind.put(tp, position);
    }
    boolean stalled = behind.entrySet().stream().anyMatch(b -> b.getValue().equals(behindAt.get(b.getKey())));
    behindAt = behind;
    return stalled ? positions : null;
  }
}
