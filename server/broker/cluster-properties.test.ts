import { describe, expect, it } from 'vitest';
import {
  type ClusterLayout,
  clusterBrokerProperties,
  controllerProperties,
} from './cluster-properties';

const layout: ClusterLayout = {
  controller: { nodeId: 0, port: 19095 },
  brokers: [
    { nodeId: 1, port: 19092 },
    { nodeId: 2, port: 19093 },
    { nodeId: 3, port: 19094 },
  ],
};

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('a LAB_BROKERS=3 cluster', () => {
  const controller = parse(controllerProperties(layout, '/d/controller-0'));
  const broker = parse(clusterBrokerProperties(layout, { nodeId: 2, port: 19093 }, '/d/broker-2'));

  it('runs a controller alone, that every broker knows as the quorum', () => {
    expect(controller.get('process.roles')).toBe('controller');
    expect(controller.get('listeners')).toBe('CONTROLLER://127.0.0.1:19095');
    expect(broker.get('process.roles')).toBe('broker');
    expect(broker.get('controller.quorum.voters')).toBe('0@127.0.0.1:19095');
    expect(controller.get('controller.quorum.voters')).toBe('0@127.0.0.1:19095');
  });

  it('has each broker on its own port on 127.0.0.1, replicating over the same listener', () => {
    expect(broker.get('node.id')).toBe('2');
    expect(broker.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19093');
    expect(broker.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19093');
    expect(broker.get('inter.broker.listener.name')).toBe('PLAINTEXT');
    expect(broker.get('log.dirs')).toBe('/d/broker-2/logs');
  });

  it('replicates like a real cluster: internal topics on 3, acks=all needs 2 in sync', () => {
    for (const props of [controller, broker]) {
      expect(props.get('default.replication.factor')).toBe('3');
      expect(props.get('min.insync.replicas')).toBe('2');
      expect(props.get('offsets.topic.replication.factor')).toBe('3');
      expect(props.get('transaction.state.log.replication.factor')).toBe('3');
      expect(props.get('transaction.state.log.min.isr')).toBe('2');
      expect(props.get('share.coordinator.state.topic.min.isr')).toBe('2');
    }
  });

  it('keeps the one-broker lab’s settings and looks for expired segments every second', () => {
    expect(broker.get('broker.session.timeout.ms')).toBe('3000');
    expect(broker.get('auto.create.topics.enable')).toBe('false');
    expect(broker.get('log.retention.check.interval.ms')).toBe('1000');
  });
});
