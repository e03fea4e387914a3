/** `npm start`: embedded broker (unless KAFKA_BROKERS), Next.js page, API and socket.io on one port. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import next from 'next';
import { startOffsetLab } from './app';
import { createLabKafka } from './broker/create-lab-kafka';
import type { LabKafka } from './broker/lab-kafka';
import { checkHttpPortFree, PreflightError } from './broker/preflight';
import { childEnv } from './child-env';
import { ClientConfigError } from './client-config/client-settings';
import { kafkajsSecurity, loadClientConfig } from './client-config/load';
import { loadConfig } from './config';
import { accessPolicy } from './http/access';
import { currentRequest } from './http/boundary';
import { jvmClasspath } from './jvm/compile';
import { waitForCluster } from './kafka/client';
import { takeSecretEnv } from './secret-env';

const BROKER_READY_TIMEOUT_MS = 90_000;

function log(message: string): void {
  console.log(`[offset-lab] ${message}`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig({
    ...process.env,
    LAB_TOKEN: takeSecretEnv('LAB_TOKEN'),
    ALERT_WEBHOOK_TOKEN: takeSecretEnv('ALERT_WEBHOOK_TOKEN'),
  });
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  let broker: LabKafka | null = null;
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
  // Requests and socket events run inside a boundary (http/boundary.ts); an error that escapes it
  // later (a timer, a stream) still names the request it came from and leaves the lab running.
  // Anything else is a bug of the server itself: stop cleanly rather than run on half-broken.
  const escaped = (what: string) => (error: unknown) => {
    const request = currentRequest();
    if (request) {
      console.error(
        `[offset-lab] ${what} while handling ${request}; the lab keeps running:`,
        error,
      );
      return;
    }
    console.error(error);
    void shutdown(what, 1);
  };
  process.on('uncaughtException', escaped('uncaught exception'));
  process.on('unhandledRejection', escaped('unhandled rejection'));

  await checkHttpPortFree(config.port, config.host);
  // The team's own client settings (SASL/SSL): every client the lab runs connects the same way.
  const settings = config.kafkaConfigFile
    ? loadClientConfig(config.kafkaConfigFile, brokers ?? undefined)
    : null;
  if (settings) brokers = settings.bootstrap;
  if (!brokers) {
    broker = createLabKafka(config, log);
    await broker.prepare();
    const pid = await broker.start();
    brokers = broker.bootstrapServers;
    const what = config.labBrokers === 1 ? 'broker' : `cluster of ${config.labBrokers} brokers`;
    log(`embedded Kafka ${what} starting (pid ${pid}, log ${broker.logFile})…`);
  } else {
    const source = settings
      ? `${config.kafkaConfigFile}, ${settings.securityProtocol}`
      : 'KAFKA_BROKERS';
    log(`using Kafka at ${brokers.join(',')} (${source}); no embedded broker`);
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
        env: childEnv({ NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }),
      },
    );
    if (build.status !== 0) throw new Error('next build failed');
  }
  const nextApp = next({ dev: config.dev, dir, hostname: config.host, port: config.port });
  // Only the embedded broker is waited for: an outside cluster's state (or why it cannot be
  // reached) shows on the page and in this terminal as soon as the lab runs.
  const [nextHandler] = await Promise.all([
    nextApp.prepare().then(() => nextApp.getRequestHandler()),
    broker
      ? waitForCluster(brokers, BROKER_READY_TIMEOUT_MS, broker.brokerIds.length)
      : Promise.resolve(),
  ]);
  if (broker) log(`Kafka is answering at ${brokers.join(',')}`);

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
    clientProperties: settings?.java ?? {},
    clientSettings: settings,
    kafkajsSecurity: kafkajsSecurity(settings),
    pages: (req, res) => nextHandler(req, res),
    alertWebhook: config.alertWebhook,
  });
  closeApp = app.close;
  const shownHost = addressToOpen(config.host);
  const base = config.publicUrl?.replace(/\/+$/, '') ?? `http://${shownHost}:${config.port}`;
  if (config.mode === 'monitor')
    log(
      'monitor mode: nothing is created on this cluster (LAB_SCENARIO=default runs the lab on it)',
    );
  if (config.readOnly) log('read-only: every command is refused');
  if (access.tokenReason) log(`a token is required: ${access.tokenReason}`);
  // Printed once, only when generated here: a LAB_TOKEN the user chose is theirs to keep secret.
  const url = access.generatedToken ? `${base}/?token=${access.token}` : base;
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${url}`);
}

/** An address a person can open: loopback as localhost, a wildcard bind as this machine's address. */
function addressToOpen(host: string): string {
  if (host === '127.0.0.1') return 'localhost';
  if (host !== '0.0.0.0' && host !== '::') return host;
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  return external?.address ?? 'localhost';
}

main().catch((error: unknown) => {
  if (
    error instanceof PreflightError ||
    error instanceof ClientConfigError ||
    (error as Error).message?.startsWith('Invalid configuration')
  ) {
    console.error(`\n[offset-lab] cannot start:\n${(error as Error).message}\n`);
  } else {
    console.error('[offset-lab] failed to start:', error);
  }
  process.exit(1);
});
