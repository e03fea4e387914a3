'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLive, useLiveStore } from './use-live';

const PARAM = 'group';
/** The server sends full details of at most this many groups per page (MAX_WATCHED_GROUPS). */
export const MAX_OPEN_GROUPS = 50;

/**
 * The `?group=` choice the page was opened with, as the server read it: the server render and the
 * first client render then open the same groups.
 */
export const InitialGroupsContext = createContext<readonly string[]>([]);

function toUrl(ids: string[] | null): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(PARAM);
  for (const id of ids ?? []) url.searchParams.append(PARAM, id);
  window.history.replaceState(null, '', url);
}

/**
 * Which groups the page shows in full. The address bar holds the choice (`?group=a&group=b`), so a
 * group can be deep-linked; with none chosen, the lab's own groups are open.
 */
export function useGroupSelection(): {
  open: string[];
  isOpen: (groupId: string) => boolean;
  toggle: (groupId: string) => void;
} {
  const store = useLiveStore();
  const initial = useContext(InitialGroupsContext);
  const [chosen, setChosen] = useState<string[] | null>(() =>
    initial.length > 0 ? [...initial] : null,
  );
  const labIds = useLive(
    (s) =>
      s.snapshot?.overview
        .filter((g) => g.lab)
        .map((g) => g.groupId)
        .join('\u0000') ?? '',
  );
  const open = useMemo(() => chosen ?? (labIds ? labIds.split('\u0000') : []), [chosen, labIds]);
  useEffect(() => {
    store.watch(open.slice(0, MAX_OPEN_GROUPS));
  }, [store, open]);
  const toggle = useCallback(
    (groupId: string) => {
      const next = open.includes(groupId) ? open.filter((g) => g !== groupId) : [groupId, ...open];
      const capped = next.slice(0, MAX_OPEN_GROUPS);
      setChosen(capped);
      toUrl(capped);
    },
    [open],
  );
  const isOpen = useCallback((groupId: string) => open.includes(groupId), [open]);
  return { open, isOpen, toggle };
}
