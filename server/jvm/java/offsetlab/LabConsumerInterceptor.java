package offsetlab;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Sees every commit the broker acknowledged: Kafka calls onCommit for commitSync, commitAsync and
 * for its own auto commits (enable.auto.commit), which no application callback can observe
 * otherwise. Kafka instantiates it from interceptor.classes; one consumer per process, so the
 * sink is static.
 */
public final class LabConsumerInterceptor implements ConsumerInterceptor<byte[], byte[]> {
  private static volatile Consumer<Map<TopicPartition, OffsetAndMetadata>> sink = offsets -> {};

  static void onAcknowledgedCommit(Consumer<Map<TopicPartition, OffsetAndMetadata>> target) {
    sink = target;
  }

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    return records;
  }

  /** May run on the client's own network thread (classic commitAsync): no consumer calls here. */
  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (!offsets.isEmpty()) sink.accept(offsets);
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
