package offsetlab.observer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import offsetlab.Lines;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.CoordinatorNotAvailableException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.FencedMemberEpochException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.StaleMemberEpochException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** An exception turned into the protocol's error: a kind the server maps to a status, and a clean message. */
public final class Failure {
  private static final int MAX_CAUSES = 4;

  private final String kind;
  private final String message;
  private final Throwable cause;

  private Failure(String kind, String message, Throwable cause) {
    this.kind = kind;
    this.message = message;
    this.cause = cause;
  }

  public String kind() {
    return kind;
  }

  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  public static Failure of(Throwable thrown, Secrets secrets) {
    Throwable t = unwrap(thrown);
    return new Failure(kindOfChain(t), secrets.scrub(messageOf(t)), t);
  }

  /**
   * The wrapper's message and its causes' ("Failed to create new KafkaAdminClient" alone says
   * nothing about the truststore that could not be read).
   */
  private static String messageOf(Throwable t) {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    for (Throwable c = t; c != null && depth < MAX_CAUSES; c = c.getCause() == c ? null : c.getCause(), depth++) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      if (text.indexOf(m) >= 0) continue;
      if (text.length() > 0) text.append(": ");
      text.append(m);
    }
    return text.toString();
  }

  /** The first cause Kafka names precisely decides; Admin.create wraps SSL and SASL setup errors. */
  private static String kindOfChain(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < MAX_CAUSES; c = c.getCause() == c ? null : c.getCause(), depth++) {
      String kind = kindOf(c);
      if (!kind.equals("other")) return kind;
    }
    String text = messageOf(t).toLowerCase(java.util.Locale.ROOT);
    if (text.contains("ssl") || text.contains("keystore") || text.contains("truststore")) return "ssl";
    if (text.contains("sasl") || text.contains("jaas") || text.contains("login")) return "authentication";
    return "other";
  }

  private static String kindOf(Throwable t) {
    // SslAuthenticationException is an AuthenticationException: test it first.
    if (t instanceof SslAuthenticationException) return "ssl";
    if (t instanceof AuthenticationException) return "authentication";
    if (t instanceof AuthorizationException) return "authorization";
    if (t instanceof GroupNotEmptyException) return "not-empty";
    if (t instanceof GroupIdNotFoundException) return "unknown-group";
    if (t instanceof UnknownTopicOrPartitionException || t instanceof UnknownTopicIdException) {
      return "unknown-topic";
    }
    if (t instanceof TopicExistsException) return "exists";
    if (t instanceof InvalidTopicException
        || t instanceof InvalidPartitionsException
        || t instanceof InvalidReplicationFactorException
        || t instanceof InvalidConfigurationException
        || t instanceof InvalidRequestException
        || t instanceof InvalidGroupIdException
        || t instanceof PolicyViolationException
        || t instanceof ConfigException
        || t instanceof IllegalArgumentException) {
      return "invalid";
    }
    if (t instanceof TimeoutException) {
      // The Admin's way of saying no broker answered: it never got a connection to send on.
      String m = String.valueOf(t.getMessage());
      return m.contains("node assignment") || m.contains("waiting to send") ? "unreachable" : "timeout";
    }
    if (t instanceof DisconnectException || t instanceof BrokerNotAvailableException) return "unreachable";
    if (t instanceof CoordinatorNotAvailableException) return "unreachable";
    return "other";
  }

  /**
   * An OffsetCommit from the Admin carries no member id or epoch; Kafka accepts it only while the
   * group has no members, and otherwise answers as if a stale member had committed.
   */
  public Failure forOp(String op) {
    if (!"setOffsets".equals(op)) return this;
    if (cause instanceof UnknownMemberIdException
        || cause instanceof IllegalGenerationException
        || cause instanceof RebalanceInProgressException
        || cause instanceof StaleMemberEpochException
        || cause instanceof FencedMemberEpochException) {
      return new Failure(
          "not-empty",
          "Kafka changes committed offsets only while the group has no active members (Empty); it answered "
              + cause.getClass().getSimpleName()
              + ": "
              + message,
          cause);
    }
    return this;
  }

  public ObjectNode toJson() {
    ObjectNode error = Lines.object();
    error.put("kind", kind);
    error.put("message", message);
    return error;
  }
}
