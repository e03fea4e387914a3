import { describe, expect, it } from 'vitest';
import type { LabNode } from '../../protocol/cluster-nodes';
import type { LabKafka } from '../broker/lab-kafka';
import { BROKER_COMMANDS } from './broker-commands';
import type { CommandContext } from './command-table';
import type { Lab } from './lab';

/** A lab Kafka that records what it was asked to do. */
function fakeKafka(nodes: LabNode[]): LabKafka & { calls: string[] } {
  const calls: string[] = [];
  const node = (nodeId: number) => nodes.find((n) => n.nodeId === nodeId);
  return {
    calls,
    bootstrapServers: [],
    running: true,
    pid: 1,
    logFile: '',
    brokerIds: nodes.filter((n) => n.role !== 'controller').map((n) => n.nodeId),
    nodes: () => nodes,
    prepare: async () => undefined,
    start: async (id) => {
      calls.push(`start ${id}`);
      return 42;
    },
    stop: async (id) => {
      calls.push(`stop ${id}`);
    },
    kill: async (id) => {
      calls.push(`kill ${id}`);
      const n = node(id);
      if (n) n.running = false;
    },
    onExit: () => () => undefined,
    onChange: () => () => undefined,
  };
}

const labNode = (nodeId: number, role: LabNode['role'], running = true): LabNode => ({
  nodeId,
  role,
  host: '127.0.0.1',
  port: 9000 + nodeId,
  pid: running ? nodeId : null,
  running,
  lastExit: null,
  lastChangeAt: null,
});

/** The lab's state holds the same node records the fake Kafka reports (as watchLabKafka keeps it). */
const ctx = (broker: LabKafka | null): CommandContext => ({
  lab: { state: { labNodes: broker?.nodes() ?? [] } } as unknown as Lab,
  broker,
});

describe('broker commands', () => {
  const cluster = () =>
    fakeKafka([
      labNode(0, 'controller'),
      labNode(1, 'broker'),
      labNode(2, 'broker'),
      labNode(3, 'broker', false),
    ]);

  it('kill -9 one broker of three by its id', async () => {
    const kafka = cluster();
    await expect(
      BROKER_COMMANDS['broker:kill'](ctx(kafka), { type: 'broker:kill', nodeId: 2 }),
    ).resolves.toEqual({ nodeId: 2, running: false });
    expect(kafka.calls).toEqual(['kill 2']);
  });

  it('asks which broker when the lab runs three, and refuses the controller', async () => {
    const kafka = cluster();
    await expect(
      Promise.resolve().then(() =>
        BROKER_COMMANDS['broker:stop'](ctx(kafka), { type: 'broker:stop' }),
      ),
    ).rejects.toThrow('nodeId: this lab runs 3 brokers (1, 2, 3); say which one');
    await expect(
      Promise.resolve().then(() =>
        BROKER_COMMANDS['broker:kill'](ctx(kafka), { type: 'broker:kill', nodeId: 0 }),
      ),
    ).rejects.toThrow(
      'nodeId: node 0 is the KRaft controller; broker commands take a broker id: 1, 2, 3',
    );
    await expect(
      Promise.resolve().then(() =>
        BROKER_COMMANDS['broker:kill'](ctx(kafka), { type: 'broker:kill', nodeId: 3 }),
      ),
    ).rejects.toThrow('nodeId: broker 3 is already down');
    expect(kafka.calls).toEqual([]);
  });

  it('keeps the one-broker lab’s argument-less stop and start, and their words', async () => {
    const single = fakeKafka([labNode(1, 'broker+controller')]);
    await BROKER_COMMANDS['broker:stop'](ctx(single), { type: 'broker:stop' });
    await expect(
      Promise.resolve().then(() =>
        BROKER_COMMANDS['broker:start'](ctx(single), { type: 'broker:start' }),
      ),
    ).rejects.toThrow('type: the embedded broker is already running');
    expect(single.calls).toEqual(['stop 1']);
    await expect(
      Promise.resolve().then(() =>
        BROKER_COMMANDS['broker:stop'](ctx(null), { type: 'broker:stop' }),
      ),
    ).rejects.toThrow('broker commands need the embedded broker');
  });
});
