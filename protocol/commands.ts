import { z } from 'zod';
import { ASSIGNORS, CONSUMER_CLIENTS, GROUP_PROTOCOLS, kindProblems } from './consumer-kinds';
import {
  BATCH_COMMIT_EVERY,
  BATCH_COMMIT_INTERVAL_MS,
  deliveryProblems,
  POISON_PERCENT,
  RETRY_ATTEMPTS,
  RETRY_BACKOFF_MS,
} from './delivery';
import { EXPERIMENT_IDS } from './experiments';
import { consumerIdField, groupIdField, intInRange, oneOf, topicName } from './fields';
import {
  SHARE_ACK_MODES,
  SHARE_DELIVERY_LIMIT,
  SHARE_LOCK_MS,
  SHARE_MAX_POLL_RECORDS,
} from './share';
import { unknownFields } from './strict';
import { topicConfigureSchema } from './topic-config';

export const COMMIT_MODES = [
  'after-processing',
  'auto',
  'before-processing',
  'batch',
  'exactly-once',
] as const;
export const OFFSET_RESETS = ['earliest', 'latest'] as const;
export const KEY_MODES = ['fixed', 'symbol', 'random', 'none'] as const;
export const ACKS_MODES = ['all', 'leader', 'none'] as const;
/** `last`: read the last N records again (committed − N per partition, not before the log start). */
export const RESET_TARGETS = [
  'earliest',
  'latest',
  'offset',
  'timestamp',
  'shift',
  'last',
] as const;
/** Where a replay starts: the last N records, a time (epoch ms), an offset, or the beginning. */
export const REPLAY_FROM = ['last', 'timestamp', 'offset', 'earliest'] as const;

export const MAX_PRODUCER_RATE = 5000;
export const MAX_SLOW_DELAY_MS = 5000;
export const MAX_CONSUMERS_PER_GROUP = 32;
export const MAX_PARTITIONS = 256;

const consumerTarget = { consumerId: consumerIdField };
const range = (field: string, limits: { min: number; max: number }) =>
  intInRange(field, limits.min, limits.max);
/** A node of the lab's own Kafka (KAFKA_BROKER_IDS); optional where the lab has one broker. */
const nodeIdField = intInRange('nodeId', 0, 2 ** 31 - 1);

export const groupCreateSchema = z
  .object({
    type: z.literal('group:create'),
    groupId: groupIdField,
    topic: topicName,
    consumers: intInRange('consumers', 0, MAX_CONSUMERS_PER_GROUP).default(3),
    client: oneOf('client', CONSUMER_CLIENTS).default('kafkajs'),
    protocol: oneOf('protocol', GROUP_PROTOCOLS).default('classic'),
    /** Defaults to round-robin for classic groups, uniform for KIP-848 ones. */
    assignor: oneOf('assignor', ASSIGNORS).optional(),
    staticMembership: z.boolean({ error: 'staticMembership must be true or false' }).default(false),
    /** max.poll.interval.ms of the Java client (Kafka's default is 300000). */
    maxPollIntervalMs: intInRange('maxPollIntervalMs', 1000, 300000).optional(),
    commitMode: oneOf('commitMode', COMMIT_MODES).default('after-processing'),
    autoCommitIntervalMs: intInRange('autoCommitIntervalMs', 100, 60000).default(5000),
    /** commitMode batch: commit every N processed messages or every T ms, whichever comes first. */
    batchCommitEvery: range('batchCommitEvery', BATCH_COMMIT_EVERY).optional(),
    batchCommitIntervalMs: range('batchCommitIntervalMs', BATCH_COMMIT_INTERVAL_MS).optional(),
    /** Retry poison messages with exponential backoff, then send them to `<topic>.dlq`. */
    dlq: z.boolean({ error: 'dlq must be true or false' }).optional(),
    retryAttempts: range('retryAttempts', RETRY_ATTEMPTS).optional(),
    retryBackoffMs: range('retryBackoffMs', RETRY_BACKOFF_MS).optional(),
    offsetReset: oneOf('offsetReset', OFFSET_RESETS).default('earliest'),
    /** protocol share: how records are acknowledged, and the group's share.* configs. */
    shareAckMode: oneOf('shareAckMode', SHARE_ACK_MODES).optional(),
    maxPollRecords: range('maxPollRecords', SHARE_MAX_POLL_RECORDS).optional(),
    shareLockMs: range('shareLockMs', SHARE_LOCK_MS).optional(),
    shareDeliveryLimit: range('shareDeliveryLimit', SHARE_DELIVERY_LIMIT).optional(),
    // group.min.session.timeout.ms is set to 1000 on the lab broker; Kafka's default max is 1800000.
    sessionTimeoutMs: intInRange('sessionTimeoutMs', 1000, 300000).default(6000),
  })
  .superRefine((command, ctx) => {
    for (const message of kindProblems(groupKindOf(command)))
      ctx.addIssue({ code: 'custom', message, path: [message.split(/[ :]/)[0] ?? ''] });
    for (const { field, message } of deliveryProblems(command))
      ctx.addIssue({ code: 'custom', message, path: [field] });
  });

type GroupCreateInput = Pick<
  z.infer<typeof groupCreateSchema>,
  'client' | 'protocol' | 'assignor' | 'staticMembership' | 'maxPollIntervalMs' | 'sessionTimeoutMs'
>;

const DEFAULT_ASSIGNOR = { classic: 'round-robin', consumer: 'uniform', share: 'simple' } as const;

/** The consumer kind a group:create asks for, with the protocol's default assignor filled in. */
export function groupKindOf(command: GroupCreateInput) {
  return {
    client: command.client,
    protocol: command.protocol,
    assignor: command.assignor ?? DEFAULT_ASSIGNOR[command.protocol],
    staticMembership: command.staticMembership,
    maxPollIntervalMs: command.maxPollIntervalMs ?? null,
    sessionTimeoutMs: command.sessionTimeoutMs,
  } as const;
}

export const producerUpdateSchema = z.object({
  type: z.literal('producer:update'),
  rate: intInRange('rate', 0, MAX_PRODUCER_RATE).optional(),
  keyMode: oneOf('keyMode', KEY_MODES).optional(),
  acks: oneOf('acks', ACKS_MODES).optional(),
  idempotent: z.boolean({ error: 'idempotent must be true or false' }).optional(),
  paused: z.boolean({ error: 'paused must be true or false' }).optional(),
  topic: topicName.optional(),
  /** The share of trades sent as poison (malformed JSON or a bad price). */
  poisonPercent: range('poisonPercent', POISON_PERCENT).optional(),
});

const resetOffsetsSchema = z.object({
  type: z.literal('group:reset-offsets'),
  groupId: groupIdField,
  to: oneOf('to', RESET_TARGETS),
  /** The offset, the shift (may be negative) or the time in epoch ms, depending on `to`. */
  value: z
    .number({ error: 'value must be a whole number' })
    .int({ error: 'value must be a whole number' })
    .min(-Number.MAX_SAFE_INTEGER, { error: 'value is out of range' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'value is out of range' })
    .optional(),
  /** true: only compute and return the plan (the preview). */
  dryRun: z.boolean({ error: 'dryRun must be true or false' }).default(false),
});

const replaySchema = z.object({
  type: z.literal('group:replay'),
  groupId: groupIdField,
  from: oneOf('from', REPLAY_FROM),
  /** N for `last`, a time in epoch ms for `timestamp`, the offset for `offset`. */
  value: intInRange('value', 0, Number.MAX_SAFE_INTEGER).optional(),
});

/** Every command, keyed by its type: the one list the API, the page and the server share. */
export const COMMAND_SCHEMAS = {
  'consumer:add': z.object({ type: z.literal('consumer:add'), groupId: groupIdField }),
  'consumer:crash': z.object({ type: z.literal('consumer:crash'), ...consumerTarget }),
  'consumer:stop': z.object({ type: z.literal('consumer:stop'), ...consumerTarget }),
  'consumer:restart': z.object({ type: z.literal('consumer:restart'), ...consumerTarget }),
  'consumer:pause': z.object({ type: z.literal('consumer:pause'), ...consumerTarget }),
  /** SIGSTOP: the process stays alive and silent (no heartbeat, no fetch); thaw sends SIGCONT. */
  'consumer:freeze': z.object({ type: z.literal('consumer:freeze'), ...consumerTarget }),
  'consumer:thaw': z.object({ type: z.literal('consumer:thaw'), ...consumerTarget }),
  'consumer:resume': z.object({ type: z.literal('consumer:resume'), ...consumerTarget }),
  'consumer:slow': z.object({
    type: z.literal('consumer:slow'),
    ...consumerTarget,
    delayMs: intInRange('delayMs', 0, MAX_SLOW_DELAY_MS),
  }),
  'group:create': groupCreateSchema,
  'group:delete': z.object({ type: z.literal('group:delete'), groupId: groupIdField }),
  'group:rebalance': z.object({ type: z.literal('group:rebalance'), groupId: groupIdField }),
  'group:reset-offsets': resetOffsetsSchema,
  'group:replay': replaySchema,
  'group:undo-reset': z.object({ type: z.literal('group:undo-reset'), groupId: groupIdField }),
  'producer:update': producerUpdateSchema,
  'topic:create': z.object({
    type: z.literal('topic:create'),
    topic: topicName,
    partitions: intInRange('partitions', 1, MAX_PARTITIONS).default(6),
    /** Default: as many replicas as the lab runs brokers (1, or 3 with LAB_BROKERS=3). */
    replicationFactor: intInRange('replicationFactor', 1, 32).optional(),
    minInsyncReplicas: intInRange('minInsyncReplicas', 1, 32).optional(),
  }),
  'topic:configure': topicConfigureSchema,
  'topic:add-partitions': z.object({
    type: z.literal('topic:add-partitions'),
    topic: topicName,
    count: intInRange('count', 2, MAX_PARTITIONS),
  }),
  'topic:delete': z.object({ type: z.literal('topic:delete'), topic: topicName }),
  'experiment:run': z.object({
    type: z.literal('experiment:run'),
    id: oneOf('id', EXPERIMENT_IDS),
  }),
  'broker:stop': z.object({ type: z.literal('broker:stop'), nodeId: nodeIdField.optional() }),
  'broker:start': z.object({ type: z.literal('broker:start'), nodeId: nodeIdField.optional() }),
  'broker:kill': z.object({ type: z.literal('broker:kill'), nodeId: nodeIdField }),
} as const;

export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as (keyof typeof COMMAND_SCHEMAS)[];

type CommandSchema = (typeof COMMAND_SCHEMAS)[keyof typeof COMMAND_SCHEMAS];

export const commandSchema = z.discriminatedUnion(
  'type',
  Object.values(COMMAND_SCHEMAS) as [CommandSchema, ...CommandSchema[]],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `type must be one of: ${COMMAND_TYPES.join(', ')}`
        : undefined,
  },
);

export type Command = z.infer<typeof commandSchema>;
/** What a client sends: defaults may be left out (the server fills them in). */
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];
/** The command of one type, e.g. CommandOf<'consumer:crash'>. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type GroupCreateCommand = z.infer<typeof groupCreateSchema>;
export type ProducerUpdateCommand = z.infer<typeof producerUpdateSchema>;
export type { Assignor } from './consumer-kinds';
export type CommitMode = (typeof COMMIT_MODES)[number];
export type KeyMode = (typeof KEY_MODES)[number];
export type AcksMode = (typeof ACKS_MODES)[number];
export type ResetTarget = (typeof RESET_TARGETS)[number];

/**
 * Why a command failed, and the HTTP status each reason gets. `invalid`: the request names
 * something wrong (a field, a consumer, a group); `forbidden`: not allowed here (read-only, monitor
 * mode, a group the lab did not create); `kafka`: Kafka itself refused or failed.
 */
export const COMMAND_ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'too-large': 413,
  'unsupported-media-type': 415,
  /** A limit of the lab (reads in flight, resyncs per second): try again shortly. */
  'too-many': 429,
  /** A bug of the server's, caught at its edge: the lab keeps running. */
  internal: 500,
  kafka: 502,
  /** No answer: the server (or, on the page, the socket) did not reply in time. */
  unavailable: 503,
} as const;
export type CommandErrorKind = keyof typeof COMMAND_ERROR_STATUS;
const ERROR_KINDS = Object.keys(COMMAND_ERROR_STATUS) as [CommandErrorKind, ...CommandErrorKind[]];

export const commandAckSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string(), kind: z.enum(ERROR_KINDS) }),
]);
export type CommandAck = z.infer<typeof commandAckSchema>;

/** Turns a zod failure into one readable sentence that names the offending field(s). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
      return field && !issue.message.startsWith(field)
        ? `${field}: ${issue.message}`
        : issue.message;
    })
    .join('; ');
}

export type ParsedCommand =
  | { ok: true; command: Command }
  | { ok: false; error: string; kind: 'invalid' };

type Raw = Record<string, unknown>;
/** A field that only means something with certain other settings. */
interface Applicability {
  field: string;
  applies: (input: Raw) => boolean;
  /** Completes "<field> is only valid with …". */
  only: string;
}

const VALUE_TARGETS: readonly string[] = ['offset', 'timestamp', 'shift', 'last'];

/**
 * The one rule for fields a command knows but that mean nothing with the options chosen: given
 * there, they are refused like unknown ones (the user meant something the lab would not do).
 */
export const FIELD_APPLIES: Partial<Record<CommandType, readonly Applicability[]>> = {
  'group:create': [
    {
      field: 'autoCommitIntervalMs',
      applies: (i) => i.commitMode === 'auto',
      only: 'commitMode "auto"',
    },
    {
      field: 'batchCommitEvery',
      applies: (i) => i.commitMode === 'batch',
      only: 'commitMode "batch"',
    },
    {
      field: 'batchCommitIntervalMs',
      applies: (i) => i.commitMode === 'batch',
      only: 'commitMode "batch"',
    },
    { field: 'retryAttempts', applies: (i) => i.dlq === true, only: 'dlq: true' },
    { field: 'retryBackoffMs', applies: (i) => i.dlq === true, only: 'dlq: true' },
    ...['shareAckMode', 'maxPollRecords', 'shareLockMs', 'shareDeliveryLimit'].map((field) => ({
      field,
      applies: (i: Raw) => i.protocol === 'share',
      only: 'protocol "share"',
    })),
    // A share group acknowledges records one by one: it commits no offsets.
    ...['commitMode', 'dlq', 'maxPollIntervalMs'].map((field) => ({
      field,
      applies: (i: Raw) => i.protocol !== 'share',
      only: 'protocol "classic" or "consumer" (a share group acknowledges records, it commits no offsets)',
    })),
  ],
  'group:reset-offsets': [
    {
      field: 'value',
      applies: (i) => VALUE_TARGETS.includes(String(i.to)),
      only: `to ${VALUE_TARGETS.join(', ')}`,
    },
  ],
  'group:replay': [
    { field: 'value', applies: (i) => i.from !== 'earliest', only: 'from last, timestamp, offset' },
  ],
};

/** The keys a command's schema takes. */
export function commandFields(type: CommandType): string[] {
  return Object.keys(COMMAND_SCHEMAS[type].shape);
}

/** Unknown fields, and known ones that do not apply to this command's options; null when none. */
function strictProblems(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const raw = input as Raw;
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_SCHEMAS, type)) return null;
  const commandType = type as CommandType;
  const unknown = unknownFields(raw, commandFields(commandType), commandType);
  if (unknown) return unknown;
  const inapplicable = (FIELD_APPLIES[commandType] ?? [])
    .filter((rule) => raw[rule.field] !== undefined && !rule.applies(raw))
    .map((rule) => `${rule.field} is only valid with ${rule.only}`);
  return inapplicable.length > 0 ? inapplicable.join('; ') : null;
}

export function parseCommand(input: unknown): ParsedCommand {
  const strict = strictProblems(input);
  if (strict) return { ok: false, error: strict, kind: 'invalid' };
  const parsed = commandSchema.safeParse(input);
  return parsed.success
    ? { ok: true, command: parsed.data }
    : { ok: false, error: describeIssues(parsed.error), kind: 'invalid' };
}
