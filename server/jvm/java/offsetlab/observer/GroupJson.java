package offsetlab.observer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import offsetlab.Lines;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The Admin's group descriptions as the protocol's group objects. Types and states are passed on
 * as Kafka names them (GroupType/GroupState toString); the server maps them to its own enums.
 */
final class GroupJson {
  private GroupJson() {}

  /**
   * Classic groups: the Admin asks ConsumerGroupDescribe first, gets GROUP_ID_NOT_FOUND and falls
   * back to DescribeGroups, which has no epochs. Kafka 4.4's Admin then gives Optional.empty() for
   * groupEpoch and targetAssignmentEpoch, and for every member's memberEpoch, upgraded and
   * targetAssignment: all null here (checked in observer-groups.int.test.ts). DescribeGroups has
   * no generation id either. KIP-848 groups have all of them; `upgraded` is true for a member on
   * the consumer protocol and false for one still joining with the classic protocol.
   */
  static ObjectNode consumer(ConsumerGroupDescription d, GroupListing listed) {
    ObjectNode g = group(d.groupId(), d.type().toString(), d.groupState().toString(), d.partitionAssignor(), listed);
    epoch(g, "groupEpoch", d.groupEpoch());
    epoch(g, "assignmentEpoch", d.targetAssignmentEpoch());
    ArrayNode members = g.putArray("members");
    for (MemberDescription m : d.members()) {
      ObjectNode member = member(members, m.consumerId(), m.clientId(), m.host(), m.groupInstanceId());
      partitions(member.putArray("assignments"), m.assignment().topicPartitions());
      if (m.targetAssignment().isPresent()) {
        partitions(member.putArray("targetAssignments"), m.targetAssignment().get().topicPartitions());
      } else {
        member.putNull("targetAssignments");
      }
      epoch(member, "memberEpoch", m.memberEpoch());
      if (m.upgraded().isPresent()) member.put("upgraded", m.upgraded().get());
      else member.putNull("upgraded");
    }
    return g;
  }

  static ObjectNode classic(ClassicGroupDescription d, GroupListing listed) {
    ObjectNode g = group(d.groupId(), "Classic", d.state().toString(), d.protocol(), listed);
    g.putNull("groupEpoch").putNull("assignmentEpoch");
    ArrayNode members = g.putArray("members");
    for (MemberDescription m : d.members()) {
      ObjectNode member = member(members, m.consumerId(), m.clientId(), m.host(), m.groupInstanceId());
      partitions(member.putArray("assignments"), m.assignment().topicPartitions());
      member.putNull("targetAssignments").putNull("memberEpoch").putNull("upgraded");
    }
    return g;
  }

  /** Share groups (KIP-932): partitions are shared, so an assignment is what a member may fetch from. */
  static ObjectNode share(ShareGroupDescription d, GroupListing listed) {
    ObjectNode g = group(d.groupId(), "Share", d.groupState().toString(), "", listed);
    g.put("groupEpoch", d.groupEpoch()).put("assignmentEpoch", d.targetAssignmentEpoch());
    ArrayNode members = g.putArray("members");
    for (ShareMemberDescription m : d.members()) {
      ObjectNode member = member(members, m.consumerId(), m.clientId(), m.host(), Optional.empty());
      partitions(member.putArray("assignments"), m.assignment().topicPartitions());
      member.putNull("targetAssignments").put("memberEpoch", m.memberEpoch()).putNull("upgraded");
    }
    return g;
  }

  /** Streams groups (KIP-1071) assign tasks, not partitions: members are listed without them. */
  static ObjectNode streams(StreamsGroupDescription d, GroupListing listed) {
    ObjectNode g = group(d.groupId(), "Streams", d.groupState().toString(), d.assignorName().orElse(""), listed);
    g.put("groupEpoch", d.groupEpoch()).put("assignmentEpoch", d.targetAssignmentEpoch());
    ArrayNode members = g.putArray("members");
    for (StreamsGroupMemberDescription m : d.members()) {
      ObjectNode member = member(members, m.memberId(), m.clientId(), m.clientHost(), m.instanceId());
      member.putArray("assignments");
      member.putNull("targetAssignments").put("memberEpoch", m.memberEpoch()).putNull("upgraded");
    }
    return g;
  }

  static ObjectNode listedOnly(GroupListing listed) {
    String type = listed.type().map(Object::toString).orElse("Unknown");
    String state = listed.groupState().map(Object::toString).orElse("Unknown");
    ObjectNode g = group(listed.groupId(), type, state, "", listed);
    g.putNull("groupEpoch").putNull("assignmentEpoch");
    g.putArray("members");
    return g;
  }

  private static ObjectNode group(String id, String type, String state, String protocol, GroupListing listed) {
    ObjectNode g = Lines.object().put("groupId", id).put("type", type).put("state", state);
    g.put("protocol", protocol == null ? "" : protocol);
    g.put("protocolType", listed.protocol() == null ? "" : listed.protocol());
    return g;
  }

  private static ObjectNode member(
      ArrayNode members, String id, String clientId, String host, Optional<String> instanceId) {
    ObjectNode m = members.addObject().put("memberId", id).put("clientId", clientId);
    // The Admin reports hosts as InetAddress.toString(), "/127.0.0.1".
    m.put("host", host == null ? "" : host.replaceFirst("^/", ""));
    if (instanceId.isPresent()) m.put("groupInstanceId", instanceId.get());
    else m.putNull("groupInstanceId");
    return m;
  }

  private static void epoch(ObjectNode node, String field, Optional<Integer> value) {
    if (value.isPresent()) node.put(field, value.get());
    else node.putNull(field);
  }

  private static void partitions(ArrayNode out, Collection<TopicPartition> tps) {
    Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
    for (TopicPartition tp : tps) byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition());
    byTopic.forEach(
        (topic, parts) -> {
          ArrayNode p = out.addObject().put("topic", topic).putArray("partitions");
          parts.forEach(p::add);
        });
  }
}
