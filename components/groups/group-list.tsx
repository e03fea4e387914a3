'use client';

import { useState } from 'react';
import { useCanAct, useLive } from '@/lib/use-live';
import { Button } from '../ui/button';
import { CreateGroupDialog } from './create-group-dialog';
import { GroupPanel } from './group-panel';

export function GroupList() {
  const groups = useLive((s) => s.snapshot?.groups);
  const [creating, setCreating] = useState(false);
  const canAct = useCanAct();
  const lab = (groups ?? []).filter((g) => g.lab);
  const others = (groups ?? []).filter((g) => !g.lab);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Consumer groups
        </h2>
        {canAct && (
          <Button
            variant="primary"
            data-testid="open-create-group"
            onClick={() => setCreating(true)}
          >
            + Create group
          </Button>
        )}
      </div>
      {creating && <CreateGroupDialog onClose={() => setCreating(false)} />}
      {lab.map((g) => (
        <GroupPanel key={g.groupId} group={g} />
      ))}
      {others.length > 0 && (
        <h3 className="mt-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Other groups on this cluster
        </h3>
      )}
      {others.map((g) => (
        <GroupPanel key={g.groupId} group={g} />
      ))}
      {lab.length === 0 && others.length === 0 && (
        <p className="text-sm text-slate-500">
          No consumer groups yet. Create one to start consuming.
        </p>
      )}
    </div>
  );
}
