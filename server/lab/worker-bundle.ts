import path from 'node:path';
import { bundleForNode } from '../node-bundle';

/** The consumer worker as plain JS: one bare `node` per consumer (see bundleForNode). */
export function buildWorkerBundle(): string {
  return bundleForNode(path.join('server', 'kafka', 'consumer-worker.ts'), 'consumer-worker.mjs');
}
