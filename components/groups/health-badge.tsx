'use client';

import { useId } from 'react';
import { useDict } from '@/lib/i18n/language';
import type { Health } from '@/protocol/snapshot';
import { Badge } from '../ui/badge';
import { healthText, VERDICT_TONE } from './overview-row';

/** A shape per verdict, so the verdict reads without colour too. */
const SHAPE: Record<Health['verdict'], string> = {
  OK: '●',
  WARN: '▲',
  STALL: '■',
  STOP: '■',
  REWIND: '↺',
};

/**
 * A group's or partition's health: a word, not a button-like code ("not committing", not "STOP"),
 * with its reason shown on hover and on keyboard focus alike.
 */
export function HealthBadge({ health, testId }: { health: Health; testId?: string }) {
  const d = useDict().ui;
  const tip = useId();
  return (
    // A button only so that the keyboard can focus it and read the reason; it does nothing else.
    <button
      type="button"
      aria-describedby={tip}
      className="group relative inline-flex rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      data-testid={testId}
      data-verdict={health.verdict}
    >
      <Badge tone={VERDICT_TONE[health.verdict]}>
        <span aria-hidden="true" className="mr-1">
          {SHAPE[health.verdict]}
        </span>
        {d.healthShort[health.verdict]}
      </Badge>
      <span
        id={tip}
        role="tooltip"
        className="pointer-events-none invisible absolute top-full right-0 z-30 mt-1 w-64 rounded bg-slate-900 px-2 py-1 text-xs font-normal whitespace-normal text-white shadow group-hover:visible group-focus:visible"
      >
        {healthText(d, health)}
      </span>
    </button>
  );
}
