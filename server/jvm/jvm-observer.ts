import type {
  CommitStreamEvent,
  ObservePart,
  ObserverOp,
  ObserverOpName,
  ObserverResult,
} from '../../protocol/observer';
import type { AdminObservation } from '../state/observation';
import { jvmClasspath } from './compile';
import {
  type PartialObservation,
  toAdminObservation,
  toPartialObservation,
} from './observer-convert';
import { isObserverError, ObserverError } from './observer-error';
import { ObserverSession } from './observer-session';
import { redactor } from './redact';

export interface JvmObserverOptions {
  rootDir: string;
  brokers: string[];
  /** Extra Kafka client properties (security.protocol, sasl.*, ssl.*). Never logged. */
  clientProperties?: Record<string, string>;
  /** How long one Admin call may retry inside the JVM (default.api.timeout.ms). */
  apiTimeoutMs?: number;
  /** The server's own deadline per request; longer than apiTimeoutMs so Kafka's answer wins. */
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
  /** First wait before restarting a JVM that died; doubles per death up to RESTART_BACKOFF_MAX_MS. */
  restartBackoffMs?: number;
  jvmArgs?: string[];
  log?: (line: string) => void;
}

export type CommitListener = (event: CommitStreamEvent) => void;

export interface CommitStream {
  mode: 'tail' | 'polling';
  reason: string | null;
  stop: () => void;
}

const API_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;
const RESTART_BACKOFF_MS = 500;
const RESTART_BACKOFF_MAX_MS = 15_000;
const CLOSE_TIMEOUT_MS = 3000;

/**
 * Kafka's own Admin client in one supervised JVM. A JVM that dies fails what was pending with
 * `jvm-exited`; the next request starts a new one, after a backoff that grows with each death.
 */
export class JvmObserver {
  private session: ObserverSession | null = null;
  private starting: Promise<ObserverSession> | null = null;
  private closed = false;
  private deaths = 0;
  private restartAt = 0;
  private readonly listeners = new Set<CommitListener>();
  private readonly redact: (text: string) => string;
  private readonly log: (line: string) => void;

  constructor(private readonly options: JvmObserverOptions) {
    this.redact = redactor(options.clientProperties ?? {});
    this.log = options.log ?? (() => undefined);
  }

  /** The current JVM's pid, null while none runs. */
  get pid(): number | null {
    return this.session?.alive ? this.session.pid : null;
  }

  poll(): Promise<AdminObservation>;
  poll(parts: readonly ObservePart[], groupIds?: string[]): Promise<PartialObservation>;
  async poll(
    parts?: readonly ObservePart[],
    groupIds?: string[],
  ): Promise<AdminObservation | PartialObservation> {
    if (!parts) return toAdminObservation(await this.call({ op: 'observe' }));
    const wire = await this.call({ op: 'observe', parts: [...parts], groupIds });
    return toPartialObservation(wire);
  }

  /** False when the topic already existed (as kafkajs' createTopics answers). */
  async createTopic(
    topic: string,
    partitions: number,
    replicationFactor: number,
    configs?: Record<string, string>,
  ): Promise<boolean> {
    const op = { op: 'createTopic', topic, partitions, replicationFactor, configs } as const;
    return (await this.call(op)).created;
  }

  async addPartitions(topic: string, count: number): Promise<void> {
    await this.call({ op: 'addPartitions', topic, count });
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.call({ op: 'deleteTopic', topic });
  }

  /** Kafka accepts this only for a group with no active members; otherwise kind `not-empty`. */
  async setOffsets(
    groupId: string,
    topic: string,
    offsets: { partition: number; offset: number }[],
  ): Promise<void> {
    const list = offsets.map((o) => ({ topic, partition: o.partition, offset: o.offset }));
    await this.call({ op: 'setOffsets', groupId, offsets: list });
  }

  /** Per partition, the first offset whose timestamp is at or after `timestamp`; null if none. */
  async offsetsByTimestamp(topic: string, timestamp: number): Promise<Map<number, number | null>> {
    const { offsets } = await this.call({ op: 'offsetsForTimes', topic, timestamp });
    return new Map(offsets.map((o) => [o.partition, o.offset]));
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.call({ op: 'deleteGroup', groupId });
  }

  /** Group configs (KIP-848/932), e.g. consumer.session.timeout.ms; null resets to the default. */
  async setGroupConfig(groupId: string, configs: Record<string, string | null>): Promise<void> {
    await this.call({ op: 'setGroupConfig', groupId, configs });
  }

  /** The topic's retention.* and segment.* configs. */
  async topicConfig(topic: string): Promise<Record<string, string | null>> {
    return (await this.call({ op: 'topicConfig', topic })).configs;
  }

  async alterTopicConfig(topic: string, configs: Record<string, string | null>): Promise<void> {
    await this.call({ op: 'alterTopicConfig', topic, configs });
  }

  metrics(): Promise<ObserverResult<'metrics'>> {
    return this.call({ op: 'metrics' });
  }

  /** Finalized feature levels (metadata.version, group.version, share.version, …). */
  async features(): Promise<Record<string, number>> {
    return (await this.call({ op: 'features' })).finalized;
  }

  async ping(delayMs?: number): Promise<void> {
    await this.call({ op: 'ping', delayMs });
  }

  /** Drops the JVM's Admin client, so a restarted broker gets fresh connections. */
  async reset(): Promise<void> {
    if (this.session?.alive) await this.call({ op: 'reset' });
  }

  /**
   * Streams every commit written to __consumer_offsets to `listener`. Where the cluster refuses
   * to let us read that topic, answers mode `polling`: committed offsets then come from poll().
   * A restarted JVM resumes the stream on its own.
   */
  async tailCommits(listener: CommitListener): Promise<CommitStream> {
    this.listeners.add(listener);
    const stop = () => {
      this.listeners.delete(listener);
    };
    try {
      await this.call({ op: 'tailCommits' });
      return { mode: 'tail', reason: null, stop };
    } catch (error) {
      if (isObserverError(error, 'authorization')) {
        return { mode: 'polling', reason: error.message, stop };
      }
      stop();
      throw error;
    }
  }

  /** Ends the JVM (stdin closed, then killed if need be); no later request starts another. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const session = this.session ?? (await this.starting?.catch(() => null)) ?? null;
    this.session = null;
    await session?.close(CLOSE_TIMEOUT_MS);
  }

  private async call<K extends ObserverOpName>(
    op: Extract<ObserverOp, { op: K }>,
  ): Promise<ObserverResult<K>> {
    const session = await this.ensureSession();
    const timeoutMs =
      this.options.requestTimeoutMs ?? (this.options.apiTimeoutMs ?? API_TIMEOUT_MS) + 10_000;
    const result = (await session.request(op, timeoutMs)) as ObserverResult<K>;
    this.deaths = 0;
    return result;
  }

  private ensureSession(): Promise<ObserverSession> {
    if (this.closed) {
      return Promise.reject(new ObserverError('jvm-exited', 'the observer has been closed'));
    }
    if (this.session?.alive) return Promise.resolve(this.session);
    this.starting ??= this.startSession().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async startSession(): Promise<ObserverSession> {
    const wait = this.restartAt - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const classpath = await jvmClasspath(this.options.rootDir, this.log);
    // Set once started: an exit before that is the start's failure, handled below.
    let session: ObserverSession | undefined;
    try {
      session = await ObserverSession.start({
        classpath,
        start: {
          type: 'start',
          bootstrap: this.options.brokers.join(','),
          clientProperties: this.options.clientProperties ?? {},
          apiTimeoutMs: this.options.apiTimeoutMs ?? API_TIMEOUT_MS,
        },
        jvmArgs: this.options.jvmArgs,
        startTimeoutMs: this.options.startTimeoutMs ?? START_TIMEOUT_MS,
        redact: this.redact,
        log: this.log,
        onEvent: (event) => this.dispatch(event),
        onExit: (description) => {
          if (session) this.sessionExited(session, description);
        },
      });
    } catch (error) {
      this.scheduleRestart();
      throw error;
    }
    if (this.closed) {
      await session.close(CLOSE_TIMEOUT_MS);
      throw new ObserverError('jvm-exited', 'the observer has been closed');
    }
    this.session = session;
    this.log(`observer JVM started (pid ${session.pid})`);
    if (this.listeners.size > 0) void this.resumeTail(session);
    return session;
  }

  private async resumeTail(session: ObserverSession): Promise<void> {
    try {
      await session.request({ op: 'tailCommits' }, START_TIMEOUT_MS);
    } catch (error) {
      // The JVM reports the outcome as a commit-stream event too; this is for the log.
      this.log(`observer: commit stream not resumed: ${(error as Error).message}`);
    }
  }

  private sessionExited(session: ObserverSession, description: string): void {
    if (this.session === session) this.session = null;
    if (this.closed) return;
    this.log(`observer JVM exited (${description}); the next request restarts it`);
    this.scheduleRestart();
    this.dispatch({
      event: 'commit-stream',
      mode: 'polling',
      reason: `observer JVM exited (${description})`,
    });
  }

  private scheduleRestart(): void {
    this.deaths++;
    const backoff = Math.min(
      RESTART_BACKOFF_MAX_MS,
      (this.options.restartBackoffMs ?? RESTART_BACKOFF_MS) * 2 ** (this.deaths - 1),
    );
    this.restartAt = Date.now() + backoff;
  }

  private dispatch(event: CommitStreamEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(`observer: commit listener failed: ${(error as Error).message}`);
      }
    }
  }
}
