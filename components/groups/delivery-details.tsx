'use client';

import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { DeadLetters, GroupInfo, LabGroupConfig } from '@/protocol/snapshot';
import { useOpenMessages } from '../messages/message-browser-context';
import { Help } from '../ui/help';

/** The commit stat: the mode, with batch's N and T, and "+ DLQ" when poison messages are retried. */
export function commitLabel(config: LabGroupConfig): string {
  const batch = config.batch ? ` ${config.batch.every} / ${config.batch.intervalMs / 1000} s` : '';
  return `${config.commitMode}${batch}${config.retry ? ' + DLQ' : ''}`;
}

/** exactly-once's output audit and the retry + DLQ record, for groups that have them. */
export const DeliveryDetails = memo(function DeliveryDetails({ group }: { group: GroupInfo }) {
  const { outputAudit, deadLetters } = group;
  const t = useDict().ui.delivery;
  if (!outputAudit && !deadLetters) return null;
  return (
    <div className="mb-3 flex flex-col gap-2">
      {outputAudit && (
        <div
          className="flex flex-wrap items-center gap-3 rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60"
          data-testid="output-audit"
        >
          <span className="font-semibold">{fill(t.output, { topic: outputAudit.topic })}</span>
          <Help term="exactly-once" />
          <span>{fill(t.readCommitted, { n: outputAudit.processed })}</span>
          <span data-testid="output-duplicates">
            {fill(t.duplicates, { n: outputAudit.duplicates })}
          </span>
          <span data-testid="output-missing">{fill(t.notYet, { n: outputAudit.missing })}</span>
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
  const t = useDict().ui.delivery;
  const openMessages = useOpenMessages();
  return (
    <div className="rounded bg-slate-50 px-2 py-1 text-xs dark:bg-slate-800/60" data-testid="dlq">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-semibold">DLQ {deadLetters.topic}</span>
        <Help term="dlq" />
        {retry && (
          <span className="text-slate-500">
            {fill(t.retryPolicy, { attempts: retry.attempts, backoff: retry.backoffMs })}
          </span>
        )}
        <span data-testid="dlq-count">{fill(t.deadLettered, { n: deadLetters.count })}</span>
        <span>{fill(t.retries, { n: deadLetters.retries })}</span>
        {retrying && (
          <span className="text-amber-700 dark:text-amber-400" data-testid="dlq-retrying">
            {fill(t.retrying, {
              id: retrying.consumerId,
              where: `P${retrying.partition}@${retrying.offset}`,
              attempt: retrying.attempt,
              error: retrying.error,
              delay: retrying.delayMs,
            })}
          </span>
        )}
      </div>
      {deadLetters.recent.length > 0 && (
        <ul className="mt-1 max-h-32 overflow-y-auto font-mono" data-testid="dlq-list">
          {deadLetters.recent.map((d) => (
            <li key={`${d.partition}@${d.offset}@${d.dlqOffset}`} className="truncate">
              <button
                type="button"
                className="w-full truncate text-left hover:underline"
                title={t.openDlq}
                data-testid={`dlq-entry-${d.dlqOffset}`}
                onClick={() =>
                  openMessages({ topic: deadLetters.topic, partition: 0, offset: d.dlqOffset })
                }
              >
                P{d.partition}@{d.offset} → dlq@{d.dlqOffset} · {d.error} ·{' '}
                {fill(t.attempts, { n: d.attempts })} · {d.consumerId}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
