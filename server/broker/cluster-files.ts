import fs from 'node:fs';
import path from 'node:path';
import { log4jProperties } from './broker-properties';
import {
  type ClusterLayout,
  clusterBrokerProperties,
  controllerProperties,
} from './cluster-properties';
import { formatStorage, randomClusterId } from './storage';

/** The controller holds only the cluster's metadata: a small heap is plenty. */
const CONTROLLER_HEAP = '160m';

/** One node's place on disk: `<data dir>/<role>-<id>/` with its config, log and Kafka's logs. */
export interface NodeFiles {
  nodeId: number;
  role: 'broker' | 'controller';
  dir: string;
}

export const propertiesFile = (n: NodeFiles) => path.join(n.dir, 'server.properties');
export const logFile = (n: NodeFiles) => path.join(n.dir, `${n.role}.log`);

/** The JVM flags of a node: the brokers get KAFKA_HEAP, the controller CONTROLLER_HEAP. */
export function nodeJvmArgs(n: NodeFiles, brokerHeap: string, classpath: string): string[] {
  return [
    `-Xmx${n.role === 'controller' ? CONTROLLER_HEAP : brokerHeap}`,
    '-Xms64m',
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${path.join(n.dir, 'log4j2.properties')}`,
    '-cp',
    classpath,
  ];
}

/**
 * Writes each node's server.properties and log4j config, then formats the storage of any node
 * not formatted yet. All nodes share one cluster id: the one on disk if a node has it, else new.
 */
export async function prepareNodes(
  nodes: NodeFiles[],
  layout: ClusterLayout,
  jvmArgs: (n: NodeFiles) => string[],
): Promise<void> {
  for (const n of nodes) {
    fs.mkdirSync(n.dir, { recursive: true });
    const broker = layout.brokers.find((b) => b.nodeId === n.nodeId);
    const props = broker
      ? clusterBrokerProperties(layout, broker, n.dir)
      : controllerProperties(layout, n.dir);
    fs.writeFileSync(propertiesFile(n), props);
    fs.writeFileSync(path.join(n.dir, 'log4j2.properties'), log4jProperties(logFile(n)));
  }
  const meta = (n: NodeFiles) => path.join(n.dir, 'logs', 'meta.properties');
  const existing = nodes.find((n) => fs.existsSync(meta(n)));
  const clusterId = existing
    ? (/^cluster\.id=(.+)$/m.exec(fs.readFileSync(meta(existing), 'utf8'))?.[1] ?? '')
    : randomClusterId();
  await Promise.all(
    nodes
      .filter((n) => !fs.existsSync(meta(n)))
      .map((n) => formatStorage(jvmArgs(n), propertiesFile(n), clusterId, n.dir)),
  );
}
