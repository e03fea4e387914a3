package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntBiFunction;

/**
 * The start of every lab consumer process (LabConsumer, LabShareConsumer): stdin's first `start`
 * command configures it, later lines are WorkerCommands for its LabConsumerControl, and the end
 * of stdin means the server is gone. Commands that arrive before the consumer exists are kept and
 * applied in order once it does.
 */
final class WorkerMain {
  /**
   * Once the server is gone, leave politely but never linger longer than this (timings from the
   * start command; 0 until it was read: with no consumer yet there is nothing to leave).
   */
  private static volatile long parentGoneExitMs = 0;

  private static final JsonNode END_OF_INPUT = Lines.object();

  private WorkerMain() {}

  /** Reads the start command, then exits with what `run` returns. */
  static void run(ToIntBiFunction<LabConsumerConfig, LabConsumerControl> run) {
    CompletableFuture<JsonNode> start = new CompletableFuture<>();
    LabConsumerControl[] control = {null};
    List<JsonNode> early = new ArrayList<>();
    Lines.readAsync(
        line -> {
          synchronized (early) {
            if (!start.isDone()) {
              if (line.path("type").asText().equals("start")) start.complete(line.path("config"));
              else early.add(line);
            } else if (control[0] != null) control[0].apply(line);
            else early.add(line);
          }
        },
        () -> {
          startExitDeadline();
          synchronized (early) {
            if (control[0] != null) control[0].endOfInput();
            else {
              // Before the consumer exists: remembered, as an end-of-input marker line.
              early.add(END_OF_INPUT);
              start.complete(null);
            }
          }
        });
    JsonNode raw = start.join();
    if (raw == null || raw.isMissingNode()) System.exit(1);
    LabConsumerConfig config;
    try {
      config = LabConsumerConfig.parse(raw);
    } catch (RuntimeException e) {
      LabConsumerMessages.error(e.getMessage());
      System.exit(1);
      return;
    }
    parentGoneExitMs = config.timings().parentGoneExitMs();
    LabConsumerControl ctl = new LabConsumerControl(config.delayMs());
    synchronized (early) {
      control[0] = ctl;
      for (JsonNode line : early) {
        if (line == END_OF_INPUT) ctl.endOfInput();
        else ctl.apply(line);
      }
      early.clear();
    }
    System.exit(run.applyAsInt(config, ctl));
  }

  /** The server is gone (even by SIGKILL): whatever the graceful stop is doing, end soon. */
  private static void startExitDeadline() {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(parentGoneExitMs);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(1);
            },
            "exit-deadline");
    t.setDaemon(true);
    t.start();
  }
}
