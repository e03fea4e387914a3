'use client';

import { useEffect, useState } from 'react';
import { InitialGroupsContext } from '@/lib/group-selection';
import type { Dictionary, Language } from '@/lib/i18n/dictionaries';
import { fill } from '@/lib/i18n/dictionary';
import { fillNodes } from '@/lib/i18n/fill-nodes';
import { LanguageProvider, useDict } from '@/lib/i18n/language';
import { createLiveStore, type LiveStore } from '@/lib/live-store';
import { LiveStoreContext, useCanAct, useLive } from '@/lib/use-live';
import type { FullState } from '@/protocol/events';
import { BrokerStrip } from './brokers/broker-strip';
import { ChartsPanel } from './charts/charts-panel';
import { ExperimentsPanel } from './experiments/experiments-panel';
import { GroupList } from './groups/group-list';
import { Header } from './header/header';
import { LessonsPanel } from './lessons/lessons-panel';
import { MessageBrowserProvider } from './messages/message-browser-context';
import { ProducerPanel } from './producer/producer-panel';
import { TimelinePanel } from './timeline/timeline-panel';
import { TopicPanel } from './topics/topic-panel';
import { ClientTime } from './ui/client-time';
import { CommandFeedbackProvider } from './ui/command-feedback';

/**
 * The whole page. `initial`: the lab's state as the server rendered it (null when the page runs
 * without the lab's server), so the first paint shows the lab before any script has run.
 */
export function Dashboard({
  initial,
  language,
  dictionary,
  groupIds = [],
}: {
  initial: FullState | null;
  language?: Language;
  dictionary?: Dictionary;
  groupIds?: readonly string[];
}) {
  const [store] = useState<LiveStore>(() => createLiveStore({ initial }));
  useEffect(() => store.connect(), [store]);
  return (
    <LanguageProvider initial={language} dictionary={dictionary}>
      <InitialGroupsContext.Provider value={groupIds}>
        <WithStore store={store} />
      </InitialGroupsContext.Provider>
    </LanguageProvider>
  );
}

function WithStore({ store }: { store: LiveStore }) {
  return (
    <LiveStoreContext.Provider value={store}>
      <CommandFeedbackProvider>
        <MessageBrowserProvider>
          <DashboardBody />
        </MessageBrowserProvider>
      </CommandFeedbackProvider>
    </LiveStoreContext.Provider>
  );
}

function DashboardBody() {
  const hasSnapshot = useLive((s) => s.snapshot !== null);
  const socket = useLive((s) => s.socket);
  // For tests and benches: the page is hydrated and its socket is live, so a click acts.
  useEffect(() => {
    document.documentElement.dataset.live = String(socket === 'connected');
  }, [socket]);
  const canAct = useCanAct();
  return (
    <div className="flex min-h-screen flex-col">
      <Header />
      {hasSnapshot ? (
        <main className="grid flex-1 grid-cols-1 gap-3 p-3 xl:grid-cols-[minmax(0,1fr)_380px]">
          <div className="flex min-w-0 flex-col gap-3">
            <ModeBanner />
            <StaleBanner />
            <GroupList />
            <ChartsPanel />
          </div>
          {/* Beside the board: what just happened, then what feeds it; experiments last. */}
          <aside className="flex min-w-0 flex-col gap-3">
            <TimelinePanel />
            <LessonsPanel />
            {canAct && <ProducerPanel />}
            <BrokerStrip />
            <TopicPanel />
            {canAct && <ExperimentsPanel />}
          </aside>
        </main>
      ) : (
        <Loading text={(d) => d.page.waitingState} />
      )}
    </div>
  );
}

/** Says why there are no buttons: an outside cluster is only watched, or the server is read-only. */
function ModeBanner() {
  const connection = useLive((s) => s.snapshot?.connection);
  const clusterId = useLive((s) => s.snapshot?.cluster?.clusterId);
  const t = useDict().ui.page;
  if (!connection || (connection.mode === 'lab' && !connection.readOnly)) return null;
  const where = `${connection.brokers}${clusterId ? ` (${fill(t.cluster, { id: clusterId })})` : ''}`;
  return (
    <div
      role="status"
      data-testid="mode-banner"
      className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200"
    >
      {connection.mode === 'monitor' ? (
        <>
          <b>{fill(t.monitoring, { where })}</b>
          {t.monitoringRest}
        </>
      ) : (
        <>
          <b>{t.readOnly}</b>
          {t.readOnlyRest}
        </>
      )}
    </div>
  );
}

function StaleBanner() {
  const connection = useLive((s) => s.snapshot?.connection);
  const t = useDict().ui.page;
  if (connection?.kafka !== 'unreachable') return null;
  return (
    <div
      role="status"
      data-testid="stale-banner"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      {fillNodes(t.stale, { time: <ClientTime at={connection.since} /> })}
    </div>
  );
}

function Loading({ text }: { text: (d: Dictionary['ui']) => string }) {
  const d = useDict().ui;
  return (
    <div
      className="flex flex-1 items-center justify-center p-10 text-sm text-slate-500"
      data-testid="loading"
    >
      {text(d)}
    </div>
  );
}
