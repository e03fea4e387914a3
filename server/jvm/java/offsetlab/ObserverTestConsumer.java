package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tests only: "someone else's" Java consumer, a plain subscribe/poll/commit loop in a group of
 * protocol classic or consumer (KIP-848), or a share consumer (KIP-932). Its first stdin line is
 * {"type":"start","bootstrap","groupId","topic","mode":"classic|consumer|share|share-hold",
 * "groupConfigs"?:{name:value}} (group configs it sets before joining, with the Admin client); stdin
 * EOF makes it leave the group and exit. `share-hold` acquires one record and keeps its lock
 * without acknowledging it (alive, heartbeating, never polling again), so the group's start offset
 * stays below records that others have accepted.
 */
public final class ObserverTestConsumer {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration CLOSE = Duration.ofSeconds(5);

  public static void main(String[] args) throws Exception {
    CompletableFuture<JsonNode> start = new CompletableFuture<>();
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Runnable> wakeup = new CompletableFuture<>();
    Lines.readAsync(
        line -> start.complete(line),
        () -> {
          running.set(false);
          start.complete(null);
          wakeup.thenAccept(Runnable::run);
          halt(CLOSE.toMillis() * 2);
        });
    JsonNode line = start.get();
    if (line == null) System.exit(0);
    Properties p = new Properties();
    p.put("bootstrap.servers", line.path("bootstrap").asText());
    p.put("group.id", line.path("groupId").asText());
    p.put("client.id", line.path("clientId").asText("observer-test-consumer"));
    p.put("key.deserializer", ByteArrayDeserializer.class.getName());
    p.put("value.deserializer", ByteArrayDeserializer.class.getName());
    String topic = line.path("topic").asText();
    setGroupConfigs(line.path("bootstrap").asText(), line.path("groupId").asText(), line.path("groupConfigs"));
    String mode = line.path("mode").asText("consumer");
    if (mode.equals("share")) share(p, topic, running, wakeup);
    else if (mode.equals("share-hold")) shareHold(p, topic, running, wakeup);
    else consumer(p, topic, mode, running, wakeup);
    System.exit(0);
  }

  private static void consumer(
      Properties p, String topic, String protocol, AtomicBoolean running, CompletableFuture<Runnable> wakeup) {
    p.put("group.protocol", protocol);
    // Share groups take their start point from the group config share.auto.offset.reset instead.
    p.put("auto.offset.reset", "earliest");
    p.put("enable.auto.commit", "false");
    if (protocol.equals("classic")) p.put("session.timeout.ms", "6000");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      wakeup.complete(c::wakeup);
      c.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              emit("assigned", c.assignment());
            }
          });
      Lines.emit(Lines.object().put("event", "ready"));
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
        if (records.isEmpty()) continue;
        c.commitSync();
        Lines.emit(Lines.object().put("event", "committed").put("count", records.count()));
      }
    } catch (WakeupException e) {
      // stdin closed: leaving the group below, as close() does.
    }
  }

  private static void share(Properties p, String topic, AtomicBoolean running, CompletableFuture<Runnable> wakeup) {
    try (KafkaShareConsumer<byte[], byte[]> c = new KafkaShareConsumer<>(p)) {
      wakeup.complete(c::wakeup);
      c.subscribe(List.of(topic));
      Lines.emit(Lines.object().put("event", "ready"));
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
        if (records.isEmpty()) continue;
        // Implicit acknowledgement: the next poll (or this commit) acknowledges what was delivered.
        c.commitSync();
        Lines.emit(Lines.object().put("event", "committed").put("count", records.count()));
      }
    } catch (WakeupException e) {
      // stdin closed: close() below leaves the share group.
    }
  }

  private static void shareHold(
      Properties p, String topic, AtomicBoolean running, CompletableFuture<Runnable> wakeup) throws InterruptedException {
    // Explicit acknowledgement and record_limit: exactly one record is acquired, and it stays
    // acquired because it is never acknowledged and poll() is not called again.
    p.put("share.acknowledgement.mode", "explicit");
    p.put("share.acquire.mode", "record_limit");
    p.put("max.poll.records", "1");
    try (KafkaShareConsumer<byte[], byte[]> c = new KafkaShareConsumer<>(p)) {
      wakeup.complete(c::wakeup);
      c.subscribe(List.of(topic));
      Lines.emit(Lines.object().put("event", "ready"));
      ConsumerRecords<byte[], byte[]> records = ConsumerRecords.empty();
      while (running.get() && records.isEmpty()) records = c.poll(POLL);
      for (var r : records) {
        Lines.emit(
            Lines.object()
                .put("event", "holding")
                .put("topic", r.topic())
                .put("partition", r.partition())
                .put("offset", r.offset())
                .put("deliveryCount", r.deliveryCount().map(Short::intValue).orElse(0)));
      }
      // The client's own thread keeps heartbeating; the lock lasts until it expires or we leave.
      while (running.get()) Thread.sleep(POLL.toMillis());
    } catch (WakeupException e) {
      // stdin closed: close() releases the record that is still acquired.
    }
  }

  /** As an application would before its first member joins: group configs set with the Admin client. */
  private static void setGroupConfigs(String bootstrap, String groupId, JsonNode configs) throws Exception {
    if (!configs.isObject() || configs.isEmpty()) return;
    List<AlterConfigOp> ops = new ArrayList<>();
    configs
        .properties()
        .forEach(e -> ops.add(new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue().asText()), AlterConfigOp.OpType.SET)));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, groupId), ops)).all().get();
    }
  }

  private static void emit(String event, Collection<TopicPartition> partitions) {
    ObjectNode e = Lines.object().put("event", event);
    ArrayNode list = e.putArray("partitions");
    for (TopicPartition tp : partitions) list.addObject().put("topic", tp.topic()).put("partition", tp.partition());
    Lines.emit(e);
  }

  /** Never outlive the test, even if leaving the group hangs. */
  private static void halt(long afterMs) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(afterMs);
              } catch (InterruptedException ignored) {
                // exiting anyway
              }
              Runtime.getRuntime().halt(0);
            });
    t.setDaemon(true);
    t.start();
  }
}
