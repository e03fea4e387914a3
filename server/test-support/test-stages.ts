/**
 * `npm test`: every stage runs and reports, also after an earlier one failed (one flaky
 * integration test must not hide the e2e result), and the command exits non-zero if any failed.
 * e2e needs the build: when the build fails, e2e is reported as not run.
 */
import { spawn } from 'node:child_process';

interface Stage {
  name: string;
  script: string;
  /** Stages that must have passed for this one to mean anything. */
  needs?: string[];
}

const STAGES: Stage[] = [
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
  { name: 'build', script: 'build' },
  { name: 'integration', script: 'test:integration' },
  { name: 'e2e', script: 'test:e2e:run', needs: ['build'] },
];

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: { name: string; outcome: string; seconds: number }[] = [];
  const passed = new Set<string>();
  const startedAt = Date.now();
  for (const stage of STAGES) {
    if (only.length > 0 && !only.includes(stage.name)) continue;
    const missing = (stage.needs ?? []).filter(
      (n) => !passed.has(n) && (only.length === 0 || only.includes(n)),
    );
    if (missing.length > 0) {
      results.push({
        name: stage.name,
        outcome: `not run (${missing.join(', ')} failed)`,
        seconds: 0,
      });
      continue;
    }
    console.log(`\n[npm test] ${stage.name}…`);
    const t0 = Date.now();
    const code = await run(stage.script);
    const seconds = (Date.now() - t0) / 1000;
    if (code === 0) passed.add(stage.name);
    results.push({
      name: stage.name,
      outcome: code === 0 ? 'passed' : `FAILED (exit ${code})`,
      seconds,
    });
  }
  const total = (Date.now() - startedAt) / 1000;
  console.log('\n[npm test] summary');
  for (const r of results)
    console.log(`  ${r.name.padEnd(12)} ${r.outcome.padEnd(28)} ${r.seconds.toFixed(0)} s`);
  console.log(`  ${'total'.padEnd(12)} ${''.padEnd(28)} ${total.toFixed(0)} s`);
  process.exit(results.every((r) => r.outcome === 'passed') ? 0 : 1);
}

void main();
