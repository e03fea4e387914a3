'use client';

import type { GroupInfo } from '@/protocol/snapshot';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';

/** What a person can do to a lab group: add a consumer, rebalance, reset offsets, delete. */
export function GroupActions({
  groupId,
  kip848,
  onReset,
  undoReset,
}: {
  groupId: string;
  kip848: boolean;
  onReset: () => void;
  undoReset: GroupInfo['undoReset'];
}) {
  const run = useCommand();
  return (
    <>
      <Button data-testid="add-consumer" onClick={() => run({ type: 'consumer:add', groupId })}>
        + Add consumer
      </Button>
      <Button
        data-testid="trigger-rebalance"
        disabled={kip848}
        title={
          kip848
            ? 'KIP-848 groups are rebalanced by the coordinator alone: add or stop a consumer instead'
            : 'One member rejoins with new metadata; the coordinator rebalances the whole group'
        }
        onClick={() =>
          run({ type: 'group:rebalance', groupId }, `Rebalance requested for ${groupId}`)
        }
      >
        Trigger rebalance
      </Button>
      <Button data-testid="open-reset-offsets" onClick={onReset}>
        Reset / replay
      </Button>
      {undoReset && (
        <Button
          data-testid="undo-reset"
          title={`Put back the offsets from before: ${undoReset.detail}`}
          onClick={() =>
            run({ type: 'group:undo-reset', groupId }, `Offsets of ${groupId} put back`)
          }
        >
          Undo reset
        </Button>
      )}
      <Button
        variant="danger"
        data-testid="delete-group"
        onClick={() => {
          if (window.confirm(`Stop all consumers of ${groupId} and delete the group in Kafka?`)) {
            void run({ type: 'group:delete', groupId }, `Group ${groupId} deleted`);
          }
        }}
      >
        Delete
      </Button>
    </>
  );
}
