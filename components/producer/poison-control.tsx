'use client';

import { useEffect, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict, useNumberFormat } from '@/lib/i18n/language';
import { POISON_PERCENT } from '@/protocol/delivery';
import { Field } from '../ui/field';

/**
 * The share of trades the producer spoils (half malformed JSON, half a price below zero), for the
 * retry + DLQ lesson. Sent when the slider is let go, like the rate.
 */
export function PoisonControl({
  percent,
  sent,
  onChange,
}: {
  percent: number;
  sent: number;
  onChange: (poisonPercent: number) => void;
}) {
  const [value, setValue] = useState(percent);
  const t = useDict().ui.producer;
  const formatNumber = useNumberFormat();
  useEffect(() => setValue(percent), [percent]);
  return (
    <Field label={fill(t.poison, { percent: value, sent: formatNumber(sent) })} help="dlq">
      <input
        type="range"
        min={POISON_PERCENT.min}
        max={POISON_PERCENT.max}
        step={1}
        value={value}
        aria-label={t.poisonLabel}
        data-testid="producer-poison-slider"
        onChange={(e) => setValue(Number(e.target.value))}
        onPointerUp={() => onChange(value)}
        onKeyUp={() => onChange(value)}
      />
    </Field>
  );
}
