import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.join(process.cwd(), 'deploy', 'prometheus');

/** promtool from Debian's prometheus package (.ci/run installs it). */
function promtool(...args: string[]) {
  const result = spawnSync('promtool', args, { cwd: DIR, encoding: 'utf8', timeout: 60_000 });
  if (result.error)
    throw new Error(
      `promtool could not run (${result.error.message}); install Debian's prometheus package`,
    );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the shipped Prometheus alert rules', () => {
  it('are valid rules', () => {
    const { code, output } = promtool('check', 'rules', 'alerts.yml');
    expect(output).toContain('SUCCESS: 8 rules found');
    expect(code).toBe(0);
  });

  it('fire for the verdicts they name, after their `for`, and only then (promtool test rules)', () => {
    const { code, output } = promtool('test', 'rules', 'alerts.test.yml');
    expect(output, output).toContain('SUCCESS');
    expect(code, output).toBe(0);
  });
});
