'use client';

import { memo, useMemo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { lagChartData, recent } from './chart-data';
import { TimeChart } from './time-chart';

// A group may be called "totals": the select's values say which kind of option they are.
const TOTALS = 'totals';
const GROUP = 'group:';

export const LagChart = memo(function LagChart() {
  const history = useLive((s) => s.history);
  // Only the groups shown in full: a cluster's thousand groups would be a thousand lines.
  const shown = useLive((s) => s.snapshot?.groups.map((g) => g.groupId).join('\u0000') ?? '');
  const [detail, setDetail] = useState<string>(TOTALS);
  const [unit, setUnit] = useState<'messages' | 'seconds'>('messages');
  const points = recent(history);
  const groups = useMemo(() => (shown ? shown.split('\u0000') : []).sort(), [shown]);
  const { data, series } = useMemo(
    () => lagChartData(points, groups, detail === TOTALS ? null : detail.slice(GROUP.length), unit),
    [points, groups, detail, unit],
  );
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
            <option value={TOTALS}>{t.totals}</option>
            {groups.map((g) => (
              <option key={g} value={`${GROUP}${g}`}>
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
