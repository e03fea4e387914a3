import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SOURCE = path.join(ROOT, 'server', 'kafka', 'consumer-worker.ts');
const OUT = path.join(ROOT, '.kafka', 'worker', 'consumer-worker.mjs');

/**
 * Compiles the consumer worker to one plain ES module, so each consumer process is a bare `node`
 * without a TypeScript loader: about half the memory per process and a faster start.
 * Packages stay external and load from node_modules. Takes a few milliseconds, so it is rebuilt
 * whenever the lab starts.
 */
export function buildWorkerBundle(): string {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  buildSync({
    entryPoints: [SOURCE],
    outfile: OUT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return OUT;
}
