'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { roughTime } from '@/lib/rough-time';
import type { Retention } from '@/protocol/snapshot';
import { TipBadge } from '../ui/tip-badge';

type RetentionVerdict = Pick<Retention, 'state' | 'secondsLeft' | 'lost'>;

function words(t: ReturnType<typeof useDict>['ui']['group'], r: RetentionVerdict) {
  const params = { time: roughTime(r.secondsLeft ?? 0), lost: r.lost };
  const text =
    r.state === 'safe' && r.secondsLeft === null
      ? t.retentionSafeNoLag
      : fill(t.retentionText[r.state], params);
  return { text, help: fill(t.retentionHelp[r.state], params) };
}

/** Beside the health verdict, only when it matters: at risk, or already lost. */
export function RetentionBadge({
  retention,
  testId,
}: {
  retention: RetentionVerdict;
  testId?: string;
}) {
  const t = useDict().ui.group;
  if (retention.state !== 'at-risk' && retention.state !== 'lost') return null;
  const { text, help } = words(t, retention);
  return (
    <TipBadge
      tone={retention.state === 'lost' ? 'red' : 'amber'}
      shape={retention.state === 'lost' ? '✖' : '⏳'}
      label={text}
      tip={help}
      className="ml-1"
      data={{ 'data-testid': testId, 'data-state': retention.state }}
    />
  );
}

/** The group panel's stat: the time left (or what was lost), with how it is reckoned. */
export function RetentionText({ retention }: { retention: RetentionVerdict }) {
  const t = useDict().ui.group;
  const { text, help } = words(t, retention);
  const tone =
    retention.state === 'lost'
      ? 'font-semibold text-red-700 dark:text-red-300'
      : retention.state === 'at-risk'
        ? 'font-semibold text-amber-800 dark:text-amber-300'
        : '';
  return (
    <span className={tone} title={help} data-testid="retention" data-state={retention.state}>
      {text}
    </span>
  );
}
