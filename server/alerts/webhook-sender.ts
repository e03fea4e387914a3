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
  private inFlight = false;
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

  /** Waiting or being delivered. */
  get pending(): number {
    return this.queue.length + (this.inFlight ? 1 : 0);
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
    while (!this.stopped) {
      // Off the queue while it is delivered: an overflow drops only messages still waiting.
      const message = this.queue.shift();
      if (!message) break;
      this.inFlight = true;
      await this.deliverWithRetries(message);
      this.inFlight = false;
    }
    this.pumping = false;
  }

  private async deliverWithRetries(message: AlertMessage): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      const failure = await this.deliver(message);
      if (this.stopped) return;
      if (failure === null) {
        if (attempt > 1) this.log(`alert webhook ${this.shown}: delivered again`);
        this.delivered++;
        return;
      }
      if (failure.permanent) {
        // 400, 401, 404…: the receiver will not take it however often it is sent; the next
        // changes must not wait behind it.
        this.dropped++;
        this.log(
          `alert webhook ${this.shown}: ${message.groupId} → ${message.verdict} refused (${failure.text}); dropped, not retried`,
        );
        return;
      }
      const wait = retryDelayMs(attempt, this.baseDelayMs);
      this.log(
        `alert webhook ${this.shown}: ${message.groupId} → ${message.verdict} not delivered (${failure.text}); attempt ${attempt}, next in ${wait / 1000} s`,
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
  }

  /**
   * Null when the receiver took it; otherwise why not, in a few fixed words: an error's own
   * message may quote the URL or a header, and neither may reach the log.
   */
  private async deliver(
    message: AlertMessage,
  ): Promise<{ text: string; permanent: boolean } | null> {
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
      if (response.ok) return null;
      const status = response.status;
      return {
        text: `HTTP ${status}`,
        permanent: status >= 400 && status < 500 && status !== 408 && status !== 429,
      };
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        return { text: `no answer within ${this.timeoutMs / 1000} s`, permanent: false };
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      return {
        text: typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'request failed',
        permanent: false,
      };
    }
  }
}
