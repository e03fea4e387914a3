'use client';

import { useCallback, useEffect, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useLive, useLiveStore } from '@/lib/use-live';
import {
  DEFAULT_READ_LIMIT,
  READ_FROM,
  type ReadRecordsInput,
  type ReadRecordsResult,
} from '@/protocol/records';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { Modal } from '../ui/modal';
import type { BrowseTarget } from './message-browser-context';
import { RecordRow } from './record-row';

function localInputValue(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Kafka's records as they are in a partition, read by the server with a consumer that has no
 * group: nothing joins, nothing is committed, no lag changes by looking.
 */
export function MessageBrowser({
  initial,
  onClose,
}: {
  initial: BrowseTarget;
  onClose: () => void;
}) {
  const store = useLiveStore();
  const t = useDict().ui.messages;
  const topics = useLive((s) => s.snapshot?.topics);
  const [topic, setTopic] = useState(initial.topic);
  const [partition, setPartition] = useState(initial.partition);
  const [from, setFrom] = useState<(typeof READ_FROM)[number]>(
    initial.offset === undefined ? 'end' : 'offset',
  );
  const [value, setValue] = useState(String(initial.offset ?? DEFAULT_READ_LIMIT));
  const [time, setTime] = useState(() => localInputValue(Date.now() - 60_000));
  const [committedOnly, setCommittedOnly] = useState(false);
  const [page, setPage] = useState<ReadRecordsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const partitions = topics?.find((t) => t.name === topic)?.partitions ?? [];

  const read = useCallback(
    async (query: ReadRecordsInput) => {
      setBusy(true);
      const ack = await store.readRecords(query);
      setBusy(false);
      if (!ack.ok) return setError(ack.error);
      setError(null);
      setPage(ack.result);
    },
    [store],
  );
  const base = {
    topic,
    partition,
    isolation: committedOnly ? 'read_committed' : 'read_uncommitted',
  } as const;
  const submit = () =>
    read({ ...base, from, value: from === 'timestamp' ? new Date(time).getTime() : Number(value) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reads once, for the target it opened on
  useEffect(() => {
    void submit();
  }, []);

  return (
    <Modal labelId="messages-title" onClose={onClose}>
      <div
        className="flex max-h-[90vh] w-full max-w-4xl flex-col rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        data-testid="message-browser"
      >
        <div className="mb-2 flex items-baseline gap-2">
          <h2 id="messages-title" className="text-base font-semibold">
            {t.title} <span className="font-mono">{topic}</span> P{partition}
          </h2>
          <span className="text-xs text-slate-500">{t.noGroup}</span>
          <Button className="ml-auto" onClick={onClose} data-testid="message-browser-close">
            {t.close}
          </Button>
        </div>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t.topic}>
            <select
              className={inputClass}
              value={topic}
              onChange={(e) => {
                setTopic(e.target.value);
                setPartition(0);
              }}
              data-testid="browse-topic"
            >
              {(topics ?? [])
                .filter((t) => !t.internal)
                .map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field label={t.partition}>
            <select
              className={inputClass}
              value={partition}
              onChange={(e) => setPartition(Number(e.target.value))}
              data-testid="browse-partition"
            >
              {partitions.map(({ partition: p }) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.read}>
            <select
              className={inputClass}
              value={from}
              onChange={(e) => setFrom(e.target.value as typeof from)}
              data-testid="browse-from"
            >
              {READ_FROM.map((f) => (
                <option key={f} value={f}>
                  {t.from[f]}
                </option>
              ))}
            </select>
          </Field>
          {from === 'timestamp' ? (
            <Field label={t.time}>
              <input
                type="datetime-local"
                className={inputClass}
                value={time}
                onChange={(e) => setTime(e.target.value)}
                data-testid="browse-time"
              />
            </Field>
          ) : (
            <Field label={from === 'end' ? t.howMany : t.offset}>
              <input
                type="number"
                min={0}
                className={`${inputClass} w-28`}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                data-testid="browse-value"
              />
            </Field>
          )}
          <label className="flex items-center gap-1 pb-1 text-xs">
            <input
              type="checkbox"
              checked={committedOnly}
              onChange={(e) => setCommittedOnly(e.target.checked)}
            />
            read_committed
          </label>
          <Button type="submit" variant="primary" disabled={busy} data-testid="browse-read">
            {t.readButton}
          </Button>
        </form>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        {page && (
          <>
            <div
              className="mt-2 flex items-center gap-2 text-xs text-slate-500"
              data-testid="browse-range"
            >
              <span>
                {fill(t.log, { start: page.logStartOffset, end: page.logEndOffset })} ·{' '}
                {page.records.length === 0
                  ? fill(t.none, { from: page.from })
                  : fill(t.range, {
                      first: page.records[0]?.offset ?? '',
                      last: page.records[page.records.length - 1]?.offset ?? '',
                    })}
              </span>
              <Button
                className="ml-auto"
                disabled={busy || page.from <= page.logStartOffset}
                onClick={() =>
                  read({
                    ...base,
                    from: 'offset',
                    value: Math.max(page.logStartOffset, page.from - DEFAULT_READ_LIMIT),
                  })
                }
                data-testid="browse-earlier"
              >
                {t.earlier}
              </Button>
              <Button
                disabled={busy || page.nextOffset >= page.logEndOffset}
                onClick={() => read({ ...base, from: 'offset', value: page.nextOffset })}
                data-testid="browse-later"
              >
                {t.later}
              </Button>
            </div>
            <div className="mt-1 grid grid-cols-[7rem_9rem_7rem_1fr] gap-2 border-b border-slate-300 pb-1 text-[11px] font-medium text-slate-500 dark:border-slate-600">
              <span>{t.columns.offset}</span>
              <span>{t.columns.time}</span>
              <span>{t.columns.key}</span>
              <span>{t.columns.value}</span>
            </div>
            <ul className="min-h-0 flex-1 overflow-auto" data-testid="browse-records">
              {page.records.map((r) => (
                <RecordRow
                  key={r.offset}
                  record={r}
                  committed={
                    topic === initial.topic &&
                    partition === initial.partition &&
                    r.offset === initial.committed
                  }
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </Modal>
  );
}
