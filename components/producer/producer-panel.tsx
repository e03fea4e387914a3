'use client';

import { useEffect, useState } from 'react';
import { rateFromSlider, SLIDER_STEPS, sliderFromRate } from '@/lib/rate-slider';
import { useLive } from '@/lib/use-live';
import { ACKS_MODES, KEY_MODES } from '@/protocol/commands';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';
import { ErrorLine } from '../ui/error-line';
import { Field, inputClass } from '../ui/field';
import { Help } from '../ui/help';
import { Panel } from '../ui/panel';
import { PoisonControl } from './poison-control';

const KEY_LABELS: Record<(typeof KEY_MODES)[number], string> = {
  fixed: 'one fixed key → one partition',
  symbol: 'key = symbol (12 keys)',
  random: 'random key per message',
  none: 'no key',
};

export function ProducerPanel() {
  const producer = useLive((s) => s.snapshot?.producer);
  const run = useCommand();
  const [rate, setRate] = useState(producer?.rate ?? 0);
  const serverRate = producer?.rate;
  // Follow the server's rate only when it changes, not on every counter update while dragging.
  useEffect(() => {
    if (serverRate !== undefined) setRate(serverRate);
  }, [serverRate]);
  if (!producer) return null;
  const update = (changes: Record<string, unknown>) => run({ type: 'producer:update', ...changes });
  return (
    <Panel
      title={
        <span>
          Producer{' '}
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
          {producer.paused ? 'Resume' : 'Pause'}
        </Button>
      }
    >
      <div className="flex flex-col gap-3">
        <Field label={`Rate: ${rate} msg/s`}>
          <input
            type="range"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={sliderFromRate(rate)}
            aria-label="Producer rate in messages per second"
            data-testid="producer-rate-slider"
            onChange={(e) => setRate(rateFromSlider(Number(e.target.value)))}
            onPointerUp={() => update({ rate })}
            onKeyUp={() => update({ rate })}
          />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Key" help="key-mode">
            <select
              className={inputClass}
              value={producer.keyMode}
              onChange={(e) => update({ keyMode: e.target.value })}
            >
              {KEY_MODES.map((k) => (
                <option key={k} value={k}>
                  {KEY_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="acks" help="acks">
            <select
              className={inputClass}
              value={producer.acks}
              onChange={(e) => update({ acks: e.target.value })}
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
          idempotent producer
          <Help term="idempotence" />
        </label>
        <dl className="grid grid-cols-4 gap-2 text-center text-xs">
          <Counter label="sent" value={producer.sent} />
          <Counter label="acked" value={producer.acked} testId="producer-acked" />
          <Counter label="failed" value={producer.failed} bad={producer.failed > 0} />
          <Counter label="in flight" value={producer.inFlight} />
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
  return (
    <div className="rounded bg-slate-50 px-1 py-1 dark:bg-slate-800/60">
      <dd
        data-testid={testId}
        className={`font-mono text-sm tabular-nums ${bad ? 'text-red-600' : ''}`}
      >
        {value.toLocaleString()}
      </dd>
      <dt className="text-slate-500">{label}</dt>
    </div>
  );
}
