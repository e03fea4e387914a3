package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Processing with retry + DLQ on: the value must be a trade. The same rules and error texts as
 * server/domain/trade-check.ts, so the timeline reads the same for both clients.
 */
final class TradeCheck {
  static final String MALFORMED_JSON = "malformed JSON";

  private TradeCheck() {}

  /** Null when the value is a trade; else why not ("malformed JSON", "bad price: -3.5", …). */
  static String problem(String value) {
    JsonNode t = parse(value);
    if (t == null) return MALFORMED_JSON;
    if (!t.isObject()) return "not a trade: not a JSON object";
    JsonNode price = t.get("price");
    if (price == null || !price.isNumber() || !Double.isFinite(price.asDouble()) || price.asDouble() <= 0)
      return "bad price: " + (price == null ? "missing" : price.toString());
    if (!t.path("symbol").isTextual()) return "not a trade: bad symbol";
    if (!t.path("event_time").isTextual()) return "not a trade: bad event_time";
    JsonNode seq = t.path("seq");
    if (!seq.isIntegralNumber() || seq.asLong() < 0) return "not a trade: bad seq";
    if (!t.path("run").isTextual()) return "not a trade: bad run";
    return null;
  }

  /** exactly-once's transform: the trade with its origin; anything else passes unchanged. */
  static String transform(String value, int partition, long offset) {
    if (value == null || problem(value) != null) return value;
    ObjectNode t = (ObjectNode) parse(value);
    t.putObject("origin").put("partition", partition).put("offset", offset);
    return t.toString();
  }

  private static JsonNode parse(String value) {
    if (value == null) return null;
    try {
      JsonNode t = Lines.JSON.readTree(value);
      return t == null || t.isMissingNode() ? null : t;
    } catch (Exception e) {
      return null;
    }
  }
}
