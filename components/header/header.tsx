'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useCanAct, useLive } from '@/lib/use-live';
import { labBrokerCount } from '@/protocol/cluster-nodes';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { LanguageSwitch } from './language-switch';
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
  const t = useDict().ui.header;
  // With LAB_BROKERS=3 each broker has its own buttons in the broker strip.
  const oneBroker = labBrokerCount(snapshot?.nodes ?? []) <= 1;

  let tone: Tone = 'amber';
  let label = t.connecting;
  if (socket === 'reconnecting') label = t.reconnecting;
  else if (connection?.kafka === 'unreachable') {
    tone = 'red';
    label = t.unreachable;
  } else if (connection?.kafka === 'connected') {
    tone = 'green';
    label = t.connected;
  }

  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-baseline gap-2">
        <span className="text-lg font-bold tracking-tight">Offset Lab</span>
        <span className="hidden text-xs text-slate-600 2xl:inline dark:text-slate-400">
          {t.subtitle}
        </span>
      </div>
      <Badge tone={tone} testId="connection-badge">
        {label}
      </Badge>
      <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <Item label={t.clusterId}>
          <span
            data-testid="cluster-id"
            className="inline-block max-w-[7rem] truncate align-bottom font-mono"
            title={cluster?.clusterId}
          >
            {cluster?.clusterId ?? '—'}
          </span>
        </Item>
        <Item label={t.brokers}>
          <span data-testid="brokers" className="font-mono">
            {cluster?.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ') ||
              connection?.brokers ||
              '—'}
          </span>
        </Item>
        <Item label={t.controller}>{cluster?.controller ?? '—'}</Item>
        <Item label={t.commits}>
          <span
            data-testid="commit-stream"
            title={
              connection?.commitStream.mode === 'tail'
                ? t.commitsLiveTitle
                : `${t.commitsPolledTitle}${connection?.commitStream.reason ? `: ${connection.commitStream.reason}` : ''}`
            }
          >
            {connection?.commitStream.mode === 'tail'
              ? t.commitsLive
              : fill(t.commitsPolled, {
                  seconds: ((connection?.pollIntervalMs || 1000) / 1000).toFixed(1),
                })}
          </span>
        </Item>
        <Item label={t.producing}>
          <span data-testid="producer-rate" className="font-mono">
            {producer
              ? producer.paused
                ? t.paused
                : fill(t.perSecond, { rate: producer.ackedPerSec })
              : '—'}
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
        <LanguageSwitch />
        <ThemeToggle />
        {/* Last, and not red: stopping the broker is an experiment, not the page's first action. */}
        {embedded && canAct && oneBroker && (
          <Button
            variant={embedded.running ? 'default' : 'primary'}
            data-testid="broker-toggle"
            title={t.brokerTitle}
            onClick={() => run({ type: embedded.running ? 'broker:stop' : 'broker:start' })}
          >
            {embedded.running ? t.stopBroker : t.startBroker}
          </Button>
        )}
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
