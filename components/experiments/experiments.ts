import type { CommandInput } from '@/protocol/commands';
import type { Snapshot } from '@/protocol/snapshot';

export type Run = (command: CommandInput, successText?: string) => Promise<{ ok: boolean }>;

export interface Experiment {
  id: string;
  title: string;
  /** What to do and what to watch, in one or two sentences. */
  watch: string;
  /** Why it is not possible right now, or null. */
  blocked: (snapshot: Snapshot) => string | null;
  run: (snapshot: Snapshot, run: Run) => Promise<void>;
}

const GROUP = 'crypto-consumer-group';
const TOPIC = 'crypto_trades';

const runningConsumer = (s: Snapshot) =>
  s.consumers.find((c) => c.groupId === GROUP && c.status === 'running') ?? null;

/** The course's experiments, each one click away; every step is an ordinary lab command. */
export const EXPERIMENTS: Experiment[] = [
  {
    id: 'crash',
    title: 'Kill a consumer without warning',
    watch:
      'SIGKILL, as a power cut would: no LeaveGroup and no commit. Its lane turns into a ghost, and its partitions wait for the session timeout, then move.',
    blocked: (s) => (runningConsumer(s) ? null : `no running consumer in ${GROUP}`),
    run: async (s, run) => {
      const c = runningConsumer(s);
      if (c) await run({ type: 'consumer:crash', consumerId: c.id }, `${c.id} killed`);
    },
  },
  {
    id: 'replay',
    title: 'A new group id reads everything again',
    watch:
      'A new group on the same topic has no committed offsets, so with auto.offset.reset=earliest it starts at offset 0. Its lag is the whole topic, then it drains.',
    blocked: (s) => (s.topics.some((t) => t.name === TOPIC) ? null : `no topic ${TOPIC}`),
    run: async (_s, run) => {
      const groupId = `replay-${Math.floor(Math.random() * 9000 + 1000)}`;
      await run(
        { type: 'group:create', groupId, topic: TOPIC, consumers: 2, offsetReset: 'earliest' },
        `${groupId} reads ${TOPIC} from the start`,
      );
    },
  },
  {
    id: 'same-key',
    title: 'Same key, same partition',
    watch:
      'The producer sends every trade with one key. Kafka hashes the key, so one partition gets all the traffic (see Topics) and one consumer does all the work.',
    blocked: (s) => (s.producer ? null : 'no producer'),
    run: async (_s, run) => {
      await run(
        { type: 'producer:update', keyMode: 'fixed' },
        'One key for every trade: watch the topic panel',
      );
    },
  },
  {
    id: 'slow',
    title: 'A slow consumer builds lag',
    watch:
      'One consumer takes 200 ms per message. It keeps its partitions (no rebalance), while their lag grows in the lag chart.',
    blocked: (s) => (runningConsumer(s) ? null : `no running consumer in ${GROUP}`),
    run: async (s, run) => {
      const c = runningConsumer(s);
      if (c)
        await run(
          { type: 'consumer:slow', consumerId: c.id, delayMs: 200 },
          `${c.id} now takes 200 ms per message`,
        );
    },
  },
  {
    id: 'broker-down',
    title: 'Kafka goes down while producing',
    watch:
      'The broker stops. The producer cannot get acks, so its sends wait and errors show. Start it again: nothing acked is lost (see the delivery audit).',
    blocked: (s) =>
      !s.connection.embeddedBroker
        ? 'only with the embedded broker'
        : s.nodes.filter((n) => n.lab && n.role !== 'controller').length > 1
          ? 'with LAB_BROKERS=3, kill or stop brokers one by one in the broker strip'
          : s.connection.embeddedBroker.running
            ? null
            : 'the broker is already stopped',
    run: async (_s, run) => {
      await run(
        { type: 'broker:stop' },
        'Broker stopped: use "Start broker" in the header to bring it back',
      );
    },
  },
];
