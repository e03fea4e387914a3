'use client';

import { useDict } from '@/lib/i18n/language';
import { useCanAct } from '@/lib/use-live';
import { Panel } from '../ui/panel';
import { JudgedExperiments } from './judged-experiments';

/** The course's lessons as experiments the server runs on Kafka and judges against their expectation. */
export function ExperimentsPanel() {
  const canAct = useCanAct();
  const t = useDict().ui.experiments;
  if (!canAct) return null;
  return (
    <Panel title={t.title} testId="experiments">
      <JudgedExperiments />
    </Panel>
  );
}
