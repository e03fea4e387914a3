package offsetlab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A share member's records for the server (the `share-records` line of protocol/ipc.ts): each
 * record as poll() acquired it, and each acknowledgement once Kafka confirmed it. No Admin call
 * lists records by state, so these reports are the lab's ground truth for the record window.
 * Flushed by the progress timer, never per record.
 */
final class ShareRecords {
  private ArrayNode acquired = Lines.JSON.createArrayNode();
  private ArrayNode acknowledged = Lines.JSON.createArrayNode();
  private Integer lockMs;

  synchronized void acquired(ConsumerRecord<byte[], byte[]> r, long at) {
    acquired
        .addObject()
        .put("topic", r.topic())
        .put("partition", r.partition())
        .put("offset", r.offset())
        .put("deliveryCount", r.deliveryCount().map(Short::intValue).orElse(1))
        .put("at", at);
  }

  synchronized void acknowledged(ConsumerRecord<byte[], byte[]> r, AcknowledgeType type, long at) {
    acknowledged
        .addObject()
        .put("topic", r.topic())
        .put("partition", r.partition())
        .put("offset", r.offset())
        .put("outcome", type.name().toLowerCase())
        .put("at", at);
  }

  /** Kafka's lock duration, as the last fetch told it (acquisitionLockTimeoutMs). */
  synchronized void lockMs(Integer ms) {
    if (ms != null) lockMs = ms;
  }

  synchronized void flush() {
    if (acquired.isEmpty() && acknowledged.isEmpty()) return;
    ObjectNode m = LabConsumerMessages.message("share-records");
    m.set("acquired", acquired);
    m.set("acknowledged", acknowledged);
    if (lockMs == null) m.putNull("lockMs");
    else m.put("lockMs", lockMs);
    Lines.emit(LabConsumerMessages.at(m));
    acquired = Lines.JSON.createArrayNode();
    acknowledged = Lines.JSON.createArrayNode();
  }
}
