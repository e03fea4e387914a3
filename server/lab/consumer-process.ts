import { type ChildProcess, fork } from 'node:child_process';
import readline from 'node:readline';
import {
  type WorkerCommand,
  type WorkerConfig,
  type WorkerMessage,
  workerMessageSchema,
} from '../../protocol/ipc';
import { childEnv } from '../child-env';

/** How long a graceful stop may take (commit + LeaveGroup) before the process is killed. */
export const STOP_TIMEOUT_MS = 10_000;

export interface ConsumerProcessEvents {
  onMessage: (message: WorkerMessage) => void;
  onExit: (code: number | null, signal: string | null) => void;
  /** What the client printed (kafkajs' own log lines), line by line; the terminal by default. */
  onStderr?: (line: string) => void;
}

/** The server's handle on one lab consumer's OS process, whatever its client. */
export interface ConsumerHandle {
  readonly pid: number | null;
  send(command: WorkerCommand): void;
  /** SIGKILL: the member vanishes without LeaveGroup or a last commit. */
  crash(): void;
  /** SIGSTOP freezes the process (alive, silent); SIGCONT lets it go on. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void;
  /** Asks for a graceful stop; kills the process if it has not exited after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** A kafkajs lab consumer: a forked Node process speaking over Node's IPC channel. */
export class ConsumerProcess implements ConsumerHandle {
  private readonly child: ChildProcess;
  private exited = false;
  private readonly exitPromise: Promise<void>;

  /** `workerPath`: the compiled worker from buildWorkerBundle(). */
  constructor(workerPath: string, config: WorkerConfig, events: ConsumerProcessEvents) {
    this.child = fork(workerPath, [], {
      execArgv: [],
      // Own process group: a Ctrl+C in the terminal reaches the server, which then stops these in order.
      detached: true,
      // Piped, not inherited: kafkajs' log lines pass the lab's redactor on their way out.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: childEnv(),
    });
    const print = events.onStderr ?? ((line: string) => process.stderr.write(`${line}\n`));
    for (const stream of [this.child.stdout, this.child.stderr])
      if (stream) readline.createInterface({ input: stream }).on('line', print);
    // A failed fork or a send to a process that just died: reported as its exit, never thrown.
    this.child.on('error', () => {
      if (this.child.pid === undefined && !this.exited) {
        this.exited = true;
        events.onExit(null, 'SPAWN_FAILED');
      }
    });
    // The config travels over IPC, not argv: it may hold credentials, and argv is public (ps).
    this.send({ type: 'start', config });
    this.child.on('message', (raw) => {
      const parsed = workerMessageSchema.safeParse(raw);
      if (parsed.success) events.onMessage(parsed.data);
    });
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        events.onExit(code, signal);
        resolve();
      });
    });
  }

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  send(command: WorkerCommand): void {
    if (this.child.connected) this.child.send(command, (error) => void error);
  }

  crash(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    if (!this.exited) this.child.kill(signal);
  }

  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    if (this.exited) return;
    // A frozen process would never read the stop: let it run first (no-op when it runs).
    this.signal('SIGCONT');
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}
