/**
 * One lab consumer = one OS process running this file, so "crash" can be a real SIGKILL:
 * no LeaveGroup, no final commit. Talks to the server over the IPC channel only.
 */
import type { Consumer, EachBatchPayload } from 'kafkajs';
import {
  type WorkerCommand,
  type WorkerMessage,
  workerCommandSchema,
  workerConfigSchema,
} from '../../protocol/ipc';
import { tradeSchema } from '../../protocol/trade';
import { bumpRejoinNonce, labAssigner } from './assigners';
import { createKafka } from './client';

const PROGRESS_FLUSH_MS = 100;
const MANUAL_COMMIT_EVERY_MS = 200;
const PARENT_GONE_EXIT_MS = 3000;

const config = workerConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const send = (message: WorkerMessage) => {
  if (process.connected) process.send?.(message);
};

const kafka = createKafka({
  brokers: config.brokers,
  clientId: `offset-lab-${config.consumerId}`,
  onLog: (level, message) => {
    // Rebalance notices arrive as kafkajs "errors" but are the protocol working as designed.
    if (level === 'error' && !/rebalanc|rejoin/i.test(message))
      send({ type: 'error', message, at: Date.now() });
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
  partitionAssigners: [labAssigner(config.assignor)],
});

const state = {
  delayMs: config.delayMs,
  paused: false,
  stopping: false,
  rejoinRequested: false,
  memberId: null as string | null,
  processed: new Map<number, number>(),
  pendingSeqs: [] as number[],
  pendingCount: 0,
  dirtyPartitions: new Set<number>(),
};

function rebalanceError(): Error {
  // kafkajs' runner rejoins on errors of this type (isRebalancing in kafkajs/src/errors.js).
  return Object.assign(new Error('rejoin requested by the lab'), { type: 'REBALANCE_IN_PROGRESS' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function processingDelay(heartbeat: () => Promise<void>): Promise<void> {
  const end = Date.now() + state.delayMs;
  while (Date.now() < end && !state.stopping && !state.paused) {
    await sleep(Math.min(250, end - Date.now()));
    // Keeps the member alive while it is slow; kafkajs sends one only every heartbeatInterval.
    await heartbeat();
  }
}

/** partition → next offset: processed, not yet committed (after-processing mode). */
const pendingCommits = new Map<number, number>();
let committing: Promise<void> | null = null;
let batchesInFlight = 0;

/**
 * One OffsetCommit for everything processed since the last one. Only processed offsets are ever
 * committed, so a crash re-reads at most MANUAL_COMMIT_EVERY_MS of work: at-least-once.
 */
function commitPending(): Promise<void> {
  if (committing || pendingCommits.size === 0) return committing ?? Promise.resolve();
  const offsets = [...pendingCommits];
  committing = consumer
    .commitOffsets(
      offsets.map(([partition, next]) => ({
        topic: config.topic,
        partition,
        offset: String(next),
      })),
    )
    .then(() => {
      for (const [partition, next] of offsets) {
        if (pendingCommits.get(partition) === next) pendingCommits.delete(partition);
      }
    })
    // Refused during a rebalance (old generation): kept and retried; a partition that moved is
    // dropped on the next join and its new owner re-reads the uncommitted tail.
    .catch(() => undefined)
    .finally(() => {
      committing = null;
    });
  return committing;
}

async function eachBatch(payload: EachBatchPayload): Promise<void> {
  batchesInFlight++;
  try {
    await processBatch(payload);
  } finally {
    batchesInFlight--;
  }
}

async function processBatch(payload: EachBatchPayload): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
  for (const message of batch.messages) {
    if (!isRunning() || isStale() || state.stopping || state.paused) break;
    if (state.rejoinRequested) {
      state.rejoinRequested = false;
      throw rebalanceError();
    }
    if (state.delayMs > 0) await processingDelay(heartbeat);
    if (state.stopping || state.paused) break;
    const trade = tradeSchema.safeParse(safeJson(message.value?.toString()));
    if (trade.success && trade.data.run === config.runId) state.pendingSeqs.push(trade.data.seq);
    state.pendingCount++;
    const next = Number(message.offset) + 1;
    state.processed.set(batch.partition, next);
    state.dirtyPartitions.add(batch.partition);
    resolveOffset(message.offset);
    if (config.commitMode === 'after-processing') pendingCommits.set(batch.partition, next);
    await heartbeat();
  }
  if (config.commitMode === 'auto') await commitOffsetsIfNecessary();
}

function safeJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function flushProgress(): void {
  if (state.dirtyPartitions.size === 0 && state.pendingSeqs.length === 0) return;
  const processed = [...state.dirtyPartitions].map((partition) => ({
    topic: config.topic,
    partition,
    offset: state.processed.get(partition) ?? 0,
  }));
  send({
    type: 'progress',
    processed,
    seqs: state.pendingSeqs,
    count: state.pendingCount,
    at: Date.now(),
  });
  state.dirtyPartitions.clear();
  state.pendingSeqs = [];
  state.pendingCount = 0;
}

function listen(): void {
  const { events } = consumer;
  consumer.on(events.GROUP_JOIN, ({ payload }) => {
    state.memberId = payload.memberId;
    // Work on partitions this member no longer owns must not be committed by it any more.
    const owned = new Set((payload.memberAssignment[config.topic] ?? []) as number[]);
    for (const partition of [...pendingCommits.keys()])
      if (!owned.has(partition)) pendingCommits.delete(partition);
    for (const partition of [...state.processed.keys()])
      if (!owned.has(partition)) state.processed.delete(partition);
    send({
      type: 'joined',
      memberId: payload.memberId,
      leaderId: payload.leaderId ?? null,
      isLeader: payload.isLeader,
      protocol: payload.groupProtocol ?? null,
      assignment: Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({
        topic,
        partitions: partitions as number[],
      })),
      durationMs: payload.duration,
      at: Date.now(),
    });
  });
  consumer.on(events.REBALANCING, ({ payload }) => {
    send({ type: 'rebalancing', memberId: payload.memberId ?? null, at: Date.now() });
    // Like a rebalance listener's onPartitionsRevoked: commit what was processed while the old
    // generation is still accepted, so whoever gets these partitions does not re-read them.
    if (config.commitMode === 'after-processing') void commitPending();
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
    flushProgress();
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
    send({ type: 'error', message: `consumer crashed: ${payload.error.message}`, at: Date.now() });
    if (!payload.restart) void shutdown(1);
  });
}

async function handle(command: WorkerCommand): Promise<void> {
  switch (command.type) {
    case 'pause':
      state.paused = true;
      consumer.pause([{ topic: config.topic }]);
      return;
    case 'resume':
      state.paused = false;
      consumer.resume([{ topic: config.topic }]);
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
  }
}

/** Finish the message in hand, commit what was processed, then leave the group and exit. */
async function gracefulStop(): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  flushProgress();
  // The commit must happen before LeaveGroup: after it, Kafka no longer accepts this member's commits.
  while (batchesInFlight > 0) await sleep(20);
  if (config.commitMode === 'after-processing') {
    await committing;
    await commitPending();
  }
  await shutdown(0);
}

async function shutdown(code: number): Promise<void> {
  flushProgress();
  await consumer.disconnect().catch(() => undefined);
  send({ type: 'stopped', at: Date.now() });
  process.exit(code);
}

process.on('message', (raw) => {
  const command = workerCommandSchema.safeParse(raw);
  if (command.success) void handle(command.data);
});
// The server is gone (even by SIGKILL): leave politely, but never linger.
process.on('disconnect', () => {
  setTimeout(() => process.exit(1), PARENT_GONE_EXIT_MS).unref();
  void gracefulStop();
});

async function main(): Promise<void> {
  listen();
  setInterval(flushProgress, PROGRESS_FLUSH_MS).unref();
  send({ type: 'ready', pid: process.pid });
  await consumer.connect();
  await consumer.subscribe({
    topic: config.topic,
    fromBeginning: config.offsetReset === 'earliest',
  });
  if (config.commitMode === 'after-processing') {
    setInterval(() => void commitPending(), MANUAL_COMMIT_EVERY_MS).unref();
  }
  await consumer.run({
    autoCommit: config.commitMode === 'auto',
    autoCommitInterval: config.autoCommitIntervalMs,
    eachBatchAutoResolve: false,
    eachBatch,
  });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: `start failed: ${(error as Error).message}`, at: Date.now() });
  process.exit(1);
});
