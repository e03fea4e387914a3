import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

const vectorSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('vector'),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        value: z.tuple([z.number(), z.string()]),
      }),
    ),
  }),
});

export interface PrometheusServer {
  url: string;
  /** An instant PromQL query: each series' labels and value. */
  query: (promql: string) => Promise<{ labels: Record<string, string>; value: number }[]>;
  stop: () => Promise<void>;
}

/**
 * A real Prometheus (Debian's package) on 127.0.0.1, scraping `target` (host:port) every second,
 * with its data in a temporary directory that goes when it stops.
 */
export async function startPrometheus(target: string): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offset-lab-prom-'));
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: offset-lab',
      '    metrics_path: /metrics',
      `    static_configs: [{ targets: ['${target}'] }]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('prometheus to be ready', async () => {
      if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr}`);
      return (await fetch(`${url}/-/ready`).catch(() => null))?.ok === true;
    });
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    query: async (promql) => {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = vectorSchema.parse(await response.json());
      return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killed);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
