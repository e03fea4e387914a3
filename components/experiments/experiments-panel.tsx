'use client';

import { useCanAct } from '@/lib/use-live';
import { Panel } from '../ui/panel';
import { JudgedExperiments } from './judged-experiments';

/** The course's lessons as experiments the server runs on Kafka and judges against their expectation. */
export function ExperimentsPanel() {
  const canAct = useCanAct();
  if (!canAct) return null;
  return (
    <Panel title="Try it: experiments" testId="experiments">
      <JudgedExperiments />
    </Panel>
  );
}
