import type { Consumer, EachBatchPayload } from 'kafkajs';
import type { WorkerCommand, WorkerConfig, WorkerMessage } from '../../protocol/ipc';
import { CommitTracker } from './commit-tracker';
import type { Delivery, DeliveryHooks } from './delivery';
import { ProgressReporter } from './progress-reporter';
import {
  type CommitPayload,
  committedMessage,
  errorMessage,
  type JoinPayload,
  joinedMessage,
} from './worker-messages';

/**
 * starting: connecting, until kafkajs' run() returned (it refuses pause/resume before);
 * running: in the group's loop; stopping: finishing the message in hand, committing, leaving;
 * stopped: disconnected, the exit code given.
 */
export type WorkerPhase = 'starting' | 'running' | 'stopping' | 'stopped';

/** The kafkajs consumer calls the worker makes; events reach it through the on… methods. */
export type WorkerConsumer = Pick<
  Consumer,
  'connect' | 'subscribe' | 'run' | 'pause' | 'resume' | 'commitOffsets' | 'disconnect'
>;
export type WorkerDelivery = Pick<Delivery, 'begin' | 'connect' | 'close' | 'tick' | 'tickMs'>;

export interface WorkerPorts {
  consumer: WorkerConsumer;
  send: (message: WorkerMessage) => void;
  /** The commit mode's delivery (delivery.ts), built on this worker's commits and hooks. */
  delivery: (commits: CommitTracker, hooks: DeliveryHooks) => WorkerDelivery;
  /** A rejoin must look like a change to the group's assignor (see bumpRejoinNonce). */
  onRejoin: () => void;
  exit: (code: number) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** kafkajs' runner rejoins on errors of this type (isRebalancing in kafkajs/src/errors.js). */
export function rebalanceError(): Error {
  return Object.assign(new Error('rejoin requested by the lab'), { type: 'REBALANCE_IN_PROGRESS' });
}

/**
 * One kafkajs lab consumer's behaviour: commands, the batch loop, and what it reports. The
 * process around it (consumer-worker.ts) only wires IPC and kafkajs' events to it.
 */
export class LabConsumerWorker {
  phase: WorkerPhase = 'starting';
  delayMs: number;
  paused = false;
  private runReturned = false;
  private rejoinRequested = false;
  private batchesInFlight = 0;
  private memberId: string | null = null;
  private owned = new Set<number>();
  private timers: NodeJS.Timeout[] = [];
  readonly progress: ProgressReporter;
  readonly commits: CommitTracker;
  private readonly delivery: WorkerDelivery;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly config: WorkerConfig,
    private readonly ports: WorkerPorts,
  ) {
    this.delayMs = config.delayMs;
    this.now = ports.now ?? Date.now;
    this.sleep = ports.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.progress = new ProgressReporter(config.topic, config.runId, ports.send);
    this.commits = new CommitTracker(async (offsets) => {
      await ports.consumer.commitOffsets(
        offsets.map(([partition, next]) => ({
          topic: config.topic,
          partition,
          offset: String(next),
        })),
      );
    });
    this.delivery = ports.delivery(this.commits, {
      send: ports.send,
      flushProgress: () => this.progress.flush(),
      fenced: (error) => {
        this.reportError(
          `fenced: another process now uses this transactional.id (${error.message})`,
        );
        void this.shutdown(1);
      },
    });
  }

  reportError(message: string): void {
    this.ports.send(errorMessage(message, this.now()));
  }

  async start(): Promise<void> {
    const { consumer } = this.ports;
    this.every(this.config.timings.progressFlushMs, () => this.progress.flush());
    this.ports.send({ type: 'ready', pid: process.pid });
    await consumer.connect();
    await consumer.subscribe({
      topic: this.config.topic,
      fromBeginning: this.config.offsetReset === 'earliest',
    });
    // InitProducerId before the first fetch: fences a zombie of this consumer, aborts its transaction.
    await this.delivery.connect();
    if (this.delivery.tickMs > 0) this.every(this.delivery.tickMs, () => this.delivery.tick());
    else if (this.config.commitMode !== 'exactly-once') {
      const ms =
        this.config.commitMode === 'auto'
          ? this.config.autoCommitIntervalMs
          : this.config.timings.promptCommitMs;
      this.every(ms, () => void this.commits.flush());
    }
    // The lab commits itself (CommitTracker): kafkajs' autoCommit would commit after every batch,
    // which makes auto.commit.interval.ms meaningless.
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (p) => this.eachBatch(p),
    });
    this.runReturned = true;
    if (this.phase === 'starting') this.phase = 'running';
    // run() returns before the group has joined, and kafkajs refuses pause/resume until then: a
    // resume of a consumer that was never paused would only report that refusal. onJoined pauses.
    if (this.paused) this.applyPause();
  }

  async handle(command: WorkerCommand): Promise<void> {
    switch (command.type) {
      case 'pause':
      case 'resume':
        // Before run() kafkajs has no consumer group to pause; the flag is applied once it runs.
        this.paused = command.type === 'pause';
        this.applyPause();
        return;
      case 'slow':
        this.delayMs = command.delayMs;
        return;
      case 'rejoin':
        this.ports.onRejoin();
        this.rejoinRequested = true;
        return;
      case 'stop':
        await this.gracefulStop();
        return;
      case 'start':
        return;
    }
  }

  async eachBatch(payload: EachBatchPayload): Promise<void> {
    this.batchesInFlight++;
    try {
      await this.processBatch(payload);
    } finally {
      this.batchesInFlight--;
    }
  }

  private get halted(): boolean {
    return this.phase === 'stopping' || this.phase === 'stopped' || this.paused;
  }

  private async processBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    if (
      this.config.commitMode === 'before-processing' &&
      batch.messages.length > 0 &&
      !this.halted
    ) {
      // At-most-once: the whole batch is committed before any of it is processed, so a crash in
      // the middle loses the rest of it for good (the delivery audit counts them as missing).
      this.commits.processed(batch.partition, Number(batch.lastOffset()) + 1);
      await this.commits.flush();
      await this.commits.flush();
      // Not committed: processing now would make it at-least-once. Rejoin and fetch again instead.
      if (this.commits.size > 0) throw rebalanceError();
    }
    const interrupted = () => !isRunning() || isStale() || this.halted;
    const steps = this.delivery.begin(batch.partition, resolveOffset);
    try {
      for (const message of batch.messages) {
        if (interrupted()) break;
        if (this.rejoinRequested) {
          this.rejoinRequested = false;
          await steps.end(false);
          throw rebalanceError();
        }
        if (this.delayMs > 0) await this.processingDelay();
        if (this.halted) break;
        const outcome = await steps.handle(message, { heartbeat, interrupted });
        if (outcome.kind === 'interrupted') break;
        const offset = Number(message.offset);
        if (outcome.kind === 'processed')
          this.progress.processed(batch.partition, offset, message.value?.toString());
        else this.progress.handled(batch.partition, offset);
        await steps.done(message, outcome);
        await heartbeat();
      }
    } catch (error) {
      // exactly-once: whatever the open transaction holds is aborted and will be read again.
      await steps.end(true);
      throw error;
    }
    await steps.end(isStale());
  }

  /**
   * One slow message. kafkajs can heartbeat only between messages (the heartbeat() after each
   * one), not during one: a delay under the session timeout shows as lag, a longer one gets the
   * member evicted, as it would a real consumer stuck on one message. Stop and pause cut it short.
   */
  private async processingDelay(): Promise<void> {
    const end = this.now() + this.delayMs;
    while (this.now() < end && !this.halted) await this.sleep(Math.min(100, end - this.now()));
  }

  private applyPause(): void {
    if (!this.runReturned) return;
    try {
      if (this.paused) this.ports.consumer.pause([{ topic: this.config.topic }]);
      else this.ports.consumer.resume([{ topic: this.config.topic }]);
    } catch (error) {
      this.reportError(`${this.paused ? 'pause' : 'resume'} failed: ${(error as Error).message}`);
    }
  }

  onJoined(payload: JoinPayload): void {
    const owned = new Set(payload.memberAssignment[this.config.topic] ?? []);
    // A new member id means the old membership is gone (evicted, or kafkajs restarted): offsets it
    // could not commit may be older than what the partition's owner committed meanwhile.
    if (this.memberId !== null && this.memberId !== payload.memberId)
      this.commits.retainOnly(new Set());
    this.memberId = payload.memberId;
    this.owned = owned;
    this.commits.retainOnly(owned);
    this.progress.retainOnly(owned);
    // kafkajs forgets pauses when it restarts a crashed consumer; the lab's intent is re-applied.
    if (this.paused) this.applyPause();
    this.ports.send(joinedMessage(payload, this.now()));
  }

  onRebalancing(memberId: string | null): void {
    this.progress.flush();
    const at = this.now();
    this.ports.send({ type: 'rebalancing', memberId, at });
    // Eager protocol: a member gives up all of its partitions when a rebalance starts.
    if (this.owned.size > 0) {
      const partitions = [...this.owned].sort((a, b) => a - b);
      this.ports.send({
        type: 'revoked',
        partitions: [{ topic: this.config.topic, partitions }],
        lost: false,
        at,
      });
      this.owned = new Set();
    }
    // Like a rebalance listener's onPartitionsRevoked: commit what was processed while the old
    // generation is still accepted, so whoever gets these partitions does not re-read them.
    void this.commits.flush();
  }

  onHeartbeat(memberId: string, generationId: number): void {
    this.ports.send({ type: 'heartbeat', memberId, generationId, at: this.now() });
  }

  onCommitted(payload: CommitPayload): void {
    this.commits.confirmed();
    this.progress.flush();
    this.ports.send(committedMessage(payload, this.now()));
  }

  /**
   * Throwing from kafkajs' FETCH_START listener makes its fetch fail with our error, which its
   * runner answers with a JoinGroup: the one way to rejoin while no message is being processed.
   */
  onFetchStart(): void {
    if (!this.rejoinRequested) return;
    this.rejoinRequested = false;
    throw rebalanceError();
  }

  onCrash(error: Error, restart: boolean): void {
    const what = restart ? 'kafkajs restarted the consumer after' : 'consumer crashed:';
    this.reportError(`${what} ${error.message}`);
    if (!restart) void this.shutdown(1);
  }

  /** Finish the message in hand, commit what was processed, then leave the group and exit. */
  async gracefulStop(): Promise<void> {
    if (this.phase === 'stopping' || this.phase === 'stopped') return;
    this.phase = 'stopping';
    this.progress.flush();
    // The commit must happen before LeaveGroup: after it, Kafka no longer accepts this member's commits.
    while (this.batchesInFlight > 0) await this.sleep(20);
    await this.commits.flush();
    await this.commits.flush();
    await this.shutdown(this.commits.size === 0 ? 0 : 2);
  }

  async shutdown(code: number): Promise<void> {
    this.progress.flush();
    if (code === 2) this.reportError('stopped without committing its last processed offsets');
    await this.delivery.close();
    await this.ports.consumer.disconnect().catch(() => undefined);
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.phase = 'stopped';
    this.ports.send({ type: 'stopped', at: this.now() });
    this.ports.exit(code);
  }

  private every(ms: number, fn: () => void): void {
    this.timers.push(setInterval(fn, ms).unref());
  }
}
