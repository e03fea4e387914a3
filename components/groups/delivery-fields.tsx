'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';

import type { DeliveryForm } from '@/lib/page-commands';
import {
  BATCH_COMMIT_EVERY,
  BATCH_COMMIT_INTERVAL_MS,
  RETRY_ATTEMPTS,
  RETRY_BACKOFF_MS,
} from '@/protocol/delivery';
import { Field, inputClass } from '../ui/field';

export function DeliveryFields({
  commitMode,
  form,
  onChange,
}: {
  commitMode: string;
  form: DeliveryForm;
  onChange: (form: DeliveryForm) => void;
}) {
  const t = useDict().ui.create;
  const number = (
    key: Exclude<keyof DeliveryForm, 'dlq'>,
    label: string,
    limits: { min: number; max: number },
  ) => (
    <Field label={fill(t.range, { label, min: limits.min, max: limits.max })}>
      <input
        className={inputClass}
        type="number"
        min={limits.min}
        max={limits.max}
        value={form[key]}
        onChange={(e) => onChange({ ...form, [key]: e.target.value })}
        data-testid={`cg-${key}`}
      />
    </Field>
  );
  return (
    <>
      {commitMode === 'batch' && number('batchCommitEvery', t.batchEvery, BATCH_COMMIT_EVERY)}
      {commitMode === 'batch' &&
        number('batchCommitIntervalMs', t.batchInterval, BATCH_COMMIT_INTERVAL_MS)}
      <label className="flex items-center gap-2 self-end text-xs text-slate-600 dark:text-slate-300">
        <input
          type="checkbox"
          checked={form.dlq}
          onChange={(e) => onChange({ ...form, dlq: e.target.checked })}
          data-testid="cg-dlq"
        />
        {t.dlq}
      </label>
      {form.dlq && number('retryAttempts', t.attempts, RETRY_ATTEMPTS)}
      {form.dlq && number('retryBackoffMs', t.backoff, RETRY_BACKOFF_MS)}
    </>
  );
}
