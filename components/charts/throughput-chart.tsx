'use client';

import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLive } from '@/lib/use-live';
import { Panel } from '../ui/panel';
import { recent, timeLabel } from './chart-data';

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
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="at" tickFormatter={timeLabel} minTickGap={40} fontSize={10} />
            <YAxis fontSize={10} width={48} allowDecimals={false} />
            <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleTimeString()} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              dataKey="produced"
              name="appended to the log"
              stroke="#2563eb"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="consumed"
              name="processed by lab consumers"
              stroke="#16a34a"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
});
