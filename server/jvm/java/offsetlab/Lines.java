package offsetlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * JSON lines to and from the Node server. stdout carries only these lines (logs go to stderr),
 * and the end of stdin means the server is gone: the process must not outlive it.
 */
public final class Lines {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream OUT =
      new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);

  private Lines() {}

  /** A record's bytes as text for processing (a trade is UTF-8 JSON); null stays null. */
  public static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static void emit(JsonNode message) {
    String line;
    try {
      line = JSON.writeValueAsString(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    synchronized (OUT) {
      OUT.print(line);
      OUT.print('\n');
      OUT.flush();
    }
  }

  /** Reads stdin line by line on a daemon thread; `onEnd` runs once stdin closes. */
  public static Thread readAsync(Consumer<JsonNode> onLine, Runnable onEnd) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.isBlank()) continue;
                  JsonNode node;
                  try {
                    node = JSON.readTree(line);
                  } catch (Exception e) {
                    System.err.println("offsetlab: unreadable input line ignored");
                    continue;
                  }
                  onLine.accept(node);
                }
              } catch (Exception e) {
                System.err.println("offsetlab: stdin failed: " + e.getMessage());
              }
              onEnd.run();
            },
            "stdin-reader");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
