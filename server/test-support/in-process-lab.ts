import { type OffsetLab, startOffsetLab } from '../app';
import { LabClient } from './lab-client';

/** The lab's server in this process (no Next.js page), on a free port, against the test broker. */
export async function startLabForTest(
  brokers: string[],
  scenario: 'default' | 'empty',
): Promise<{ app: OffsetLab; client: LabClient }> {
  const app = await startOffsetLab({
    brokers,
    broker: null,
    host: '127.0.0.1',
    port: 0,
    pollIntervalMs: 500,
    scenario,
  });
  return { app, client: new LabClient(app.url) };
}
