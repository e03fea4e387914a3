import type { KafkaMessage } from 'kafkajs';
import type { RetrySettings } from '../../protocol/delivery';
import type { WorkerMessage } from '../../protocol/ipc';
import { runWithRetries } from '../domain/retry-runner';
import { checkTrade } from '../domain/trade-check';

/** What became of one message: processed, dead-lettered, or left for later (stop, pause, rebalance). */
export type Outcome =
  | { kind: 'processed' }
  | { kind: 'dead-lettered'; attempts: number; error: string; dlqOffset: number }
  | { kind: 'interrupted' };

export interface BatchContext {
  heartbeat: () => Promise<void>;
  /** True once the message in hand should be left unprocessed. */
  interrupted: () => boolean;
}

/** Sends the message to the DLQ; resolves with its DLQ offset. */
export type DeadLetterSink = (
  partition: number,
  message: KafkaMessage,
  error: string,
  attempts: number,
) => Promise<number>;

const WAIT_SLICE_MS = 100;

/**
 * Retry + DLQ for the kafkajs worker: a message that is not a trade is tried again after an
 * exponential backoff, `attempts` times in all, then handed to the DLQ sink. The waits block this
 * partition, as a retry inside the poll loop does; the member heartbeats meanwhile (kafkajs sends
 * heartbeats only when asked), and a stop, pause or rebalance cuts the wait short.
 */
export class PoisonHandler {
  constructor(
    private readonly topic: string,
    private readonly retry: RetrySettings,
    private readonly send: (message: WorkerMessage) => void,
    private readonly sink: DeadLetterSink,
    /** Runs before each wait: exactly-once commits its open transaction, to keep it short. */
    private readonly beforeWait: () => Promise<void> = async () => undefined,
  ) {}

  async handle(partition: number, message: KafkaMessage, ctx: BatchContext): Promise<Outcome> {
    const offset = Number(message.offset);
    const outcome = await runWithRetries(
      () => {
        const check = checkTrade(message.value?.toString());
        return check.ok ? { ok: true, value: check.trade } : check;
      },
      this.retry.attempts,
      this.retry.backoffMs,
      {
        onRetry: (attempt, delayMs, error) =>
          this.send({
            type: 'retry',
            topic: this.topic,
            partition,
            offset,
            attempt,
            delayMs,
            error,
            at: Date.now(),
          }),
        wait: async (delayMs) => {
          await this.beforeWait();
          return waitOrInterrupt(delayMs, ctx);
        },
      },
    );
    if (outcome.kind === 'ok') return { kind: 'processed' };
    if (outcome.kind === 'interrupted') return outcome;
    const dlqOffset = await this.sink(partition, message, outcome.error, outcome.attempts);
    return { kind: 'dead-lettered', attempts: outcome.attempts, error: outcome.error, dlqOffset };
  }
}

async function waitOrInterrupt(delayMs: number, ctx: BatchContext): Promise<boolean> {
  const end = Date.now() + delayMs;
  while (Date.now() < end) {
    if (ctx.interrupted()) return false;
    await new Promise((r) => setTimeout(r, Math.min(WAIT_SLICE_MS, end - Date.now())));
    await ctx.heartbeat();
  }
  return !ctx.interrupted();
}
