import fs from 'node:fs';

const CLOCK_TICKS_PER_SEC = 100;

/** RSS in MiB and CPU seconds of a process, read from /proc (Linux). */
export function procStats(pid: number): { rssMiB: number; cpuSec: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    return { rssMiB: rssKiB / 1024, cpuSec: ticks / CLOCK_TICKS_PER_SEC };
  } catch {
    return null;
  }
}

/** The pids of a process's children, grandchildren… (tsx and esbuild helpers included). */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let children: string[] = [];
    try {
      children = fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return;
    }
    for (const c of children) {
      out.push(Number(c));
      visit(Number(c));
    }
  };
  visit(pid);
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
