package offsetlab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * exactly-once: consume → transform → produce to `<topic>.out` in one transaction, with the
 * consumed offsets sent in it (sendOffsetsToTransaction with consumer.groupMetadata(), KIP-447:
 * the coordinator refuses them from a member of an older generation). transactional.id is stable
 * per lab consumer, so initTransactions() in a restarted process fences its zombie and aborts the
 * zombie's open transaction. Only the poll loop's thread calls this.
 */
final class LabConsumerTransactions {
  private record DeadLetter(TopicPartition tp, long offset, int attempts, String error, long dlqOffset) {}

  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LabConsumerConfig config;
  private final Supplier<Integer> generation;
  private final LabConsumerProgress progress;
  private boolean open = false;
  private long openedAt = 0;
  /** The first offset of each partition in the open transaction: where to seek back on abort. */
  private final Map<TopicPartition, Long> first = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  LabConsumerTransactions(
      KafkaConsumer<byte[], byte[]> consumer,
      LabConsumerConfig config,
      Supplier<Integer> generation,
      LabConsumerProgress progress) {
    this.consumer = consumer;
    this.config = config;
    this.generation = generation;
    this.progress = progress;
    producer =
        new KafkaProducer<>(
            config.producerProperties(config.delivery().transactionalId()));
    // InitProducerId: bumps the epoch of this transactional.id and aborts what an older process left open.
    producer.initTransactions();
  }

  static boolean fatal(KafkaException e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException;
  }

  boolean due(long now) {
    return open && now - openedAt >= config.timings().maxTransactionAgeMs();
  }

  private void begin(ConsumerRecord<byte[], byte[]> r) {
    if (!open) {
      producer.beginTransaction();
      open = true;
      openedAt = System.currentTimeMillis();
    }
    first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
  }

  /** The transformed record, to the same partition of `<topic>.out`; errors surface at commit. */
  void output(ConsumerRecord<byte[], byte[]> r) {
    begin(r);
    String value = TradeCheck.transform(Lines.text(r.value()), r.partition(), r.offset());
    producer.send(
        new ProducerRecord<>(
            config.delivery().outputTopic(), r.partition(), r.key(), value.getBytes(StandardCharsets.UTF_8)));
  }

  /** A poison record into the DLQ inside the transaction; reported once the transaction commits. */
  long deadLetter(ConsumerRecord<byte[], byte[]> r, String error, int attempts) {
    begin(r);
    long dlqOffset;
    try {
      dlqOffset = producer.send(DeadLetters.record(config, r, error, attempts)).get().offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending to the DLQ", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
    }
    deadLetters.add(new DeadLetter(new TopicPartition(r.topic(), r.partition()), r.offset(), attempts, error, dlqOffset));
    return dlqOffset;
  }

  void consumed(ConsumerRecord<byte[], byte[]> r) {
    begin(r);
    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
  }

  /**
   * Sends the offsets and commits; true when committed (or nothing was open). False on a refusal
   * (e.g. a rebalance made our generation old): the caller seeks back what it had not processed,
   * then abort()s. Fencing is rethrown: this process must end.
   */
  boolean commit() {
    if (!open) return true;
    try {
      if (!offsets.isEmpty()) producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (KafkaException e) {
      if (fatal(e)) throw e;
      LabConsumerMessages.error("transaction not committed, to be aborted", e);
      return false;
    }
    progress.flush();
    if (!offsets.isEmpty()) LabConsumerMessages.committed(generation.get(), offsets);
    for (DeadLetter d : deadLetters)
      LabConsumerMessages.deadLettered(d.tp(), d.offset(), d.attempts(), d.error(), d.dlqOffset());
    reset();
    return true;
  }

  /**
   * Discards the open transaction (read_committed readers never see its records) and seeks its
   * partitions back to their first offset in it, which is their committed offset.
   */
  void abort() {
    if (!open) return;
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      if (fatal(e)) throw e;
      LabConsumerMessages.error("abort failed", e);
    }
    first.forEach(
        (tp, offset) -> {
          try {
            consumer.seek(tp, offset);
          } catch (IllegalStateException e) {
            // No longer ours: the new owner reads from the committed offset.
          }
        });
    reset();
  }

  private void reset() {
    open = false;
    first.clear();
    offsets.clear();
    deadLetters.clear();
  }

  void close(Duration timeout) {
    try {
      abort();
    } catch (KafkaException e) {
      // Fenced: nothing of ours to abort any more.
    }
    producer.close(timeout);
  }
}
