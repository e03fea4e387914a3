'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';

import { useLive } from '@/lib/use-live';
import { useNow } from '@/lib/use-now';
import { labBrokerCount } from '@/protocol/cluster-nodes';
import { EXPERIMENT_IDS, type ExperimentRun } from '@/protocol/experiments';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';

const STATUS_TONE: Record<ExperimentRun['status'], Tone> = {
  running: 'sky',
  passed: 'green',
  failed: 'red',
  error: 'amber',
};

/** Experiments the server runs and judges: the expectation first, then the measured result. */
export function JudgedExperiments() {
  const runs = useLive((s) => s.snapshot?.experiments);
  const labBrokers = useLive((s) => labBrokerCount(s.snapshot?.nodes ?? []));
  const run = useCommand();
  const busy = runs?.some((r) => r.status === 'running') ?? false;
  const t = useDict().experiments;
  return (
    <ul className="flex flex-col gap-3">
      {EXPERIMENT_IDS.map((id) => {
        const last = runs?.find((r) => r.id === id);
        const text = t.ids[id];
        const blocked =
          id === 'acks-under-failure' && labBrokers < 3
            ? t.card.needsThreeBrokers
            : id === 'broker-down' && labBrokers > 1
              ? t.card.oneBrokerOnly
              : busy
                ? t.card.busy
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
                {t.card.run}
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

export function ResultCard({ run }: { run: ExperimentRun }) {
  const now = useNow(1000);
  const seconds = (Math.max(0, (run.finishedAt ?? now) - run.startedAt) / 1000).toFixed(0);
  const t = useDict().experiments;
  return (
    <div
      className="ml-12 rounded border border-slate-200 p-2 dark:border-slate-700"
      data-testid={`result-${run.id}`}
      data-status={run.status}
    >
      <div className="mb-1 flex items-center gap-2">
        <Badge tone={STATUS_TONE[run.status]}>{t.card[run.status]}</Badge>
        <span className="text-slate-500">
          {fill(run.status === 'running' ? t.card.runningFor : t.card.took, { seconds })}
        </span>
      </div>
      {run.status === 'running' && run.steps.length > 0 && (
        <p className="text-slate-500">{stepText(t.steps, run.steps[run.steps.length - 1])}</p>
      )}
      {run.error && (
        <p className="text-amber-700 dark:text-amber-300">
          {fill(t.card.couldNotFinish, { error: run.error })}
        </p>
      )}
      {run.measurements.length > 0 && (
        <table className="w-full">
          <tbody>
            {run.measurements.map((m) => (
              <tr key={m.key} data-testid={`measure-${m.key}`}>
                <td className="py-0.5 pr-2 text-slate-600 dark:text-slate-300">
                  {(t.measures as Record<string, string>)[m.key] ?? m.key}
                </td>
                <td className="py-0.5 pr-2 font-mono font-semibold">{m.value}</td>
                <td className="py-0.5 text-slate-500">
                  {m.expected !== null && (
                    <span className={m.ok === false ? 'text-red-600 dark:text-red-400' : ''}>
                      {m.ok ? '✓' : '✗'} {fill(t.card.expected, { value: m.expected })}
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

function stepText(
  steps: Record<string, string>,
  step: ExperimentRun['steps'][number] | undefined,
): string {
  if (!step) return '';
  const template = steps[step.key];
  return template ? fill(template, step.params) : step.key;
}
