import {
  type ObserverEvent,
  type ObserverMessage,
  type ObserverOp,
  type ObserverStart,
  observerMessageSchema,
  observerOpSchema,
  observerResultSchemas,
} from '../../protocol/observer';
import { JvmChild } from './jvm-child';
import { ObserverError } from './observer-error';

export const OBSERVER_MAIN = 'offsetlab.Observer';

/** Enough for thousands of groups' descriptions in one answer; still a small JVM. */
export const OBSERVER_JVM_ARGS = [
  '-Xmx192m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xshare:auto',
  '-Djava.awt.headless=true',
];

export interface SessionOptions {
  classpath: string;
  start: ObserverStart;
  jvmArgs?: string[];
  startTimeoutMs: number;
  redact: (text: string) => string;
  onEvent: (event: Exclude<ObserverEvent, { event: 'ready' | 'fatal' }>) => void;
  /** Called once when this JVM has gone, for whatever reason. */
  onExit: (description: string) => void;
  log: (line: string) => void;
}

interface Pending {
  op: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One observer JVM, from spawn to exit: requests matched to answers by id, each with a deadline. */
export class ObserverSession {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly child: JvmChild<ObserverMessage>;
  private ready!: { resolve: () => void; reject: (e: Error) => void };
  private exitDescription: string | null = null;

  private constructor(private readonly options: SessionOptions) {
    this.child = new JvmChild({
      classpath: options.classpath,
      mainClass: OBSERVER_MAIN,
      jvmArgs: options.jvmArgs ?? OBSERVER_JVM_ARGS,
      schema: observerMessageSchema,
      onMessage: (message) => this.receive(message),
      onExit: (code, signal) => this.exited(code, signal),
      onStderr: (line) => options.log(`observer JVM: ${options.redact(line)}`),
      onInvalid: (line, error) =>
        options.log(`observer JVM sent an invalid line (${error}): ${options.redact(line)}`),
    });
  }

  /** Spawns the JVM, sends the start line and waits for `ready` (or `fatal`, or its exit). */
  static async start(options: SessionOptions): Promise<ObserverSession> {
    const session = new ObserverSession(options);
    const ready = new Promise<void>((resolve, reject) => {
      session.ready = { resolve, reject };
    });
    const timer = setTimeout(
      () =>
        session.ready.reject(
          new ObserverError(
            'timeout',
            `the observer JVM did not start within ${options.startTimeoutMs} ms`,
          ),
        ),
      options.startTimeoutMs,
    );
    session.child.send(options.start);
    try {
      await ready;
      return session;
    } catch (error) {
      session.child.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  get pid(): number | null {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitDescription === null && this.child.alive;
  }

  request(op: ObserverOp, timeoutMs: number): Promise<unknown> {
    if (!this.alive) {
      return Promise.reject(
        new ObserverError(
          'jvm-exited',
          `the observer JVM has exited (${this.exitDescription})`,
          op.op,
        ),
      );
    }
    const checked = observerOpSchema.safeParse(op);
    if (!checked.success) {
      return Promise.reject(
        new ObserverError('invalid', `observer: invalid ${op.op}: ${checked.error.message}`, op.op),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new ObserverError(
            'timeout',
            `observer: ${op.op} got no answer within ${timeoutMs} ms`,
            op.op,
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { op: op.op, resolve, reject, timer });
      this.child.send({ id, ...op });
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Closes stdin, the JVM's cue to exit; killed if it has not after `timeoutMs`. */
  close(timeoutMs: number): Promise<void> {
    return this.child.close(timeoutMs);
  }

  private receive(message: ObserverMessage): void {
    if ('id' in message) {
      const pending = this.pending.get(message.id);
      if (!pending) return; // Timed out already.
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (!message.ok) {
        const { kind, message: text } = message.error;
        pending.reject(new ObserverError(kind, this.options.redact(text), pending.op));
        return;
      }
      const schema = observerResultSchemas[pending.op as keyof typeof observerResultSchemas];
      const parsed = schema.safeParse(message.result);
      if (parsed.success) pending.resolve(parsed.data);
      else {
        pending.reject(
          new ObserverError(
            'other',
            `observer: invalid ${pending.op} answer: ${parsed.error.message}`,
            pending.op,
          ),
        );
      }
      return;
    }
    switch (message.event) {
      case 'ready':
        this.ready.resolve();
        return;
      case 'fatal':
        this.ready.reject(
          new ObserverError(message.error.kind, this.options.redact(message.error.message)),
        );
        return;
      case 'commits':
      case 'offsets-deleted':
      case 'groups-changed':
      case 'commit-stream':
        this.options.onEvent(message);
        return;
    }
  }

  private exited(code: number | null, signal: string | null): void {
    this.exitDescription =
      signal === 'SPAWN_FAILED'
        ? 'java could not be started: is a JDK 17+ on PATH?'
        : signal
          ? `signal ${signal}`
          : `exit code ${code}`;
    const error = (op: string | null) =>
      new ObserverError(
        'jvm-exited',
        `the observer JVM exited (${this.exitDescription})${op ? ` while ${op} was pending` : ''}`,
        op,
      );
    this.ready?.reject(error(null));
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error(pending.op));
    }
    this.options.onExit(this.exitDescription);
  }
}
