/**
 * One process between the server and every JVM of a LAB_BROKERS=3 cluster (like broker-guard.ts
 * for one broker). It starts, stops and kills nodes when told, and reports their exits. If the
 * server dies in any way, even SIGKILL, the IPC channel closes and this process stops every JVM:
 * brokers first, the controller last, so brokers can shut down in order. Then it exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import {
  type ClusterGuardCommand,
  type ClusterGuardMessage,
  clusterGuardCommandSchema,
} from './cluster-guard-protocol';

const STOP_GRACE_MS = 15_000;

interface Node {
  jvm: ChildProcess;
  last: boolean;
  exited: Promise<void>;
}

const nodes = new Map<number, Node>();
let shuttingDown = false;

function send(message: ClusterGuardMessage): void {
  if (process.connected) process.send?.(message);
}

function start(command: Extract<ClusterGuardCommand, { type: 'start' }>): void {
  if (nodes.has(command.nodeId) || shuttingDown) return;
  const out = fs.openSync(command.logFile, 'a');
  const jvm = spawn(command.java, command.args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => {
    jvm.on('error', (error) => {
      nodes.delete(command.nodeId);
      send({
        type: 'exited',
        nodeId: command.nodeId,
        code: null,
        signal: null,
        error: error.message,
      });
      resolve();
    });
    jvm.on('exit', (code, signal) => {
      nodes.delete(command.nodeId);
      send({ type: 'exited', nodeId: command.nodeId, code, signal, error: null });
      resolve();
    });
  });
  jvm.on('spawn', () => send({ type: 'started', nodeId: command.nodeId, pid: jvm.pid ?? -1 }));
  nodes.set(command.nodeId, { jvm, last: command.last, exited });
}

/** SIGTERM (Kafka's controlled shutdown), then SIGKILL if it has not ended after the grace. */
function stop(node: Node): Promise<void> {
  node.jvm.kill('SIGTERM');
  const timer = setTimeout(() => node.jvm.kill('SIGKILL'), STOP_GRACE_MS);
  timer.unref();
  return node.exited.finally(() => clearTimeout(timer));
}

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const all = [...nodes.values()];
  await Promise.all(all.filter((n) => !n.last).map(stop));
  await Promise.all(all.filter((n) => n.last).map(stop));
  process.exit(0);
}

process.on('message', (raw) => {
  const parsed = clusterGuardCommandSchema.safeParse(raw);
  if (!parsed.success) return;
  const command = parsed.data;
  switch (command.type) {
    case 'start':
      start(command);
      return;
    case 'stop': {
      const node = nodes.get(command.nodeId);
      if (node) void stop(node);
      return;
    }
    case 'kill':
      nodes.get(command.nodeId)?.jvm.kill('SIGKILL');
      return;
    case 'shutdown':
      void shutdown();
      return;
  }
});
process.on('disconnect', () => void shutdown());
// The guard runs in its own process group; these only arrive when someone targets it directly.
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
