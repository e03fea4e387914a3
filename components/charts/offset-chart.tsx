'use client';

import { memo, useMemo, useState } from 'react';
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
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { recent, timeLabel } from './chart-data';

export const OffsetChart = memo(function OffsetChart() {
  const history = useLive((s) => s.history);
  const points = recent(history);
  const keys = useMemo(() => {
    const last = points[points.length - 1];
    return last
      ? Object.keys(last.partitions).sort((a, b) =>
          a.localeCompare(b, undefined, { numeric: true }),
        )
      : [];
  }, [points]);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen && keys.includes(chosen) ? chosen : (keys[0] ?? null);
  const data = useMemo(
    () =>
      key
        ? points.map((p) => {
            const v = p.partitions[key];
            return { at: p.at, committed: v?.[1] ?? null, logEnd: v?.[2] ?? null };
          })
        : [],
    [points, key],
  );
  return (
    <Panel
      testId="offset-chart"
      title={
        <span className="flex items-center">
          Committed vs log end <Help term="commit" />
        </span>
      }
      actions={
        <select
          className={`${inputClass} w-56 py-0 text-xs`}
          value={key ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          aria-label="Partition for the offset chart"
        >
          {keys.map((k) => {
            const [g, t, p] = k.split('|');
            return (
              <option key={k} value={k}>
                {g} · {t}-{p}
              </option>
            );
          })}
        </select>
      }
    >
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="at" tickFormatter={timeLabel} minTickGap={40} fontSize={10} />
            <YAxis fontSize={10} width={56} domain={['auto', 'auto']} allowDecimals={false} />
            <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleTimeString()} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line
              dataKey="logEnd"
              name="log end"
              stroke="#dc2626"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="committed"
              name="committed"
              stroke="#16a34a"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Panel>
  );
});
