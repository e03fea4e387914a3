package offsetlab;

import java.io.IOException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Run once after javac, under -XX:ArchiveClassesAtExit: loads the classes every lab JVM loads at
 * start (ours, Jackson's, and Kafka's consumer, producer and Admin clients) so that the shared
 * archive holds them. Each later JVM then maps them instead of parsing and verifying them again:
 * about 40 % less CPU per start, which matters when tens of consumers start on 2 cores.
 * It talks to no broker: the clients point at a closed port and give up within a second.
 */
public final class Warmup {
  private static final String NOWHERE = "127.0.0.1:1";

  private Warmup() {}

  public static void main(String[] args) throws Exception {
    loadOurClasses(args.length > 0 ? args[0] : null);
    Lines.JSON.readTree("{\"type\":\"start\",\"n\":1,\"list\":[true,null,1.5]}");
    Lines.JSON.writeValueAsString(Lines.object().put("type", "ready"));
    Properties common = new Properties();
    common.put("bootstrap.servers", NOWHERE);
    common.put("reconnect.backoff.max.ms", "100");
    Properties c = (Properties) common.clone();
    c.put("group.id", "offset-lab-warmup");
    c.put("key.deserializer", ByteArrayDeserializer.class.getName());
    c.put("value.deserializer", ByteArrayDeserializer.class.getName());
    // Closed without waiting: a close would otherwise wait its default timeout for the broker.
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c);
    consumer.subscribe(List.of("offset-lab-warmup"));
    consumer.poll(Duration.ofMillis(300));
    consumer.close(CloseOptions.timeout(Duration.ZERO));
    Properties p = (Properties) common.clone();
    p.put("key.serializer", ByteArraySerializer.class.getName());
    p.put("value.serializer", ByteArraySerializer.class.getName());
    p.put("max.block.ms", "300");
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
    producer.send(new ProducerRecord<>("offset-lab-warmup", new byte[] {1}));
    producer.close(Duration.ZERO);
    Map<String, Object> a = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
    Admin admin = Admin.create(a);
    try {
      admin.listTopics().names().get(300, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // Expected: nobody listens there. The classes are loaded, which is the point.
    }
    admin.close(Duration.ZERO);
  }

  /** Loads (without initialising) every class of the lab's own jar. */
  private static void loadOurClasses(String jar) throws IOException {
    if (jar == null) return;
    ClassLoader loader = Warmup.class.getClassLoader();
    try (JarFile file = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!name.endsWith(".class")) continue;
        try {
          Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError ignored) {
          // A class that cannot load here is not one a lab JVM loads at start either.
        }
      }
    }
  }
}
