'use client';

import { memo, useMemo } from 'react';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { Panel } from '../ui/panel';
import { recent } from './chart-data';
import { type Series, TimeChart } from './time-chart';

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
  const t = useDict().ui.charts;
  const series: Series[] = [
    { key: 'produced', name: t.produced, color: '#2563eb' },
    { key: 'consumed', name: t.consumed, color: '#16a34a' },
  ];
  return (
    <Panel title={t.throughputTitle} testId="throughput-chart">
      <div className="h-56">
        <TimeChart data={data} series={series} />
      </div>
    </Panel>
  );
});
