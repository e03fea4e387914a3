'use client';

import { useCanAct, useLive } from '@/lib/use-live';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { ThemeToggle } from './theme-toggle';

export function Header() {
  const socket = useLive((s) => s.socket);
  const snapshot = useLive((s) => s.snapshot);
  const run = useCommand();
  const canAct = useCanAct();
  const connection = snapshot?.connection;
  const cluster = snapshot?.cluster;
  const producer = snapshot?.producer;
  const embedded = connection?.embeddedBroker ?? null;
  // With LAB_BROKERS=3 each broker has its own buttons in the broker strip.
  const oneBroker =
    (snapshot?.nodes.filter((n) => n.lab && n.role !== 'controller').length ?? 0) <= 1;

  let tone: Tone = 'amber';
  let label = 'connecting';
  if (socket === 'reconnecting') label = 'reconnecting';
  else if (connection?.kafka === 'unreachable') {
    tone = 'red';
    label = 'broker unreachable';
  } else if (connection?.kafka === 'connected') {
    tone = 'green';
    label = 'connected';
  }

  return (
    <header className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-baseline gap-2">
        <span className="text-lg font-bold tracking-tight">Offset Lab</span>
        <span className="text-xs text-slate-500">Kafka consumer groups, live</span>
      </div>
      <Badge tone={tone} testId="connection-badge">
        {label}
      </Badge>
      <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <Item label="cluster id">
          <span data-testid="cluster-id" className="font-mono">
            {cluster?.clusterId ?? '—'}
          </span>
        </Item>
        <Item label="brokers">
          <span data-testid="brokers" className="font-mono">
            {cluster?.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ') ||
              connection?.brokers ||
              '—'}
          </span>
        </Item>
        <Item label="controller">{cluster?.controller ?? '—'}</Item>
        <Item label="producing">
          <span data-testid="producer-rate" className="font-mono">
            {producer ? (producer.paused ? 'paused' : `${producer.ackedPerSec} msg/s`) : '—'}
          </span>
        </Item>
      </dl>
      {connection?.kafka === 'unreachable' && connection.lastError && (
        <span
          className="max-w-md truncate text-xs text-red-600 dark:text-red-400"
          title={connection.lastError}
        >
          {connection.lastError}
        </span>
      )}
      <div className="ml-auto flex items-center gap-2">
        {embedded && canAct && oneBroker && (
          <Button
            variant={embedded.running ? 'danger' : 'primary'}
            data-testid="broker-toggle"
            title="Stop or start the embedded broker: try producing while Kafka is down"
            onClick={() => run({ type: embedded.running ? 'broker:stop' : 'broker:start' })}
          >
            {embedded.running ? 'Stop broker' : 'Start broker'}
          </Button>
        )}
        <ThemeToggle />
      </div>
    </header>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt className="text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
