import type { Producer } from 'kafkajs';
import type { AcksMode, KeyMode } from '../../protocol/commands';
import type { KafkajsSecurity } from '../../protocol/security';
import type { ErrorInfo, ProducerInfo } from '../../protocol/snapshot';
import { drawPoison, poisonValue } from '../domain/poison';
import { SeqSet } from '../domain/seq-set';
import { TradeGenerator } from '../domain/trade-generator';
import { createKafka } from './client';

/** One generated message: its key, the partition the lab's partitioner chose, the trade. */
type Trade = ReturnType<TradeGenerator['next']>;
/** A trade as sent: its encoded value, or a poison message in its place. */
type Outgoing = Trade & { value: string; poison: boolean };

const TICK_MS = 50;
/**
 * How long the leader may hold an acks=all write waiting for the in-sync replicas (the produce
 * request's timeout; kafkajs' default is 30 s). Kafka 4 does not advance the high watermark while
 * the ISR is below min.insync.replicas (KIP-966), so a write caught by a broker's death waits the
 * whole timeout before the producer hears NotEnoughReplicas; 5 s keeps the lab responsive.
 */
const ACK_TIMEOUT_MS = 5000;
const EMPTY = new SeqSet();
const ACKS: Record<AcksMode, -1 | 0 | 1> = { all: -1, leader: 1, none: 0 };
/** A send pending longer than this is shown as stuck, with the client's last error. */
const STUCK_AFTER_MS = 2000;

export interface ProducerSettings {
  topic: string;
  rate: number;
  keyMode: KeyMode;
  acks: AcksMode;
  idempotent: boolean;
  paused: boolean;
  /** The share of trades sent as poison (0–100); absent: none. */
  poisonPercent?: number;
}

export interface LabProducerOptions {
  brokers: string[];
  runId: string;
  settings: ProducerSettings;
  /** Current partition count of a topic, 0 when unknown (nothing is sent then). */
  partitionCount: (topic: string) => number;
  /** Live brokers the lab last saw: with more than one, each partition gets its own send(). */
  liveBrokers?: () => number;
  security?: KafkajsSecurity | null;
  /** Called synchronously after each acknowledged send, with its last offset per partition. */
  onAcked?: (
    topic: string,
    lastOffsets: Record<number, number>,
    firstOffsets: Record<number, number>,
  ) => void;
  /** A send's error in plain words (e.g. NotEnoughReplicas with the ISR and the minimum). */
  describeError?: (error: unknown, topic: string) => string;
}

export class LabProducer {
  settings: ProducerSettings;
  /** Acked trade seqs per topic: a group is audited only against what was sent to its topic. */
  private readonly ackedByTopic = new Map<string, SeqSet>();
  /** Acked poison messages per topic: partition → their offsets (they carry no trade to count). */
  private readonly poisonByTopic = new Map<string, Map<number, SeqSet>>();
  private poisonSent = 0;
  private readonly generator: TradeGenerator;
  private producer: Producer | null = null;
  private connected = false;
  private timer: NodeJS.Timeout | null = null;
  private owed = 0;
  private lastTick = Date.now();
  private sending: Promise<void> | null = null;
  private sendingSince: number | null = null;
  private clientError: string | null = null;
  private readonly stats = { sent: 0, acked: 0, failed: 0, inFlight: 0 };
  private lastError: ErrorInfo | null = null;
  private readonly lastOffsets = new Map<number, number>();
  /** The partition count each topic had at its last send. */
  private readonly partitionsSeen = new Map<string, number>();
  private ackTimes: number[] = [];

  constructor(private readonly options: LabProducerOptions) {
    this.settings = { ...options.settings };
    this.generator = new TradeGenerator(options.runId);
  }

  ackedSeqs(topic: string): SeqSet {
    return this.ackedByTopic.get(topic) ?? EMPTY;
  }

  /** Where the acked poison messages of `topic` are: partition → offsets. */
  poisonOffsets(topic: string): ReadonlyMap<number, SeqSet> {
    return this.poisonByTopic.get(topic) ?? new Map();
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  async update(changes: Partial<ProducerSettings>): Promise<void> {
    const reconnect =
      (changes.acks !== undefined && changes.acks !== this.settings.acks) ||
      (changes.idempotent !== undefined && changes.idempotent !== this.settings.idempotent);
    this.settings = { ...this.settings, ...changes };
    if (reconnect) await this.closeProducer();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.closeProducer();
  }

  info(now = Date.now()): ProducerInfo {
    this.ackTimes = this.ackTimes.filter((t) => now - t < 1000);
    const stuck = this.sendingSince !== null && now - this.sendingSince > STUCK_AFTER_MS;
    const lastError: ErrorInfo | null =
      stuck && this.clientError
        ? {
            message: `sends are waiting for the broker: ${this.describe(this.clientError)}`,
            at: this.sendingSince ?? now,
            recoveredAt: null,
          }
        : this.lastError;
    return {
      ...this.settings,
      poisonPercent: this.settings.poisonPercent ?? 0,
      poisonSent: this.poisonSent,
      ...this.stats,
      lastError,
      ackedPerSec: this.ackTimes.length,
      lastOffsets: [...this.lastOffsets]
        .sort(([a], [b]) => a - b)
        .map(([partition, offset]) => ({ partition, offset })),
    };
  }

  private describe(error: unknown): string {
    const { describeError } = this.options;
    if (describeError) return describeError(error, this.settings.topic);
    return error instanceof Error ? error.message : String(error);
  }

  private tick(): void {
    const now = Date.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    const { rate, paused, topic } = this.settings;
    if (paused || rate === 0) {
      this.owed = 0;
      return;
    }
    // Never owe more than a second of messages: a stalled broker must not cause a burst later.
    this.owed = Math.min(this.owed + (rate * elapsed) / 1000, Math.max(rate, 1));
    if (this.sending) return;
    const count = Math.floor(this.owed);
    const partitions = this.options.partitionCount(topic);
    if (count < 1 || partitions < 1) return;
    this.owed -= count;
    this.sending = this.send(topic, count, partitions).finally(() => {
      this.sending = null;
      this.sendingSince = null;
    });
  }

  private async ensureProducer(): Promise<Producer> {
    if (this.producer && this.connected) return this.producer;
    if (!this.producer) {
      const kafka = createKafka({
        brokers: this.options.brokers,
        clientId: 'offset-lab-producer',
        security: this.options.security ?? null,
        onLog: (level, message) => {
          if (level === 'error') this.clientError = message;
        },
      });
      this.producer = kafka.producer({
        idempotent: this.settings.idempotent,
        maxInFlightRequests: this.settings.idempotent ? 1 : 5,
        allowAutoTopicCreation: false,
      });
    }
    await this.producer.connect();
    this.connected = true;
    return this.producer;
  }

  private async send(topic: string, count: number, partitions: number): Promise<void> {
    const batch = Array.from({ length: count }, () => {
      const next = this.generator.next(this.settings.keyMode, partitions);
      const poison = drawPoison(this.settings.poisonPercent ?? 0);
      const value = poison ? poisonValue(next.trade, poison) : JSON.stringify(next.trade);
      return { ...next, value, poison: poison !== null };
    });
    this.stats.sent += count;
    this.stats.inFlight += count;
    this.sendingSince = Date.now();
    let failure: { error: unknown } | null = null;
    try {
      // kafkajs keeps a topic's metadata for metadataMaxAge (5 min) and skips, without a word,
      // messages for partitions it does not know: a topic that grew needs a client that asks anew.
      const known = this.partitionsSeen.get(topic);
      this.partitionsSeen.set(topic, partitions);
      if (known !== undefined && partitions > known) await this.dropProducer();
      const producer = await this.ensureProducer();
      // One send() per partition on a cluster of several brokers. Within one send(), kafkajs 2.2.4
      // remembers across retries which brokers already answered (responsePerBroker in
      // producer/sendMessages.js): when a dead leader's partition moves to a broker that answered
      // for another partition of the same send(), the retry skips it and send() resolves without
      // having written it. Killing a broker in the 3-broker lab showed that as acked trades
      // missing, even with acks=all. With one broker there is no other leader to move to: one
      // send() per tick, as before.
      const brokers = Math.max(this.options.brokers.length, this.options.liveBrokers?.() ?? 1);
      const groups = brokers > 1 ? byPartition(batch) : [batch];
      const results = await Promise.allSettled(
        groups.map((items) => this.sendTrades(producer, topic, items)),
      );
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') return;
        this.stats.failed +=
          result.reason instanceof UnsentError ? result.reason.count : (groups[i]?.length ?? 0);
        failure ??= { error: result.reason };
      });
    } catch (error) {
      this.stats.failed += count;
      failure = { error };
    } finally {
      this.stats.inFlight -= count;
    }
    if (failure) {
      this.lastError = { message: this.describe(failure.error), at: Date.now(), recoveredAt: null };
      // A fresh client after a failure; the old one may hold a broken connection or sequence state.
      void this.dropProducer();
    }
  }

  /**
   * One send() of trades (one partition's, or all of a tick's); acked as one. Only the partitions
   * the broker answered for count: kafkajs leaves out, and still resolves, those it has no leader
   * for (UnsentError then says how many were not written).
   */
  private async sendTrades(producer: Producer, topic: string, all: Outgoing[]): Promise<void> {
    const acks = this.settings.acks;
    const metadata = await producer.send({
      topic,
      acks: ACKS[acks],
      timeout: ACK_TIMEOUT_MS,
      messages: all.map(({ key, partition, value }) => ({ key, partition, value })),
    });
    if (acks === 'none') return;
    const answered = new Set(metadata.map((m) => m.partition));
    const items = all.filter((m) => answered.has(m.partition));
    const unsent = all.length - items.length;
    this.stats.acked += items.length;
    let acked = this.ackedByTopic.get(topic);
    if (!acked) {
      acked = new SeqSet();
      this.ackedByTopic.set(topic, acked);
    }
    // Poison carries no trade a consumer could process: the audit owes nothing for it.
    for (const m of items) if (!m.poison) acked.add(m.trade.seq);
    this.recordPoison(topic, items, metadata);
    const now = Date.now();
    for (let i = 0; i < items.length; i++) this.ackTimes.push(now);
    const perPartition = new Map<number, number>();
    for (const { partition } of items)
      perPartition.set(partition, (perPartition.get(partition) ?? 0) + 1);
    const acknowledged: Record<number, number> = {};
    const firsts: Record<number, number> = {};
    for (const m of metadata) {
      const n = perPartition.get(m.partition) ?? 0;
      if (n > 0 && m.baseOffset !== undefined) {
        firsts[m.partition] = Number(m.baseOffset);
        acknowledged[m.partition] = Number(m.baseOffset) + n - 1;
        this.lastOffsets.set(m.partition, acknowledged[m.partition] ?? 0);
      }
    }
    if (this.lastError && this.lastError.recoveredAt === null)
      this.lastError = { ...this.lastError, recoveredAt: now };
    this.clientError = null;
    this.options.onAcked?.(topic, acknowledged, firsts);
    if (unsent > 0) {
      const missing = [
        ...new Set(all.filter((m) => !answered.has(m.partition)).map((m) => m.partition)),
      ];
      throw new UnsentError(
        unsent,
        `${unsent} trade(s) for partition(s) ${missing.join(', ')} of ${topic} were not sent: the producer did not know those partitions yet`,
      );
    }
  }

  /** Each poison message's offset: its partition's base offset plus its place among that partition's messages. */
  private recordPoison(
    topic: string,
    batch: { partition: number; poison: boolean }[],
    metadata: { partition: number; baseOffset?: string }[],
  ): void {
    if (!batch.some((m) => m.poison)) return;
    const base = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? -1)]));
    const index = new Map<number, number>();
    let byPartition = this.poisonByTopic.get(topic);
    if (!byPartition) {
      byPartition = new Map();
      this.poisonByTopic.set(topic, byPartition);
    }
    for (const { partition, poison } of batch) {
      const i = index.get(partition) ?? 0;
      index.set(partition, i + 1);
      const first = base.get(partition) ?? -1;
      if (!poison || first < 0) continue;
      let offsets = byPartition.get(partition);
      if (!offsets) {
        offsets = new SeqSet();
        byPartition.set(partition, offsets);
      }
      offsets.add(first + i);
      this.poisonSent++;
    }
  }

  private async closeProducer(): Promise<void> {
    if (this.sending) await this.sending.catch(() => undefined);
    await this.dropProducer();
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    this.connected = false;
    await producer?.disconnect().catch(() => undefined);
  }
}

/** Part of a send() that kafkajs did not write; `count` trades failed, the rest were acked. */
class UnsentError extends Error {
  constructor(
    readonly count: number,
    message: string,
  ) {
    super(message);
  }
}

function byPartition(trades: Outgoing[]): Outgoing[][] {
  const groups = new Map<number, Outgoing[]>();
  for (const t of trades) groups.set(t.partition, [...(groups.get(t.partition) ?? []), t]);
  return [...groups.values()];
}
