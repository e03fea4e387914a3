import { type OffsetLab, type OffsetLabOptions, startOffsetLab } from '../app';
import type { LabKafka } from '../broker/lab-kafka';
import type { AccessPolicy } from '../http/access';
import { jvmClasspath } from '../jvm/compile';
import { LabClient } from './lab-client';
import { waitFor } from './wait-for';

export interface LabTopic {
  topic: string;
  partitions: number;
  /** Producer rate into the topic, msg/s. */
  rate: number;
}

/**
 * The lab's server in this process (no Next.js page), on a free port, against the test broker,
 * once it has read the cluster; with `produceTo`, a lab topic with the producer writing to it.
 */
export async function startLabForTest(
  brokers: string[],
  scenario: 'default' | 'empty',
  produceTo?: LabTopic,
  access?: AccessPolicy,
  /** The lab's own Kafka (e.g. a test cluster), so broker commands reach it. */
  broker: LabKafka | null = null,
  options: Pick<OffsetLabOptions, 'limits' | 'alertWebhook' | 'alertOptions'> = {},
): Promise<{ app: OffsetLab; client: LabClient }> {
  const app = await startOffsetLab({
    brokers,
    broker,
    host: '127.0.0.1',
    port: 0,
    pollIntervalMs: 500,
    scenario,
    access,
    jvmClasspath: await jvmClasspath(process.cwd()),
    ...options,
  });
  const client = new LabClient(app.url, access?.token ?? null);
  await waitFor('the first poll', async () => (await client.state()).cluster !== null);
  if (produceTo) {
    const { topic, partitions, rate } = produceTo;
    await client.ok({ type: 'topic:create', topic, partitions });
    await client.ok({ type: 'producer:update', topic, rate, paused: false });
  }
  return { app, client };
}
