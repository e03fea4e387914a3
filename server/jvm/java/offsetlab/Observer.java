package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import offsetlab.observer.ClientConfig;
import offsetlab.observer.CommitTail;
import offsetlab.observer.Failure;
import offsetlab.observer.Mutations;
import offsetlab.observer.RecordTimes;
import offsetlab.observer.Records;
import offsetlab.observer.Snapshot;
import org.apache.kafka.clients.admin.Admin;

/**
 * The lab's window on the cluster: Kafka's own Admin client (which understands KIP-848 and share
 * groups) plus a group-less consumer tailing __consumer_offsets, behind JSON lines on stdio.
 */
public final class Observer {
  /** Requests run concurrently; a slow observe must not hold up a createTopic. */
  private static final int WORKERS = 4;

  private final ClientConfig config;
  private final AtomicReference<Admin> admin = new AtomicReference<>();
  private final CommitTail tail;
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          WORKERS,
          r -> {
            Thread t = new Thread(r, "observer-request");
            t.setDaemon(true);
            return t;
          });

  private Observer(ClientConfig config) {
    this.config = config;
    this.admin.set(Admin.create(config.admin()));
    this.tail = new CommitTail(config);
  }

  public static void main(String[] args) {
    AtomicReference<Observer> self = new AtomicReference<>();
    Lines.readAsync(
        line -> {
          Observer observer = self.get();
          if (observer != null) {
            observer.submit(line);
            return;
          }
          try {
            if (!"start".equals(line.path("type").asText())) {
              throw new IllegalArgumentException("the first line must be {\"type\":\"start\",...}");
            }
            self.set(new Observer(ClientConfig.fromStart(line)));
            ObjectNode ready = Lines.object().put("event", "ready");
            ready.put("pid", ProcessHandle.current().pid());
            Lines.emit(ready);
          } catch (Throwable t) {
            ObjectNode fatal = Lines.object().put("event", "fatal");
            fatal.set("error", Failure.of(t, ClientConfig.secretsOf(line)).toJson());
            Lines.emit(fatal);
            System.exit(2);
          }
        },
        // The server is gone (or closed us): exit now, whatever is in flight.
        () -> System.exit(0));
    // The stdin reader is a daemon thread; this one only keeps the JVM up until it ends.
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      System.exit(0);
    }
  }

  private void submit(JsonNode request) {
    if (!request.has("id")) {
      System.err.println("offsetlab observer: request without id ignored");
      return;
    }
    long id = request.path("id").asLong();
    workers.execute(
        () -> {
          ObjectNode response = Lines.object().put("id", id);
          try {
            JsonNode result = handle(request);
            response.put("ok", true);
            response.set("result", result);
          } catch (Throwable t) {
            response.put("ok", false);
            response.set("error", Failure.of(t, config.secrets()).forOp(request.path("op").asText()).toJson());
          }
          Lines.emit(response);
        });
  }

  private JsonNode handle(JsonNode request) throws Exception {
    String op = request.path("op").asText();
    Admin client = admin.get();
    switch (op) {
      case "observe":
        return Snapshot.observe(client, request);
      case "tailCommits":
        return tail.start();
      case "metrics":
        return metrics(client);
      case "ping":
        return ping(request);
      case "reset":
        return reset();
      case "readRecords":
        return Records.read(config, request);
      case "recordTimes":
        return RecordTimes.read(config, request);
      default:
        return Mutations.handle(client, op, request, config.apiTimeoutMs());
    }
  }

  /** Drops the Admin client, so a restarted broker is met with fresh connections and metadata. */
  private JsonNode reset() {
    Admin old = admin.getAndSet(Admin.create(config.admin()));
    workers.execute(() -> old.close(java.time.Duration.ofSeconds(1)));
    return Lines.object().put("reset", true);
  }

  private static JsonNode ping(JsonNode request) throws InterruptedException {
    long delayMs = Math.max(0, Math.min(60_000, request.path("delayMs").asLong(0)));
    if (delayMs > 0) Thread.sleep(delayMs);
    return Lines.object().put("pong", true);
  }

  private JsonNode metrics(Admin client) {
    ObjectNode result = Lines.object();
    double[] sums = sumRequests(client.metrics());
    result.put("adminRequestTotal", sums[0]);
    result.put("adminRequestRate", sums[1]);
    double[] tailSums = tail.requestMetrics();
    result.put("tailRequestTotal", tailSums[0]);
    result.put("tailRequestRate", tailSums[1]);
    result.put("tailRecordsTotal", tail.recordsRead());
    return result;
  }

  /**
   * request-total and request-rate summed over the per-node groups (*-node-metrics), i.e. every
   * request this client sent to any broker or to the bootstrap address.
   */
  public static double[] sumRequests(Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> metrics) {
    double total = 0;
    double rate = 0;
    for (var entry : metrics.entrySet()) {
      var name = entry.getKey();
      if (!name.group().endsWith("-node-metrics")) continue;
      Object value = entry.getValue().metricValue();
      if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) continue;
      if (name.name().equals("request-total")) total += n.doubleValue();
      else if (name.name().equals("request-rate")) rate += n.doubleValue();
    }
    return new double[] {total, rate};
  }
}
