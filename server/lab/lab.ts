import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DEFAULT_TOPIC, HISTORY_CAPACITY } from '../../protocol/constants';
import { outputTopicOf } from '../../protocol/delivery';
import type { HistoryPoint } from '../../protocol/history';
import type { KafkajsSecurity } from '../../protocol/security';
import type { LabGroupConfig, Snapshot } from '../../protocol/snapshot';
import type { TimelineEvent } from '../../protocol/timeline';
import type { ClientSettings } from '../client-config/client-settings';
import { describeConnectionError } from '../client-config/connection-errors';
import { GroupMetrics } from '../domain/group-metrics';
import { plainProduceError } from '../domain/produce-errors';
import { GroupAudit } from '../domain/seq-set';
import type { JvmObserver } from '../jvm/jvm-observer';
import { isObserverError } from '../jvm/observer-error';
import { LabProducer, type ProducerSettings } from '../kafka/lab-producer';
import { redactor, redactWorkerMessage } from '../redact';
import { historyPoint, RingBuffer } from '../state/history';
import { own } from '../state/own';
import { initialState, reduce } from '../state/reducer';
import { replicaFacts } from '../state/replica-facts';
import { buildSnapshot } from '../state/snapshot';
import type { LabAction, LabState } from '../state/types';
import { ClusterWatch } from './cluster-watch';
import type { ConsumerHandle } from './consumer-process';
import { ConsumerSupervisor, type Supervised } from './consumer-supervisor';
import type { ExperimentRunner } from './experiments/runner';
import { DEFAULT_LIMITS, type LabLimits } from './limits';
import { OutputAudits } from './output-audits';
import { RecordTimes } from './record-times';
import { TopicConfigReader } from './topic-config-reader';

const TICK_MS = 1000;
export const DEFAULT_PRODUCER: ProducerSettings = {
  topic: DEFAULT_TOPIC,
  rate: 20,
  keyMode: 'symbol',
  acks: 'all',
  idempotent: true,
  paused: false,
};

export interface LabOptions {
  brokers: string[];
  embedded: boolean;
  /** Kafka's own Admin client in a JVM: reads every group type, makes the admin writes. */
  admin: JvmObserver;
  pollIntervalMs: number;
  mode?: 'lab' | 'monitor';
  readOnly?: boolean;
  /** The lab's compiled Java parts with Kafka's jars (jvmClasspath); null: no Java consumers. */
  jvmClasspath?: string | null;
  /** Client properties (security) every Kafka client of the lab uses; never logged. */
  clientProperties?: Record<string, string>;
  /** The parsed KAFKA_CONFIG, for error messages that name the user or the CA file. */
  clientSettings?: ClientSettings | null;
  /** The same security for kafkajs clients (the producer and kafkajs consumers). */
  kafkajsSecurity?: KafkajsSecurity | null;
  /** Lower or higher caps on groups, consumers and topics (tests, big machines). */
  limits?: Partial<LabLimits>;
}

/**
 * Owns everything the lab runs (producer, consumer processes, polling) and the one state.
 * Emits 'changed' after every action, 'history' once a second, 'timeline' with new events.
 */
export class Lab extends EventEmitter {
  state: LabState;
  readonly history = new RingBuffer<HistoryPoint>(HISTORY_CAPACITY);
  readonly runId = randomUUID().slice(0, 8);
  readonly producer: LabProducer;
  /** The consumer processes: ids, start, the running handle of each. */
  readonly consumers: ConsumerSupervisor;
  readonly audits = new Map<string, GroupAudit>();
  /** exactly-once groups: the audit of their `<topic>.out`, read with read_committed. */
  readonly outputAudits: OutputAudits;
  /** Lag in seconds and health need history: sampled once a second, read by the snapshot. */
  readonly metrics: GroupMetrics;
  /** The record a group reads next, where the log-end history does not reach back that far. */
  readonly recordTimes: RecordTimes;
  /** Retention settings of the topics lagging groups read (retention at risk). */
  private readonly topicConfigReader = new TopicConfigReader(this);
  /** Set by the app once commands can run (experiments drive the lab through them). */
  experiments: ExperimentRunner | null = null;
  private snapshotCache: Snapshot | null = null;
  private fullSnapshotCache: Snapshot | null = null;
  private watched = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private readonly cluster: ClusterWatch;
  /** Every text a Kafka client of the lab produced passes this before state, page or log. */
  readonly redact: (text: string) => string;
  readonly limits: LabLimits;

  constructor(readonly options: LabOptions) {
    super();
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.recordTimes = new RecordTimes((partitions) => options.admin.recordTimes(partitions));
    this.metrics = new GroupMetrics((topic, partition, offset) =>
      this.recordTimes.lookup(topic, partition, offset),
    );
    this.redact = redactor(options.clientProperties ?? {}, options.clientSettings?.secrets ?? []);
    this.state = initialState(options.brokers.join(','), options.embedded, Date.now(), {
      mode: options.mode ?? 'lab',
      readOnly: options.readOnly ?? false,
    });
    this.cluster = new ClusterWatch(
      options.admin,
      (action) => this.dispatch(action),
      options.pollIntervalMs,
      {
        committed: (c) => this.metrics.commit(c.groupId, c.topic, c.partition, c.at, c.offset),
        deleted: (d) => this.metrics.offsetDeleted(d.groupId, d.topic, d.partition),
      },
      (error) =>
        describeConnectionError(isObserverError(error) ? error.kind : 'other', error.message, {
          bootstrap: options.brokers,
          settings: options.clientSettings ?? null,
        }),
    );
    this.outputAudits = new OutputAudits(
      options.jvmClasspath
        ? {
            classpath: options.jvmClasspath,
            brokers: options.brokers,
            clientProperties: options.clientProperties ?? {},
            runId: this.runId,
          }
        : null,
      (message) => process.stderr.write(`${this.redact(message)}\n`),
    );
    this.consumers = new ConsumerSupervisor(
      {
        brokers: options.brokers,
        clientProperties: options.clientProperties ?? {},
        kafkajsSecurity: options.kafkajsSecurity ?? null,
        jvmClasspath: options.jvmClasspath ?? null,
        runId: this.runId,
      },
      {
        message: (id, incarnation, config, raw) => {
          const message = redactWorkerMessage(raw, this.redact);
          if (message.type === 'progress') this.audits.get(config.groupId)?.record(message.seqs);
          if (message.type === 'committed')
            for (const o of message.offsets)
              this.metrics.commit(config.groupId, o.topic, o.partition, message.at);
          // Benches time a commit from here to the page; no listener, no cost.
          this.emit('worker-message', id, message);
          this.dispatch({ type: 'consumer/message', id, incarnation, message });
        },
        stderr: (id, line) => process.stderr.write(`[${id}] ${this.redact(line)}\n`),
        exited: (id, incarnation, code, signal) =>
          this.dispatch({ type: 'consumer/exited', id, incarnation, code, signal, at: Date.now() }),
      },
    );
    this.producer = new LabProducer({
      brokers: options.brokers,
      runId: this.runId,
      settings: { ...DEFAULT_PRODUCER, paused: true },
      partitionCount: (topic) => this.partitionCount(topic),
      liveBrokers: () => this.state.observation?.cluster.brokers.length ?? 1,
      onAcked: (topic, lastOffsets, firstOffsets) =>
        this.dispatch({ type: 'producer/acked', topic, lastOffsets, firstOffsets }),
      describeError: (error, topic) =>
        this.redact(plainProduceError(error, replicaFacts(this.state, topic))),
      security: options.kafkajsSecurity ?? null,
    });
  }

  dispatch(action: LabAction): void {
    const before = this.state;
    this.state = reduce(before, action);
    if (this.state === before) return;
    this.snapshotCache = null;
    this.fullSnapshotCache = null;
    if (this.state.nextEventId !== before.nextEventId) {
      const fresh = this.state.timeline.filter((e) => e.id >= before.nextEventId);
      if (fresh.length > 0) this.emit('timeline', fresh satisfies TimelineEvent[]);
    }
    this.emit('changed');
  }

  /**
   * Built from one state, with each group's audit read at the same moment: a trade is counted
   * processed before the commit that covers it is shown, and acked before its offset is in the
   * log end, so "missing" and lag always describe the same instant.
   */
  snapshot(): Snapshot {
    this.snapshotCache ??= this.build((groupId) => this.isShownInFull(groupId));
    return this.snapshotCache;
  }

  /**
   * Every group in full, as the API serves it; kept until the state changes, so that repeated
   * reads in between are the same bytes (and the same ETag). `groupIds`: only these in full.
   */
  fullSnapshot(groupIds?: ReadonlySet<string>): Snapshot {
    if (groupIds) return this.build((groupId) => groupIds.has(groupId));
    this.fullSnapshotCache ??= this.build(() => true);
    return this.fullSnapshotCache;
  }

  /**
   * What a page's first paint shows: the snapshot a page gets, with the groups it asks for
   * (`?group=`) in full too. Built on request, not cached.
   */
  pageSnapshot(groupIds: readonly string[]): Snapshot {
    if (groupIds.length === 0) return this.snapshot();
    const asked = new Set(groupIds);
    return this.build((groupId) => this.isShownInFull(groupId) || asked.has(groupId));
  }

  /** Groups some page has open in full (see the socket's groups:watch). */
  watch(groupIds: ReadonlySet<string>): void {
    const same =
      groupIds.size === this.watched.size && [...groupIds].every((g) => this.watched.has(g));
    if (same) return;
    this.watched = new Set(groupIds);
    this.snapshotCache = null;
    this.fullSnapshotCache = null;
    this.emit('changed');
  }

  private isShownInFull(groupId: string): boolean {
    return Boolean(own(this.state.labGroups, groupId)) || this.watched.has(groupId);
  }

  private build(detailed: (groupId: string, lab: boolean) => boolean): Snapshot {
    const at = Date.now();
    return buildSnapshot(this.state, at, {
      detailed,
      auditOf: (groupId) => {
        const audit = this.audits.get(groupId);
        const topic = own(this.state.labGroups, groupId)?.topic;
        return audit && topic ? audit.summary(this.producer.ackedSeqs(topic)) : null;
      },
      metricsOf: (groupId) => this.metrics.view(groupId, at),
      outputAuditOf: (groupId) => {
        const config = own(this.state.labGroups, groupId);
        if (config?.commitMode !== 'exactly-once') return null;
        const acked = this.producer.ackedSeqs(config.topic);
        return this.outputAudits.summary(outputTopicOf(config.topic), acked);
      },
    });
  }

  partitionCount(topic: string): number {
    return this.state.observation?.topics.find((t) => t.name === topic)?.partitions.length ?? 0;
  }

  /** Monitor mode watches someone else's cluster: no producer ever connects to it. */
  get writes(): boolean {
    return this.state.connection.mode === 'lab';
  }

  start(): void {
    if (this.writes) this.producer.start();
    this.cluster.start();
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
  }

  /** Polls now and waits for the result, so commands can act on fresh metadata. */
  refresh(): Promise<void> {
    return this.cluster.refresh();
  }

  /** Like refresh(), from a poll that starts after this call: it sees what the caller just did. */
  refreshFresh(): Promise<void> {
    return this.cluster.refreshFresh();
  }

  /** Polls until `done()` holds; throws with Kafka's last error after `timeoutMs`. */
  async refreshUntil(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.refresh();
      if (done()) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Kafka was not ready within ${timeoutMs / 1000} s: ${this.state.connection.lastError ?? 'no answer'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  private tick(): void {
    const at = Date.now();
    if (this.writes) this.dispatch({ type: 'producer/updated', info: this.producer.info(at) });
    // Metrics need every group's partitions; the page's snapshot has only the groups shown in full.
    const snapshot = this.fullSnapshot();
    this.metrics.sample(snapshot.groups, at);
    // Every group's row, once a second: what the alert webhook watches for verdict changes.
    this.emit('overview', snapshot.overview, at);
    // The snapshot above asked for the records it lacked: read them now, off the tick.
    this.recordTimes.pump(at);
    this.topicConfigReader.pump(snapshot.groups, at);
    // Lag in seconds and health move with the clock even when nothing else changed.
    this.snapshotCache = null;
    this.fullSnapshotCache = null;
    this.emit('changed');
    const point = historyPoint(snapshot, this.state.consumedSinceTick, at, (groupId) =>
      this.isShownInFull(groupId),
    );
    this.history.push(point);
    this.emit('history', point);
    this.dispatch({ type: 'clock/tick', at });
  }

  registerGroup(config: LabGroupConfig): void {
    if (!this.audits.has(config.groupId)) this.audits.set(config.groupId, new GroupAudit());
    if (config.commitMode === 'exactly-once') this.outputAudits.watch(outputTopicOf(config.topic));
    this.dispatch({ type: 'group/registered', config, at: Date.now() });
  }

  unregisterGroup(groupId: string): void {
    const config = own(this.state.labGroups, groupId);
    if (config?.commitMode === 'exactly-once')
      this.outputAudits.unwatch(outputTopicOf(config.topic));
    this.audits.delete(groupId);
    this.metrics.forget(groupId);
    this.dispatch({ type: 'group/removed', groupId, at: Date.now() });
  }

  /** Each running consumer process, with the incarnation it was started as. */
  get processes(): ReadonlyMap<string, Supervised> {
    return this.consumers.processes;
  }

  newConsumerId(groupId: string): string {
    return this.consumers.newId(groupId);
  }

  /** Starts one lab consumer process (a new Kafka member) under the given lab id. */
  spawnConsumer(id: string, config: LabGroupConfig, delayMs = 0): ConsumerHandle {
    const incarnation = (own(this.state.consumers, id)?.incarnation ?? 0) + 1;
    const proc = this.consumers.spawn(id, incarnation, config, delayMs);
    this.dispatch({
      type: 'consumer/spawned',
      id,
      groupId: config.groupId,
      incarnation,
      pid: proc.pid,
      delayMs,
      at: Date.now(),
    });
    return proc;
  }

  /** The running process of a consumer, if the lab has one. */
  handle(id: string): ConsumerHandle | null {
    return this.consumers.handle(id);
  }

  async stop(): Promise<void> {
    await this.cluster.stop();
    for (const t of this.timers) clearInterval(t);
    if (this.writes) await this.producer.stop();
    await this.consumers.stopAll(5000);
    await this.outputAudits.stop();
    await this.options.admin.close();
  }
}
