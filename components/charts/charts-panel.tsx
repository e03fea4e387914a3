'use client';

import { LagChart } from './lag-chart';
import { OffsetChart } from './offset-chart';
import { ThroughputChart } from './throughput-chart';

export function ChartsPanel() {
  return (
    <div className="grid grid-cols-1 gap-3 2xl:grid-cols-3 lg:grid-cols-2">
      <LagChart />
      <ThroughputChart />
      <OffsetChart />
    </div>
  );
}
