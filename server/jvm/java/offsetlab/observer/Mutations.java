package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import offsetlab.Lines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/** The Admin operations that change the cluster, plus the small reads that go with them. */
public final class Mutations {
  private static final long LEADER_POLL_MS = 100;

  private Mutations() {}

  public static JsonNode handle(Admin admin, String op, JsonNode req, int apiTimeoutMs) throws Exception {
    switch (op) {
      case "createTopic":
        return createTopic(admin, req, apiTimeoutMs);
      case "addPartitions":
        admin.createPartitions(Map.of(text(req, "topic"), NewPartitions.increaseTo(integer(req, "count")))).all().get();
        return done();
      case "deleteTopic":
        admin.deleteTopics(List.of(text(req, "topic"))).all().get();
        return done();
      case "setOffsets":
        return setOffsets(admin, req);
      case "deleteOffsets":
        return deleteOffsets(admin, req);
      case "offsetsForTimes":
        return offsetsForTimes(admin, text(req, "topic"), req.path("timestamp").asLong());
      case "deleteGroup":
        admin.deleteConsumerGroups(List.of(text(req, "groupId"))).all().get();
        return done();
      case "setGroupConfig":
        return alterConfigs(admin, new ConfigResource(ConfigResource.Type.GROUP, text(req, "groupId")), req);
      case "alterTopicConfig":
        return alterConfigs(admin, new ConfigResource(ConfigResource.Type.TOPIC, text(req, "topic")), req);
      case "topicConfig":
        return topicConfig(admin, text(req, "topic"));
      case "features":
        return features(admin);
      default:
        throw new IllegalArgumentException("unknown op '" + op + "'");
    }
  }

  private static ObjectNode done() {
    return Lines.object().put("done", true);
  }

  private static String text(JsonNode req, String field) {
    JsonNode v = req.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return v.asText();
  }

  private static int integer(JsonNode req, String field) {
    JsonNode v = req.get(field);
    if (v == null || !v.canConvertToInt()) throw new IllegalArgumentException(field + " must be an integer");
    return v.asInt();
  }

  /** Like kafkajs' waitForLeaders: answers once every partition has a leader, so it can be used at once. */
  private static JsonNode createTopic(Admin admin, JsonNode req, int apiTimeoutMs) throws Exception {
    String topic = text(req, "topic");
    NewTopic spec = new NewTopic(topic, integer(req, "partitions"), (short) integer(req, "replicationFactor"));
    Map<String, String> configs = new HashMap<>();
    req.path("configs").properties().forEach(e -> configs.put(e.getKey(), e.getValue().asText()));
    if (!configs.isEmpty()) spec.configs(configs);
    try {
      admin.createTopics(List.of(spec)).all().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) return Lines.object().put("created", false);
      throw e;
    }
    long deadline = System.currentTimeMillis() + apiTimeoutMs;
    while (System.currentTimeMillis() < deadline) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) break;
      } catch (ExecutionException e) {
        // Metadata not yet propagated to the broker answering: ask again.
      }
      Thread.sleep(LEADER_POLL_MS);
    }
    return Lines.object().put("created", true);
  }

  /** Forgets the group's committed offsets of these partitions (the group must be Empty). */
  private static JsonNode deleteOffsets(Admin admin, JsonNode req) throws Exception {
    String topic = text(req, "topic");
    java.util.Set<TopicPartition> partitions = new java.util.HashSet<>();
    for (JsonNode p : req.path("partitions")) partitions.add(new TopicPartition(topic, p.asInt()));
    admin.deleteConsumerGroupOffsets(text(req, "groupId"), partitions).all().get();
    return done();
  }

  private static JsonNode setOffsets(Admin admin, JsonNode req) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
    for (JsonNode o : req.path("offsets")) {
      offsets.put(new TopicPartition(text(o, "topic"), integer(o, "partition")), new OffsetAndMetadata(o.path("offset").asLong()));
    }
    if (offsets.isEmpty()) throw new IllegalArgumentException("offsets must not be empty");
    admin.alterConsumerGroupOffsets(text(req, "groupId"), offsets).all().get();
    return done();
  }

  private static JsonNode offsetsForTimes(Admin admin, String topic, long timestamp) throws Exception {
    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (TopicPartitionInfo p : d.partitions()) {
      specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.forTimestamp(timestamp));
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(specs).all().get();
    ArrayNode out = Lines.JSON.createArrayNode();
    new TreeMap<Integer, Long>(
            found.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset())))
        .forEach(
            (partition, offset) -> {
              ObjectNode o = out.addObject().put("partition", partition);
              // -1: no record at or after the timestamp (Kafka's ListOffsets answer).
              if (offset < 0) o.putNull("offset");
              else o.put("offset", offset);
            });
    ObjectNode result = Lines.object();
    result.set("offsets", out);
    return result;
  }

  /** incrementalAlterConfigs: a value sets the config, null deletes it (back to the default). */
  private static JsonNode alterConfigs(Admin admin, ConfigResource resource, JsonNode req) throws Exception {
    Collection<AlterConfigOp> ops = new ArrayList<>();
    req.path("configs")
        .properties()
        .forEach(
            e -> {
              boolean delete = e.getValue().isNull();
              ConfigEntry entry = new ConfigEntry(e.getKey(), delete ? null : e.getValue().asText());
              ops.add(new AlterConfigOp(entry, delete ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET));
            });
    if (ops.isEmpty()) throw new IllegalArgumentException("configs must not be empty");
    admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get();
    return done();
  }

  private static JsonNode topicConfig(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    ObjectNode configs = Lines.object();
    for (ConfigEntry e : new TreeMap<>(toMap(config)).values()) {
      if (e.name().startsWith("retention.")
          || e.name().startsWith("segment.")
          || e.name().equals("min.insync.replicas")
          || e.name().equals("cleanup.policy"))
        configs.put(e.name(), e.value());
    }
    ObjectNode result = Lines.object();
    result.set("configs", configs);
    return result;
  }

  private static Map<String, ConfigEntry> toMap(Config config) {
    Map<String, ConfigEntry> out = new HashMap<>();
    for (ConfigEntry e : config.entries()) out.put(e.name(), e);
    return out;
  }

  private static JsonNode features(Admin admin) throws Exception {
    ObjectNode finalized = Lines.object();
    admin.describeFeatures().featureMetadata().get().finalizedFeatures().forEach((name, range) -> finalized.put(name, range.maxVersionLevel()));
    ObjectNode result = Lines.object();
    result.set("finalized", finalized);
    return result;
  }
}
