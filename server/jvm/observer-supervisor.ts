import type {
  CommitStreamEvent,
  ObserverOp,
  ObserverOpName,
  ObserverResult,
} from '../../protocol/observer';
import { redactor } from '../redact';
import { jvmClasspath } from './compile';
import { ObserverError } from './observer-error';
import { ObserverSession } from './observer-session';

export interface JvmObserverOptions {
  rootDir: string;
  brokers: string[];
  /** Extra Kafka client properties (security.protocol, sasl.*, ssl.*). Never logged. */
  clientProperties?: Record<string, string>;
  /** How long one Admin call may retry inside the JVM (default.api.timeout.ms). */
  apiTimeoutMs?: number;
  /** The server's own deadline per request; longer than apiTimeoutMs so Kafka's answer wins. */
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
  /** First wait before restarting a JVM that died; doubles per death up to RESTART_BACKOFF_MAX_MS. */
  restartBackoffMs?: number;
  jvmArgs?: string[];
  log?: (line: string) => void;
}

export type CommitListener = (event: CommitStreamEvent) => void;

const API_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;
const RESTART_BACKOFF_MS = 500;
const RESTART_BACKOFF_MAX_MS = 15_000;
const CLOSE_TIMEOUT_MS = 3000;

/**
 * Keeps at most one observer JVM. One that dies fails what was pending with `jvm-exited`; the
 * next request starts a new one, after a backoff that grows with each death in a row, so a JVM
 * that cannot start is never respawned in a loop.
 */
export class ObserverSupervisor {
  private session: ObserverSession | null = null;
  private starting: Promise<ObserverSession> | null = null;
  private closed = false;
  private deaths = 0;
  private restartAt = 0;
  readonly listeners = new Set<CommitListener>();
  private readonly redact: (text: string) => string;
  private readonly log: (line: string) => void;

  constructor(private readonly options: JvmObserverOptions) {
    this.redact = redactor(options.clientProperties ?? {});
    this.log = options.log ?? (() => undefined);
  }

  get pid(): number | null {
    return this.session?.alive ? this.session.pid : null;
  }

  get running(): boolean {
    return this.session?.alive === true;
  }

  async call<K extends ObserverOpName>(
    op: Extract<ObserverOp, { op: K }>,
  ): Promise<ObserverResult<K>> {
    const session = await this.ensureSession();
    const timeoutMs =
      this.options.requestTimeoutMs ?? (this.options.apiTimeoutMs ?? API_TIMEOUT_MS) + 10_000;
    const result = (await session.request(op, timeoutMs)) as ObserverResult<K>;
    this.deaths = 0;
    return result;
  }

  /** Ends the JVM (stdin closed, then killed if need be); no later request starts another. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const session = this.session ?? (await this.starting?.catch(() => null)) ?? null;
    this.session = null;
    await session?.close(CLOSE_TIMEOUT_MS);
  }

  private ensureSession(): Promise<ObserverSession> {
    if (this.closed) {
      return Promise.reject(new ObserverError('jvm-exited', 'the observer has been closed'));
    }
    if (this.session?.alive) return Promise.resolve(this.session);
    this.starting ??= this.startSession().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async startSession(): Promise<ObserverSession> {
    const wait = this.restartAt - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const classpath = await jvmClasspath(this.options.rootDir, this.log);
    // Set once started: an exit before that is the start's failure, handled below.
    let session: ObserverSession | undefined;
    try {
      session = await ObserverSession.start({
        classpath,
        start: {
          type: 'start',
          bootstrap: this.options.brokers.join(','),
          clientProperties: this.options.clientProperties ?? {},
          apiTimeoutMs: this.options.apiTimeoutMs ?? API_TIMEOUT_MS,
        },
        jvmArgs: this.options.jvmArgs,
        startTimeoutMs: this.options.startTimeoutMs ?? START_TIMEOUT_MS,
        redact: this.redact,
        log: this.log,
        onEvent: (event) => this.dispatch(event),
        onExit: (description) => {
          if (session) this.sessionExited(session, description);
        },
      });
    } catch (error) {
      this.scheduleRestart();
      throw error;
    }
    if (this.closed) {
      await session.close(CLOSE_TIMEOUT_MS);
      throw new ObserverError('jvm-exited', 'the observer has been closed');
    }
    this.session = session;
    this.log(`observer JVM started (pid ${session.pid})`);
    if (this.listeners.size > 0) void this.resumeTail(session);
    return session;
  }

  private async resumeTail(session: ObserverSession): Promise<void> {
    try {
      await session.request({ op: 'tailCommits' }, START_TIMEOUT_MS);
    } catch (error) {
      // The JVM reports the outcome as a commit-stream event too; this is for the log.
      this.log(`observer: commit stream not resumed: ${(error as Error).message}`);
    }
  }

  private sessionExited(session: ObserverSession, description: string): void {
    if (this.session === session) this.session = null;
    if (this.closed) return;
    this.log(`observer JVM exited (${description}); the next request restarts it`);
    this.scheduleRestart();
    this.dispatch({
      event: 'commit-stream',
      mode: 'polling',
      reason: `observer JVM exited (${description})`,
    });
  }

  private scheduleRestart(): void {
    this.deaths++;
    const backoff = Math.min(
      RESTART_BACKOFF_MAX_MS,
      (this.options.restartBackoffMs ?? RESTART_BACKOFF_MS) * 2 ** (this.deaths - 1),
    );
    this.restartAt = Date.now() + backoff;
  }

  private dispatch(event: CommitStreamEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(`observer: commit listener failed: ${(error as Error).message}`);
      }
    }
  }
}
