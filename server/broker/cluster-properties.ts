import { labSettings } from './broker-properties';

/** Where each node of a LAB_BROKERS=3 cluster listens: all on 127.0.0.1. */
export interface ClusterLayout {
  controller: { nodeId: number; port: number };
  brokers: { nodeId: number; port: number }[];
}

type Properties = Record<string, string | number | boolean>;

function text(lines: Properties): string {
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}

/**
 * What a real cluster sets, scaled to 3 brokers: every internal topic on all three, and a write
 * with acks=all needs 2 in-sync copies (min.insync.replicas), so one broker may die safely.
 * The controller needs them too: it fills in defaults for topics created without them.
 */
function replicationSettings(layout: ClusterLayout): Properties {
  const rf = layout.brokers.length;
  const minIsr = Math.min(2, rf);
  return {
    'controller.quorum.voters': `${layout.controller.nodeId}@127.0.0.1:${layout.controller.port}`,
    'controller.listener.names': 'CONTROLLER',
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': minIsr,
    // The controller gives a restarted broker its preferred leaderships back on its own, every
    // 300 s by default; 10 s lets a person see leaders return after "start".
    'leader.imbalance.check.interval.seconds': 10,
    ...labSettings(),
  };
}

/** The KRaft controller alone: it holds the metadata and elects leaders, it stores no topic. */
export function controllerProperties(layout: ClusterLayout, dataDir: string): string {
  const { nodeId, port } = layout.controller;
  return text({
    'process.roles': 'controller',
    'node.id': nodeId,
    listeners: `CONTROLLER://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT',
    'log.dirs': `${dataDir}/logs`,
    ...replicationSettings(layout),
  });
}

/** One of the brokers: clients and the other brokers' replica fetchers use the same listener. */
export function clusterBrokerProperties(
  layout: ClusterLayout,
  broker: { nodeId: number; port: number },
  dataDir: string,
): string {
  return text({
    'process.roles': 'broker',
    'node.id': broker.nodeId,
    listeners: `PLAINTEXT://127.0.0.1:${broker.port}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${broker.port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': `${dataDir}/logs`,
    ...replicationSettings(layout),
    // The log cleaner (it compacts __consumer_offsets) takes a 128 MiB dedupe buffer on the heap
    // by default; the lab's compacted topics are tiny, and three brokers must fit in ~1.5 GiB.
    'log.cleaner.dedupe.buffer.size': 16 * 1024 * 1024,
  });
}
