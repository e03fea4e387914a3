/**
 * One lab consumer = one OS process running this file, so "crash" can be a real SIGKILL:
 * no LeaveGroup, no final commit. Talks to the server over the IPC channel only; what the
 * consumer does is LabConsumerWorker's, this file only wires IPC and kafkajs' events to it.
 */
import {
  type WorkerCommand,
  type WorkerConfig,
  type WorkerMessage,
  workerCommandSchema,
} from '../../protocol/ipc';
import { bumpRejoinNonce, type KafkajsAssignor, labAssigner } from './assigners';
import { createKafka } from './client';
import { Delivery } from './delivery';
import { LabConsumerWorker } from './lab-consumer-worker';
import { errorMessage, type JoinPayload } from './worker-messages';

const EXPECTED_LOG_ERRORS = /rebalanc|rejoin|concurrent operation on the same transaction/i;

/** Commands that arrive before the worker exists wait here (pause right after start). */
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

const kafka = createKafka({
  brokers: config.brokers,
  clientId: config.clientId,
  security: config.kafkajs,
  onLog: (level, message) => {
    // Rebalance notices arrive as kafkajs "errors" but are the protocol working as designed, and
    // so is CONCURRENT_TRANSACTIONS right after a commit (retried: the markers are being written).
    if (level === 'error' && !EXPECTED_LOG_ERRORS.test(message))
      send(errorMessage(message, Date.now()));
  },
});
const consumer = kafka.consumer({
  groupId: config.groupId,
  sessionTimeout: config.sessionTimeoutMs,
  heartbeatInterval: config.heartbeatIntervalMs,
  rebalanceTimeout: Math.max(30_000, config.sessionTimeoutMs),
  // kafkajs learns about new partitions only on a metadata refresh; keep that short.
  metadataMaxAge: config.timings.metadataMaxAgeMs,
  // kafkajs heartbeats between fetches, so a fetch may never wait longer than one heartbeat interval.
  maxWaitTimeInMs: Math.min(1000, config.heartbeatIntervalMs),
  partitionAssigners: [labAssigner(config.assignor as KafkajsAssignor)],
  // isolation.level=read_committed, kafkajs' default, said out loud: exactly-once relies on it.
  readUncommitted: false,
});

const worker = new LabConsumerWorker(config, {
  consumer,
  send,
  delivery: (commits, hooks) => new Delivery(kafka, config, commits, hooks),
  onRejoin: bumpRejoinNonce,
  exit: (code) => process.exit(code),
});

const { events } = consumer;
consumer.on(events.GROUP_JOIN, ({ payload }) => worker.onJoined(payload as JoinPayload));
consumer.on(events.REBALANCING, ({ payload }) => worker.onRebalancing(payload.memberId ?? null));
consumer.on(events.HEARTBEAT, ({ payload }) =>
  worker.onHeartbeat(payload.memberId, payload.groupGenerationId),
);
consumer.on(events.COMMIT_OFFSETS, ({ payload }) => worker.onCommitted(payload));
consumer.on(events.FETCH_START, () => worker.onFetchStart());
consumer.on(events.CRASH, ({ payload }) => worker.onCrash(payload.error, payload.restart));

handleCommand = (command) => {
  worker
    .handle(command)
    .catch((error: Error) => worker.reportError(`${command.type} failed: ${error.message}`));
};
for (const command of early.splice(0)) handleCommand(command);
// The server is gone (even by SIGKILL): leave politely, but never linger.
process.on('disconnect', () => {
  setTimeout(() => process.exit(1), config.timings.parentGoneExitMs).unref();
  void worker.gracefulStop();
});

worker.start().catch((error: unknown) => {
  worker.reportError(`start failed: ${(error as Error).message}`);
  process.exit(1);
});
