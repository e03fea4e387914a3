import type { Server } from 'socket.io';
import { leadingThrottle } from '../../lib/throttle';
import type { ClientToServerEvents, FullState, ServerToClientEvents } from '../../protocol/events';
import type { HistoryPoint } from '../../protocol/history';
import type { TimelineEvent } from '../../protocol/timeline';
import type { Lab } from '../lab/lab';
import { diffSnapshot, fingerprints, nothingSent, type SentFingerprints } from './snapshot-diff';

/** At most 10 pushes a second, however fast Kafka and the consumers report; a lone change goes at once. */
export const BROADCAST_INTERVAL_MS = 100;
/** A full snapshot now and then, so a client that missed a delta cannot drift for long. */
export const RESYNC_INTERVAL_MS = 10_000;
/**
 * ...but resyncs average at most this many bytes a second: on a cluster with thousands of
 * groups a full snapshot is hundreds of KiB, and the page already asks for one on a gap.
 */
export const RESYNC_BYTES_PER_SECOND = 4096;

type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export function fullState(lab: Lab): FullState {
  return { snapshot: lab.snapshot(), history: lab.history.toArray(), timeline: lab.state.timeline };
}

export class Broadcaster {
  private dirty = false;
  private sent: SentFingerprints = nothingSent();
  private sentVersion = 0;
  private pendingEvents: TimelineEvent[] = [];
  private timers: NodeJS.Timeout[] = [];
  private nextResyncAt = 0;
  private readonly throttle = leadingThrottle(() => this.flush(), BROADCAST_INTERVAL_MS);
  private readonly onChanged = () => {
    this.dirty = true;
    this.throttle.schedule();
  };
  private readonly onTimeline = (events: TimelineEvent[]) => {
    this.pendingEvents.push(...events);
    this.throttle.schedule();
  };
  private readonly onHistory = (point: HistoryPoint) => {
    this.io.volatile.emit('history:appended', point);
  };

  constructor(
    private readonly io: IoServer,
    private readonly lab: Lab,
  ) {}

  start(): void {
    this.lab.on('changed', this.onChanged);
    this.lab.on('timeline', this.onTimeline);
    this.lab.on('history', this.onHistory);
    this.timers.push(setInterval(() => this.resync(), RESYNC_INTERVAL_MS));
  }

  stop(): void {
    this.lab.off('changed', this.onChanged);
    this.lab.off('timeline', this.onTimeline);
    this.lab.off('history', this.onHistory);
    for (const t of this.timers) clearInterval(t);
    this.throttle.cancel();
  }

  /**
   * Sends a new page its full state. Pending changes go out to everyone first, so the full state
   * and the next delta's base describe the same moment: the page can miss nothing in between.
   */
  sendFull(socket: { emit: (event: 'state:full', state: FullState) => void }): void {
    this.flush();
    socket.emit('state:full', fullState(this.lab));
  }

  flush(): void {
    if (this.pendingEvents.length > 0) {
      this.io.emit('timeline:appended', this.pendingEvents);
      this.pendingEvents = [];
    }
    if (!this.dirty) return;
    this.dirty = false;
    const diff = diffSnapshot(this.sent, this.sentVersion, this.lab.snapshot());
    if (!diff) return;
    this.io.emit('state:delta', diff.delta);
    this.sent = diff.sent;
    this.sentVersion = diff.delta.version;
  }

  /** Every page gets the whole snapshot now and then, so one that drifted cannot stay wrong. */
  private resync(): void {
    if (Date.now() < this.nextResyncAt) return;
    this.flush();
    const snapshot = this.lab.snapshot();
    const full: FullState = { snapshot, history: null, timeline: null };
    this.io.emit('state:full', full);
    const bytes = JSON.stringify(full).length;
    this.nextResyncAt = Date.now() + (bytes / RESYNC_BYTES_PER_SECOND) * 1000;
    this.sent = fingerprints(snapshot);
    this.sentVersion = snapshot.version;
  }
}
