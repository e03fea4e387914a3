import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { childEnv } from '../child-env';
import { PreflightError } from './preflight';

/** Kafka's Uuid.toString(): base64url of 16 random bytes, never starting with "-". */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * kafka-storage format: writes meta.properties (cluster id, node id) into the node's log dirs;
 * every node of one cluster must be formatted with the same cluster id.
 */
export async function formatStorage(
  jvmArgs: string[],
  propertiesFile: string,
  clusterId: string,
  dataDir: string,
  extraArgs: string[] = [],
): Promise<void> {
  const args = [
    ...jvmArgs,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    propertiesFile,
    ...extraArgs,
  ];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('exit', (c) => resolve({ code: c, output }));
  });
  if (code !== 0) {
    throw new PreflightError(`Formatting Kafka storage in ${dataDir} failed:\n${output}`);
  }
}
