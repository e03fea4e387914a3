'use client';

import { useDict } from '@/lib/i18n/language';
import type { ShareForm } from '@/lib/page-commands';
import {
  SHARE_ACK_MODES,
  SHARE_DELIVERY_LIMIT,
  SHARE_LOCK_MS,
  SHARE_MAX_POLL_RECORDS,
} from '@/protocol/share';
import { Field, inputClass } from '../ui/field';

/** A share group's own settings in the create dialog (protocol "share"). */
export function ShareFields({
  form,
  onChange,
}: {
  form: ShareForm;
  onChange: (form: ShareForm) => void;
}) {
  const t = useDict().ui.create;
  const number = (
    key: Exclude<keyof ShareForm, 'shareAckMode'>,
    limits: { min: number; max: number },
    label: string,
  ) => (
    <Field label={label} help={key === 'shareLockMs' ? 'share-lock' : undefined}>
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
      <Field label={t.shareAckMode} help="share-group">
        <select
          className={inputClass}
          value={form.shareAckMode}
          onChange={(e) =>
            onChange({ ...form, shareAckMode: e.target.value as ShareForm['shareAckMode'] })
          }
          data-testid="cg-shareAckMode"
        >
          {SHARE_ACK_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      {number('maxPollRecords', SHARE_MAX_POLL_RECORDS, t.maxPollRecords)}
      {number('shareLockMs', SHARE_LOCK_MS, t.shareLockMs)}
      {number('shareDeliveryLimit', SHARE_DELIVERY_LIMIT, t.shareDeliveryLimit)}
    </>
  );
}
