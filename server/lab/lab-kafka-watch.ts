import type { LabKafka } from '../broker/lab-kafka';
import type { Lab } from './lab';

/** Tells the lab whenever one of its own Kafka JVMs starts or stops, from the process itself. */
export function watchLabKafka(lab: Lab, kafka: LabKafka): void {
  const sync = () =>
    lab.dispatch({
      type: 'broker/changed',
      running: kafka.running,
      pid: kafka.pid,
      nodes: kafka.nodes(),
      at: Date.now(),
    });
  kafka.onChange(sync);
  kafka.onExit((reason, nodeId) => {
    const at = Date.now();
    const single = kafka.brokerIds.length === 1;
    console.warn(
      `[offset-lab] embedded ${single ? 'broker' : `node ${nodeId}`} stopped: ${reason}`,
    );
    // The lab knows at once; the Admin client would only notice once its retries ran out.
    if (!kafka.running)
      lab.dispatch({
        type: 'admin/failed',
        error: `the embedded broker${single ? '' : 's'} stopped (${reason})`,
        at,
      });
  });
  sync();
}
