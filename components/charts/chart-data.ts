import type { HistoryPoint } from '@/protocol/history';

/** Points drawn per chart: 5 minutes at 1/s keeps recharts fast with many series. */
export const MAX_CHART_POINTS = 300;

export function recent(history: HistoryPoint[]): HistoryPoint[] {
  return history.length > MAX_CHART_POINTS ? history.slice(-MAX_CHART_POINTS) : history;
}

export function timeLabel(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false });
}
