export interface BrokerSettings {
  clientPort: number;
  controllerPort: number;
  dataDir: string;
}

/**
 * Lab settings for a one-node KRaft broker+controller. docker-compose.yml mirrors these;
 * change both together.
 */
export function serverProperties({ clientPort, controllerPort, dataDir }: BrokerSettings): string {
  const lines: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
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
    'auto.create.topics.enable': false,
    // After a crash the controller refuses the restarted broker until the old registration
    // expires; 3 s instead of 9 s lets the "broker down" experiment recover quickly.
    'broker.session.timeout.ms': 3000,
    'broker.heartbeat.interval.ms': 1000,
    'num.partitions': 1,
    'offsets.topic.num.partitions': 10,
    'log.retention.hours': 24,
    'log.segment.bytes': 64 * 1024 * 1024,
  };
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
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
