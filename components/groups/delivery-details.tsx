'use client';

import { memo } from 'react';
import type { DeadLetters, GroupInfo, LabGroupConfig } from '@/protocol/snapshot';
import { Help } from '../ui/help';

/** The commit stat: the mode, with batch's N and T, and "+ DLQ" when poison messages are retried. */
export function commitLabel(config: LabGroupConfig): string {
  const batch = config.batch ? ` ${config.batch.every} / ${config.batch.intervalMs / 1000} s` : '';
  return `${config.commitMode}${batch}${config.retry ? ' + DLQ' : ''}`;
}

/** exactly-once's output audit and the retry + DLQ record, for groups that have them. */
export const DeliveryDetails = memo(function DeliveryDetails({ group }: { group: GroupInfo }) {
  const { outputAudit, deadLetters } = group;
  if (!outputAudit && !deadLetters) return null;
  return (
    <div className="mb-3 flex flex-col gap-2">
      {outputAudit && (
        <div
          className="flex flex-wrap items-center gap-3 rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60"
          data-testid="output-audit"
        >
          <span className="font-semibold">Output {outputAudit.topic}</span>
          <Help term="exactly-once" />
          <span>read_committed: {outputAudit.processed} trades</span>
          <span data-testid="output-duplicates">duplicates {outputAudit.duplicates}</span>
          <span data-testid="output-missing">
            acked but not yet in the output {outputAudit.missing}
          </span>
        </div>
      )}
      {deadLetters && (
        <DeadLetterList deadLetters={deadLetters} retry={group.config?.retry ?? null} />
      )}
    </div>
  );
});

function DeadLetterList({
  deadLetters,
  retry,
}: {
  deadLetters: DeadLetters;
  retry: LabGroupConfig['retry'];
}) {
  const { retrying } = deadLetters;
  return (
    <div className="rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60" data-testid="dlq">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-semibold">DLQ {deadLetters.topic}</span>
        <Help term="dlq" />
        {retry && (
          <span className="text-slate-500">
            {retry.attempts} attempts, backoff {retry.backoffMs} ms doubling
          </span>
        )}
        <span data-testid="dlq-count">{deadLetters.count} dead-lettered</span>
        <span>{deadLetters.retries} retries</span>
        {retrying && (
          <span className="text-amber-700 dark:text-amber-400" data-testid="dlq-retrying">
            {retrying.consumerId} retrying P{retrying.partition}@{retrying.offset}: attempt{' '}
            {retrying.attempt} failed ({retrying.error}), next in {retrying.delayMs} ms
          </span>
        )}
      </div>
      {deadLetters.recent.length > 0 && (
        <ul className="mt-1 max-h-32 overflow-y-auto font-mono" data-testid="dlq-list">
          {deadLetters.recent.map((d) => (
            <li key={`${d.partition}@${d.offset}@${d.dlqOffset}`} className="truncate">
              P{d.partition}@{d.offset} → dlq@{d.dlqOffset} · {d.error} · {d.attempts}{' '}
              {d.attempts === 1 ? 'attempt' : 'attempts'} · {d.consumerId}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
