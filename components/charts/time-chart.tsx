'use client';

import dynamic from 'next/dynamic';
import type { Series } from './recharts-time-chart';

export type { Series } from './recharts-time-chart';

/**
 * The line chart, loaded after the first paint: recharts is the page's largest dependency, and
 * a chart has nothing to draw before the socket brings the history. Its box keeps its size, so
 * nothing moves when it arrives.
 */
export const TimeChart = dynamic<{
  data: Record<string, number | null>[];
  series: Series[];
  autoDomain?: boolean;
}>(() => import('./recharts-time-chart').then((m) => m.RechartsTimeChart), {
  ssr: false,
  loading: () => <div className="h-full w-full" aria-hidden="true" />,
});
