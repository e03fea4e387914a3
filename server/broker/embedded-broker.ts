import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type BrokerSecurity, log4jProperties, serverProperties } from './broker-properties';
import { classpath, resolveJars } from './jars';
import { checkJava, checkMaven, checkPortFree, PreflightError } from './preflight';

const GUARD_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'broker-guard.ts');
const STOP_TIMEOUT_MS = 20_000;

const guardMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), pid: z.number() }),
  z.object({
    type: z.literal('exited'),
    code: z.number().nullable(),
    signal: z.string().nullable(),
    error: z.string().nullable(),
  }),
]);

export interface EmbeddedBrokerOptions {
  rootDir: string;
  clientPort: number;
  controllerPort: number;
  dataDir: string;
  heap: string;
  log?: (line: string) => void;
  /** SASL and TLS listeners beside the plain one: for tests of secured clients. */
  security?: BrokerSecurity;
}

/** Kafka's Uuid.toString(): base64url of 16 random bytes, never starting with "-". */
function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export class EmbeddedBroker {
  private guard: ChildProcess | null = null;
  private classpathValue = '';
  private exitListeners = new Set<(reason: string) => void>();
  pid: number | null = null;
  readonly logFile: string;

  constructor(private readonly options: EmbeddedBrokerOptions) {
    this.logFile = path.join(options.dataDir, 'broker.log');
  }

  get running(): boolean {
    return this.pid !== null;
  }

  get bootstrap(): string {
    return `127.0.0.1:${this.options.clientPort}`;
  }

  onExit(listener: (reason: string) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Checks Java/Maven, fetches jars once and formats KRaft storage once. */
  async prepare(): Promise<void> {
    const { rootDir, dataDir, clientPort, controllerPort } = this.options;
    checkJava();
    const lib = await resolveJarsWithMavenCheck(rootDir, this.options.log);
    this.classpathValue = classpath(lib);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(
      this.propertiesFile,
      serverProperties({ clientPort, controllerPort, dataDir, security: this.options.security }),
    );
    fs.writeFileSync(this.log4jFile, log4jProperties(this.logFile));
    if (!fs.existsSync(path.join(dataDir, 'logs', 'meta.properties'))) this.format();
  }

  async start(): Promise<number> {
    if (this.guard) throw new Error('the embedded broker is already running');
    await checkPortFree(this.options.clientPort, 'broker', 'KAFKA_PORT');
    await checkPortFree(this.options.controllerPort, 'controller', 'KAFKA_CONTROLLER_PORT');
    const args = [...this.jvmArgs(), 'kafka.Kafka', this.propertiesFile];
    const guard = fork(
      GUARD_PATH,
      [JSON.stringify({ java: 'java', args, logFile: this.logFile })],
      {
        execArgv: ['--import', 'tsx'],
        // Own process group: Ctrl+C reaches the server only, which then stops the broker in order.
        detached: true,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    this.guard = guard;
    return new Promise<number>((resolve, reject) => {
      guard.on('message', (raw) => {
        const message = guardMessageSchema.safeParse(raw);
        if (!message.success) return;
        if (message.data.type === 'started') {
          this.pid = message.data.pid;
          resolve(message.data.pid);
          return;
        }
        const { code, signal, error } = message.data;
        const reason = error ?? `broker JVM exited (${signal ?? `code ${code}`})`;
        this.pid = null;
        reject(new Error(reason));
        for (const listener of this.exitListeners) listener(reason);
      });
      guard.on('error', (error) =>
        reject(new Error(`could not start the broker guard: ${error.message}`)),
      );
      guard.on('exit', (code, signal) => {
        if (this.guard === guard) this.guard = null;
        this.pid = null;
        // Settles only if the guard died before the JVM started (otherwise already resolved).
        reject(
          new Error(`the broker guard exited before Kafka started (${signal ?? `code ${code}`})`),
        );
      });
    });
  }

  async stop(): Promise<void> {
    const guard = this.guard;
    if (!guard || guard.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => guard.once('exit', () => resolve()));
    if (guard.connected) guard.send({ type: 'stop' });
    else guard.kill('SIGTERM');
    const timer = setTimeout(() => guard.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private get propertiesFile(): string {
    return path.join(this.options.dataDir, 'server.properties');
  }

  private get log4jFile(): string {
    return path.join(this.options.dataDir, 'log4j2.properties');
  }

  private jvmArgs(): string[] {
    return [
      `-Xmx${this.options.heap}`,
      '-Xms128m',
      '-XX:+UseSerialGC',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${this.log4jFile}`,
      '-cp',
      this.classpathValue,
    ];
  }

  private format(): void {
    const result = spawnSync(
      'java',
      [
        ...this.jvmArgs(),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        randomClusterId(),
        '-c',
        this.propertiesFile,
        // SCRAM credentials live in the metadata log; KRaft can write them when it formats.
        ...Object.entries(this.options.security?.scramUsers ?? {}).flatMap(([name, password]) => [
          '--add-scram',
          `SCRAM-SHA-256=[name=${name},password=${password}]`,
        ]),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new PreflightError(
        `Formatting Kafka storage in ${this.options.dataDir} failed:\n${result.stdout}${result.stderr}`,
      );
    }
  }
}

async function resolveJarsWithMavenCheck(
  rootDir: string,
  log?: (line: string) => void,
): Promise<string> {
  try {
    return await resolveJars(rootDir, log);
  } catch (error) {
    // Only ask for Maven when the cache is missing; a warm cache needs no Maven at all.
    checkMaven();
    throw error;
  }
}
