'use client';

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useLiveStore } from '@/lib/use-live';
import type { CommandAck, CommandInput } from '@/protocol/commands';

interface Feedback {
  id: number;
  ok: boolean;
  text: string;
}

const FeedbackContext = createContext<(f: Omit<Feedback, 'id'>) => void>(() => undefined);
const SHOW_MS = 6000;
let nextId = 1;

export function CommandFeedbackProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Feedback[]>([]);
  const show = useCallback((f: Omit<Feedback, 'id'>) => {
    const id = nextId++;
    setItems((list) => [...list.slice(-3), { ...f, id }]);
    setTimeout(() => setItems((list) => list.filter((i) => i.id !== id)), SHOW_MS);
  }, []);
  return (
    <FeedbackContext.Provider value={show}>
      {children}
      <div className="fixed right-4 bottom-4 z-50 flex w-96 flex-col gap-2" aria-live="polite">
        {items.map((i) => (
          <div
            key={i.id}
            role={i.ok ? 'status' : 'alert'}
            data-testid={i.ok ? 'command-ok' : 'command-error'}
            className={`rounded-md px-3 py-2 text-sm shadow-lg ${i.ok ? 'bg-slate-800 text-slate-100' : 'bg-red-700 text-white'}`}
          >
            {i.text}
          </div>
        ))}
      </div>
    </FeedbackContext.Provider>
  );
}

/** Sends a command and shows its outcome; errors always show, successes only with a label. */
export function useCommand(): (
  command: CommandInput,
  successText?: string,
  options?: { inlineErrors?: boolean },
) => Promise<CommandAck> {
  const store = useLiveStore();
  const show = useContext(FeedbackContext);
  return useMemo(
    () => async (command, successText, options) => {
      const ack = await store.command(command);
      // A dialog that shows the error next to its fields needs no second copy in a toast.
      if (!ack.ok && !options?.inlineErrors) show({ ok: false, text: ack.error });
      else if (successText) show({ ok: true, text: successText });
      return ack;
    },
    [store, show],
  );
}
