'use client';

import { useEffect, useState } from 'react';
import { createLiveStore, type LiveStore } from '@/lib/live-store';
import { LiveStoreContext, useLive } from '@/lib/use-live';
import { ChartsPanel } from './charts/charts-panel';
import { GroupList } from './groups/group-list';
import { Header } from './header/header';
import { ProducerPanel } from './producer/producer-panel';
import { TimelinePanel } from './timeline/timeline-panel';
import { TopicPanel } from './topics/topic-panel';
import { CommandFeedbackProvider } from './ui/command-feedback';

export function Dashboard() {
  const [store, setStore] = useState<LiveStore | null>(null);
  useEffect(() => setStore(createLiveStore()), []);
  if (!store) return <Loading text="Connecting to the Offset Lab server…" />;
  return (
    <LiveStoreContext.Provider value={store}>
      <CommandFeedbackProvider>
        <DashboardBody />
      </CommandFeedbackProvider>
    </LiveStoreContext.Provider>
  );
}

function DashboardBody() {
  const hasSnapshot = useLive((s) => s.snapshot !== null);
  return (
    <div className="flex min-h-screen flex-col">
      <Header />
      {hasSnapshot ? (
        <main className="grid flex-1 grid-cols-1 gap-3 p-3 xl:grid-cols-[minmax(0,1fr)_380px]">
          <div className="flex min-w-0 flex-col gap-3">
            <GroupList />
            <ChartsPanel />
          </div>
          <aside className="flex min-w-0 flex-col gap-3">
            <ProducerPanel />
            <TopicPanel />
            <TimelinePanel />
          </aside>
        </main>
      ) : (
        <Loading text="Waiting for the first state from the server…" />
      )}
    </div>
  );
}

function Loading({ text }: { text: string }) {
  return (
    <div
      className="flex flex-1 items-center justify-center p-10 text-sm text-slate-500"
      data-testid="loading"
    >
      {text}
    </div>
  );
}
