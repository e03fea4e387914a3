import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LabCluster } from '../broker/lab-cluster';
import { waitForCluster } from '../kafka/client';
import { freePort } from './free-port';

export interface TestCluster {
  cluster: LabCluster;
  brokers: string[];
  stop: () => Promise<void>;
}

/** A fresh LAB_BROKERS=3 cluster (3 brokers, 1 controller) on free ports, answering with all 3. */
export async function startTestCluster(): Promise<TestCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offset-lab-cluster-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  const cluster = new LabCluster({
    rootDir: process.cwd(),
    layout: {
      controller: { nodeId: 0, port: await freePort() },
      brokers: ports.map((port, i) => ({ nodeId: i + 1, port })),
    },
    dataDir,
    heap: '512m',
  });
  await cluster.prepare();
  await cluster.start();
  await waitForCluster(cluster.bootstrapServers, 120_000, 3);
  return {
    cluster,
    brokers: cluster.bootstrapServers,
    stop: async () => {
      await cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
