package offsetlab.observer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import offsetlab.Lines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Every group, described in one batched call per group type, with committed offsets fetched for
 * all groups at once (OffsetFetch v8+ carries many groups per coordinator request).
 */
final class Groups {
  private Groups() {}

  /** Which describe call a listed group needs. */
  private enum Kind {
    CONSUMER,
    CLASSIC_OTHER,
    SHARE,
    STREAMS
  }

  static ArrayNode read(Admin admin, Set<String> only, boolean withOffsets) throws Exception {
    List<GroupListing> listed = listed(admin);
    listed.removeIf(g -> only != null && !only.contains(g.groupId()));
    listed.sort(Comparator.comparing(GroupListing::groupId));
    Map<Kind, List<String>> ids = new HashMap<>();
    for (Kind k : Kind.values()) ids.put(k, new ArrayList<>());
    for (GroupListing g : listed) ids.get(kindOf(g)).add(g.groupId());

    Map<String, KafkaFuture<ConsumerGroupDescription>> consumer =
        ids.get(Kind.CONSUMER).isEmpty()
            ? Map.of()
            : admin.describeConsumerGroups(ids.get(Kind.CONSUMER)).describedGroups();
    Map<String, KafkaFuture<ClassicGroupDescription>> classic =
        ids.get(Kind.CLASSIC_OTHER).isEmpty()
            ? Map.of()
            : admin.describeClassicGroups(ids.get(Kind.CLASSIC_OTHER)).describedGroups();
    Map<String, KafkaFuture<ShareGroupDescription>> share =
        ids.get(Kind.SHARE).isEmpty()
            ? Map.of()
            : admin.describeShareGroups(ids.get(Kind.SHARE)).describedGroups();
    Map<String, KafkaFuture<StreamsGroupDescription>> streams =
        ids.get(Kind.STREAMS).isEmpty()
            ? Map.of()
            : admin.describeStreamsGroups(ids.get(Kind.STREAMS)).describedGroups();

    ListConsumerGroupOffsetsResult committed = null;
    ListShareGroupOffsetsResult shareStarts = null;
    if (withOffsets) {
      Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
      for (GroupListing g : listed) {
        if (kindOf(g) != Kind.SHARE) specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec());
      }
      if (!specs.isEmpty()) committed = admin.listConsumerGroupOffsets(specs);
      Map<String, ListShareGroupOffsetsSpec> shareSpecs = new HashMap<>();
      for (String id : ids.get(Kind.SHARE)) shareSpecs.put(id, new ListShareGroupOffsetsSpec());
      if (!shareSpecs.isEmpty()) shareStarts = admin.listShareGroupOffsets(shareSpecs);
    }

    ArrayNode out = Lines.JSON.createArrayNode();
    Exception firstError = null;
    int described = 0;
    for (GroupListing g : listed) {
      String id = g.groupId();
      ObjectNode group;
      try {
        group =
            switch (kindOf(g)) {
              case CONSUMER -> GroupJson.consumer(consumer.get(id).get(), g);
              case CLASSIC_OTHER -> GroupJson.classic(classic.get(id).get(), g);
              case SHARE -> GroupJson.share(share.get(id).get(), g);
              case STREAMS -> GroupJson.streams(streams.get(id).get(), g);
            };
        described++;
      } catch (ExecutionException e) {
        // Deleted between ListGroups and the describe: simply gone from this observation.
        if (e.getCause() instanceof GroupIdNotFoundException) continue;
        if (firstError == null) firstError = e;
        // Listed but not describable (no access, coordinator moving): shown as listed.
        group = GroupJson.listedOnly(g);
      }
      if (withOffsets) {
        ArrayNode offsets = group.putArray("offsets");
        if (kindOf(g) == Kind.SHARE) shareOffsets(offsets, shareStarts, id);
        else committedOffsets(offsets, committed, id);
      } else {
        group.putNull("offsets");
      }
      out.add(group);
    }
    if (described == 0 && firstError != null) throw firstError;
    return out;
  }

  /**
   * ListGroups asks every broker the metadata lists. With one broker of a cluster down (killed,
   * not fenced yet) the groups the others coordinate are still listed; valid() fails only when
   * the metadata itself cannot be had, i.e. no broker answers at all.
   */
  private static List<GroupListing> listed(Admin admin) throws Exception {
    return new ArrayList<>(admin.listGroups().valid().get());
  }

  private static Kind kindOf(GroupListing g) {
    GroupType type = g.type().orElse(GroupType.UNKNOWN);
    if (type == GroupType.SHARE) return Kind.SHARE;
    if (type == GroupType.STREAMS) return Kind.STREAMS;
    // Classic groups of other protocol types (Connect's "connect") are no consumer groups: the
    // consumer-group describe would refuse them.
    String protocolType = g.protocol() == null ? "" : g.protocol();
    if (type == GroupType.CLASSIC && !protocolType.isEmpty() && !protocolType.equals("consumer")) {
      return Kind.CLASSIC_OTHER;
    }
    return Kind.CONSUMER;
  }

  private static void committedOffsets(ArrayNode out, ListConsumerGroupOffsetsResult result, String id)
      throws InterruptedException {
    if (result == null) return;
    Map<TopicPartition, OffsetAndMetadata> offsets;
    try {
      offsets = result.partitionsToOffsetAndMetadata(id).get();
    } catch (ExecutionException e) {
      return;
    }
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
      ObjectNode o = out.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition());
      if (e.getValue() == null || e.getValue().offset() < 0) o.putNull("offset");
      else o.put("offset", e.getValue().offset());
    }
  }

  private static void shareOffsets(ArrayNode out, ListShareGroupOffsetsResult result, String id)
      throws InterruptedException {
    if (result == null) return;
    Map<TopicPartition, org.apache.kafka.clients.admin.SharePartitionOffsetInfo> offsets;
    try {
      offsets = result.partitionsToOffsetInfo(id).get();
    } catch (ExecutionException e) {
      return;
    }
    for (var e : offsets.entrySet()) {
      ObjectNode o = out.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition());
      var info = e.getValue();
      if (info == null || info.startOffset() < 0) o.putNull("offset");
      else o.put("offset", info.startOffset());
      // KIP-1226: log end − start offset − records already done beyond it; absent until known.
      Long lag = info == null ? null : info.lag().orElse(null);
      if (lag == null || lag < 0) o.putNull("lag");
      else o.put("lag", lag);
    }
  }

}
