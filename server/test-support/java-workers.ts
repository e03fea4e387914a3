import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll } from 'vitest';
import type { WorkerConfig, WorkerMessage } from '../../protocol/ipc';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import { jvmClasspath } from '../jvm/compile';
import { JavaWorker } from '../jvm/java-worker';
import { createTopic, type LabTraffic, startTraffic } from '../kafka/lab-traffic';
import { waitFor } from './wait-for';

export type Message<T extends WorkerMessage['type']> = Extract<WorkerMessage, { type: T }>;

/** One Java lab consumer under test, with every message it sent, in order. */
export class WorkerRun {
  readonly messages: WorkerMessage[] = [];
  /** When each message arrived here (Date.now()); `ready` carries no time of its own. */
  readonly receivedAt: number[] = [];
  readonly stderr: string[] = [];
  readonly spawnedAt = Date.now();
  readonly worker: JavaWorker;
  exit: { code: number | null; signal: string | null } | null = null;
  /** Latest processed offset (next to read) per partition, from `progress` messages. */
  readonly processed = new Map<number, number>();

  constructor(
    classpath: string,
    readonly config: WorkerConfig,
  ) {
    this.worker = new JavaWorker(classpath, config, {
      onMessage: (message) => {
        this.messages.push(message);
        this.receivedAt.push(Date.now());
        if (message.type === 'progress')
          for (const p of message.processed) this.processed.set(p.partition, p.offset);
      },
      onExit: (code, signal) => {
        this.exit = { code, signal };
      },
      onStderr: (line) => this.stderr.push(line),
    });
  }

  /** When the first message of `type` arrived, or undefined. */
  arrival(type: WorkerMessage['type']): number | undefined {
    const index = this.messages.findIndex((m) => m.type === type);
    return index < 0 ? undefined : this.receivedAt[index];
  }

  of<T extends WorkerMessage['type']>(type: T): Message<T>[] {
    return this.messages.filter((m): m is Message<T> => m.type === type);
  }

  /** The partitions of the topic this member owns after its last `joined`. */
  owned(): number[] {
    const last = this.of('joined').at(-1);
    return last?.assignment.flatMap((a) => a.partitions).sort((a, b) => a - b) ?? [];
  }

  /** Waits for a message of `type` matching `match`, sent at or after message index `from`. */
  next<T extends WorkerMessage['type']>(
    type: T,
    match: (m: Message<T>) => boolean = () => true,
    timeoutMs = 30_000,
    from = 0,
  ): Promise<Message<T>> {
    return waitFor(
      `${this.config.consumerId}: ${type}`,
      () =>
        this.messages
          .slice(from)
          .find((m): m is Message<T> => m.type === type && match(m as Message<T>)),
      timeoutMs,
      50,
    );
  }

  exited(timeoutMs = 15_000) {
    return waitFor(
      `${this.config.consumerId} to exit`,
      () => this.exit ?? undefined,
      timeoutMs,
      50,
    );
  }

  errors(): string {
    return this.of('error')
      .map((e) => e.message)
      .join('\n');
  }
}

/** Starts Java lab consumers for one test and kills whatever is left of them afterwards. */
export class JavaWorkers {
  private readonly runs: WorkerRun[] = [];

  constructor(
    private readonly classpath: string,
    private readonly base: Omit<WorkerConfig, 'consumerId' | 'clientId' | 'groupInstanceId'>,
  ) {}

  start(consumerId: string, overrides: Partial<WorkerConfig> = {}): WorkerRun {
    const run = new WorkerRun(this.classpath, {
      ...this.base,
      consumerId,
      clientId: `offset-lab-${consumerId}`,
      groupInstanceId: null,
      ...overrides,
    });
    this.runs.push(run);
    return run;
  }

  killAll(): void {
    for (const run of this.runs) run.worker.crash();
  }
}

/** A WorkerConfig for a Java consumer of `groupId` on `topic`; tests override what they study. */
export function javaConfig(
  brokers: string[],
  groupId: string,
  topic: string,
  runId: string,
  overrides: Partial<WorkerConfig> = {},
): Omit<WorkerConfig, 'consumerId' | 'clientId' | 'groupInstanceId'> {
  return {
    groupId,
    topic,
    client: 'java',
    protocol: 'classic',
    assignor: 'range',
    staticMembership: false,
    maxPollIntervalMs: null,
    commitMode: 'after-processing',
    autoCommitIntervalMs: 1000,
    offsetReset: 'earliest',
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 1000,
    brokers,
    clientProperties: {},
    kafkajs: null,
    delayMs: 0,
    runId,
    timings: WORKER_TIMINGS,
    ...overrides,
  };
}

/**
 * Per test: a fresh topic with trade traffic and a pool of Java workers on it, all stopped after
 * each test. Call in a describe block; the returned function sets one test up.
 */
export function javaWorkerPools(brokers: string[]) {
  let classpath = '';
  let workers: JavaWorkers | null = null;
  let traffic: LabTraffic | null = null;
  beforeAll(async () => {
    classpath = await jvmClasspath(process.cwd());
  });
  afterEach(async () => {
    workers?.killAll();
    workers = null;
    await traffic?.stop();
    traffic = null;
  });
  return async (options: {
    prefix: string;
    partitions: number;
    rate: number;
    overrides?: Parameters<typeof javaConfig>[4];
  }) => {
    const topic = `${options.prefix}-${randomUUID()}`;
    const groupId = `java-group-${randomUUID()}`;
    await createTopic(brokers, topic, options.partitions);
    traffic = startTraffic(brokers, topic, options.partitions, options.rate);
    workers = new JavaWorkers(
      classpath,
      javaConfig(brokers, groupId, topic, traffic.runId, options.overrides),
    );
    return { pool: workers, groupId, topic };
  };
}
