'use client';

import { memo, useMemo, useState } from 'react';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { seriesRefOfKey } from '@/protocol/keys';
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { recent } from './chart-data';
import { type Series, TimeChart } from './time-chart';

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
            return {
              at: p.at,
              committed: v?.[1] ?? null,
              logEnd: v?.[2] ?? null,
              logStart: p.logStart?.[key] ?? null,
            };
          })
        : [],
    [points, key],
  );
  const t = useDict().ui.charts;
  const series: Series[] = [
    { key: 'logEnd', name: t.logEnd, color: '#dc2626' },
    { key: 'committed', name: t.committed, color: '#16a34a' },
    // Retention deletes whole segments: the log start moves up in steps.
    { key: 'logStart', name: t.logStart, color: '#7c3aed' },
  ];
  return (
    <Panel
      testId="offset-chart"
      title={
        <span className="flex items-center">
          {t.offsetTitle} <Help term="log-start" />
        </span>
      }
      actions={
        <select
          className={`${inputClass} w-56 py-0 text-xs`}
          value={key ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          aria-label={t.offsetPartition}
        >
          {keys.map((k) => {
            const s = seriesRefOfKey(k);
            return (
              <option key={k} value={k}>
                {s.groupId} · {s.topic}-{s.partition}
              </option>
            );
          })}
        </select>
      }
    >
      <div className="h-56">
        <TimeChart data={data} series={series} autoDomain />
      </div>
    </Panel>
  );
});
