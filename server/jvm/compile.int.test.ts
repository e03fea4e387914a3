import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JAVAC_LOG, jvmClasspath } from './compile';
import { LAB_JAR, sharedArchiveArgs } from './shared-archive';

describe('the lab’s Java parts', () => {
  it('compile with every javac warning on, and none', async () => {
    const first = (await jvmClasspath(process.cwd())).split(path.delimiter)[0] ?? '';
    const classes = first.endsWith(LAB_JAR) ? path.dirname(first) : first;
    expect(fs.readFileSync(path.join(classes, JAVAC_LOG), 'utf8')).toBe('');
  });

  it('come as one jar with a shared class archive that a lab JVM can map', async () => {
    const classpath = await jvmClasspath(process.cwd());
    expect(path.basename(classpath.split(path.delimiter)[0] ?? '')).toBe(LAB_JAR);
    const archive = sharedArchiveArgs(classpath);
    expect(archive).toHaveLength(1);
    // -Xshare:on makes the JVM refuse to start rather than silently run without the archive.
    const run = spawnSync(
      'java',
      ['-Xshare:on', ...archive, '-Xlog:cds=info', '-cp', classpath, 'offsetlab.Warmup'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Mapped dynamic region');
  });
});
