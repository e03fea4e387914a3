'use client';

import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';

import type { GroupInfo } from '@/protocol/snapshot';
import { Button } from '../ui/button';
import { useCommand } from '../ui/command-feedback';

/** What a person can do to a lab group: add a consumer, rebalance, reset offsets, delete. */
export function GroupActions({
  groupId,
  kip848,
  share = false,
  onReset,
  undoReset,
}: {
  groupId: string;
  kip848: boolean;
  /** A share group: no rebalance to ask for, no committed offsets to reset. */
  share?: boolean;
  onReset: () => void;
  undoReset: GroupInfo['undoReset'];
}) {
  const run = useCommand();
  const t = useDict().ui.groupActions;
  return (
    <>
      <Button data-testid="add-consumer" onClick={() => run({ type: 'consumer:add', groupId })}>
        {t.addConsumer}
      </Button>
      {!share && (
        <Button
          data-testid="trigger-rebalance"
          disabled={kip848}
          title={kip848 ? t.rebalanceKip848 : t.rebalanceTitle}
          onClick={() =>
            run({ type: 'group:rebalance', groupId }, fill(t.rebalanceRequested, { groupId }))
          }
        >
          {t.rebalance}
        </Button>
      )}
      {!share && (
        <Button data-testid="open-reset-offsets" onClick={onReset}>
          {t.reset}
        </Button>
      )}
      {undoReset && (
        <Button
          data-testid="undo-reset"
          title={fill(t.undoTitle, { detail: undoReset.detail })}
          onClick={() => run({ type: 'group:undo-reset', groupId }, fill(t.undone, { groupId }))}
        >
          {t.undo}
        </Button>
      )}
      <Button
        variant="danger"
        data-testid="delete-group"
        onClick={() => {
          if (window.confirm(fill(t.deleteConfirm, { groupId }))) {
            void run({ type: 'group:delete', groupId }, fill(t.deleted, { groupId }));
          }
        }}
      >
        {t.delete}
      </Button>
    </>
  );
}
