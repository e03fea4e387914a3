'use client';

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
  const live = acceptsCommands(consumer.phase);
  return (
    <div className="mt-auto flex flex-wrap items-center gap-1">
      <Button
        variant="danger"
        disabled={!live}
        data-testid={`crash-${id}`}
        aria-label={`Crash ${id} with SIGKILL`}
        title="kill -9: no LeaveGroup, no final commit. Kafka notices only after the session timeout."
        onClick={() => run({ type: 'consumer:crash', consumerId: id })}
      >
        Crash
      </Button>
      <Button
        disabled={!live}
        data-testid={`stop-${id}`}
        aria-label={`Stop ${id} gracefully`}
        title="Graceful: commit what was processed, send LeaveGroup, exit. The rebalance starts at once."
        onClick={() => run({ type: 'consumer:stop', consumerId: id })}
      >
        Stop
      </Button>
      {consumer.phase === 'paused' ? (
        <Button
          data-testid={`resume-${id}`}
          aria-label={`Resume ${id}`}
          onClick={() => run({ type: 'consumer:resume', consumerId: id })}
        >
          Resume
        </Button>
      ) : (
        <Button
          disabled={!live}
          data-testid={`pause-${id}`}
          aria-label={`Pause ${id}`}
          title="Stops fetching but keeps heartbeating: it keeps its partitions and their lag grows."
          onClick={() => run({ type: 'consumer:pause', consumerId: id })}
        >
          Pause
        </Button>
      )}
      <label className="flex items-center gap-1 text-xs text-slate-500">
        <span className="sr-only">Processing delay for {id}</span>
        <select
          data-testid={`slow-${id}`}
          disabled={!live}
          value={DELAYS_MS.includes(consumer.delayMs) ? consumer.delayMs : 0}
          onChange={(e) =>
            run({ type: 'consumer:slow', consumerId: id, delayMs: Number(e.target.value) })
          }
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800"
          title="Per-message processing delay"
        >
          {DELAYS_MS.map((d) => (
            <option key={d} value={d}>
              {d === 0 ? 'full speed' : `${d} ms/msg`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
