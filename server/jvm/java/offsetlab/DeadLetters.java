package offsetlab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;

/**
 * Dead-letter records and, outside exactly-once, their own producer. The header names are those of
 * protocol/delivery.ts (DLQ_HEADERS); the record keeps the original key and value, byte for byte
 * (the consumer reads bytes: a poison record that is not UTF-8 arrives in the DLQ unchanged).
 */
final class DeadLetters {
  static final String ORIGIN_TOPIC = "dlq.origin.topic";
  static final String ORIGIN_PARTITION = "dlq.origin.partition";
  static final String ORIGIN_OFFSET = "dlq.origin.offset";
  static final String ERROR = "dlq.error";
  static final String ATTEMPTS = "dlq.attempts";
  static final String CONSUMER = "dlq.consumer";
  private static final int MAX_ERROR_CHARS = 500;

  private final LabConsumerConfig config;
  private KafkaProducer<byte[], byte[]> producer;

  DeadLetters(LabConsumerConfig config) {
    this.config = config;
  }

  static ProducerRecord<byte[], byte[]> record(
      LabConsumerConfig config, ConsumerRecord<byte[], byte[]> r, String error, int attempts) {
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(config.delivery().dlqTopic(), r.key(), r.value());
    for (Header h : r.headers()) out.headers().add(h);
    String shortError = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
    header(out, ORIGIN_TOPIC, r.topic());
    header(out, ORIGIN_PARTITION, String.valueOf(r.partition()));
    header(out, ORIGIN_OFFSET, String.valueOf(r.offset()));
    header(out, ERROR, shortError);
    header(out, ATTEMPTS, String.valueOf(attempts));
    header(out, CONSUMER, config.consumerId());
    return out;
  }

  private static void header(ProducerRecord<byte[], byte[]> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends outside any transaction and waits for acks=all, so the dead letter is on the broker
   * before the consumer commits past its message (a crash in between sends it again: at-least-once).
   * Returns its DLQ offset.
   */
  long send(ConsumerRecord<byte[], byte[]> r, String error, int attempts) {
    if (producer == null) producer = new KafkaProducer<>(config.producerProperties(null));
    try {
      return producer.send(record(config, r, error, attempts)).get().offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending to the DLQ", e);
    } catch (ExecutionException e) {
      throw new KafkaException("DLQ send failed: " + e.getCause(), e.getCause());
    }
  }

  void close(Duration timeout) {
    if (producer != null) producer.close(timeout);
  }
}
