import type { Server } from 'socket.io';
import { leadingThrottle } from '../../lib/throttle';
import type { ClientToServerEvents, FullState, ServerToClientEvents } from '../../protocol/events';
import type { TimelineEvent } from '../../protocol/timeline';
import type { Lab } from '../lab/lab';
import { diffSnapshot, fingerprints, type SectionFingerprints } from './snapshot-diff';

/** At most 5 pushes a second, however fast Kafka and the consumers report; a lone change goes at once. */
export const BROADCAST_INTERVAL_MS = 200;
/** A full snapshot now and then, so a client that missed a delta cannot drift for long. */
export const RESYNC_INTERVAL_MS = 10_000;

type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export function fullState(lab: Lab): FullState {
  return { snapshot: lab.snapshot(), history: lab.history.toArray(), timeline: lab.state.timeline };
}

export class Broadcaster {
  private dirty = false;
  private sent: SectionFingerprints = {};
  private sentVersion = 0;
  private pendingEvents: TimelineEvent[] = [];
  private timers: NodeJS.Timeout[] = [];
  private readonly throttle = leadingThrottle(() => this.flush(), BROADCAST_INTERVAL_MS);
  private readonly onChanged = () => {
    this.dirty = true;
    this.throttle.schedule();
  };
  private readonly onTimeline = (events: TimelineEvent[]) => {
    this.pendingEvents.push(...events);
    this.throttle.schedule();
  };
  private readonly onHistory = (point: FullState['history'][number]) => {
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
   * A new page got a full state at the current version, which may be newer than the last delta's
   * base. Forgetting what was sent makes the next delta carry every section, so that page cannot
   * miss a change that happened between the two and was then undone.
   */
  clientJoined(): void {
    this.sent = {};
    this.dirty = true;
    this.throttle.schedule();
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

  private resync(): void {
    const snapshot = this.lab.snapshot();
    this.io.emit('state:delta', {
      baseVersion: -1,
      version: snapshot.version,
      at: snapshot.at,
      changes: snapshot,
    });
    this.sent = fingerprints(snapshot);
    this.sentVersion = snapshot.version;
  }
}
