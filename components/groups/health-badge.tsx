'use client';

import { useDict } from '@/lib/i18n/language';
import type { Health } from '@/protocol/snapshot';
import { TipBadge } from '../ui/tip-badge';
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
  return (
    <TipBadge
      tone={VERDICT_TONE[health.verdict]}
      shape={SHAPE[health.verdict]}
      label={d.healthShort[health.verdict]}
      tip={healthText(d, health)}
      data={{ 'data-testid': testId, 'data-verdict': health.verdict }}
    />
  );
}
