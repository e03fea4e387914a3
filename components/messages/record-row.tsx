'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { KafkaRecord } from '@/protocol/records';

/** JSON values are shown indented; anything else as it came. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Bytes({
  text,
  encoding,
  size,
  truncated,
}: {
  text: string | null;
  encoding?: string;
  size?: number;
  truncated?: boolean;
}) {
  const t = useDict().ui.messages;
  if (text === null) return <i className="text-slate-400">null</i>;
  return (
    <>
      {encoding === 'base64' && (
        <span className="mr-1 rounded bg-slate-200 px-1 text-[10px] dark:bg-slate-700">base64</span>
      )}
      {text}
      {truncated && (
        <span className="ml-1 text-[10px] text-amber-600">{fill(t.cut, { size: size ?? 0 })}</span>
      )}
    </>
  );
}

export function RecordRow({
  record: r,
  committed = false,
}: {
  record: KafkaRecord;
  /** This is the group's committed offset: the record it reads next. */
  committed?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const t = useDict().ui.messages;
  const value = r.value !== null && r.valueEncoding !== 'base64' ? pretty(r.value) : r.value;
  return (
    <li
      className="border-b border-slate-200 py-1.5 text-xs dark:border-slate-700"
      data-testid={`record-${r.offset}`}
    >
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="grid w-full grid-cols-[7rem_9rem_7rem_1fr] gap-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800"
      >
        <span className="font-mono tabular-nums">
          <span data-testid="record-offset">{r.offset}</span>
          {committed && (
            <span
              className="ml-1 rounded bg-sky-100 px-1 text-sky-900 dark:bg-sky-900 dark:text-sky-100"
              title={t.committedTitle}
              data-testid="record-committed"
            >
              {t.committedMark}
            </span>
          )}
        </span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {new Date(r.timestamp).toLocaleString()}
        </span>
        <span className="truncate font-mono" data-testid="record-key">
          <Bytes text={r.key} encoding={r.keyEncoding} />
        </span>
        <span
          className="truncate font-mono text-slate-600 dark:text-slate-300"
          data-testid="record-value"
        >
          <Bytes
            text={r.value}
            encoding={r.valueEncoding}
            size={r.valueSize}
            truncated={r.valueTruncated}
          />
        </span>
      </button>
      {open && (
        <div className="mt-1 ml-[7rem] flex flex-col gap-1">
          <pre
            className="max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono text-[11px] dark:bg-slate-800"
            data-testid="record-value-full"
          >
            <Bytes
              text={value}
              encoding={r.valueEncoding}
              size={r.valueSize}
              truncated={r.valueTruncated}
            />
          </pre>
          <div className="text-[11px] text-slate-500">
            {r.timestampType} {r.timestamp}
            {r.headers.length === 0 ? ` · ${t.noHeaders}` : ''}
          </div>
          {r.headers.length > 0 && (
            <table className="text-[11px]" data-testid="record-headers">
              <tbody>
                {r.headers.map((h, i) => (
                  // Header keys may repeat in Kafka: the index keeps rows apart.
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers have no identity of their own
                  <tr key={i}>
                    <td className="pr-2 font-mono text-slate-500">{h.key}</td>
                    <td className="font-mono">
                      <Bytes
                        text={h.value}
                        encoding={h.valueEncoding}
                        size={h.valueSize}
                        truncated={h.valueTruncated}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </li>
  );
}
