import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import readline from 'node:readline';
import type { z } from 'zod';
import { childEnv } from '../child-env';
import { sharedArchiveArgs } from './shared-archive';

export interface JvmChildOptions<T> {
  classpath: string;
  mainClass: string;
  /** Heap and GC flags; small by default, as each lab JVM is one of many. */
  jvmArgs?: string[];
  schema: z.ZodType<T>;
  onMessage: (message: T) => void;
  onExit: (code: number | null, signal: string | null) => void;
  /** The JVM's stderr (client warnings), line by line. */
  onStderr?: (line: string) => void;
  /** A stdout line that is not valid JSON of the schema: a bug on the Java side. */
  onInvalid?: (line: string, error: string) => void;
}

export const SMALL_JVM_ARGS = [
  '-Xmx64m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xshare:auto',
  '-Djava.awt.headless=true',
  // HotSpot prints its own warnings on stdout by default; stdout must carry only JSON lines.
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-XX:+DisplayVMOutputToStderr',
];

/**
 * One supervised JVM speaking JSON lines: commands on stdin, messages on stdout, each validated
 * with zod here at the edge. When this server dies the JVM's stdin closes and it exits on its own.
 */
export class JvmChild<T> {
  private readonly child: ChildProcessWithoutNullStreams;
  private exitedFlag = false;
  readonly exited: Promise<void>;

  constructor(options: JvmChildOptions<T>) {
    this.child = spawn(
      'java',
      [
        ...(options.jvmArgs ?? SMALL_JVM_ARGS),
        ...sharedArchiveArgs(options.classpath),
        '-cp',
        options.classpath,
        options.mainClass,
      ],
      // Own process group: a Ctrl+C in the terminal reaches the server, which stops these in order.
      { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: childEnv() },
    );
    this.child.stdin.on('error', () => undefined);
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        options.onInvalid?.(line, 'not JSON');
        return;
      }
      const parsed = options.schema.safeParse(raw);
      if (parsed.success) options.onMessage(parsed.data);
      else options.onInvalid?.(line, parsed.error.message);
    });
    readline
      .createInterface({ input: this.child.stderr })
      .on('line', (line) => options.onStderr?.(line));
    this.exited = new Promise((resolve) => {
      let settled = false;
      const done = (code: number | null, signal: string | null) => {
        if (settled) return;
        settled = true;
        this.exitedFlag = true;
        options.onExit(code, signal);
        resolve();
      };
      this.child.on('error', () => done(null, 'SPAWN_FAILED'));
      this.child.on('exit', (code, signal) => done(code, signal));
    });
  }

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  get alive(): boolean {
    return !this.exitedFlag;
  }

  send(message: unknown): void {
    if (this.exitedFlag || !this.child.stdin.writable) return;
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.exitedFlag) this.child.kill(signal);
  }

  /** Closes stdin (the JVM's cue to finish and exit), then kills it after `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    if (this.exitedFlag) return;
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
