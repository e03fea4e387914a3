/**
 * Where a command's CPU goes, by kind of process: `tsx bench/suite-cpu.ts -- npm run test:integration`.
 * Samples /proc four times a second; each process counts with the CPU time it had when last seen, so a
 * process that lives under a second is missed (the "not attributed" row is the machine's busy
 * time that no sample caught, including other processes on the machine).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { cpuSeconds } from './proc-stats';

const TICKS = 100;

const KINDS: [kind: string, test: RegExp][] = [
  ['broker JVM', /kafka\.Kafka\b|KafkaRaftServer|kafka-server-start/],
  ['observer JVM', /offsetlab\.Observer\b/],
  ['lab Java consumers', /offsetlab\.(LabConsumer|ObserverTestConsumer)\b/],
  ['other JVM (tools, javac, CDS)', /\bjava\b|javac/],
  ['kafkajs consumer workers', /consumer-worker/],
  ['chromium', /chrom/],
  ['next build', /next build|next\/dist\/build/],
  ['esbuild', /esbuild/],
  ['vitest (tests, in-process labs)', /vitest/],
  ['lab servers (server/start.mjs, playwright)', /start\.mjs|server\/main|playwright/],
  ['maven', /maven|plexus-classworlds/],
  ['other node', /node/],
];

function kindOf(cmdline: string): string {
  return KINDS.find(([, re]) => re.test(cmdline))?.[0] ?? 'other';
}

function machineBusy(): number {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1);
  const n = (cpu ?? []).map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return (n.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / TICKS;
}

const seen = new Map<string, { kind: string; cpu: number; base: number }>();
const self = String(process.pid);

function sample(): void {
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || pid === self) continue;
    const cpu = cpuSeconds(Number(pid));
    if (cpu === null) continue;
    const known = seen.get(pid);
    if (known) {
      known.cpu = cpu;
      continue;
    }
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (!cmdline) continue;
    // Processes already running when the bench started count from now on.
    seen.set(pid, { kind: kindOf(cmdline), cpu, base: started ? 0 : cpu });
  }
}

let started = false;
sample();
started = true;
const busy0 = machineBusy();
const t0 = Date.now();
const args = process.argv.slice(process.argv.indexOf('--') + 1);
const child = spawn(args[0] ?? 'true', args.slice(1), { stdio: 'inherit' });
const timer = setInterval(sample, 250);
child.on('exit', (code) => {
  clearInterval(timer);
  sample();
  const wall = (Date.now() - t0) / 1000;
  const busy = machineBusy() - busy0;
  const byKind = new Map<string, number>();
  for (const p of seen.values()) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + p.cpu - p.base);
  const rows = [...byKind].filter(([, s]) => s >= 0.5).sort((a, b) => b[1] - a[1]);
  const attributed = rows.reduce((a, [, s]) => a + s, 0);
  console.log(
    `\n[suite-cpu] ${args.join(' ')}: exit ${code}, ${wall.toFixed(0)} s wall, ${busy.toFixed(0)} CPU-s busy (${((100 * busy) / wall / 2).toFixed(0)} % of 2 cores)`,
  );
  for (const [kind, s] of rows)
    console.log(
      `  ${kind.padEnd(44)} ${s.toFixed(0).padStart(6)} CPU-s ${((100 * s) / busy).toFixed(0).padStart(3)} %`,
    );
  console.log(
    `  ${'not attributed (short-lived, other)'.padEnd(44)} ${(busy - attributed).toFixed(0).padStart(6)} CPU-s`,
  );
  process.exit(code ?? 1);
});
