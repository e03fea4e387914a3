import fs from 'node:fs';

const CLOCK_TICKS_PER_SEC = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / CLOCK_TICKS_PER_SEC;
  } catch {
    return null;
  }
}

/** RSS in MiB and CPU seconds of a process, read from /proc (Linux). */
export function procStats(pid: number): { rssMiB: number; cpuSec: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const cpuSec = cpuSeconds(pid);
    return cpuSec === null ? null : { rssMiB: rssKiB / 1024, cpuSec };
  } catch {
    return null;
  }
}

// One walk of the process tree for benches and tests: every process whose parent chain leads
// here, found from /proc/*/stat (children started by any thread, not only the main one).
export { descendants } from '../server/test-support/process-tree';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
