import { randomUUID } from 'node:crypto';
import type { GroupSummary } from '../../protocol/group';
import type { Lab } from '../lab/lab';
import { VerdictChanges } from './verdict-changes';
import { type WebhookOptions, WebhookSender, type WebhookTarget } from './webhook-sender';

/** Sends each change of a group's verdict to the webhook, from the lab's once-a-second overview. */
export function watchVerdicts(
  lab: Lab,
  target: WebhookTarget,
  options?: WebhookOptions,
): { sender: WebhookSender; stop: () => void } {
  // Ids stay unique across restarts of the dashboard: a receiver that drops repeats by id keeps
  // the changes a new run reports.
  const changes = new VerdictChanges(randomUUID().slice(0, 8));
  const sender = new WebhookSender(target, options);
  const listener = (overview: GroupSummary[], at: number) => {
    // Runs inside the lab's tick: whatever goes wrong here must not cost the tick.
    try {
      sender.send(changes.observe(overview, at));
    } catch (error) {
      console.error('[offset-lab] alert webhook: a verdict change could not be queued:', error);
    }
  };
  lab.on('overview', listener);
  return {
    sender,
    stop: () => {
      lab.off('overview', listener);
      sender.stop();
    },
  };
}
