package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The `start` command's WorkerConfig (protocol/ipc.ts), read field by field, and its Properties. */
record LabConsumerConfig(
    String consumerId,
    String clientId,
    List<String> brokers,
    Map<String, String> clientProperties,
    String groupInstanceId,
    long delayMs,
    String runId,
    String groupId,
    String topic,
    String protocol,
    String assignor,
    Long maxPollIntervalMs,
    String commitMode,
    long autoCommitIntervalMs,
    String offsetReset,
    int sessionTimeoutMs,
    int heartbeatIntervalMs,
    Delivery delivery,
    Share share,
    Timings timings) {

  /** protocol share (protocol/share.ts): null for consumer groups. */
  record Share(boolean explicit, int maxPollRecords, long lockMs, int deliveryLimit) {
    static Share parse(JsonNode c) {
      JsonNode s = c.get("share");
      if (s == null || s.isNull()) return null;
      return new Share(
          oneOf(s, "ackMode", "explicit", "implicit").equals("explicit"),
          required(s, "maxPollRecords").asInt(),
          required(s, "lockMs").asLong(),
          required(s, "deliveryLimit").asInt());
    }
  }

  /**
   * Batch commits, exactly-once and retry + DLQ (protocol/delivery.ts): batchEvery is 0 unless
   * commitMode is batch, retryAttempts 0 unless the group has a DLQ; the names come from the server.
   */
  record Delivery(
      int batchEvery,
      long batchIntervalMs,
      int retryAttempts,
      long retryBackoffMs,
      String transactionalId,
      String outputTopic,
      String dlqTopic) {
    static Delivery parse(JsonNode c) {
      JsonNode batch = c.path("batch");
      JsonNode retry = c.path("retry");
      return new Delivery(
          batch.isObject() ? batch.path("every").asInt() : 0,
          batch.isObject() ? batch.path("intervalMs").asLong() : 0,
          retry.isObject() ? retry.path("attempts").asInt() : 0,
          retry.isObject() ? retry.path("backoffMs").asLong() : 0,
          optionalText(c, "transactionalId"),
          optionalText(c, "outputTopic"),
          optionalText(c, "dlqTopic"));
    }

    boolean deadLetters() {
      return retryAttempts > 0 && dlqTopic != null;
    }
  }

  /**
   * WORKER_TIMINGS (protocol/worker-timings.ts), sent in the start command: defined there only,
   * for the kafkajs and the Java consumers alike.
   */
  record Timings(
      long progressFlushMs,
      long promptCommitMs,
      long parentGoneExitMs,
      long metadataMaxAgeMs,
      long maxTransactionAgeMs,
      long transactionTimeoutMs,
      long maxRetryDelayMs) {
    static Timings parse(JsonNode t) {
      return new Timings(
          positive(t, "progressFlushMs"),
          positive(t, "promptCommitMs"),
          positive(t, "parentGoneExitMs"),
          positive(t, "metadataMaxAgeMs"),
          positive(t, "maxTransactionAgeMs"),
          positive(t, "transactionTimeoutMs"),
          positive(t, "maxRetryDelayMs"));
    }

    private static long positive(JsonNode t, String field) {
      JsonNode v = required(t, field);
      if (!v.canConvertToLong() || v.asLong() <= 0)
        throw new IllegalArgumentException("start config: timings." + field + " must be a positive integer");
      return v.asLong();
    }
  }

  /** Kafka's own default max.poll.interval.ms, to recognise a poll gap when none is configured. */
  static final long DEFAULT_MAX_POLL_INTERVAL_MS =
      ((Number) ConsumerConfig.configDef().defaultValues().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)).longValue();

  static LabConsumerConfig parse(JsonNode c) {
    List<String> brokers = new ArrayList<>();
    for (JsonNode b : required(c, "brokers")) brokers.add(b.asText());
    Map<String, String> extra = new LinkedHashMap<>();
    required(c, "clientProperties").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asText()));
    JsonNode maxPoll = required(c, "maxPollIntervalMs");
    JsonNode instance = required(c, "groupInstanceId");
    return new LabConsumerConfig(
        text(c, "consumerId"),
        text(c, "clientId"),
        brokers,
        extra,
        instance.isNull() ? null : instance.asText(),
        required(c, "delayMs").asLong(),
        text(c, "runId"),
        text(c, "groupId"),
        text(c, "topic"),
        oneOf(c, "protocol", "classic", "consumer", "share"),
        oneOf(c, "assignor", "range", "round-robin", "sticky", "cooperative-sticky", "uniform", "simple"),
        maxPoll.isNull() ? null : maxPoll.asLong(),
        oneOf(c, "commitMode", "after-processing", "auto", "before-processing", "batch", "exactly-once"),
        required(c, "autoCommitIntervalMs").asLong(),
        oneOf(c, "offsetReset", "earliest", "latest"),
        required(c, "sessionTimeoutMs").asInt(),
        required(c, "heartbeatIntervalMs").asInt(),
        Delivery.parse(c),
        Share.parse(c),
        Timings.parse(required(c, "timings")));
  }

  boolean exactlyOnce() {
    return commitMode.equals("exactly-once");
  }

  boolean classic() {
    return protocol.equals("classic");
  }

  long effectiveMaxPollIntervalMs() {
    return maxPollIntervalMs == null ? DEFAULT_MAX_POLL_INTERVAL_MS : maxPollIntervalMs;
  }

  /** The assignor name Kafka shows (DescribeGroups' protocol, or the group's remote assignor). */
  String kafkaAssignorName() {
    return assignor.equals("round-robin") ? "roundrobin" : assignor;
  }

  /** What every member's client gets: security, brokers, group, client id, bytes, metadata age. */
  private Properties baseProperties() {
    Properties p = new Properties();
    // Security settings first, so the lab's own settings always win.
    p.putAll(clientProperties);
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, String.valueOf(timings.metadataMaxAgeMs()));
    return p;
  }

  Properties properties() {
    Properties p = baseProperties();
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
    p.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, LabConsumerInterceptor.class.getName());
    boolean auto = commitMode.equals("auto");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(auto));
    if (auto) p.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, String.valueOf(autoCommitIntervalMs));
    p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
    if (classic()) {
      p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignorClass());
      p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeoutMs));
      p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(heartbeatIntervalMs));
    } else {
      // KIP-848: the broker assigns and owns the session timeout and heartbeat interval
      // (group.consumer.session.timeout.ms, or the group's own config); the client refuses
      // session.timeout.ms, heartbeat.interval.ms and partition.assignment.strategy.
      p.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, assignor);
    }
    if (groupInstanceId != null) p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
    if (maxPollIntervalMs != null)
      p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(maxPollIntervalMs));
    // exactly-once reads only committed transactions (the Java client's default is read_uncommitted).
    if (exactlyOnce()) p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return p;
  }

  /**
   * A share member's client settings (KafkaShareConsumer): no offset reset, commits, assignor or
   * session settings here, those are the group's configs on the broker; record_limit makes
   * max.poll.records exact, so each acquired record is one the member really works on.
   */
  Properties shareProperties() {
    Properties p = baseProperties();
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(share.maxPollRecords()));
    p.put("share.acknowledgement.mode", share.explicit() ? "explicit" : "implicit");
    p.put("share.acquire.mode", "record_limit");
    return p;
  }

  /**
   * The producer of the DLQ (plain, idempotent, acks=all) or of exactly-once's transactions
   * (transactional.id set: idempotence follows). Security settings as for the consumer.
   */
  Properties producerProperties(String transactionalId) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + (transactionalId == null ? "-dlq" : "-txn"));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    if (transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(timings.transactionTimeoutMs()));
    }
    return p;
  }

  private String assignorClass() {
    String pkg = "org.apache.kafka.clients.consumer.";
    return switch (assignor) {
      case "range" -> pkg + "RangeAssignor";
      case "round-robin" -> pkg + "RoundRobinAssignor";
      case "sticky" -> pkg + "StickyAssignor";
      case "cooperative-sticky" -> pkg + "CooperativeStickyAssignor";
      default -> throw new IllegalArgumentException("assignor " + assignor + " needs protocol consumer");
    };
  }

  private static JsonNode required(JsonNode c, String field) {
    JsonNode v = c.get(field);
    if (v == null) throw new IllegalArgumentException("start config lacks " + field);
    return v;
  }

  private static String optionalText(JsonNode c, String field) {
    JsonNode v = c.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String text(JsonNode c, String field) {
    JsonNode v = required(c, field);
    if (!v.isTextual()) throw new IllegalArgumentException("start config: " + field + " must be a string");
    return v.asText();
  }

  private static String oneOf(JsonNode c, String field, String... allowed) {
    String v = text(c, field);
    for (String a : allowed) if (a.equals(v)) return v;
    throw new IllegalArgumentException("start config: " + field + " must be one of " + String.join(", ", allowed));
  }
}
