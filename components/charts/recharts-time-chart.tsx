'use client';

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
import { timeLabel } from './chart-data';

export interface Series {
  key: string;
  name: string;
  color: string;
}

/** The one line chart over time the page uses: no animation (data arrives every second anyway). */
export function RechartsTimeChart({
  data,
  series,
  autoDomain = false,
}: {
  data: Record<string, number | null>[];
  series: Series[];
  /** Offsets start far from zero; lag and rates do not. */
  autoDomain?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="at" tickFormatter={timeLabel} minTickGap={40} fontSize={10} />
        <YAxis
          fontSize={10}
          width={56}
          allowDecimals={false}
          domain={autoDomain ? ['auto', 'auto'] : undefined}
        />
        <Tooltip labelFormatter={(v) => timeLabel(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
