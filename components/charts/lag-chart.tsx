'use client';

import { memo, useMemo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { colorFor, PALETTE } from '@/protocol/colors';
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { recent } from './chart-data';
import { TimeChart } from './time-chart';

export const LagChart = memo(function LagChart() {
  const history = useLive((s) => s.history);
  // Only the groups shown in full: a cluster's thousand groups would be a thousand lines.
  const shown = useLive((s) => s.snapshot?.groups.map((g) => g.groupId).join('\u0000') ?? '');
  const [detail, setDetail] = useState<string>('totals');
  const [unit, setUnit] = useState<'messages' | 'seconds'>('messages');
  const points = recent(history);
  const groups = useMemo(() => (shown ? shown.split('\u0000') : []).sort(), [shown]);
  const { data, series } = useMemo(() => {
    if (detail === 'totals' || unit === 'seconds') {
      const pick = (p: (typeof points)[number]) =>
        unit === 'seconds' ? p.groupLagSeconds : p.groupLag;
      return {
        series: groups.map((g, i) => ({
          key: g,
          name: g,
          color: PALETTE[i % PALETTE.length] ?? '#000',
        })),
        data: points.map((p) => {
          const row: Record<string, number> = { at: p.at };
          for (const g of groups) {
            const v = pick(p)[g];
            if (v !== undefined) row[g] = v;
          }
          return row;
        }),
      };
    }
    const prefix = `${detail}|`;
    const keys = [
      ...new Set(
        points.flatMap((p) => Object.keys(p.partitions).filter((k) => k.startsWith(prefix))),
      ),
    ];
    return {
      series: keys.map((k) => ({
        key: k,
        name: `P${k.split('|')[2]}`,
        color: colorFor(`p${Number(k.split('|')[2]) + 1}`),
      })),
      data: points.map((p) => {
        const row: Record<string, number> = { at: p.at };
        for (const k of keys) {
          const v = p.partitions[k];
          if (v) row[k] = v[0];
        }
        return row;
      }),
    };
  }, [points, groups, detail, unit]);
  const t = useDict().ui.charts;
  return (
    <Panel
      testId="lag-chart"
      title={
        <span className="flex items-center">
          {t.lagTitle} <Help term="lag" />
        </span>
      }
      actions={
        <>
          <select
            className={`${inputClass} w-28 py-0 text-xs`}
            value={unit}
            onChange={(e) => setUnit(e.target.value as 'messages' | 'seconds')}
            aria-label={t.lagUnit}
            data-testid="lag-unit"
          >
            <option value="messages">{t.messages}</option>
            <option value="seconds">{t.seconds}</option>
          </select>
          <select
            className={`${inputClass} w-48 py-0 text-xs`}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
            aria-label={t.lagDetail}
          >
            <option value="totals">{t.totals}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {fill(t.perPartition, { groupId: g })}
              </option>
            ))}
          </select>
        </>
      }
    >
      <div
        className="h-56"
        data-testid="lag-chart-points"
        data-points={data.length}
        data-latest-total={Object.values(points[points.length - 1]?.groupLag ?? {}).reduce(
          (a, b) => a + b,
          0,
        )}
      >
        <TimeChart data={data} series={series} />
      </div>
    </Panel>
  );
});
