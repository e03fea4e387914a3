'use client';

import { useLive } from '@/lib/use-live';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Panel } from '../ui/panel';
import { EXPERIMENTS } from './experiments';
import { JudgedExperiments } from './judged-experiments';

export function ExperimentsPanel() {
  const snapshot = useLive((s) => s.snapshot);
  const run = useCommand();
  if (!snapshot) return null;
  return (
    <Panel title="Try it: experiments" testId="experiments">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Measured and judged
      </h3>
      <JudgedExperiments />
      <h3 className="mt-4 mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Quick actions from the course
      </h3>
      <ul className="flex flex-col gap-2">
        {EXPERIMENTS.map((e) => {
          const blocked = e.blocked(snapshot);
          return (
            <li key={e.id} className="flex items-start gap-2 text-xs">
              <Button
                variant="primary"
                className="mt-0.5 shrink-0"
                disabled={blocked !== null}
                title={blocked ?? undefined}
                data-testid={`experiment-${e.id}`}
                onClick={() => void e.run(snapshot, run)}
              >
                Run
              </Button>
              <div>
                <div className="font-semibold">{e.title}</div>
                <div className="text-slate-500">{blocked ? `Not now: ${blocked}.` : e.watch}</div>
              </div>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
