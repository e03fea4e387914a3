'use client';

import { type FormEvent, useState } from 'react';
import { useLive } from '@/lib/use-live';
import { COMMIT_MODES, OFFSET_RESETS } from '@/protocol/commands';
import { ASSIGNORS } from '@/protocol/consumer-kinds';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Field, inputClass } from '../ui/field';
import { Modal, ModalFooter } from '../ui/modal';

export function CreateGroupDialog({ onClose }: { onClose: () => void }) {
  const topics = useLive((s) => s.snapshot?.topics);
  const run = useCommand();
  const names = (topics ?? []).filter((t) => !t.internal).map((t) => t.name);
  const [form, setForm] = useState({
    groupId: `lab-group-${Math.floor(Math.random() * 900 + 100)}`,
    topic: names.includes('crypto_trades') ? 'crypto_trades' : (names[0] ?? ''),
    consumers: '2',
    assignor: 'range',
    commitMode: 'after-processing',
    autoCommitIntervalMs: '5000',
    offsetReset: 'earliest',
    sessionTimeoutMs: '6000',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ack = await run(
      {
        type: 'group:create',
        ...form,
        consumers: Number(form.consumers),
        autoCommitIntervalMs: Number(form.autoCommitIntervalMs),
        sessionTimeoutMs: Number(form.sessionTimeoutMs),
      },
      undefined,
      { inlineErrors: true },
    );
    if (ack.ok) onClose();
    else setError(ack.error);
  };

  return (
    <Modal labelId="create-group-title">
      <form
        onSubmit={submit}
        className="w-full max-w-lg rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        data-testid="create-group-dialog"
      >
        <h2 id="create-group-title" className="mb-3 text-base font-semibold">
          Create a consumer group
        </h2>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Group id">
            <input
              className={inputClass}
              value={form.groupId}
              onChange={set('groupId')}
              data-testid="cg-group-id"
              required
            />
          </Field>
          <Field label="Topic">
            <select className={inputClass} value={form.topic} onChange={set('topic')}>
              {names.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </Field>
          <Field label="Consumers (0–32)">
            <input
              className={inputClass}
              type="number"
              min={0}
              max={32}
              value={form.consumers}
              onChange={set('consumers')}
            />
          </Field>
          <Field label="Assignor" help="assignor">
            <select className={inputClass} value={form.assignor} onChange={set('assignor')}>
              {ASSIGNORS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </Field>
          <Field label="Commit mode" help="commit-mode">
            <select className={inputClass} value={form.commitMode} onChange={set('commitMode')}>
              {COMMIT_MODES.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </Field>
          {form.commitMode === 'auto' && (
            <Field label="Auto-commit interval (ms)">
              <input
                className={inputClass}
                type="number"
                min={100}
                max={60000}
                value={form.autoCommitIntervalMs}
                onChange={set('autoCommitIntervalMs')}
              />
            </Field>
          )}
          <Field label="auto.offset.reset">
            <select className={inputClass} value={form.offsetReset} onChange={set('offsetReset')}>
              {OFFSET_RESETS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </Field>
          <Field label="Session timeout (ms)" help="session-timeout">
            <input
              className={inputClass}
              type="number"
              min={1000}
              max={300000}
              step={500}
              value={form.sessionTimeoutMs}
              onChange={set('sessionTimeoutMs')}
            />
          </Field>
        </div>
        <ModalFooter error={error} onCancel={onClose}>
          <Button variant="primary" type="submit" data-testid="cg-submit">
            Create
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
