import { z } from 'zod';

/**
 * What the server says in the timeline and in rebalance reasons, as templates with {named}
 * parameters. The server sends the key and the parameters (and, for the API and logs, the
 * English sentence); the page words it in the reader's language. These are the English ones.
 */
export const EVENT_TEXTS = {
  'consumer-started': '{id} started as process {pid}',
  'consumer-killed':
    '{id} killed with SIGKILL: no LeaveGroup, no final commit. Kafka keeps its partitions until the {sessionS} s session timeout runs out',
  'consumer-unclean-stop':
    '{id} did not stop cleanly ({how}): no LeaveGroup, Kafka evicts it after the session timeout',
  'consumer-died': '{id} died on its own ({how}); not restarted',
  'consumer-frozen':
    '{id} frozen with SIGSTOP: alive but silent. Its connections stay open, so Kafka sees nothing until a timeout: the records it holds come back when their lock expires, its member goes when the session times out',
  'consumer-thawed': '{id} thawed with SIGCONT after {seconds} s',
  'consumer-stopped': '{id} stopped gracefully: committed, sent LeaveGroup',
  'consumer-stopped-refused':
    '{id} left the group, but its last commit was refused: the next owner re-reads those messages',
  'consumer-left-max-poll':
    '{id} left the group by itself: {gapS} s passed since its last poll, more than max.poll.interval.ms ({maxPollMs} ms); it rejoins on its next poll',
  'member-joined': '{id} joined as {memberId}{generation}',
  'member-joined-leader': '{id} joined as {memberId} (group leader){generation}',
  'member-evicted': 'Coordinator evicted {id} (session timeout)',
  'member-evicted-after-crash':
    'Coordinator evicted {id} (session timeout), {after} after the crash',
  'member-evicted-rejoined':
    'Coordinator evicted {id} (no heartbeat within the session timeout); it rejoined as {memberId}',
  'outside-joined': '{clientId} joined as {memberId}',
  'outside-left': '{clientId} ({memberId}) left',
  'broker-connected': 'Kafka is reachable again',
  'broker-unreachable': 'Kafka unreachable: {error}',
  'rebalance-started': 'Rebalance started: {reason}',
  'rebalance-completed': 'Rebalance completed in {duration} ({reason}){how}{paused}{moved}{epochs}',
  'note-paused': '; {count} partition(s) paused, longest {longest}',
  'note-moved': '; moved {moves}',
  'note-epochs': '; member epochs {epochs}',
  'group-created':
    'Lab group {groupId} on {topic} ({client}, {protocol} {assignor}, commit {commitMode})',
  'group-deleted': 'Group {groupId} deleted',
  'offsets-reset': 'Offsets of {groupId} reset to {to}: {moved} of {total} partitions moved',
  'offsets-restored': 'Offsets of {groupId} put back as they were before the last reset',
  'topic-created': 'Topic {topic} created with {partitions} partitions',
  'topic-partitions-added': 'Topic {topic}: {from} → {to} partitions',
  'topic-deleted': 'Topic {topic} deleted',
  'topic-created-for': 'Topic {topic} created for {groupId} ({partitions} partition(s))',
  'dead-lettered': '{id}: {retries} retries of {where} ({why}), then sent to {sent}',
  'dead-lettered-at-once': '{id}: {where} failed ({why}), sent to {sent} without a retry',
  'dead-lettered-more':
    '{count} more message(s) sent to {topic} in {seconds} s, after {retries} retries',
  'topic-created-replicated':
    'Topic {topic} created with {partitions} partitions, replication factor {rf}{minIsr}',
  'note-min-isr': ', min.insync.replicas {minIsr}',
  'topic-configured': 'Topic {topic}: {settings}',
  'node-started': '{role} {nodeId} started (pid {pid})',
  'node-stopped': '{role} {nodeId} {how}',
  'role-broker': 'Broker',
  'role-controller': 'Controller',
  'leader-moved': 'Leaders of {topic} moved: {moves}',
  'isr-shrank': 'ISR of {topic} shrank: {changes}{warning}',
  'isr-grew': 'ISR of {topic} grew: {changes}{warning}',
  'isr-changed': 'ISR of {topic} changed: {changes}{warning}',
  'note-below-min-isr':
    '; {count} now below min.insync.replicas {min}: acks=all writes to them are refused',
  'offsets-deleted-unread':
    '{id} fetched offset {from} of {where} < log start {logStart}: {deleted} messages deleted by retention{skipped} were never read (auto.offset.reset={reset} jumped to {to})',
  'note-skipped-more': ' and {count} more skipped',
  'offsets-jumped':
    '{id} on {where}: offsets {from} to {last} were never read, its position jumped to {to}',
  'lab-topic-ready': 'Lab topic {topic} ready ({partitions} partitions)',
  'producer-recovered': 'Producer: sends are acknowledged again',
  'producer-error': 'Producer: {error}',
  commits: '{count} offset commits in the last {seconds} s',
  'cause-joined': '{id} joined',
  'cause-left': '{id} left the group',
  'cause-evicted': '{id} was evicted',
  'cause-evicted-rejoined': '{id} was evicted and rejoined',
  'cause-triggered': 'triggered from the lab',
  'cause-membership': 'membership changed',
  'cause-partitions-added': 'partitions added to {topic}',
  'cause-session-timeout': 'session timeout of crashed {id}',
  'cause-coordinator': 'the coordinator started it',
  'lane-starting': 'starting process…',
  'lane-joining': 'joining the group…',
  'lane-gone': 'gone, but Kafka keeps it until its session times out',
  'lane-host': 'host {host}',
  'lane-earlier': '{id} (earlier process)',
} as const;

export type TextKey = keyof typeof EVENT_TEXTS;
const TEXT_KEYS = Object.keys(EVENT_TEXTS) as [TextKey, ...TextKey[]];

const scalar = z.union([z.string(), z.number()]);
/** A text whose parameters are plain values: a rebalance reason, a note inside an event. */
export const flatTextSchema = z.object({
  key: z.enum(TEXT_KEYS),
  params: z.record(z.string(), scalar),
});
/** A parameter is a value, or a flat text of its own (a reason inside an event). */
export const textSchema = z.object({
  key: z.enum(TEXT_KEYS),
  params: z.record(z.string(), z.union([scalar, flatTextSchema])),
});
export type FlatText = z.infer<typeof flatTextSchema>;
export type Text = z.infer<typeof textSchema>;
export type TextParams = Text['params'];

/** Fills a template's {names}; a parameter that is a text is worded with the same lookup. */
export function formatText(
  lookup: (key: TextKey) => string,
  text: { key: TextKey; params: TextParams | Record<string, string | number> },
): string {
  return lookup(text.key).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? formatText(lookup, value) : String(value);
  });
}

/** A duration as every text shows it (timeline, rebalance card), so the two always agree. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The English sentence, as the API and the logs carry it. */
export const english = (text: Text): string => formatText((key) => EVENT_TEXTS[key], text);

/** A text and its English sentence, ready to go into a timeline event. */
export function say(key: TextKey, params: TextParams = {}): { text: Text; message: string } {
  const text = { key, params };
  return { text, message: english(text) };
}
