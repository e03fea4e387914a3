package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lab's commands, written by the stdin thread and read by the poll loop between records
 * (KafkaConsumer is single-threaded, so only the loop may act on them). A stop or a pause wakes
 * a processing delay at once.
 */
final class LabConsumerControl {
  private boolean paused;
  private boolean stopRequested;
  private boolean inputEnded;
  private boolean rejoinRequested;
  private long delayMs;

  LabConsumerControl(long delayMs) {
    this.delayMs = delayMs;
  }

  synchronized void apply(JsonNode command) {
    switch (command.path("type").asText()) {
      case "pause" -> paused = true;
      case "resume" -> paused = false;
      case "slow" -> delayMs = Math.max(0, command.path("delayMs").asLong(0));
      case "rejoin" -> rejoinRequested = true;
      case "stop" -> stopRequested = true;
      case "start" -> {} // once only; the first one configured this process
      default -> LabConsumerMessages.error("unknown command ignored: " + command.path("type").asText());
    }
    notifyAll();
  }

  /** stdin closed: the server is gone, so stop at once and within a short deadline. */
  synchronized void endOfInput() {
    inputEnded = true;
    stopRequested = true;
    notifyAll();
  }

  synchronized boolean paused() {
    return paused;
  }

  synchronized boolean stopping() {
    return stopRequested;
  }

  synchronized boolean inputEnded() {
    return inputEnded;
  }

  synchronized long delayMs() {
    return delayMs;
  }

  /** True once per `rejoin` command. */
  synchronized boolean takeRejoin() {
    boolean r = rejoinRequested;
    rejoinRequested = false;
    return r;
  }

  /** A record must not start (or finish its delay) while stopping or paused. */
  synchronized boolean interrupted() {
    return stopRequested || paused;
  }

  /** Waits up to `ms`; false when a stop or pause arrived meanwhile. */
  synchronized boolean await(long ms) {
    if (interrupted()) return false;
    try {
      wait(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !interrupted();
  }
}
