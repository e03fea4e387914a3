import { colorFor, PALETTE } from '@/protocol/colors';
import type { HistoryPoint } from '@/protocol/history';
import { seriesOfGroup, seriesRefOfKey } from '@/protocol/keys';

/** Points drawn per chart: 5 minutes at 1/s keeps recharts fast with many series. */
export const MAX_CHART_POINTS = 300;

export function recent(history: HistoryPoint[]): HistoryPoint[] {
  return history.length > MAX_CHART_POINTS ? history.slice(-MAX_CHART_POINTS) : history;
}

// One formatter for every tick: toLocaleTimeString with options builds a new one per call
// (about 90 µs in V8), and recharts formats every candidate tick of every chart on each render.
const TIME = new Intl.DateTimeFormat([], {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function timeLabel(at: number): string {
  return TIME.format(at);
}

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

export type ChartRow = Record<string, number>;

/**
 * The lag chart's lines: one per group (totals, or lag in seconds), or one per partition of
 * `groupId`. Rows are keyed s0, s1…: recharts reads a dataKey with a dot as a path, and group and
 * topic names may hold dots.
 */
export function lagChartData(
  points: HistoryPoint[],
  groups: string[],
  groupId: string | null,
  unit: 'messages' | 'seconds',
): { series: ChartSeries[]; data: ChartRow[] } {
  if (groupId === null || unit === 'seconds') {
    const pick = (p: HistoryPoint) => (unit === 'seconds' ? p.groupLagSeconds : p.groupLag);
    return {
      series: groups.map((g, i) => ({
        key: `s${i}`,
        name: g,
        color: PALETTE[i % PALETTE.length] ?? '#000',
      })),
      data: points.map((p) => rowOf(p.at, groups, (g) => pick(p)[g])),
    };
  }
  const keys = seriesOfGroup(new Set(points.flatMap((p) => Object.keys(p.partitions))), groupId);
  return {
    series: keys.map((k, i) => {
      const { partition } = seriesRefOfKey(k);
      return { key: `s${i}`, name: `P${partition}`, color: colorFor(`p${partition + 1}`) };
    }),
    data: points.map((p) => rowOf(p.at, keys, (k) => p.partitions[k]?.[0])),
  };
}

function rowOf(at: number, keys: string[], value: (key: string) => number | undefined): ChartRow {
  const row: ChartRow = { at };
  keys.forEach((k, i) => {
    const v = value(k);
    if (v !== undefined) row[`s${i}`] = v;
  });
  return row;
}
