'use client';

import { type FormEvent, useState } from 'react';
import type { GlossaryTerm } from '@/lib/i18n/glossary-en';
import { useDict } from '@/lib/i18n/language';
import {
  DELIVERY_DEFAULTS,
  type GroupForm,
  groupCreateCommand,
  SHARE_DEFAULTS,
} from '@/lib/page-commands';
import { useLive } from '@/lib/use-live';
import { COMMIT_MODES, OFFSET_RESETS } from '@/protocol/commands';
import { DEFAULT_TOPIC } from '@/protocol/constants';
import {
  ASSIGNORS_FOR,
  CONSUMER_CLIENTS,
  type ConsumerClient,
  GROUP_PROTOCOLS,
  type GroupProtocol,
} from '@/protocol/consumer-kinds';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { Field, inputClass } from '../ui/field';
import { Modal, ModalFooter } from '../ui/modal';
import { DeliveryFields } from './delivery-fields';
import { ShareFields } from './share-fields';

export function CreateGroupDialog({ onClose }: { onClose: () => void }) {
  const topics = useLive((s) => s.snapshot?.topics);
  const run = useCommand();
  const names = (topics ?? []).filter((t) => !t.internal).map((t) => t.name);
  const [form, setForm] = useState<GroupForm>({
    groupId: `lab-group-${Math.floor(Math.random() * 900 + 100)}`,
    topic: names.includes(DEFAULT_TOPIC) ? DEFAULT_TOPIC : (names[0] ?? ''),
    consumers: '2',
    client: 'kafkajs' as ConsumerClient,
    protocol: 'classic' as GroupProtocol,
    assignor: 'range',
    staticMembership: false,
    maxPollIntervalMs: '',
    commitMode: 'after-processing',
    autoCommitIntervalMs: '5000',
    offsetReset: 'earliest',
    sessionTimeoutMs: '6000',
  });
  const [delivery, setDelivery] = useState(DELIVERY_DEFAULTS);
  const [share, setShare] = useState(SHARE_DEFAULTS);
  const isShare = form.protocol === 'share';
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const assignors = ASSIGNORS_FOR[form.client][form.protocol];
  const java = form.client === 'java';

  /** A client or protocol change keeps the form valid: kafkajs has no KIP-848, assignors differ. */
  const setKind = (client: ConsumerClient, protocol: GroupProtocol) => {
    const next = client === 'kafkajs' ? 'classic' : protocol;
    const allowed = ASSIGNORS_FOR[client][next];
    setForm({
      ...form,
      client,
      protocol: next,
      assignor: allowed.includes(form.assignor as never) ? form.assignor : (allowed[0] ?? ''),
      staticMembership: client === 'java' && next !== 'share' && form.staticMembership,
      sessionTimeoutMs:
        next !== 'classic' && Number(form.sessionTimeoutMs) < 3000 ? '6000' : form.sessionTimeoutMs,
    });
  };

  const t = useDict().ui.create;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const command = groupCreateCommand(form, delivery, share);
    const ack = await run(command, undefined, { inlineErrors: true });
    if (ack.ok) onClose();
    else setError(ack.error);
  };

  return (
    <Modal labelId="create-group-title" onClose={onClose}>
      <form
        onSubmit={submit}
        className="w-full max-w-2xl rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        data-testid="create-group-dialog"
      >
        <h2 id="create-group-title" className="mb-3 text-base font-semibold">
          {t.title}
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <Field label={t.groupId}>
            <input
              className={inputClass}
              value={form.groupId}
              onChange={set('groupId')}
              data-testid="cg-group-id"
              required
            />
          </Field>
          <Choice label={t.topic} value={form.topic} options={names} onChange={set('topic')} />
          <Field label={t.consumers}>
            <input
              className={inputClass}
              type="number"
              min={0}
              max={32}
              value={form.consumers}
              onChange={set('consumers')}
            />
          </Field>
          <Choice
            label={t.client}
            help="client"
            testId="cg-client"
            value={form.client}
            options={CONSUMER_CLIENTS}
            onChange={(e) => setKind(e.target.value as ConsumerClient, form.protocol)}
          />
          <Choice
            label={t.protocol}
            help="group-protocol"
            testId="cg-protocol"
            value={form.protocol}
            options={form.client === 'kafkajs' ? ['classic'] : GROUP_PROTOCOLS}
            labels={t.protocols}
            onChange={(e) => setKind(form.client, e.target.value as GroupProtocol)}
          />
          <Choice
            label={t.assignor}
            help="assignor"
            testId="cg-assignor"
            value={form.assignor}
            options={assignors}
            onChange={set('assignor')}
          />
          {isShare ? (
            <ShareFields form={share} onChange={setShare} />
          ) : (
            <>
              <Choice
                label={t.commitMode}
                help="commit-mode"
                value={form.commitMode}
                options={COMMIT_MODES}
                onChange={set('commitMode')}
              />
              <DeliveryFields commitMode={form.commitMode} form={delivery} onChange={setDelivery} />
            </>
          )}
          {!isShare && form.commitMode === 'auto' && (
            <Field label={t.autoCommit}>
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
          <Choice
            label="auto.offset.reset"
            value={form.offsetReset}
            options={OFFSET_RESETS}
            onChange={set('offsetReset')}
          />
          <Field label={t.sessionTimeout} help="session-timeout">
            <input
              className={inputClass}
              type="number"
              min={form.protocol === 'classic' ? 1000 : 3000}
              max={form.protocol === 'classic' ? 300000 : 60000}
              step={500}
              value={form.sessionTimeoutMs}
              onChange={set('sessionTimeoutMs')}
            />
          </Field>
          {java && !isShare && (
            <Field label={t.maxPoll} help="max-poll-interval">
              <input
                className={inputClass}
                type="number"
                min={1000}
                max={300000}
                placeholder="300000"
                value={form.maxPollIntervalMs}
                onChange={set('maxPollIntervalMs')}
                data-testid="cg-max-poll"
              />
            </Field>
          )}
          {java && !isShare && (
            <label className="flex items-center gap-2 self-end text-xs text-slate-600 dark:text-slate-300">
              <input
                type="checkbox"
                checked={form.staticMembership}
                onChange={(e) => setForm({ ...form, staticMembership: e.target.checked })}
                data-testid="cg-static"
              />
              {t.staticMembership}
            </label>
          )}
        </div>
        <ModalFooter error={error} onCancel={onClose}>
          <Button variant="primary" type="submit" data-testid="cg-submit">
            {t.submit}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

function Choice<T extends string>({
  label,
  help,
  testId,
  value,
  options,
  labels,
  onChange,
}: {
  label: string;
  help?: GlossaryTerm;
  testId?: string;
  value: string;
  options: readonly T[];
  labels?: Partial<Record<T, string>>;
  onChange: (e: { target: { value: string } }) => void;
}) {
  return (
    <Field label={label} help={help}>
      <select className={inputClass} value={value} onChange={onChange} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </Field>
  );
}
