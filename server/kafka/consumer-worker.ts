/**
 * One lab consumer = one OS process running this file, so "crash" can be a real SIGKILL:
 * no LeaveGroup, no final commit. Talks to the server over the IPC channel only.
 */
import type { Consumer, EachBatchPayload } from 'kafkajs';
import {
  type WorkerCommand,
  type WorkerConfig,
  type WorkerMessage,
  workerCommandSchema,
} from '../../protocol/ipc';
import { bumpRejoinNonce, type KafkajsAssignor, labAssigner } from './assigners';
import { createKafka } from './client';
import { CommitTracker } from './commit-tracker';
import { Delivery } from './delivery';
import { ProgressReporter } from './progress-reporter';

const PROGRESS_FLUSH_MS = 100;
/** after-processing commits this often; auto commits every autoCommitIntervalMs. */
const PROMPT_COMMIT_MS = 200;
const PARENT_GONE_EXIT_MS = 3000;
const EXPECTED_LOG_ERRORS = /rebalanc|rejoin|concurrent operation on the same transaction/i;

/** Commands that arrive before the consumer exists wait here (pause right after start). */
const early: WorkerCommand[] = [];
let handleCommand: ((command: WorkerCommand) => void) | null = null;
const config = await new Promise<WorkerConfig>((resolve) => {
  process.on('message', (raw) => {
    const command = workerCommandSchema.safeParse(raw);
    if (!command.success) return;
    if (command.data.type === 'start') resolve(command.data.config);
    else if (handleCommand) handleCommand(command.data);
    else early.push(command.data);
  });
});
const send = (message: WorkerMessage) => {
  if (process.connected) process.send?.(message, (error: Error | null) => void error);
};
const reportError = (message: string) => send({ type: 'error', message, at: Date.now() });

const kafka = createKafka({
  brokers: config.brokers,
  clientId: config.clientId,
  security: config.kafkajs,
  onLog: (level, message) => {
    // Rebalance notices arrive as kafkajs "errors" but are the protocol working as designed, and
    // so is CONCURRENT_TRANSACTIONS right after a commit (retried: the markers are being written).
    if (level === 'error' && !EXPECTED_LOG_ERRORS.test(message)) reportError(message);
  },
});
const consumer: Consumer = kafka.consumer({
  groupId: config.groupId,
  sessionTimeout: config.sessionTimeoutMs,
  heartbeatInterval: config.heartbeatIntervalMs,
  rebalanceTimeout: Math.max(30_000, config.sessionTimeoutMs),
  // kafkajs learns about new partitions only on a metadata refresh; keep that short.
  metadataMaxAge: 3000,
  // kafkajs heartbeats between fetches, so a fetch may never wait longer than one heartbeat interval.
  maxWaitTimeInMs: Math.min(1000, config.heartbeatIntervalMs),
  partitionAssigners: [labAssigner(config.assignor as KafkajsAssignor)],
  // isolation.level=read_committed, kafkajs' default, said out loud: exactly-once relies on it.
  readUncommitted: false,
});

const state = {
  delayMs: config.delayMs,
  paused: false,
  running: false,
  stopping: false,
  rejoinRequested: false,
  batchesInFlight: 0,
  memberId: null as string | null,
  owned: new Set<number>(),
};

const progress = new ProgressReporter(config.topic, config.runId, send);

const commits = new CommitTracker(async (offsets) => {
  await consumer.commitOffsets(
    offsets.map(([partition, next]) => ({ topic: config.topic, partition, offset: String(next) })),
  );
});

const delivery = new Delivery(kafka, config, commits, {
  send,
  flushProgress: () => progress.flush(),
  fenced: (error) => {
    reportError(`fenced: another process now uses this transactional.id (${error.message})`);
    void shutdown(1);
  },
});

function rebalanceError(): Error {
  // kafkajs' runner rejoins on errors of this type (isRebalancing in kafkajs/src/errors.js).
  return Object.assign(new Error('rejoin requested by the lab'), { type: 'REBALANCE_IN_PROGRESS' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One slow message. kafkajs can heartbeat only between messages (the heartbeat() after each one),
 * not during one: a delay under the session timeout shows as lag, a longer one gets the member
 * evicted, as it would a real consumer stuck on one message. Stop and pause cut it short.
 */
async function processingDelay(): Promise<void> {
  const end = Date.now() + state.delayMs;
  while (Date.now() < end && !state.stopping && !state.paused) {
    await sleep(Math.min(100, end - Date.now()));
  }
}

async function eachBatch(payload: EachBatchPayload): Promise<void> {
  state.batchesInFlight++;
  try {
    await processBatch(payload);
  } finally {
    state.batchesInFlight--;
  }
}

async function processBatch({
  batch,
  resolveOffset,
  heartbeat,
  isRunning,
  isStale,
}: EachBatchPayload): Promise<void> {
  if (
    config.commitMode === 'before-processing' &&
    batch.messages.length > 0 &&
    !state.stopping &&
    !state.paused
  ) {
    // At-most-once: the whole batch is committed before any of it is processed, so a crash in
    // the middle loses the rest of it for good (the delivery audit counts them as missing).
    commits.processed(batch.partition, Number(batch.lastOffset()) + 1);
    await commits.flush();
    await commits.flush();
    // Not committed: processing now would make it at-least-once. Rejoin and fetch again instead.
    if (commits.size > 0) throw rebalanceError();
  }
  const interrupted = () => !isRunning() || isStale() || state.stopping || state.paused;
  const steps = delivery.begin(batch.partition, resolveOffset);
  try {
    for (const message of batch.messages) {
      if (interrupted()) break;
      if (state.rejoinRequested) {
        state.rejoinRequested = false;
        await steps.end(false);
        throw rebalanceError();
      }
      if (state.delayMs > 0) await processingDelay();
      if (state.stopping || state.paused) break;
      const outcome = await steps.handle(message, { heartbeat, interrupted });
      if (outcome.kind === 'interrupted') break;
      const offset = Number(message.offset);
      if (outcome.kind === 'processed')
        progress.processed(batch.partition, offset, message.value?.toString());
      else progress.handled(batch.partition, offset);
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

function applyPause(): void {
  if (!state.running) return;
  try {
    if (state.paused) consumer.pause([{ topic: config.topic }]);
    else consumer.resume([{ topic: config.topic }]);
  } catch (error) {
    reportError(`${state.paused ? 'pause' : 'resume'} failed: ${(error as Error).message}`);
  }
}

function onJoined(payload: {
  memberId: string;
  leaderId?: string;
  isLeader: boolean;
  groupProtocol?: string;
  memberAssignment: Record<string, number[]>;
  duration: number;
}): void {
  const owned = new Set(payload.memberAssignment[config.topic] ?? []);
  // A new member id means the old membership is gone (evicted, or kafkajs restarted): offsets it
  // could not commit may be older than what the partition's owner committed meanwhile.
  if (state.memberId !== null && state.memberId !== payload.memberId) commits.retainOnly(new Set());
  state.memberId = payload.memberId;
  state.owned = owned;
  commits.retainOnly(owned);
  progress.retainOnly(owned);
  // kafkajs forgets pauses when it restarts a crashed consumer; the lab's intent is re-applied.
  if (state.paused) applyPause();
  send({
    type: 'joined',
    memberId: payload.memberId,
    leaderId: payload.leaderId ?? null,
    isLeader: payload.isLeader,
    protocol: payload.groupProtocol ?? null,
    generationId: null,
    assignment: Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({
      topic,
      partitions,
    })),
    // Eager: everything was revoked when the rebalance began, so all of it is newly assigned.
    added: Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({
      topic,
      partitions,
    })),
    durationMs: payload.duration,
    at: Date.now(),
  });
}

function listen(): void {
  const { events } = consumer;
  consumer.on(events.GROUP_JOIN, ({ payload }) =>
    onJoined(payload as Parameters<typeof onJoined>[0]),
  );
  consumer.on(events.REBALANCING, ({ payload }) => {
    progress.flush();
    const at = Date.now();
    send({ type: 'rebalancing', memberId: payload.memberId ?? null, at });
    // Eager protocol: a member gives up all of its partitions when a rebalance starts.
    if (state.owned.size > 0) {
      send({
        type: 'revoked',
        partitions: [{ topic: config.topic, partitions: [...state.owned].sort((a, b) => a - b) }],
        lost: false,
        at,
      });
      state.owned = new Set();
    }
    // Like a rebalance listener's onPartitionsRevoked: commit what was processed while the old
    // generation is still accepted, so whoever gets these partitions does not re-read them.
    void commits.flush();
  });
  consumer.on(events.HEARTBEAT, ({ payload }) =>
    send({
      type: 'heartbeat',
      memberId: payload.memberId,
      generationId: payload.groupGenerationId,
      at: Date.now(),
    }),
  );
  consumer.on(events.COMMIT_OFFSETS, ({ payload }) => {
    commits.confirmed();
    progress.flush();
    send({
      type: 'committed',
      generationId: payload.groupGenerationId ?? null,
      offsets: payload.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.topic,
          partition: Number(p.partition),
          offset: Number(p.offset),
        })),
      ),
      at: Date.now(),
    });
  });
  // A listener that throws synchronously makes kafkajs' fetch fail with our error, which its
  // runner answers with a JoinGroup: the one way to rejoin while no message is being processed.
  consumer.on(events.FETCH_START, () => {
    if (!state.rejoinRequested) return;
    state.rejoinRequested = false;
    throw rebalanceError();
  });
  consumer.on(events.CRASH, ({ payload }) => {
    const what = payload.restart ? 'kafkajs restarted the consumer after' : 'consumer crashed:';
    reportError(`${what} ${payload.error.message}`);
    if (!payload.restart) void shutdown(1);
  });
}

async function handle(command: WorkerCommand): Promise<void> {
  switch (command.type) {
    case 'pause':
    case 'resume':
      // Before run() kafkajs has no consumer group to pause; the flag is applied once it runs.
      state.paused = command.type === 'pause';
      applyPause();
      return;
    case 'slow':
      state.delayMs = command.delayMs;
      return;
    case 'rejoin':
      bumpRejoinNonce();
      state.rejoinRequested = true;
      return;
    case 'stop':
      await gracefulStop();
      return;
    case 'start':
      return;
  }
}

/** Finish the message in hand, commit what was processed, then leave the group and exit. */
async function gracefulStop(): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  progress.flush();
  // The commit must happen before LeaveGroup: after it, Kafka no longer accepts this member's commits.
  while (state.batchesInFlight > 0) await sleep(20);
  await commits.flush();
  await commits.flush();
  await shutdown(commits.size === 0 ? 0 : 2);
}

async function shutdown(code: number): Promise<void> {
  progress.flush();
  if (code === 2) reportError('stopped without committing its last processed offsets');
  await delivery.close();
  await consumer.disconnect().catch(() => undefined);
  send({ type: 'stopped', at: Date.now() });
  process.exit(code);
}

handleCommand = (command) => {
  handle(command).catch((error: Error) => reportError(`${command.type} failed: ${error.message}`));
};
for (const command of early.splice(0)) handleCommand(command);
// The server is gone (even by SIGKILL): leave politely, but never linger.
process.on('disconnect', () => {
  setTimeout(() => process.exit(1), PARENT_GONE_EXIT_MS).unref();
  void gracefulStop();
});

async function main(): Promise<void> {
  listen();
  setInterval(() => progress.flush(), PROGRESS_FLUSH_MS).unref();
  send({ type: 'ready', pid: process.pid });
  await consumer.connect();
  await consumer.subscribe({
    topic: config.topic,
    fromBeginning: config.offsetReset === 'earliest',
  });
  // InitProducerId before the first fetch: fences a zombie of this consumer, aborts its transaction.
  await delivery.connect();
  if (delivery.tickMs > 0) setInterval(() => delivery.tick(), delivery.tickMs).unref();
  else if (config.commitMode !== 'exactly-once') {
    const commitEveryMs =
      config.commitMode === 'auto' ? config.autoCommitIntervalMs : PROMPT_COMMIT_MS;
    setInterval(() => void commits.flush(), commitEveryMs).unref();
  }
  // The lab commits itself (CommitTracker): kafkajs' autoCommit would commit after every batch,
  // which makes auto.commit.interval.ms meaningless.
  await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch });
  state.running = true;
  // run() returns before the group has joined, and kafkajs refuses pause/resume until then: a
  // resume of a consumer that was never paused would only report that refusal. onJoined pauses.
  if (state.paused) applyPause();
}

main().catch((error: unknown) => {
  reportError(`start failed: ${(error as Error).message}`);
  process.exit(1);
});
