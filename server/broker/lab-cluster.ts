import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { LabNode } from '../../protocol/cluster-nodes';
import { childEnv } from '../child-env';
import { bundleForNode } from '../node-bundle';
import {
  logFile,
  type NodeFiles,
  nodeJvmArgs,
  prepareNodes,
  propertiesFile,
} from './cluster-files';
import { clusterGuardMessageSchema } from './cluster-guard-protocol';
import type { ClusterLayout } from './cluster-properties';
import { classpath, resolveJars } from './jars';
import { killAndWait } from './kill-and-wait';
import { exitReason, type LabKafka } from './lab-kafka';
import { checkJava, checkMaven, checkPortFree } from './preflight';

export interface LabClusterOptions {
  rootDir: string;
  layout: ClusterLayout;
  /** One directory per node below this one: controller-<id>/ and broker-<id>/. */
  dataDir: string;
  /** Max heap of each broker (KAFKA_HEAP). */
  heap: string;
  log?: (line: string) => void;
}

interface NodeRecord extends LabNode {
  role: NodeFiles['role'];
  dir: string;
  starting: { resolve: (pid: number) => void; reject: (e: Error) => void } | null;
  exited: (() => void)[];
}

/**
 * LAB_BROKERS=3: three brokers and one KRaft controller on 127.0.0.1, from the same jars as the
 * one-node lab, every JVM under one guard process (cluster-guard.ts). The controller stands
 * apart so killing brokers never costs the metadata quorum: with two brokers down, the controller
 * still fences them and shrinks the ISR, which is what makes acks=all fail with NotEnoughReplicas.
 */
export class LabCluster implements LabKafka {
  private guard: ChildProcess | null = null;
  private classpathValue = '';
  private readonly records = new Map<number, NodeRecord>();
  private readonly exitListeners = new Set<(reason: string, nodeId: number) => void>();
  private readonly changeListeners = new Set<() => void>();
  readonly brokerIds: number[];
  readonly logFile: string;

  constructor(private readonly options: LabClusterOptions) {
    const { controller, brokers } = options.layout;
    this.brokerIds = brokers.map((b) => b.nodeId);
    this.logFile = path.join(options.dataDir, '*', '*.log');
    const add = (nodeId: number, port: number, role: NodeFiles['role']) =>
      this.records.set(nodeId, {
        nodeId,
        role,
        host: '127.0.0.1',
        port,
        pid: null,
        running: false,
        lastExit: null,
        lastChangeAt: null,
        dir: path.join(options.dataDir, `${role}-${nodeId}`),
        starting: null,
        exited: [],
      });
    add(controller.nodeId, controller.port, 'controller');
    for (const b of brokers) add(b.nodeId, b.port, 'broker');
  }

  get bootstrapServers(): string[] {
    return this.options.layout.brokers.map((b) => `127.0.0.1:${b.port}`);
  }

  get running(): boolean {
    return this.brokerIds.some((id) => this.records.get(id)?.running);
  }

  get pid(): number | null {
    return this.records.get(this.brokerIds[0] ?? -1)?.pid ?? null;
  }

  /** The guard process's pid (benches count its memory too). */
  get guardPid(): number | null {
    return this.guard?.pid ?? null;
  }

  nodes(): LabNode[] {
    return [...this.records.values()].map(
      ({ dir: _d, starting: _s, exited: _e, ...node }): LabNode => node,
    );
  }

  onExit(listener: (reason: string, nodeId: number) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Checks Java, fetches jars once, writes each node's config, formats storage once. */
  async prepare(): Promise<void> {
    checkJava();
    let lib: string;
    try {
      lib = await resolveJars(this.options.rootDir, this.options.log);
    } catch (error) {
      checkMaven();
      throw error;
    }
    this.classpathValue = classpath(lib);
    await prepareNodes([...this.records.values()], this.options.layout, (n) => this.jvmArgs(n));
  }

  async start(nodeId?: number): Promise<number> {
    const ids = nodeId === undefined ? [...this.records.keys()] : [nodeId];
    const nodes = ids.map((id) => this.record(id));
    for (const node of nodes) {
      if (node.running || node.starting) throw new Error(`node ${node.nodeId} is already running`);
      const envName = node.role === 'controller' ? 'KAFKA_CONTROLLER_PORT' : 'KAFKA_BROKER_PORTS';
      await checkPortFree(node.port, `${node.role} ${node.nodeId}`, envName);
    }
    const guard = this.ensureGuard();
    const pids = await Promise.all(
      nodes.map(
        (node) =>
          new Promise<number>((resolve, reject) => {
            node.starting = { resolve, reject };
            guard.send({
              type: 'start',
              nodeId: node.nodeId,
              java: 'java',
              args: [...this.jvmArgs(node), 'kafka.Kafka', propertiesFile(node)],
              logFile: logFile(node),
              last: node.role === 'controller',
            });
          }),
      ),
    );
    return this.pid ?? pids[0] ?? -1;
  }

  async stop(nodeId?: number): Promise<void> {
    if (nodeId !== undefined) return this.signal(nodeId, 'stop');
    const guard = this.guard;
    if (!guard) return;
    const gone = new Promise<void>((resolve) => guard.once('exit', () => resolve()));
    if (guard.connected) guard.send({ type: 'shutdown' });
    else guard.kill('SIGTERM');
    await gone;
  }

  kill(nodeId: number): Promise<void> {
    return this.signal(nodeId, 'kill');
  }

  private async signal(nodeId: number, type: 'stop' | 'kill'): Promise<void> {
    const node = this.record(nodeId);
    if (!node.running || !this.guard) return;
    const exited = new Promise<void>((resolve) => node.exited.push(resolve));
    this.guard.send({ type, nodeId });
    await exited;
  }

  private record(nodeId: number): NodeRecord {
    const node = this.records.get(nodeId);
    if (!node) throw new Error(`no node ${nodeId} in this cluster`);
    return node;
  }

  private ensureGuard(): ChildProcess {
    if (this.guard?.connected) return this.guard;
    const script = bundleForNode(
      path.join('server', 'broker', 'cluster-guard.ts'),
      'cluster-guard.mjs',
    );
    // Own process group: Ctrl+C reaches the server only, which then stops the cluster in order.
    const guard = fork(script, [], {
      execArgv: [],
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: childEnv(),
    });
    guard.on('message', (raw) => {
      const message = clusterGuardMessageSchema.safeParse(raw);
      if (!message.success) return;
      const m = message.data;
      if (m.type === 'started') this.started(m.nodeId, m.pid);
      else this.exited(m.nodeId, exitReason(m.code, m.signal, m.error));
    });
    guard.on('exit', () => {
      if (this.guard === guard) this.guard = null;
      for (const node of this.records.values()) {
        // A guard killed before its JVMs leaves them unsupervised, holding their ports: ours to end.
        if (node.pid !== null) void killAndWait(node.pid);
        if (node.running || node.starting) this.exited(node.nodeId, 'its guard process ended');
      }
    });
    this.guard = guard;
    return guard;
  }

  private started(nodeId: number, pid: number): void {
    const node = this.records.get(nodeId);
    if (!node) return;
    Object.assign(node, { pid, running: true, lastChangeAt: Date.now() });
    node.starting?.resolve(pid);
    node.starting = null;
    for (const listener of this.changeListeners) listener();
  }

  private exited(nodeId: number, reason: string): void {
    const node = this.records.get(nodeId);
    if (!node) return;
    Object.assign(node, { pid: null, running: false, lastExit: reason, lastChangeAt: Date.now() });
    node.starting?.reject(new Error(`${node.role} ${nodeId} ${reason} while starting`));
    node.starting = null;
    for (const resolve of node.exited.splice(0)) resolve();
    for (const listener of this.exitListeners) listener(reason, nodeId);
    for (const listener of this.changeListeners) listener();
  }

  private jvmArgs(node: NodeFiles): string[] {
    return nodeJvmArgs(node, this.options.heap, this.classpathValue);
  }
}
