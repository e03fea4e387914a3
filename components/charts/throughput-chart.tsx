'use client';

import { memo, useMemo } from 'react';
import { useLive } from '@/lib/use-live';
import { Panel } from '../ui/panel';
import { recent } from './chart-data';
import { type Series, TimeChart } from './time-chart';

const SERIES: Series[] = [
  { key: 'produced', name: 'appended to the log', color: '#2563eb' },
  { key: 'consumed', name: 'processed by lab consumers', color: '#16a34a' },
];

export const ThroughputChart = memo(function ThroughputChart() {
  const history = useLive((s) => s.history);
  const data = useMemo(
    () =>
      recent(history).map((p) => ({
        at: p.at,
        produced: p.producedPerSec,
        consumed: p.consumedPerSec,
      })),
    [history],
  );
  return (
    <Panel title="Produced vs consumed (msg/s)" testId="throughput-chart">
      <div className="h-56">
        <TimeChart data={data} series={SERIES} />
      </div>
    </Panel>
  );
});
