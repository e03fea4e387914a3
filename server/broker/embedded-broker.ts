import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LabNode } from '../../protocol/cluster-nodes';
import { childEnv } from '../child-env';
import { type BrokerSecurity, log4jProperties, serverProperties } from './broker-properties';
import { classpath, resolveJars } from './jars';
import { killAndWait } from './kill-and-wait';
import type { LabKafka } from './lab-kafka';
import { checkJava, checkMaven, checkPortFree } from './preflight';
import { formatStorage, randomClusterId } from './storage';

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
  /** node.id (KAFKA_BROKER_IDS); 1 by default. */
  nodeId?: number;
  log?: (line: string) => void;
  /** SASL and TLS listeners beside the plain one: for tests of secured clients. */
  security?: BrokerSecurity;
}

/** One KRaft node as broker and controller: the default lab (LAB_BROKERS=1). */
export class EmbeddedBroker implements LabKafka {
  private guard: ChildProcess | null = null;
  private guardGone: Promise<void> = Promise.resolve();
  private classpathValue = '';
  private exitListeners = new Set<(reason: string, nodeId: number) => void>();
  private changeListeners = new Set<() => void>();
  private lastExit: string | null = null;
  private lastChangeAt: number | null = null;
  pid: number | null = null;
  readonly logFile: string;
  readonly brokerIds: number[];

  constructor(private readonly options: EmbeddedBrokerOptions) {
    this.logFile = path.join(options.dataDir, 'broker.log');
    this.brokerIds = [this.nodeId];
  }

  private get nodeId(): number {
    return this.options.nodeId ?? 1;
  }

  get bootstrapServers(): string[] {
    return [this.bootstrap];
  }

  nodes(): LabNode[] {
    return [
      {
        nodeId: this.nodeId,
        role: 'broker+controller',
        host: '127.0.0.1',
        port: this.options.clientPort,
        pid: this.pid,
        running: this.running,
        lastExit: this.lastExit,
        lastChangeAt: this.lastChangeAt,
      },
    ];
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    this.lastChangeAt = Date.now();
    for (const listener of this.changeListeners) listener();
  }

  /** The one node: refuses any other id. */
  private checkNode(nodeId: number | undefined): void {
    if (nodeId !== undefined && nodeId !== this.nodeId)
      throw new Error(`no node ${nodeId}: this lab runs one broker, node ${this.nodeId}`);
  }

  async kill(nodeId: number): Promise<void> {
    this.checkNode(nodeId);
    const pid = this.pid;
    if (pid === null) return;
    const exited = new Promise<void>((resolve) => {
      const off = this.onExit(() => {
        off();
        resolve();
      });
    });
    process.kill(pid, 'SIGKILL');
    await exited;
  }

  get running(): boolean {
    return this.pid !== null;
  }

  get bootstrap(): string {
    return `127.0.0.1:${this.options.clientPort}`;
  }

  onExit(listener: (reason: string, nodeId: number) => void): () => void {
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
      serverProperties({
        clientPort,
        controllerPort,
        dataDir,
        nodeId: this.nodeId,
        security: this.options.security,
      }),
    );
    fs.writeFileSync(this.log4jFile, log4jProperties(this.logFile));
    if (!fs.existsSync(path.join(dataDir, 'logs', 'meta.properties'))) await this.format();
  }

  async start(nodeId?: number): Promise<number> {
    this.checkNode(nodeId);
    if (this.guard && this.pid !== null) throw new Error('the embedded broker is already running');
    // The JVM is gone but its guard is still exiting (it reports the exit first): let it finish.
    await this.guardGone;
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
        env: childEnv(),
      },
    );
    this.guard = guard;
    let orphanGone: Promise<void> = Promise.resolve();
    this.guardGone = new Promise<void>((resolve) =>
      guard.once('exit', () => void orphanGone.then(resolve)),
    );
    return new Promise<number>((resolve, reject) => {
      guard.on('message', (raw) => {
        const message = guardMessageSchema.safeParse(raw);
        if (!message.success) return;
        if (message.data.type === 'started') {
          this.pid = message.data.pid;
          this.changed();
          resolve(message.data.pid);
          return;
        }
        const { code, signal, error } = message.data;
        const reason = error ?? `broker JVM exited (${signal ?? `code ${code}`})`;
        this.pid = null;
        this.lastExit = reason;
        reject(new Error(reason));
        this.changed();
        for (const listener of this.exitListeners) listener(reason, this.nodeId);
      });
      guard.on('error', (error) =>
        reject(new Error(`could not start the broker guard: ${error.message}`)),
      );
      guard.on('exit', (code, signal) => {
        if (this.guard === guard) this.guard = null;
        const orphan = this.pid;
        if (orphan !== null) {
          // The guard died before its JVM (say, kill -9 of the guard): the JVM would run on
          // unsupervised, holding the ports. It is ours, so it goes too, and everyone is told.
          orphanGone = killAndWait(orphan);
          const reason = `its guard process ended (${signal ?? `code ${code}`}), so the broker JVM was killed`;
          this.pid = null;
          this.lastExit = reason;
          this.changed();
          for (const listener of this.exitListeners) listener(reason, this.nodeId);
        }
        this.pid = null;
        // Settles only if the guard died before the JVM started (otherwise already resolved).
        reject(
          new Error(`the broker guard exited before Kafka started (${signal ?? `code ${code}`})`),
        );
      });
    });
  }

  async stop(nodeId?: number): Promise<void> {
    this.checkNode(nodeId);
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

  private format(): Promise<void> {
    return formatStorage(
      this.jvmArgs(),
      this.propertiesFile,
      randomClusterId(),
      this.options.dataDir,
      // SCRAM credentials live in the metadata log; KRaft can write them when it formats.
      Object.entries(this.options.security?.scramUsers ?? {}).flatMap(([name, password]) => [
        '--add-scram',
        `SCRAM-SHA-256=[name=${name},password=${password}]`,
      ]),
    );
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
