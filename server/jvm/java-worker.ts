import {
  type WorkerCommand,
  type WorkerConfig,
  type WorkerMessage,
  workerMessageSchema,
} from '../../protocol/ipc';
import { JvmChild, SMALL_JVM_ARGS } from './jvm-child';

/** How long a graceful stop may take (commit + LeaveGroup) before the process is killed. */
const STOP_TIMEOUT_MS = 10_000;
export const LAB_CONSUMER_MAIN_CLASS = 'offsetlab.LabConsumer';
/** A share group's member (KIP-932): KafkaShareConsumer behind the same contract. */
export const LAB_SHARE_CONSUMER_MAIN_CLASS = 'offsetlab.LabShareConsumer';
/**
 * On top of SMALL_JVM_ARGS, a heap that starts small: with -Xmx64m alone the JVM commits all
 * 64 MiB at once (the default initial heap, 1/64 of RAM, is capped at -Xmx); an idle consumer
 * needs ~10 MiB, so -Xms8m saves ~16 MiB RSS per process (bench/java-consumers.ts).
 */
export const LAB_CONSUMER_JVM_ARGS = [...SMALL_JVM_ARGS, '-Xms8m'];

/** The same events as the kafkajs ConsumerProcess, plus the JVM's own log lines if wanted. */
export interface JavaWorkerEvents {
  onMessage: (message: WorkerMessage) => void;
  onExit: (code: number | null, signal: string | null) => void;
  /** Kafka client warnings (stderr). Default: the server's stderr, prefixed with the consumer id. */
  onStderr?: (line: string) => void;
}

/**
 * The server's handle on one lab consumer running Kafka's own Java client (LabConsumer.java) in
 * its own JVM; the same surface as ConsumerProcess. `classpath` comes from jvmClasspath().
 */
export class JavaWorker {
  private readonly child: JvmChild<WorkerMessage>;

  constructor(
    classpath: string,
    config: WorkerConfig,
    events: JavaWorkerEvents,
    mainClass = LAB_CONSUMER_MAIN_CLASS,
  ) {
    const prefix = `[${config.consumerId}] `;
    this.child = new JvmChild({
      classpath,
      mainClass,
      jvmArgs: LAB_CONSUMER_JVM_ARGS,
      schema: workerMessageSchema,
      onMessage: events.onMessage,
      onExit: events.onExit,
      onStderr: events.onStderr ?? ((line) => process.stderr.write(`${prefix}${line}\n`)),
      // The zod error only, not the line: a bug must not echo anything the process was given.
      onInvalid: (_line, error) =>
        events.onMessage({
          type: 'error',
          message: `invalid line from the Java consumer: ${error.slice(0, 200)}`,
          at: Date.now(),
        }),
    });
    // The config travels on stdin, not argv: it may hold credentials, and argv is public (ps).
    this.send({ type: 'start', config });
  }

  get pid(): number | null {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.alive;
  }

  send(command: WorkerCommand): void {
    this.child.send(command);
  }

  /** SIGKILL: the member vanishes without LeaveGroup or a last commit. */
  crash(): void {
    this.child.kill('SIGKILL');
  }

  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child.kill(signal);
  }

  /** Commit and leave, or SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    if (!this.child.alive) return;
    // A frozen JVM would never read the stop: let it run first (no-op when it runs).
    this.signal('SIGCONT');
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.child.exited;
    clearTimeout(timer);
  }

  /** Closes stdin, as the server's death would: the JVM stops on its own within ~3 s. */
  async detach(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    await this.child.close(timeoutMs);
  }
}
