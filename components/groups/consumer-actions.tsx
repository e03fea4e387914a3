'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';

import { acceptsCommands, type LaneConsumer } from '@/protocol/snapshot';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';

const DELAYS_MS = [0, 50, 200, 1000, 3000, 5000];

export function ConsumerActions({
  consumerId: id,
  consumer,
}: {
  consumerId: string;
  consumer: LaneConsumer;
}) {
  const run = useCommand();
  const frozen = (consumer.frozenAt ?? null) !== null;
  const live = acceptsCommands(consumer.phase) && !frozen;
  const killable = acceptsCommands(consumer.phase);
  const t = useDict().ui.actions;
  return (
    <div className="relative z-20 mt-auto flex flex-wrap items-center gap-1">
      <Button
        variant="danger"
        disabled={!killable}
        data-testid={`crash-${id}`}
        aria-label={fill(t.crashLabel, { id })}
        title={t.crashTitle}
        onClick={() => run({ type: 'consumer:crash', consumerId: id })}
      >
        {t.crash}
      </Button>
      <Button
        disabled={!killable}
        data-testid={`stop-${id}`}
        aria-label={fill(t.stopLabel, { id })}
        title={t.stopTitle}
        onClick={() => run({ type: 'consumer:stop', consumerId: id })}
      >
        {t.stop}
      </Button>
      {consumer.phase === 'paused' ? (
        <Button
          data-testid={`resume-${id}`}
          aria-label={fill(t.resumeLabel, { id })}
          onClick={() => run({ type: 'consumer:resume', consumerId: id })}
        >
          {t.resume}
        </Button>
      ) : (
        <Button
          disabled={!live}
          data-testid={`pause-${id}`}
          aria-label={fill(t.pauseLabel, { id })}
          title={t.pauseTitle}
          onClick={() => run({ type: 'consumer:pause', consumerId: id })}
        >
          {t.pause}
        </Button>
      )}
      {frozen ? (
        <Button
          disabled={!killable}
          data-testid={`thaw-${id}`}
          aria-label={fill(t.thawLabel, { id })}
          onClick={() => run({ type: 'consumer:thaw', consumerId: id })}
        >
          {t.thaw}
        </Button>
      ) : (
        <Button
          disabled={!live}
          data-testid={`freeze-${id}`}
          aria-label={fill(t.freezeLabel, { id })}
          title={t.freezeTitle}
          onClick={() => run({ type: 'consumer:freeze', consumerId: id })}
        >
          {t.freeze}
        </Button>
      )}
      <label className="flex items-center gap-1 text-xs text-slate-500">
        <span className="sr-only">{fill(t.delayLabel, { id })}</span>
        <select
          data-testid={`slow-${id}`}
          disabled={!live}
          value={consumer.delayMs}
          onChange={(e) =>
            run({ type: 'consumer:slow', consumerId: id, delayMs: Number(e.target.value) })
          }
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800"
          title={t.delayTitle}
        >
          {/* A delay set elsewhere (an experiment, the API) is shown as it is, not as "full speed". */}
          {(DELAYS_MS.includes(consumer.delayMs)
            ? DELAYS_MS
            : [...DELAYS_MS, consumer.delayMs].sort((a, b) => a - b)
          ).map((d) => (
            <option key={d} value={d}>
              {d === 0 ? t.fullSpeed : fill(t.perMessage, { ms: d })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
