import { z } from 'zod';
import { COMMIT_MODES, OFFSET_RESETS } from './commands';
import { ASSIGNORS, CONSUMER_CLIENTS, GROUP_PROTOCOLS } from './consumer-kinds';
import { wireMemberSchema } from './observer-observation';
import { shareConfigSchema, shareCountsSchema, shareWindowSchema } from './share';
import { flatTextSchema } from './texts';

export const GROUP_STATES = [
  'Stable',
  'PreparingRebalance',
  'CompletingRebalance',
  // KIP-848 consumer groups: a new target assignment is being computed, then handed out.
  'Assigning',
  'Reconciling',
  'Empty',
  'Dead',
  'Unknown',
] as const;
export type GroupState = (typeof GROUP_STATES)[number];

export const GROUP_TYPES = ['classic', 'consumer', 'share', 'streams', 'unknown'] as const;

/** A lab consumer's lifecycle, as its one state machine has it (server/state/consumer-lifecycle.ts). */
export const CONSUMER_PHASES = [
  'starting',
  'joining',
  'running',
  'paused',
  'stopping',
  'stopped',
  'crashed',
] as const;
export type ConsumerPhase = (typeof CONSUMER_PHASES)[number];

/** The one liveness rule: the lab still runs this consumer's process. */
export function isLivePhase(phase: ConsumerPhase): boolean {
  return phase !== 'stopped' && phase !== 'crashed';
}

/** Crash, stop, pause and slow apply: alive, and no stop under way. */
export function acceptsCommands(phase: ConsumerPhase): boolean {
  return isLivePhase(phase) && phase !== 'stopping';
}

/** An error a client reported, when, and whether it has worked again since. */
export const errorInfoSchema = z.object({
  message: z.string(),
  at: z.number(),
  recoveredAt: z.number().nullable(),
});

export const VERDICTS = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND'] as const;

/** Each verdict in one sentence (English; the page has them in every language). */
export const VERDICT_TEXT = {
  OK: 'Keeping up: the committed offset moves and lag is not growing.',
  WARN: 'Lag grew over the last window: the consumers are slower than the producers.',
  STALL: 'Commits keep coming but the committed offset does not move while messages wait.',
  STOP: 'Messages are waiting and no commit came for the whole window: the consumer is stopped or stuck.',
  REWIND: 'The committed offset went backwards (an offset reset or a replay).',
} as const satisfies Record<(typeof VERDICTS)[number], string>;
export type Verdict = (typeof VERDICTS)[number];
/** Burrow's rules; `reason` explains the verdict in one sentence. */
export const healthSchema = z.object({ verdict: z.enum(VERDICTS), reason: z.string() });

/** Rebalancing again and again (server/domain/storm.ts): how often, who and why, most often first. */
export const stormSchema = z.object({
  count: z.number(),
  windowMs: z.number(),
  members: z.array(z.string()),
  reasons: z.array(z.object({ text: flatTextSchema, count: z.number() })),
});

const partitionRef = z.object({ topic: z.string(), partition: z.number() });
export type PartitionRef = z.infer<typeof partitionRef>;

/** A member as Kafka describes it (the observer's wire shape), plus the lab consumer behind it. */
export const memberSchema = wireMemberSchema.omit({ upgraded: true }).extend({
  /** The lab consumer behind this member, when it is one of ours. */
  consumerId: z.string().nullable(),
});

/**
 * How a lag in seconds was had: `log-end` from how the log end grew while the dashboard watched;
 * `record` from the timestamp of the record the group reads next (the history did not reach back);
 * `lower-bound` while that record is still being read (the figure is at least this).
 */
export const LAG_METHODS = ['log-end', 'record', 'lower-bound'] as const;
export type LagMethod = (typeof LAG_METHODS)[number];

/**
 * Will the lag drain, and when (server/domain/drain.ts): `draining` in ~`seconds`; `behind` when
 * the consumers are not faster than the producers; `caught-up` (no lag) or `idle` (no lag, nothing
 * produced); `measuring` until the rates span a few seconds.
 */
export const DRAIN_STATES = ['draining', 'behind', 'caught-up', 'idle', 'measuring'] as const;
export const drainSchema = z.object({
  state: z.enum(DRAIN_STATES),
  seconds: z.number().nullable(),
  /** msg/s: the consumers over their current run of progress, the producers over the window. */
  consumePerSec: z.number().nullable(),
  producePerSec: z.number().nullable(),
});
export type Drain = z.infer<typeof drainSchema>;

/**
 * Will retention delete the group's next record before it is read (server/domain/retention.ts):
 * `at-risk` when less than a quarter of retention.ms is left for it; `lost` when the committed
 * offset is below the log start; `unknown` until the topic's configs are read.
 */
export const RETENTION_STATES = ['safe', 'at-risk', 'lost', 'unknown'] as const;
export const retentionSchema = z.object({
  state: z.enum(RETENTION_STATES),
  /** At least this long before the next record may be deleted (retention.ms − its age). */
  secondsLeft: z.number().nullable(),
  /** klag-exporter's: messages deleted unread, committed − log start, lag / (log end − start) %. */
  lost: z.number(),
  marginOffsets: z.number().nullable(),
  lagRetentionRatio: z.number(),
});
export type Retention = z.infer<typeof retentionSchema>;

export const groupOffsetSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  logStartOffset: z.number(),
  committedOffset: z.number().nullable(),
  processedOffset: z.number().nullable(),
  logEndOffset: z.number(),
  lag: z.number(),
  /** How old the next message to consume is, in seconds (`lagMethod` says how it was had). */
  lagSeconds: z.number(),
  lagMethod: z.enum(LAG_METHODS).optional(),
  health: healthSchema,
  drain: drainSchema.optional(),
  retention: retentionSchema.optional(),
  /** The member that owns the partition; null for a share group, whose partitions are shared. */
  memberId: z.string().nullable(),
  /**
   * Share groups (KIP-932): the members that may read this partition, several at once. There
   * `committedOffset` is the share-partition start offset (SPSO) and `lag` is Kafka's share lag.
   */
  sharedBy: z.array(z.string()).optional(),
});

export const labGroupConfigSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  client: z.enum(CONSUMER_CLIENTS),
  protocol: z.enum(GROUP_PROTOCOLS),
  assignor: z.enum(ASSIGNORS),
  staticMembership: z.boolean(),
  /** Java only: max.poll.interval.ms; null means the client's default. */
  maxPollIntervalMs: z.number().nullable(),
  commitMode: z.enum(COMMIT_MODES),
  autoCommitIntervalMs: z.number(),
  offsetReset: z.enum(OFFSET_RESETS),
  sessionTimeoutMs: z.number(),
  heartbeatIntervalMs: z.number(),
  /** commitMode batch: commit every `every` processed messages or every `intervalMs`. */
  batch: z.object({ every: z.number(), intervalMs: z.number() }).nullable().optional(),
  /** Retry + DLQ; null or absent: messages are processed without being checked. */
  retry: z.object({ attempts: z.number(), backoffMs: z.number() }).nullable().optional(),
  /** protocol share (KIP-932): acknowledgement and the group's share.* configs. */
  share: shareConfigSchema.nullable().optional(),
});

const auditSchema = z.object({
  processed: z.number(),
  unique: z.number(),
  duplicates: z.number(),
  missing: z.number(),
  /** Never read because retention deleted them first (the member's fetch was out of range). */
  deletedUnread: z.number().optional(),
  /** Never read because auto.offset.reset=latest jumped past them. */
  skippedUnread: z.number().optional(),
});

/** One message a lab consumer gave up on: where it came from, why, and where it went. */
export const deadLetterSchema = z.object({
  consumerId: z.string(),
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
  attempts: z.number(),
  error: z.string(),
  dlqOffset: z.number(),
  at: z.number(),
});

/** Processing a message failed; the next attempt comes after `delayMs` (exponential backoff). */
export const retryAttemptSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
  /** The attempt that failed (1: the first). */
  attempt: z.number(),
  delayMs: z.number(),
  error: z.string(),
  at: z.number(),
});

/** A group's retry + DLQ record, from its consumers' reports. */
export const deadLettersSchema = z.object({
  topic: z.string(),
  count: z.number(),
  retries: z.number(),
  /** Newest first, at most MAX_RECENT_DEAD_LETTERS. */
  recent: z.array(deadLetterSchema),
  /** The latest retry not yet followed by its dead-lettering (or success). */
  retrying: retryAttemptSchema.extend({ consumerId: z.string() }).nullable(),
});

/** What a lane needs of the lab consumer behind it. */
export const laneConsumerSchema = z.object({
  phase: z.enum(CONSUMER_PHASES),
  pid: z.number().nullable(),
  delayMs: z.number(),
  isLeader: z.boolean(),
  lastError: errorInfoSchema.nullable(),
  /** SIGSTOP'ed at this time: alive but silent (consumer:freeze); null or absent while it runs. */
  frozenAt: z.number().nullable().optional(),
  /** A share group's member: what it acquired and acknowledged. */
  share: shareCountsSchema.nullable().optional(),
});

/**
 * One lane of the assignment board, built by the server: `consumer` a live lab consumer (or one
 * still joining); `ghost` a member Kafka still lists whose process is gone; `member` anyone else's.
 */
export const laneSchema = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string(),
  kind: z.enum(['consumer', 'ghost', 'member']),
  consumerId: z.string().nullable(),
  memberId: z.string().nullable(),
  memberEpoch: z.number().nullable(),
  note: z.string().nullable(),
  /** `label` and `note` as texts, for the page to word in its language. */
  labelText: flatTextSchema.nullable(),
  noteText: flatTextSchema.nullable(),
  /** A crashed member: when the coordinator should evict it (last heartbeat + session timeout). */
  evictionDueAt: z.number().nullable(),
  partitions: z.array(partitionRef),
  /** KIP-848, while reconciling: partitions the coordinator has assigned but the member not yet taken. */
  incoming: z.array(partitionRef),
  consumer: laneConsumerSchema.nullable(),
});

/** One lab member's report during a rebalance: it rejoins, gives partitions up, or takes them. */
export const rebalanceStepSchema = z.object({
  at: z.number(),
  kind: z.enum(['joining', 'revoked', 'assigned']),
  consumerId: z.string(),
  partitions: z.array(partitionRef),
});
export type RebalanceStep = z.infer<typeof rebalanceStepSchema>;

/** A finished rebalance, measured: how long, and how long each partition had nobody processing it. */
export const rebalanceSummarySchema = z.object({
  startedAt: z.number(),
  endedAt: z.number(),
  durationMs: z.number(),
  reason: z.string(),
  reasonText: flatTextSchema,
  style: z.enum(['eager', 'cooperative', 'kip-848']).nullable(),
  /** partitionKey (protocol/keys) → ms without a consumer processing it. */
  pausedMs: z.record(z.string(), z.number()),
  /** Partitions that changed owner (lab consumer ids; null: nobody, e.g. a crashed process). */
  moves: z.array(
    z.object({
      partition: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      ref: partitionRef.optional(),
    }),
  ),
  /** The same pauses as `pausedMs`, as partitions, longest first: what the page draws. */
  pauses: z.array(partitionRef.extend({ ms: z.number() })).optional(),
  steps: z.array(rebalanceStepSchema).optional(),
});

export const groupSchema = z.object({
  groupId: z.string(),
  lab: z.boolean(),
  type: z.enum(GROUP_TYPES),
  state: z.enum(GROUP_STATES),
  protocol: z.string(),
  protocolType: z.string(),
  /** Classic: the generation (from the lab's own members). KIP-848: the group epoch. */
  generationId: z.number().nullable(),
  assignmentEpoch: z.number().nullable(),
  members: z.array(memberSchema),
  offsets: z.array(groupOffsetSchema),
  totalLag: z.number(),
  /** The largest lag in seconds of its partitions. */
  lagSeconds: z.number(),
  /** How that partition's figure was had (LAG_METHODS). */
  lagMethod: z.enum(LAG_METHODS).optional(),
  health: healthSchema,
  drain: drainSchema.optional(),
  retention: retentionSchema.optional(),
  storm: stormSchema.nullable().optional(),
  lastCommitAt: z.number().nullable(),
  topics: z.array(z.string()),
  config: labGroupConfigSchema.nullable(),
  /** Set while a rebalance is in progress: when it started (epoch ms) and why. */
  rebalance: z
    .object({ startedAt: z.number(), reason: z.string(), reasonText: flatTextSchema })
    .nullable(),
  lastRebalance: rebalanceSummarySchema.nullable(),
  /** The rebalances before the last one, newest first (a few). */
  earlierRebalances: z.array(rebalanceSummarySchema).optional(),
  /** Partitions nobody processes right now: revoked, lost, or held by a crashed process. */
  waiting: z.array(partitionRef).optional(),
  /** The last offset reset of a lab group, which group:undo-reset can put back. */
  undoReset: z.object({ at: z.number(), detail: z.string() }).nullable(),
  audit: auditSchema.nullable(),
  /**
   * exactly-once groups: the same audit on what `<topic>.out` holds, read with read_committed by a
   * reader outside the group (`processed` there: trades read from the output topic).
   */
  outputAudit: auditSchema.extend({ topic: z.string() }).nullable().optional(),
  /** Groups with retry + DLQ. */
  deadLetters: deadLettersSchema.nullable().optional(),
  lanes: z.array(laneSchema),
  /** Partitions of the group's topics that nobody owns. */
  unassigned: z.array(partitionRef),
  /** A lab share group: each partition's latest records by state, from the members' reports. */
  shareWindow: z.array(shareWindowSchema).optional(),
  /** Lab consumers with no process and no member: shown apart, ready to restart. */
  dormant: z.array(z.object({ id: z.string(), phase: z.enum(CONSUMER_PHASES) })),
});

/** One row of the overview: every group on the cluster, cheap enough for thousands. */
export const groupSummarySchema = z.object({
  groupId: z.string(),
  lab: z.boolean(),
  type: z.enum(GROUP_TYPES),
  protocol: z.string(),
  state: z.enum(GROUP_STATES),
  members: z.number(),
  topics: z.array(z.string()),
  partitions: z.number(),
  totalLag: z.number(),
  /** The group's largest lag in seconds, to two significant figures (what a row shows). */
  lagSeconds: z.number(),
  lagMethod: z.enum(LAG_METHODS).optional(),
  health: healthSchema,
  storm: stormSchema.nullable().optional(),
  /** The drain verdict, its seconds to two significant figures (no rates: rows stay still). */
  drain: drainSchema.pick({ state: true, seconds: true }).optional(),
  retention: retentionSchema.pick({ state: true, secondsLeft: true, lost: true }).optional(),
  lastCommitAt: z.number().nullable(),
  /** Total lag over the last minute, one point every 5 s (the sparkline). */
  lagTrend: z.array(z.number()),
});

export const consumerSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  client: z.enum(CONSUMER_CLIENTS),
  /** The consumer's phase (see CONSUMER_PHASES); named `status` in the stable API. */
  status: z.enum(CONSUMER_PHASES),
  pid: z.number().nullable(),
  memberId: z.string().nullable(),
  generationId: z.number().nullable(),
  isLeader: z.boolean(),
  delayMs: z.number(),
  lastError: errorInfoSchema.nullable(),
});

export type MemberInfo = z.infer<typeof memberSchema>;
export type DeadLetter = z.infer<typeof deadLetterSchema>;
export type DeadLetters = z.infer<typeof deadLettersSchema>;
export type GroupOffset = z.infer<typeof groupOffsetSchema>;
export type GroupInfo = z.infer<typeof groupSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type RebalanceSummary = z.infer<typeof rebalanceSummarySchema>;
export type LabGroupConfig = z.infer<typeof labGroupConfigSchema>;
export type LaneInfo = z.infer<typeof laneSchema>;
export type LaneConsumer = z.infer<typeof laneConsumerSchema>;
export type ConsumerInfo = z.infer<typeof consumerSchema>;
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
export type Health = z.infer<typeof healthSchema>;
