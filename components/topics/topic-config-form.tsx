'use client';

import { type FormEvent, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { topicConfigureCommand } from '@/lib/page-commands';
import {
  TOPIC_CONFIG_FIELDS,
  TOPIC_CONFIG_KEYS,
  type TopicConfigField,
} from '@/protocol/topic-config';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { inputClass } from '../ui/field';
import { Help } from '../ui/help';

const LABELS: Record<TopicConfigField, string> = {
  retentionMs: 'retention.ms',
  retentionBytes: 'retention.bytes',
  segmentMs: 'segment.ms',
  segmentBytes: 'segment.bytes',
  minInsyncReplicas: 'min.insync.replicas',
};

/** Retention, segments and min.insync.replicas of a lab topic: empty fields stay as they are. */
export function TopicConfigForm({
  topic,
  configs,
}: {
  topic: string;
  configs: Record<string, string | null>;
}) {
  const run = useCommand();
  const t = useDict().ui.topics;
  const [values, setValues] = useState<Partial<Record<TopicConfigField, string>>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ack = await run(topicConfigureCommand(topic, values), fill(t.reconfigured, { topic }));
    if (ack.ok) setValues({});
  };
  return (
    <details className="mt-1 text-xs" data-testid={`topic-config-${topic}`}>
      <summary className="cursor-pointer text-slate-500">{t.settings}</summary>
      <form
        onSubmit={submit}
        className="mt-1 grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1"
      >
        {TOPIC_CONFIG_KEYS.map((key) => (
          <label key={key} className="contents">
            <span className="font-mono text-slate-500">{LABELS[key]}</span>
            <input
              className={`${inputClass} py-0`}
              inputMode="numeric"
              data-testid={`config-${key}`}
              placeholder={configs[TOPIC_CONFIG_FIELDS[key].kafka] ?? t.default}
              value={values[key] ?? ''}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              aria-label={fill(t.configLabel, { field: LABELS[key], topic })}
            />
          </label>
        ))}
        <span className="flex items-center">
          <Help term="retention" />
          <Help term="segment" />
          <Help term="min-insync-replicas" />
          <Help term="offsets-retention" />
        </span>
        <Button type="submit" variant="primary" data-testid={`configure-${topic}`}>
          {t.apply}
        </Button>
      </form>
    </details>
  );
}
