package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What every client in this JVM connects with: the bootstrap servers plus the server's extra properties. */
public final class ClientConfig {
  private static final int DEFAULT_API_TIMEOUT_MS = 10_000;

  private final String bootstrap;
  private final Map<String, String> extra;
  private final int apiTimeoutMs;
  private final Secrets secrets;

  private ClientConfig(String bootstrap, Map<String, String> extra, int apiTimeoutMs) {
    this.bootstrap = bootstrap;
    this.extra = extra;
    this.apiTimeoutMs = apiTimeoutMs;
    this.secrets = new Secrets(extra);
  }

  public static ClientConfig fromStart(JsonNode start) {
    String bootstrap = start.path("bootstrap").asText("");
    if (bootstrap.isBlank()) throw new IllegalArgumentException("start: bootstrap is required");
    int timeout = start.path("apiTimeoutMs").asInt(DEFAULT_API_TIMEOUT_MS);
    return new ClientConfig(bootstrap, properties(start), Math.max(1000, timeout));
  }

  /** For a start line that could not be used: its secrets must still never be printed. */
  public static Secrets secretsOf(JsonNode start) {
    return new Secrets(properties(start));
  }

  private static Map<String, String> properties(JsonNode start) {
    Map<String, String> extra = new LinkedHashMap<>();
    start.path("clientProperties").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asText()));
    return extra;
  }

  public Secrets secrets() {
    return secrets;
  }

  public int apiTimeoutMs() {
    return apiTimeoutMs;
  }

  private Properties base(String clientId) {
    Properties p = new Properties();
    p.putAll(extra);
    p.put("bootstrap.servers", bootstrap);
    p.put("client.id", clientId);
    // A broker restarted by the lab should be found again within a second, not after 1 s..32 s backoff.
    p.put("reconnect.backoff.max.ms", "1000");
    return p;
  }

  public Properties admin() {
    Properties p = base("offset-lab-observer");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(apiTimeoutMs));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(apiTimeoutMs, 30_000)));
    return p;
  }

  /** The message browser's consumer: no group either, and the isolation level asked for. */
  public Properties browserConsumer(String isolation) {
    Properties p = base("offset-lab-browser");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Reading must never create the topic it was asked about.
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed".equals(isolation) ? "read_committed" : "read_uncommitted");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(apiTimeoutMs));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** A consumer with no group: assign() only, nothing committed, nothing joined. */
  public Properties tailConsumer() {
    Properties p = base("offset-lab-commit-tail");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // Left at true on purpose: on a cluster no group has used yet, our first metadata request
    // makes the broker create __consumer_offsets (internal topics are created on request even
    // with auto.create.topics.enable=false), so the tail starts on a topic that exists.
    // Offsets committed inside a transaction count only once it commits (KIP-98).
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(apiTimeoutMs));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }
}
