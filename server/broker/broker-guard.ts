/**
 * Runs in its own process between the server and the broker JVM. If the server dies in any way,
 * even SIGKILL, its IPC channel closes and this process stops the JVM, so no broker is orphaned.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { z } from 'zod';

const STOP_GRACE_MS = 15_000;

const argsSchema = z.object({
  java: z.string(),
  args: z.array(z.string()),
  logFile: z.string(),
});
const messageSchema = z.object({ type: z.literal('stop') });

const config = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const out = fs.openSync(config.logFile, 'a');
const jvm = spawn(config.java, config.args, { stdio: ['ignore', out, out] });
let stopping = false;

function send(message: object): void {
  if (process.connected) process.send?.(message);
}

function stopJvm(): void {
  if (stopping) return;
  stopping = true;
  if (jvm.exitCode !== null || jvm.signalCode !== null) process.exit(0);
  jvm.kill('SIGTERM');
  setTimeout(() => jvm.kill('SIGKILL'), STOP_GRACE_MS).unref();
}

jvm.on('spawn', () => send({ type: 'started', pid: jvm.pid }));
jvm.on('error', (error) => {
  send({ type: 'exited', code: null, signal: null, error: error.message });
  process.exit(1);
});
jvm.on('exit', (code, signal) => {
  send({ type: 'exited', code, signal, error: null });
  process.exit(0);
});

process.on('message', (raw) => {
  if (messageSchema.safeParse(raw).success) stopJvm();
});
process.on('disconnect', stopJvm);
// The guard runs in its own process group; these only arrive when someone targets it directly.
process.on('SIGINT', stopJvm);
process.on('SIGTERM', stopJvm);
