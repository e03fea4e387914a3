'use client';

import { type FormEvent, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useCanAct, useLive } from '@/lib/use-live';
import type { TopicInfo } from '@/protocol/snapshot';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { PartitionCell } from './partition-cell';
import { TopicConfigForm } from './topic-config-form';

export function TopicPanel() {
  const topics = useLive((s) => s.snapshot?.topics);
  const [showInternal, setShowInternal] = useState(false);
  const shown = (topics ?? []).filter((t) => showInternal || !t.internal);
  const canAct = useCanAct();
  const t = useDict().ui.topics;
  return (
    <Panel
      title={t.title}
      testId="topic-panel"
      actions={
        <label className="flex items-center gap-1 text-xs text-slate-500">
          <input
            type="checkbox"
            checked={showInternal}
            onChange={(e) => setShowInternal(e.target.checked)}
          />{' '}
          {t.internal}
        </label>
      }
    >
      <div className="flex flex-col gap-3">
        {shown.map((t) => (
          <TopicRow key={t.name} topic={t} />
        ))}
        {canAct && <CreateTopic />}
      </div>
    </Panel>
  );
}

function TopicRow({ topic }: { topic: TopicInfo }) {
  const run = useCommand();
  const canAct = useCanAct();
  const [count, setCount] = useState(String(topic.partitions.length + 2));
  const rate = topic.partitions.reduce((s, p) => s + p.messagesPerSec, 0);
  const t = useDict().ui.topics;
  const replicas = topic.partitions[0]?.replicas.length ?? 0;
  const minIsrText = topic.configs?.['min.insync.replicas'];
  const minIsr = minIsrText ? Number(minIsrText) : null;
  const retentionMs = topic.configs?.['retention.ms'];
  return (
    <div data-testid={`topic-${topic.name}`}>
      <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
        <span className="font-mono font-semibold">{topic.name}</span>
        {topic.lab && <Badge tone="sky">{t.lab}</Badge>}
        <span className="whitespace-nowrap text-slate-500">
          {fill(t.summary, { partitions: topic.partitions.length, rate: rate.toFixed(0) })}
        </span>
        {replicas > 1 && (
          <span
            className="flex items-center whitespace-nowrap text-slate-500"
            data-testid={`replication-${topic.name}`}
          >
            RF {replicas}
            <Help term="replication" />
            {minIsr !== null && `\u00a0· min ISR ${minIsr}`}
            <Help term="isr" />
            <Help term="under-replicated" />
          </span>
        )}
        {retentionMs && (
          <span className="whitespace-nowrap text-slate-500">
            {fill(t.retention, { value: formatMs(Number(retentionMs)) })}
          </span>
        )}
      </div>
      <div className="flex gap-1 overflow-x-auto pb-1">
        {topic.partitions.map((p) => (
          <PartitionCell key={p.partition} topic={topic.name} p={p} minIsr={minIsr} />
        ))}
      </div>
      {topic.lab && canAct && topic.configs && (
        <TopicConfigForm topic={topic.name} configs={topic.configs} />
      )}
      {topic.lab && canAct && (
        <form
          className="mt-1 flex items-center gap-1 text-xs"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              { type: 'topic:add-partitions', topic: topic.name, count: Number(count) },
              fill(t.nowHas, { topic: topic.name, count }),
            );
          }}
        >
          <span className="text-slate-500">{t.partitionsTo}</span>
          <input
            className={`${inputClass} w-16 py-0`}
            type="number"
            min={1}
            max={256}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            aria-label={fill(t.newCount, { topic: topic.name })}
          />
          <Button type="submit" data-testid={`add-partitions-${topic.name}`}>
            {t.addPartitions}
          </Button>
          <Help term="rebalance" />
        </form>
      )}
    </div>
  );
}

function formatMs(ms: number): string {
  if (ms < 0) return 'forever';
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

function CreateTopic() {
  const run = useCommand();
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('6');
  const t = useDict().ui.topics;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ack = await run(
      { type: 'topic:create', topic: name, partitions: Number(partitions) },
      fill(t.created, { topic: name }),
    );
    if (ack.ok) setName('');
  };
  return (
    <form
      onSubmit={submit}
      className="flex items-center gap-1 border-t border-slate-200 pt-2 text-xs dark:border-slate-800"
    >
      <input
        className={inputClass}
        placeholder={t.newName}
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label={t.newName}
      />
      <input
        className={`${inputClass} w-16`}
        type="number"
        min={1}
        max={256}
        value={partitions}
        onChange={(e) => setPartitions(e.target.value)}
        aria-label={t.partitions}
      />
      <Button type="submit" variant="primary">
        {t.create}
      </Button>
    </form>
  );
}
