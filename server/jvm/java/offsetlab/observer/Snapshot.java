package offsetlab.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import offsetlab.Lines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumResult;
import org.apache.kafka.common.Node;

/**
 * One observation of the cluster in a fixed number of Admin round trips, however many groups
 * there are: the topic and group branches run side by side, each batched across all its items.
 */
public final class Snapshot {
  private static final Set<String> ALL_PARTS = Set.of("cluster", "topics", "groups", "offsets");
  private static final ExecutorService BRANCHES =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "observer-branch");
            t.setDaemon(true);
            return t;
          });

  private Snapshot() {}

  public static JsonNode observe(Admin admin, JsonNode request) throws Exception {
    Set<String> parts = stringSet(request.get("parts"));
    if (parts == null || parts.isEmpty()) parts = ALL_PARTS;
    boolean offsets = parts.contains("offsets");
    if (offsets && !parts.contains("topics") && !parts.contains("groups")) {
      throw new IllegalArgumentException("observe: 'offsets' goes with 'topics' and/or 'groups'");
    }
    Set<String> groupIds = stringSet(request.get("groupIds"));
    long at = System.currentTimeMillis();

    // Fenced brokers too: registered with the controller but not serving (killed, restarting).
    DescribeClusterResult cluster =
        parts.contains("cluster")
            ? admin.describeCluster(new DescribeClusterOptions().includeFencedBrokers(true))
            : null;
    // KRaft brokers answer DescribeCluster's controller with any live broker (KIP-590); the
    // metadata quorum's leader is the active controller. In flight beside the other calls.
    DescribeMetadataQuorumResult quorum = parts.contains("cluster") ? admin.describeMetadataQuorum() : null;
    CompletableFuture<ArrayNode> topics =
        parts.contains("topics")
            ? CompletableFuture.supplyAsync(() -> Topics.read(admin, offsets), BRANCHES)
            : CompletableFuture.completedFuture(null);
    ArrayNode groups = parts.contains("groups") ? Groups.read(admin, groupIds, offsets) : null;

    ObjectNode out = Lines.object().put("at", at);
    if (cluster != null) out.set("cluster", cluster(cluster, quorum));
    ArrayNode topicList = topics.get();
    if (topicList != null) out.set("topics", topicList);
    if (groups != null) out.set("groups", groups);
    return out;
  }

  private static ObjectNode cluster(DescribeClusterResult result, DescribeMetadataQuorumResult quorum)
      throws Exception {
    ObjectNode cluster = Lines.object();
    cluster.put("clusterId", result.clusterId().get());
    Integer leader = quorumLeader(quorum);
    Node controller = result.controller().get();
    if (leader != null) cluster.put("controller", leader);
    else if (controller == null || controller.isEmpty()) cluster.putNull("controller");
    else cluster.put("controller", controller.id());
    ArrayNode brokers = cluster.putArray("brokers");
    ArrayNode fenced = cluster.putArray("fencedBrokers");
    for (Node n : result.nodes().get()) {
      (n.isFenced() ? fenced : brokers).addObject().put("nodeId", n.id()).put("host", n.host()).put("port", n.port());
    }
    return cluster;
  }

  /** Null where the cluster will not say (no DESCRIBE on CLUSTER): then DescribeCluster's answer. */
  private static Integer quorumLeader(DescribeMetadataQuorumResult quorum) {
    try {
      int id = quorum.quorumInfo().get().leaderId();
      return id < 0 ? null : id;
    } catch (Exception e) {
      return null;
    }
  }

  private static Set<String> stringSet(JsonNode node) {
    if (node == null || !node.isArray()) return null;
    Set<String> out = new HashSet<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
