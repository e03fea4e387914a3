import fs from 'node:fs';

/** Every live process whose ancestry leads to `root` (not `root` itself), read from /proc. */
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, ppid] of parent)
      if (ppid === pid) {
        found.push(child);
        walk(child);
      }
  };
  walk(root);
  return found;
}

/** A process's argv and environment as the kernel shows them to anyone of the same user. */
export function processText(pid: number): { argv: string[]; env: string[] } | null {
  try {
    const read = (what: string) => fs.readFileSync(`/proc/${pid}/${what}`, 'utf8').split('\0');
    return { argv: read('cmdline'), env: read('environ') };
  } catch {
    return null;
  }
}
