/** `npm start`: embedded broker (unless KAFKA_BROKERS), Next.js page, API and socket.io on one port. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import next from 'next';
import { startOffsetLab } from './app';
import { EmbeddedBroker } from './broker/embedded-broker';
import { checkHttpPortFree, PreflightError } from './broker/preflight';
import { loadConfig } from './config';
import { accessPolicy } from './http/access';
import { jvmClasspath } from './jvm/compile';
import { waitForCluster } from './kafka/client';

const BROKER_READY_TIMEOUT_MS = 90_000;

function log(message: string): void {
  console.log(`[offset-lab] ${message}`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  let broker: EmbeddedBroker | null = null;
  let brokers = config.externalBrokers;
  let closeApp: (() => Promise<void>) | null = null;
  let shuttingDown = false;
  const shutdown = async (reason: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`shutting down (${reason})…`);
    const force = setTimeout(() => process.exit(code || 1), 30_000);
    await closeApp?.().catch((e: unknown) => console.error(e));
    await broker?.stop().catch((e: unknown) => console.error(e));
    clearTimeout(force);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    console.error(error);
    void shutdown('uncaught exception', 1);
  });

  await checkHttpPortFree(config.port, config.host);
  if (!brokers) {
    broker = new EmbeddedBroker({
      rootDir: config.rootDir,
      clientPort: config.kafkaPort,
      controllerPort: config.controllerPort,
      dataDir: config.kafkaDataDir,
      heap: config.kafkaHeap,
      log,
    });
    await broker.prepare();
    const pid = await broker.start();
    brokers = [broker.bootstrap];
    log(`embedded Kafka broker starting (pid ${pid}, log ${broker.logFile})…`);
  } else {
    log(`using Kafka at ${brokers.join(',')} (KAFKA_BROKERS); no embedded broker`);
  }

  const dir = config.rootDir;
  if (!config.dev && !fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    log('no production build yet: running `next build` once…');
    const build = spawnSync(
      process.execPath,
      [path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        cwd: dir,
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      },
    );
    if (build.status !== 0) throw new Error('next build failed');
  }
  const nextApp = next({ dev: config.dev, dir, hostname: config.host, port: config.port });
  const [nextHandler] = await Promise.all([
    nextApp.prepare().then(() => nextApp.getRequestHandler()),
    waitForCluster(brokers, BROKER_READY_TIMEOUT_MS),
  ]);
  log(`Kafka is answering at ${brokers.join(',')}`);

  const access = accessPolicy(config);
  const classpath = await jvmClasspath(config.rootDir, log);
  const app = await startOffsetLab({
    brokers,
    broker,
    host: config.host,
    port: config.port,
    pollIntervalMs: config.pollIntervalMs,
    scenario: config.scenario,
    mode: config.mode,
    access,
    jvmClasspath: classpath,
    rootDir: config.rootDir,
    pages: (req, res) => nextHandler(req, res),
  });
  closeApp = app.close;
  const shownHost = config.host === '127.0.0.1' ? 'localhost' : config.host;
  const base = config.publicUrl?.replace(/\/+$/, '') ?? `http://${shownHost}:${config.port}`;
  if (config.mode === 'monitor')
    log(
      'monitor mode: nothing is created on this cluster (LAB_SCENARIO=default runs the lab on it)',
    );
  if (config.readOnly) log('read-only: every command is refused');
  // Printed once, only when generated here: a LAB_TOKEN the user chose is theirs to keep secret.
  const url = access.generatedToken ? `${base}/?token=${access.token}` : base;
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${url}`);
}

main().catch((error: unknown) => {
  if (
    error instanceof PreflightError ||
    (error as Error).message?.startsWith('Invalid configuration')
  ) {
    console.error(`\n[offset-lab] cannot start:\n${(error as Error).message}\n`);
  } else {
    console.error('[offset-lab] failed to start:', error);
  }
  process.exit(1);
});
