'use client';

import { useLive } from '@/lib/use-live';
import { EXPERIMENT_IDS, type ExperimentRun } from '@/protocol/experiments';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { EXPERIMENT_TEXTS, MEASUREMENT_LABELS, STEP_TEXTS } from './experiment-texts';

const STATUS_TONE: Record<ExperimentRun['status'], Tone> = {
  running: 'sky',
  passed: 'green',
  failed: 'red',
  error: 'amber',
};

/** Experiments the server runs and judges: the expectation first, then the measured result. */
export function JudgedExperiments() {
  const runs = useLive((s) => s.snapshot?.experiments);
  const labBrokers = useLive(
    (s) => s.snapshot?.nodes.filter((n) => n.lab && n.role === 'broker').length ?? 0,
  );
  const run = useCommand();
  const busy = runs?.some((r) => r.status === 'running') ?? false;
  return (
    <ul className="flex flex-col gap-3">
      {EXPERIMENT_IDS.map((id) => {
        const last = runs?.find((r) => r.id === id);
        const text = EXPERIMENT_TEXTS[id];
        const blocked =
          id === 'acks-under-failure' && labBrokers < 3
            ? 'Needs the 3-broker lab: start with LAB_BROKERS=3'
            : busy
              ? 'Another experiment is running'
              : undefined;
        return (
          <li key={id} className="flex flex-col gap-1 text-xs" data-testid={`judged-${id}`}>
            <div className="flex items-start gap-2">
              <Button
                variant="primary"
                className="mt-0.5 shrink-0"
                disabled={blocked !== undefined}
                title={blocked}
                data-testid={`run-${id}`}
                onClick={() => void run({ type: 'experiment:run', id })}
              >
                Run
              </Button>
              <div>
                <div className="font-semibold">{text.title}</div>
                <div className="text-slate-500">{text.expectation}</div>
              </div>
            </div>
            {last && <ResultCard run={last} />}
          </li>
        );
      })}
    </ul>
  );
}

function ResultCard({ run }: { run: ExperimentRun }) {
  const seconds = ((run.finishedAt ?? Date.now()) - run.startedAt) / 1000;
  return (
    <div
      className="ml-12 rounded border border-slate-200 p-2 dark:border-slate-700"
      data-testid={`result-${run.id}`}
      data-status={run.status}
    >
      <div className="mb-1 flex items-center gap-2">
        <Badge tone={STATUS_TONE[run.status]}>
          {run.status === 'passed' ? 'pass' : run.status === 'failed' ? 'fail' : run.status}
        </Badge>
        <span className="text-slate-500">
          {run.status === 'running' ? 'running' : 'took'} {seconds.toFixed(0)} s
        </span>
      </div>
      {run.status === 'running' && run.steps.length > 0 && (
        <p className="text-slate-500">{stepText(run.steps[run.steps.length - 1])}</p>
      )}
      {run.error && (
        <p className="text-amber-700 dark:text-amber-300">Could not finish: {run.error}</p>
      )}
      {run.measurements.length > 0 && (
        <table className="w-full">
          <tbody>
            {run.measurements.map((m) => (
              <tr key={m.key} data-testid={`measure-${m.key}`}>
                <td className="py-0.5 pr-2 text-slate-600 dark:text-slate-300">
                  {MEASUREMENT_LABELS[m.key] ?? m.key}
                </td>
                <td className="py-0.5 pr-2 font-mono font-semibold">{m.value}</td>
                <td className="py-0.5 text-slate-500">
                  {m.expected !== null && (
                    <span className={m.ok === false ? 'text-red-600 dark:text-red-400' : ''}>
                      {m.ok ? '✓' : '✗'} expected {m.expected}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function stepText(step: ExperimentRun['steps'][number] | undefined): string {
  if (!step) return '';
  return STEP_TEXTS[step.key]?.(step.params) ?? step.key;
}
