/** Extra listeners for testing secured clients: SASL (PLAIN and SCRAM-SHA-256) and TLS. */
export interface BrokerSecurity {
  saslPort: number;
  sslPort: number;
  keystore: { location: string; password: string };
  /** PLAIN users: name → password (kept in the broker's JAAS config). */
  plainUsers: Record<string, string>;
  /** SCRAM-SHA-256 users, written into the metadata when the storage is formatted. */
  scramUsers: Record<string, string>;
}

export interface BrokerSettings {
  clientPort: number;
  controllerPort: number;
  dataDir: string;
  /** node.id; 1 unless KAFKA_BROKER_IDS says otherwise. */
  nodeId?: number;
  security?: BrokerSecurity;
}

/** How long a killed lab broker is still listed (and leads) before the controller fences it. */
export const BROKER_SESSION_TIMEOUT_MS = 3000;

/**
 * Settings every lab node gets, one node or a cluster. docker-compose.yml mirrors them; change
 * both together.
 */
export function labSettings(): Record<string, string | number | boolean> {
  return {
    // Rebalances should start the moment a member joins, so learners see cause and effect.
    'group.initial.rebalance.delay.ms': 0,
    // Lets the lab use short session timeouts (the default floor is 6000).
    'group.min.session.timeout.ms': 1000,
    // KIP-848 groups (group.protocol=consumer) have broker-side timeouts; the defaults (45 s session,
    // 5 s heartbeat) would make a crash take most of a minute to show.
    'group.consumer.min.session.timeout.ms': 3000,
    'group.consumer.session.timeout.ms': 6000,
    'group.consumer.min.heartbeat.interval.ms': 500,
    'group.consumer.heartbeat.interval.ms': 1000,
    // Share groups (KIP-932) use the same broker-side timers.
    'group.share.min.session.timeout.ms': 3000,
    'group.share.session.timeout.ms': 6000,
    'group.share.min.heartbeat.interval.ms': 500,
    'group.share.heartbeat.interval.ms': 1000,
    // A share group's record lock: 10 s by default in the lab (30 s in Kafka), so a silent member's
    // records come back while a learner watches; the floor lets a group ask for as little as 1 s.
    'group.share.min.record.lock.duration.ms': 1000,
    'group.share.record.lock.duration.ms': 10000,
    'auto.create.topics.enable': false,
    // After a crash the controller refuses the restarted broker until the old registration
    // expires; 3 s instead of 9 s lets the "broker down" experiment recover quickly. It is also
    // how long a killed broker stays a leader before the controller fences it.
    'broker.session.timeout.ms': BROKER_SESSION_TIMEOUT_MS,
    'broker.heartbeat.interval.ms': 1000,
    'num.partitions': 1,
    'offsets.topic.num.partitions': 10,
    'log.retention.hours': 24,
    'log.segment.bytes': 64 * 1024 * 1024,
    // Retention set on a topic from the page should act within seconds: the broker looks for
    // deletable segments every 5 min by default, and only 30 s after it started.
    'log.retention.check.interval.ms': 1000,
    'log.initial.task.delay.ms': 1000,
    // Likewise compaction: the cleaner looks for dirty logs every 15 s by default.
    'log.cleaner.backoff.ms': 1000,
  };
}

/** A one-node KRaft broker+controller: the default lab (LAB_BROKERS=1). */
export function serverProperties(settings: BrokerSettings): string {
  const { clientPort, controllerPort, dataDir, security } = settings;
  const nodeId = settings.nodeId ?? 1;
  const lines: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': nodeId,
    'controller.quorum.voters': `${nodeId}@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${clientPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${clientPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': `${dataDir}/logs`,
    // One broker: internal topics cannot have more replicas than that.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    ...labSettings(),
  };
  if (security) Object.assign(lines, securityProperties(clientPort, controllerPort, security));
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}

function securityProperties(
  clientPort: number,
  controllerPort: number,
  s: BrokerSecurity,
): Record<string, string> {
  const plainUsers = Object.entries(s.plainUsers)
    .map(([name, password]) => `user_${name}="${password}"`)
    .join(' ');
  return {
    listeners: `PLAINTEXT://127.0.0.1:${clientPort},SASL_PLAINTEXT://127.0.0.1:${s.saslPort},SSL://127.0.0.1:${s.sslPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${clientPort},SASL_PLAINTEXT://127.0.0.1:${s.saslPort},SSL://127.0.0.1:${s.sslPort}`,
    'listener.security.protocol.map':
      'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT',
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256',
    'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`,
    'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config':
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'ssl.keystore.location': s.keystore.location,
    'ssl.keystore.password': s.keystore.password,
    'ssl.keystore.type': 'PKCS12',
    'ssl.client.auth': 'none',
  };
}

export function log4jProperties(logFile: string): string {
  return [
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.file.ref=FILE',
    'appender.file.type=RollingFile',
    'appender.file.name=FILE',
    `appender.file.fileName=${logFile}`,
    `appender.file.filePattern=${logFile}.%i`,
    'appender.file.layout.type=PatternLayout',
    'appender.file.layout.pattern=[%d] %p %m (%c)%n',
    'appender.file.policies.type=Policies',
    'appender.file.policies.size.type=SizeBasedTriggeringPolicy',
    'appender.file.policies.size.size=20MB',
    'appender.file.strategy.type=DefaultRolloverStrategy',
    'appender.file.strategy.max=2',
    '',
  ].join('\n');
}
