import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedBroker } from '../broker/embedded-broker';
import { waitForCluster } from '../kafka/client';
import { freePort } from './free-port';

export interface TestBroker {
  brokers: string[];
  /** The embedded broker's JVM, null for KAFKA_BROKERS. */
  pid: number | null;
  stop: () => Promise<void>;
}

/** A real broker for a test run: KAFKA_BROKERS if set, else a fresh embedded one on free ports. */
export async function startTestBroker(): Promise<TestBroker> {
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) return { brokers: external.split(','), pid: null, stop: async () => undefined };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offset-lab-test-'));
  const broker = new EmbeddedBroker({
    rootDir: process.cwd(),
    clientPort: await freePort(),
    controllerPort: await freePort(),
    dataDir,
    heap: '512m',
  });
  await broker.prepare();
  await broker.start();
  await waitForCluster([broker.bootstrap], 90_000);
  return {
    brokers: [broker.bootstrap],
    pid: broker.pid,
    stop: async () => {
      await broker.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
