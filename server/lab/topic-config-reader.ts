import type { GroupInfo } from '../../protocol/group';
import type { Lab } from './lab';
import { refreshTopicConfig } from './topic-commands';

/** Configs are read again after this long: someone may change retention.ms on their cluster. */
const REFRESH_MS = 5 * 60_000;
/** A topic whose configs could not be read (not allowed, gone) is asked again after this long. */
const RETRY_MS = 60_000;

/**
 * Reads the retention settings of the topics lagging groups read, so retention at risk can be
 * told for any group, not only for the lab's own topics. One read at a time, lagging topics only,
 * each topic again only every few minutes: a cluster of thousands of topics is not hammered.
 */
export class TopicConfigReader {
  private reading = false;
  private readonly readAt = new Map<string, number>();

  constructor(private readonly lab: Lab) {}

  pump(groups: readonly GroupInfo[], now = Date.now()): void {
    if (this.reading) return;
    const topic = this.due(groups, now);
    if (!topic) return;
    this.reading = true;
    this.readAt.set(topic, now);
    refreshTopicConfig(this.lab, topic)
      .catch(() => {
        // Not allowed to describe it, or it is gone: retention stays "unknown" for it.
        this.readAt.set(topic, now - REFRESH_MS + RETRY_MS);
      })
      .finally(() => {
        this.reading = false;
      });
  }

  private due(groups: readonly GroupInfo[], now: number): string | null {
    for (const g of groups)
      for (const o of g.offsets) {
        if (o.lag === 0) continue;
        const at = this.readAt.get(o.topic);
        if (at === undefined || now - at >= REFRESH_MS) return o.topic;
      }
    return null;
  }
}
