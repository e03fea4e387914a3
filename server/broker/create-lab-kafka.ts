import type { AppConfig } from '../config';
import { EmbeddedBroker } from './embedded-broker';
import { LabCluster } from './lab-cluster';
import type { LabKafka } from './lab-kafka';

type KafkaConfig = Pick<
  AppConfig,
  | 'rootDir'
  | 'labBrokers'
  | 'brokerNodes'
  | 'controllerId'
  | 'controllerPort'
  | 'kafkaDataDir'
  | 'kafkaHeap'
>;

/** The Kafka LAB_BROKERS asks for: one broker+controller node, or 3 brokers and a controller. */
export function createLabKafka(config: KafkaConfig, log?: (line: string) => void): LabKafka {
  const first = config.brokerNodes[0];
  if (config.labBrokers === 1 && first) {
    return new EmbeddedBroker({
      rootDir: config.rootDir,
      clientPort: first.port,
      controllerPort: config.controllerPort,
      dataDir: config.kafkaDataDir,
      heap: config.kafkaHeap,
      nodeId: first.nodeId,
      log,
    });
  }
  return new LabCluster({
    rootDir: config.rootDir,
    layout: {
      controller: { nodeId: config.controllerId, port: config.controllerPort },
      brokers: config.brokerNodes,
    },
    dataDir: config.kafkaDataDir,
    heap: config.kafkaHeap,
    log,
  });
}
