import { say } from '../../protocol/texts';
import type { AdminObservation, ObservedPartition } from './observation';
import { own } from './own';
import type { NewEvent } from './timeline';
import type { LabState } from './types';

/** Partitions listed by name in one timeline entry; the rest are counted. */
const LISTED = 6;

const leaderName = (id: number) => (id < 0 ? 'offline' : String(id));
const ids = (list: number[]) => `[${list.join(',')}]`;

function listed(items: string[]): string {
  const more = items.length - LISTED;
  return `${items.slice(0, LISTED).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/**
 * What changed in the topics' replicas between two observations, one entry per topic and kind:
 * leaders elected on other brokers (a broker died or came back) and in-sync replica sets that
 * shrank or grew. Internal topics are left out: they would repeat every change fifty times.
 */
export function replicationEvents(
  state: LabState,
  before: AdminObservation | null,
  after: AdminObservation,
): NewEvent[] {
  if (!before) return [];
  const old = new Map(
    before.topics.map((t) => [t.name, new Map(t.partitions.map((p) => [p.partition, p]))]),
  );
  const events: NewEvent[] = [];
  for (const topic of after.topics) {
    const previous = old.get(topic.name);
    if (topic.internal || !previous) continue;
    const moved: string[] = [];
    const changed: { p: ObservedPartition; was: ObservedPartition }[] = [];
    for (const p of topic.partitions) {
      const was = previous.get(p.partition);
      if (!was) continue;
      if (was.leader !== p.leader)
        moved.push(`P${p.partition} ${leaderName(was.leader)}→${leaderName(p.leader)}`);
      if (ids([...was.isr].sort()) !== ids([...p.isr].sort())) changed.push({ p, was });
    }
    if (moved.length > 0)
      events.push({
        kind: 'leader-moved',
        at: after.at,
        ...say('leader-moved', { topic: topic.name, moves: listed(moved) }),
        count: moved.length,
      });
    if (changed.length === 0) continue;
    const shrank = changed.every(({ p, was }) => p.isr.length < was.isr.length);
    const grew = changed.every(({ p, was }) => p.isr.length > was.isr.length);
    const key = shrank ? 'isr-shrank' : grew ? 'isr-grew' : 'isr-changed';
    const min = Number(own(state.topicConfigs, topic.name)?.['min.insync.replicas'] ?? 0);
    const short = changed.filter(({ p }) => p.isr.length < min).length;
    const warning =
      short > 0 ? { key: 'note-below-min-isr' as const, params: { count: short, min } } : '';
    const changes = listed(
      changed.map(({ p, was }) => `P${p.partition} ${ids(was.isr)}→${ids(p.isr)}`),
    );
    events.push({
      kind: 'isr-changed',
      at: after.at,
      ...say(key, { topic: topic.name, changes, warning }),
      count: changed.length,
    });
  }
  return events;
}
