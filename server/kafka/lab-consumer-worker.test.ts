import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { describe, expect, it, vi } from 'vitest';
import type { WorkerConfig, WorkerMessage } from '../../protocol/ipc';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import { groupConfig } from '../state/test-fixtures';
import { Delivery } from './delivery';
import { LabConsumerWorker, rebalanceError, type WorkerConsumer } from './lab-consumer-worker';

const TOPIC = 'trades';

function workerConfig(overrides: Partial<WorkerConfig> = {}): WorkerConfig {
  return {
    ...groupConfig('g1', { topic: TOPIC }),
    consumerId: 'c1',
    clientId: 'offset-lab-c1',
    brokers: ['127.0.0.1:9092'],
    clientProperties: {},
    kafkajs: null,
    groupInstanceId: null,
    delayMs: 0,
    runId: 'run-1',
    timings: WORKER_TIMINGS,
    ...overrides,
  };
}

/**
 * A worker on a fake kafkajs consumer whose commits the broker confirms at once, the real
 * Delivery (the commit modes used here need no Kafka), and a clock that sleeps instantly.
 */
function harness(overrides: Partial<WorkerConfig> = {}, onSleep: () => void = () => undefined) {
  const sent: WorkerMessage[] = [];
  const calls: string[] = [];
  const commits: { partition: number; offset: string }[][] = [];
  const exits: number[] = [];
  let rejoins = 0;
  let confirm = true;
  let clock = 1_000;
  let eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;
  const config = workerConfig(overrides);
  const consumer: WorkerConsumer = {
    connect: async () => void calls.push('connect'),
    subscribe: async () => void calls.push('subscribe'),
    run: async (run) => {
      eachBatch = run?.eachBatch;
      calls.push('run');
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    commitOffsets: async (offsets) => {
      commits.push(offsets.map((o) => ({ partition: o.partition, offset: o.offset })));
      // kafkajs resolves without a COMMIT_OFFSETS event while its runner restarts.
      if (confirm)
        worker.onCommitted({
          groupGenerationId: 3,
          topics: [{ topic: TOPIC, partitions: offsets }],
        });
    },
    disconnect: async () => void calls.push('disconnect'),
  };
  const worker: LabConsumerWorker = new LabConsumerWorker(config, {
    consumer,
    send: (m) => sent.push(m),
    delivery: (tracker, hooks) => new Delivery({} as Kafka, config, tracker, hooks),
    onRejoin: () => rejoins++,
    exit: (code) => exits.push(code),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
      onSleep();
    },
  });
  const batch = (partition: number, offsets: number[]) => {
    const messages = offsets.map((o) => ({ offset: String(o), value: null }) as KafkaMessage);
    return {
      batch: {
        topic: TOPIC,
        partition,
        messages,
        lastOffset: () => String(offsets.at(-1)),
      },
      resolveOffset: () => undefined,
      heartbeat: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
  };
  const feed = async (partition: number, offsets: number[]) => {
    if (!eachBatch) throw new Error('run() was not called');
    await eachBatch(batch(partition, offsets));
  };
  const ofType = <T extends WorkerMessage['type']>(type: T) =>
    sent.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);
  /** kafkajs' GROUP_JOIN: this member got these partitions of TOPIC. */
  const join = (memberId: string, partitions: number[]) =>
    worker.onJoined({
      memberId,
      isLeader: true,
      memberAssignment: { [TOPIC]: partitions },
      duration: 5,
    });
  const refuseCommits = () => {
    confirm = false;
  };
  return {
    worker,
    sent,
    calls,
    commits,
    exits,
    feed,
    join,
    ofType,
    refuseCommits,
    rejoins: () => rejoins,
  };
}

const processedOffsets = (h: ReturnType<typeof harness>) =>
  h.ofType('progress').flatMap((m) => m.processed.map((p) => `${p.partition}@${p.offset}`));

describe('LabConsumerWorker (kafkajs lab consumer) without a broker', () => {
  it('starts: ready, connect, subscribe, run; the phase is running', async () => {
    const h = harness();
    expect(h.worker.phase).toBe('starting');
    await h.worker.start();
    expect(h.ofType('ready')).toHaveLength(1);
    expect(h.calls).toEqual(['connect', 'subscribe', 'run']);
    expect(h.worker.phase).toBe('running');
    await h.worker.shutdown(0);
  });

  it('a pause before run() is applied once run() returned; resume after it at once', async () => {
    const h = harness();
    await h.worker.handle({ type: 'pause' });
    expect(h.calls).not.toContain('pause');
    await h.worker.start();
    expect(h.calls.at(-1)).toBe('pause');
    await h.worker.handle({ type: 'resume' });
    expect(h.calls.at(-1)).toBe('resume');
    await h.worker.shutdown(0);
  });

  it('processes a batch, reports progress, and commits only what it processed', async () => {
    const h = harness();
    await h.worker.start();
    h.join('m1', [0, 1]);
    await h.feed(0, [0, 1, 2]);
    h.worker.progress.flush();
    expect(processedOffsets(h)).toEqual(['0@3']);
    await h.worker.commits.flush();
    expect(h.commits).toEqual([[{ partition: 0, offset: '3' }]]);
    expect(h.ofType('committed').at(-1)?.offsets).toEqual([
      { topic: TOPIC, partition: 0, offset: 3 },
    ]);
    await h.worker.shutdown(0);
  });

  it('paused: a batch in hand is left unprocessed', async () => {
    const h = harness();
    await h.worker.start();
    await h.worker.handle({ type: 'pause' });
    await h.feed(0, [0, 1]);
    h.worker.progress.flush();
    expect(processedOffsets(h)).toEqual([]);
    await h.worker.shutdown(0);
  });

  it('slow: each message waits its delay; a pause cuts the wait short and the message is not processed', async () => {
    let sleeps = 0;
    const h = harness({}, () => {
      sleeps++;
      if (sleeps === 12) void h.worker.handle({ type: 'pause' });
    });
    await h.worker.start();
    await h.worker.handle({ type: 'slow', delayMs: 500 });
    // 500 ms in 100 ms steps: the first message takes 5 sleeps, the second 5, the third is cut.
    await h.feed(0, [0, 1, 2]);
    h.worker.progress.flush();
    expect(processedOffsets(h)).toEqual(['0@2']);
    expect(sleeps).toBe(12);
    await h.worker.shutdown(0);
  });

  it('rejoin: the assignor is told, and the next fetch fails with a rebalance error once', async () => {
    const h = harness();
    await h.worker.start();
    await h.worker.handle({ type: 'rejoin' });
    expect(h.rejoins()).toBe(1);
    expect(() => h.worker.onFetchStart()).toThrow(rebalanceError().message);
    expect(() => h.worker.onFetchStart()).not.toThrow();
    await h.worker.shutdown(0);
  });

  it('rejoin during a batch: the batch stops at the next message with a rebalance error', async () => {
    const h = harness();
    await h.worker.start();
    await h.worker.handle({ type: 'rejoin' });
    await expect(h.feed(0, [0, 1])).rejects.toMatchObject({ type: 'REBALANCE_IN_PROGRESS' });
    h.worker.progress.flush();
    expect(processedOffsets(h)).toEqual([]);
    await h.worker.shutdown(0);
  });

  it('a rebalance revokes everything owned (eager) and commits what was processed', async () => {
    const h = harness();
    await h.worker.start();
    h.join('m1', [2, 0]);
    await h.feed(2, [7]);
    h.worker.onRebalancing('m1');
    expect(h.ofType('revoked')).toEqual([
      {
        type: 'revoked',
        partitions: [{ topic: TOPIC, partitions: [0, 2] }],
        lost: false,
        at: 1_000,
      },
    ]);
    expect(h.commits.at(-1)).toEqual([{ partition: 2, offset: '8' }]);
    // Nothing is owned until the next join: a second notice revokes nothing more.
    h.worker.onRebalancing('m1');
    expect(h.ofType('revoked')).toHaveLength(1);
    await h.worker.shutdown(0);
  });

  it('a new member id drops uncommitted work: the old membership can no longer commit it', async () => {
    const h = harness();
    await h.worker.start();
    h.join('m1', [0]);
    await h.feed(0, [0]);
    h.join('m2', [0]);
    expect(h.worker.commits.size).toBe(0);
    expect(h.ofType('joined').map((m) => m.memberId)).toEqual(['m1', 'm2']);
    await h.worker.shutdown(0);
  });

  it('stop: commits what was processed, leaves, reports stopped and exits 0; a second stop does nothing', async () => {
    const h = harness();
    await h.worker.start();
    h.join('m1', [0]);
    await h.feed(0, [0, 1]);
    await h.worker.handle({ type: 'stop' });
    await h.worker.handle({ type: 'stop' });
    expect(h.commits.at(-1)).toEqual([{ partition: 0, offset: '2' }]);
    expect(h.calls.at(-1)).toBe('disconnect');
    expect(h.ofType('stopped')).toHaveLength(1);
    expect(h.exits).toEqual([0]);
    expect(h.worker.phase).toBe('stopped');
  });

  it('stop while the broker refuses the commit: exit 2 and says so', async () => {
    const h = harness();
    await h.worker.start();
    h.join('m1', [0]);
    await h.feed(0, [0]);
    h.refuseCommits();
    await h.worker.gracefulStop();
    expect(h.exits).toEqual([2]);
    expect(h.ofType('error').map((m) => m.message)).toContain(
      'stopped without committing its last processed offsets',
    );
  });

  it('a crash kafkajs does not restart shuts the worker down with exit 1', async () => {
    const h = harness();
    await h.worker.start();
    h.worker.onCrash(new Error('boom'), true);
    expect(h.exits).toEqual([]);
    h.worker.onCrash(new Error('boom'), false);
    await vi.waitFor(() => expect(h.exits).toEqual([1]));
    expect(h.ofType('error').map((m) => m.message)).toEqual([
      'kafkajs restarted the consumer after boom',
      'consumer crashed: boom',
    ]);
  });
});
