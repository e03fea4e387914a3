'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useGroupSelection } from '@/lib/group-selection';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useCanAct, useLive } from '@/lib/use-live';
import type { GroupInfo } from '@/protocol/snapshot';
import { Button } from '../ui/button';

import { GroupOverview } from './group-overview';
import { GroupPanel } from './group-panel';

// Loaded when first opened: not part of the first paint's JavaScript.
const CreateGroupDialog = dynamic(
  () => import('./create-group-dialog').then((m) => m.CreateGroupDialog),
  { ssr: false },
);

/** The overview of every group, then the groups that are open, in full. */
export function GroupList() {
  const groups = useLive((s) => s.snapshot?.groups);
  const [creating, setCreating] = useState(false);
  const canAct = useCanAct();
  const { open, isOpen, toggle } = useGroupSelection();
  const t = useDict().ui.groups;
  const byId = new Map<string, GroupInfo>((groups ?? []).map((g) => [g.groupId, g]));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t.title}</h2>
        {canAct && (
          <Button
            variant="primary"
            data-testid="open-create-group"
            onClick={() => setCreating(true)}
          >
            {t.create}
          </Button>
        )}
      </div>
      {creating && <CreateGroupDialog onClose={() => setCreating(false)} />}
      <GroupOverview isOpen={isOpen} toggle={toggle} />
      {open.map((id) => {
        const group = byId.get(id);
        return group ? (
          <GroupPanel key={id} group={group} onClose={toggle} />
        ) : (
          <p key={id} className="text-sm text-slate-500" data-testid={`group-loading-${id}`}>
            {fill(t.loading, { id })}
          </p>
        );
      })}
      {open.length === 0 && <p className="text-sm text-slate-500">{t.pick}</p>}
    </div>
  );
}
