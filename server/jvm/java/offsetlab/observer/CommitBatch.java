package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;
import offsetlab.Lines;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.common.runtime.Deserializer;
import org.apache.kafka.coordinator.group.GroupCoordinatorRecordSerde;
import org.apache.kafka.coordinator.group.generated.CoordinatorRecordJsonConverters;
import org.apache.kafka.coordinator.group.generated.LegacyOffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.LegacyOffsetCommitValue;
import org.apache.kafka.coordinator.group.generated.OffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.OffsetCommitValue;

/**
 * __consumer_offsets records decoded by the group coordinator's own serde, collected between two
 * flushes and emitted as one event per kind.
 */
final class CommitBatch {
  /** Keeps one JSON line within a sane size when a backlog is read at once. */
  private static final int MAX_PER_EVENT = 2000;

  private final GroupCoordinatorRecordSerde serde = new GroupCoordinatorRecordSerde();
  private ArrayNode commits = Lines.JSON.createArrayNode();
  private ArrayNode deleted = Lines.JSON.createArrayNode();
  private final Set<String> changed = new LinkedHashSet<>();
  private boolean warned;

  void add(byte[] key, byte[] value, long at) {
    if (key == null) return;
    CoordinatorRecord record;
    try {
      record = serde.deserialize(ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value));
    } catch (Deserializer.UnknownRecordTypeException e) {
      return; // A record type newer than these jars: not ours to interpret.
    } catch (RuntimeException e) {
      if (!warned) System.err.println("offsetlab observer: undecodable __consumer_offsets record: " + e);
      warned = true;
      return;
    }
    ApiMessage k = record.key();
    ApiMessage v = record.value() == null ? null : record.value().message();
    if (k instanceof OffsetCommitKey ok) {
      offset(ok.group(), ok.topic(), ok.partition(), v, at);
    } else if (k instanceof LegacyOffsetCommitKey lk) {
      offset(lk.group(), lk.topic(), lk.partition(), v, at);
    } else {
      // Group metadata, members, target or current assignments: membership changed somehow.
      JsonNode json = CoordinatorRecordJsonConverters.writeRecordKeyAsJson(k);
      String groupId = json.has("groupId") ? json.get("groupId").asText() : json.path("group").asText();
      if (!groupId.isEmpty()) changed.add(groupId);
    }
    if (commits.size() >= MAX_PER_EVENT || deleted.size() >= MAX_PER_EVENT) flush();
  }

  private void offset(String group, String topic, int partition, ApiMessage value, long at) {
    if (value == null) {
      // A tombstone: the offset was deleted (expired, DeleteGroups or OffsetDelete).
      deleted.addObject().put("groupId", group).put("topic", topic).put("partition", partition).put("at", at);
      return;
    }
    long offset;
    long commitTimestamp;
    if (value instanceof OffsetCommitValue v) {
      offset = v.offset();
      commitTimestamp = v.commitTimestamp();
    } else if (value instanceof LegacyOffsetCommitValue v) {
      offset = v.offset();
      commitTimestamp = v.commitTimestamp();
    } else {
      return;
    }
    ObjectNode c = commits.addObject().put("groupId", group).put("topic", topic).put("partition", partition);
    c.put("offset", offset).put("commitTimestamp", commitTimestamp).put("at", at);
  }

  boolean isEmpty() {
    return commits.isEmpty() && deleted.isEmpty() && changed.isEmpty();
  }

  void flush() {
    if (!commits.isEmpty()) {
      ObjectNode event = Lines.object().put("event", "commits");
      event.set("commits", commits);
      Lines.emit(event);
      commits = Lines.JSON.createArrayNode();
    }
    if (!deleted.isEmpty()) {
      ObjectNode event = Lines.object().put("event", "offsets-deleted");
      event.set("offsets", deleted);
      Lines.emit(event);
      deleted = Lines.JSON.createArrayNode();
    }
    if (!changed.isEmpty()) {
      ObjectNode event = Lines.object().put("event", "groups-changed");
      ArrayNode ids = event.putArray("groupIds");
      changed.forEach(ids::add);
      Lines.emit(event);
      changed.clear();
    }
  }
}
