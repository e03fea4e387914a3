'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { isReplayTarget, resetCommand, resetIsReplay } from '@/lib/page-commands';
import { RESET_TARGETS, type ResetTarget } from '@/protocol/commands';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Field, inputClass } from '../ui/field';
import { Modal, ModalFooter } from '../ui/modal';

interface PlanRow {
  partition: number;
  from: number | null;
  to: number;
}

/** Targets that take a value (the others go to the log start or end). */
const WITH_VALUE: ReadonlySet<ResetTarget> = new Set(['last', 'offset', 'shift', 'timestamp']);

/** A datetime-local input wants local wall-clock time; toISOString() would give UTC. */
function localInputValue(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Kafka's --reset-offsets for a lab group: preview first, then apply; only when the group is Empty. */
export function ResetOffsetsDialog({
  groupId,
  running,
  onClose,
}: {
  groupId: string;
  /** Members now: with any, Apply stops them, resets and restarts them (group:replay). */
  running: number;
  onClose: () => void;
}) {
  const run = useCommand();
  const t = useDict().ui.reset;
  const [to, setTo] = useState<ResetTarget>('earliest');
  const [value, setValue] = useState('0');
  const [time, setTime] = useState(() => localInputValue(Date.now() - 60_000));
  const [plan, setPlan] = useState<PlanRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const numericValue = to === 'timestamp' ? new Date(time).getTime() : Number(value);
  const viaReplay = resetIsReplay(to, running);
  const send = async (dryRun: boolean) => {
    const ack = await run(
      resetCommand({ groupId, to, value: numericValue, dryRun, running }),
      dryRun ? undefined : fill(t.done, { groupId }),
      { inlineErrors: true },
    );
    if (!ack.ok) return setError(ack.error);
    setError(null);
    if (dryRun) setPlan((ack.result as { plan: PlanRow[] }).plan);
    else onClose();
  };

  return (
    <Modal labelId="reset-title" onClose={onClose}>
      <div
        className="w-full max-w-md rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        data-testid="reset-offsets-dialog"
      >
        <h2 id="reset-title" className="mb-1 text-base font-semibold">
          {t.title} <span className="font-mono">{groupId}</span>
        </h2>
        <p className="mb-3 text-xs text-slate-500">
          {t.onlyEmpty}{' '}
          {running > 0
            ? fill(isReplayTarget(to) ? t.willStop : t.stopFirst, { running })
            : t.preview}
        </p>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t.resetTo}>
            <select
              className={inputClass}
              value={to}
              onChange={(e) => {
                setTo(e.target.value as ResetTarget);
                setPlan(null);
              }}
            >
              {RESET_TARGETS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </Field>
          {to === 'timestamp' ? (
            <Field label={t.values.timestamp}>
              <input
                className={inputClass}
                type="datetime-local"
                value={time}
                onChange={(e) => {
                  setTime(e.target.value);
                  setPlan(null);
                }}
              />
            </Field>
          ) : WITH_VALUE.has(to) ? (
            <Field label={t.values[to as 'last' | 'offset' | 'shift']}>
              <input
                className={inputClass}
                type="number"
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                  setPlan(null);
                }}
              />
            </Field>
          ) : null}
        </div>
        {plan && (
          <table className="mt-3 w-full text-xs" data-testid="reset-plan">
            <thead>
              <tr className="text-slate-500">
                <th className="text-left font-normal">{t.partition}</th>
                <th className="text-right font-normal">{t.now}</th>
                <th className="text-right font-normal">{t.after}</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {plan.map((r) => (
                <tr key={r.partition}>
                  <td>P{r.partition}</td>
                  <td className="text-right">{r.from ?? '—'}</td>
                  <td
                    className={`text-right ${r.to !== r.from ? 'font-semibold text-sky-700 dark:text-sky-300' : ''}`}
                  >
                    {r.to}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ModalFooter error={error} onCancel={onClose}>
          <Button data-testid="reset-preview" onClick={() => send(true)}>
            {t.previewButton}
          </Button>
          <Button
            variant="primary"
            data-testid="reset-apply"
            disabled={!plan || (running > 0 && !isReplayTarget(to))}
            onClick={() => send(false)}
          >
            {viaReplay ? t.stopResetRestart : t.apply}
          </Button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
