package offsetlab.observer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client properties' secret values, so no message this JVM prints can carry one: Kafka's
 * config and SASL errors sometimes quote the offending value (a JAAS line holds the password).
 */
public final class Secrets {
  private static final Pattern SENSITIVE_KEY =
      Pattern.compile("(?i).*(password|secret|jaas|token|credential|keystore\\.key).*");
  /** JAAS options such as password="…" or password=…; */
  private static final Pattern JAAS_VALUE = Pattern.compile("=\\s*\"([^\"]*)\"|=\\s*([^\\s;\"]+)");
  private static final Pattern ANY_PASSWORD =
      Pattern.compile("(?i)((?:password|secret|token)[a-z._-]*\\s*[=:]\\s*)(\"[^\"]*\"|[^\\s,;}]+)");
  public static final String MASK = "[redacted]";

  private final List<String> values = new ArrayList<>();

  Secrets(Map<String, String> properties) {
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (!SENSITIVE_KEY.matcher(e.getKey()).matches() || e.getValue() == null) continue;
      add(e.getValue());
      Matcher m = JAAS_VALUE.matcher(e.getValue());
      while (m.find()) add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    // Longest first, so a password inside a JAAS line cannot leave a partial match behind.
    values.sort(Comparator.comparingInt(String::length).reversed());
  }

  private void add(String value) {
    // Very short values ("1", "PLAIN") would mask ordinary words and are not worth hiding.
    if (value != null && value.length() >= 4 && !values.contains(value)) values.add(value);
  }

  public String scrub(String text) {
    if (text == null) return "";
    String out = text;
    for (String v : values) out = out.replace(v, MASK);
    return ANY_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }
}
