import type { AlertMessage } from '../../protocol/alerts';
import { retryDelayMs } from '../domain/backoff';

export interface WebhookTarget {
  url: string;
  /** Sent as `Authorization: Bearer …`; never logged. */
  token: string | null;
}

export interface WebhookOptions {
  /** A receiver that does not answer within this long counts as failed. */
  timeoutMs?: number;
  /** The first retry's wait; it doubles up to the backoff's cap (30 s). */
  baseDelayMs?: number;
  /** Changes kept while the receiver is down; the oldest go first past this. */
  maxQueue?: number;
  log?: (message: string) => void;
}

/**
 * Delivers alert messages in order, one at a time, each until the receiver takes it (2xx), with
 * exponential backoff between attempts. It never blocks the caller: `send` only queues. A message
 * keeps its id on every retry; a receiver that took it but answered too late may see it again,
 * and can drop it by id.
 */
export class WebhookSender {
  private readonly queue: AlertMessage[] = [];
  private pumping = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxQueue: number;
  private readonly log: (message: string) => void;
  /** Where it goes, as logs may show it: the origin, without credentials, path or query. */
  private readonly shown: string;
  delivered = 0;
  dropped = 0;

  constructor(
    private readonly target: WebhookTarget,
    options: WebhookOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxQueue = options.maxQueue ?? 1000;
    this.log = options.log ?? ((m) => console.warn(`[offset-lab] ${m}`));
    this.shown = new URL(target.url).origin;
  }

  get pending(): number {
    return this.queue.length;
  }

  send(messages: readonly AlertMessage[]): void {
    if (this.stopped || messages.length === 0) return;
    this.queue.push(...messages);
    const over = this.queue.length - this.maxQueue;
    if (over > 0) {
      this.queue.splice(0, over);
      this.dropped += over;
      this.log(`alert webhook ${this.shown}: ${over} change(s) dropped, the receiver is behind`);
    }
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let attempt = 0;
    while (!this.stopped) {
      const message = this.queue[0];
      if (!message) break;
      const failure = await this.deliver(message);
      if (this.stopped) break;
      if (failure === null) {
        if (attempt > 0) this.log(`alert webhook ${this.shown}: delivered again`);
        this.queue.shift();
        this.delivered++;
        attempt = 0;
        continue;
      }
      attempt++;
      const wait = retryDelayMs(attempt, this.baseDelayMs);
      this.log(
        `alert webhook ${this.shown}: ${message.groupId} → ${message.verdict} not delivered (${failure}); attempt ${attempt}, next in ${wait / 1000} s`,
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    this.pumping = false;
  }

  /** Null when the receiver took it; otherwise why not, in a few words. */
  private async deliver(message: AlertMessage): Promise<string | null> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': message.id,
    };
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    try {
      const response = await fetch(this.target.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(message),
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.timeoutMs)]),
        redirect: 'error',
      });
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        return `no answer within ${this.timeoutMs / 1000} s`;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return cause ?? (error instanceof Error ? error.message : String(error));
    }
  }
}
