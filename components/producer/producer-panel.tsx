'use client';

import { useEffect, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict, useNumberFormat } from '@/lib/i18n/language';
import { rateFromSlider, SLIDER_STEPS, sliderFromRate } from '@/lib/rate-slider';
import { useLive } from '@/lib/use-live';
import {
  ACKS_MODES,
  type AcksMode,
  type CommandOf,
  KEY_MODES,
  type KeyMode,
} from '@/protocol/commands';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { ErrorLine } from '../ui/error-line';
import { Field, inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { PoisonControl } from './poison-control';

export function ProducerPanel() {
  const producer = useLive((s) => s.snapshot?.producer);
  const run = useCommand();
  const t = useDict().ui.producer;
  const [rate, setRate] = useState(producer?.rate ?? 0);
  const serverRate = producer?.rate;
  // Follow the server's rate only when it changes, not on every counter update while dragging.
  useEffect(() => {
    if (serverRate !== undefined) setRate(serverRate);
  }, [serverRate]);
  if (!producer) return null;
  // Typed, so a field producer:update does not take cannot be sent from here.
  const update = (changes: Omit<CommandOf<'producer:update'>, 'type'>) =>
    run({ type: 'producer:update', ...changes });
  return (
    <Panel
      title={
        <span>
          {t.title}{' '}
          <span className="font-mono text-xs font-normal text-slate-500">→ {producer.topic}</span>
        </span>
      }
      testId="producer-panel"
      actions={
        <Button
          variant={producer.paused ? 'primary' : 'default'}
          data-testid="producer-toggle"
          onClick={() => update({ paused: !producer.paused })}
        >
          {producer.paused ? t.resume : t.pause}
        </Button>
      }
    >
      <div className="flex flex-col gap-3">
        <Field label={fill(t.rate, { rate })}>
          <input
            type="range"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={sliderFromRate(rate)}
            aria-label={t.rateLabel}
            data-testid="producer-rate-slider"
            onChange={(e) => setRate(rateFromSlider(Number(e.target.value)))}
            onPointerUp={() => update({ rate })}
            onKeyUp={() => update({ rate })}
          />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label={t.key} help="key-mode">
            <select
              className={inputClass}
              value={producer.keyMode}
              onChange={(e) => update({ keyMode: e.target.value as KeyMode })}
            >
              {KEY_MODES.map((k) => (
                <option key={k} value={k}>
                  {t.keys[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="acks" help="acks">
            <select
              className={inputClass}
              value={producer.acks}
              onChange={(e) => update({ acks: e.target.value as AcksMode })}
            >
              {ACKS_MODES.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </Field>
        </div>
        <PoisonControl
          percent={producer.poisonPercent ?? 0}
          sent={producer.poisonSent ?? 0}
          onChange={(poisonPercent) => update({ poisonPercent })}
        />
        <label className="flex items-center gap-2 text-xs">
          <input
            type="checkbox"
            checked={producer.idempotent}
            onChange={(e) => update({ idempotent: e.target.checked })}
          />
          {t.idempotent}
          <Help term="idempotence" />
        </label>
        <dl className="grid grid-cols-4 gap-2 text-center text-xs">
          <Counter label={t.sent} value={producer.sent} />
          <Counter label={t.acked} value={producer.acked} testId="producer-acked" />
          <Counter label={t.failed} value={producer.failed} bad={producer.failed > 0} />
          <Counter label={t.inFlight} value={producer.inFlight} />
        </dl>
        {producer.lastError && <ErrorLine error={producer.lastError} testId="producer-error" />}
      </div>
    </Panel>
  );
}

function Counter({
  label,
  value,
  bad,
  testId,
}: {
  label: string;
  value: number;
  bad?: boolean;
  testId?: string;
}) {
  const formatNumber = useNumberFormat();
  return (
    <div className="rounded bg-slate-50 px-1 py-1 dark:bg-slate-800/60">
      <dd
        data-testid={testId}
        className={`font-mono text-sm tabular-nums ${bad ? 'text-red-600' : ''}`}
      >
        {formatNumber(value)}
      </dd>
      <dt className="text-slate-500">{label}</dt>
    </div>
  );
}
