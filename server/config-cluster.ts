import path from 'node:path';

/** The embedded Kafka's shape, from LAB_BROKERS and the KAFKA_* variables (see README). */
export interface ClusterShape {
  labBrokers: 1 | 3;
  /** Each broker's node.id and client port, in order. */
  brokerNodes: { nodeId: number; port: number }[];
  /** The KRaft controller: the one node's own controller listener when LAB_BROKERS=1. */
  controllerId: number;
  controllerPort: number;
  dataDir: string;
}

export interface ClusterEnv {
  LAB_BROKERS?: string;
  KAFKA_PORT: number;
  KAFKA_CONTROLLER_PORT?: number;
  KAFKA_BROKER_PORTS?: string;
  KAFKA_BROKER_IDS?: string;
  KAFKA_CONTROLLER_ID?: string;
  KAFKA_DATA_DIR?: string;
}

export type ClusterIssue = { variable: string; message: string };

const NODE_ID_MAX = 2 ** 31 - 1;

function integers(value: string): number[] | null {
  const items = value.split(',').map((v) => v.trim());
  if (items.some((v) => !/^\d+$/.test(v))) return null;
  return items.map(Number);
}

function nodeIdError(name: string): string {
  return `${name} must be whole numbers from 0 to ${NODE_ID_MAX}`;
}

/** Reads the shape, or says what is wrong, naming the variable and what it allows. */
export function clusterShape(
  env: ClusterEnv,
  rootDir: string,
): { shape: ClusterShape } | { issues: ClusterIssue[] } {
  const issues: ClusterIssue[] = [];
  const fail = (variable: string, message: string) => issues.push({ variable, message });
  const raw = env.LAB_BROKERS?.trim() || '1';
  if (raw !== '1' && raw !== '3') {
    fail(
      'LAB_BROKERS',
      'LAB_BROKERS must be 1 (one broker that is also the controller) or 3 (three brokers and a KRaft controller)',
    );
    return { issues };
  }
  const count = raw === '3' ? 3 : 1;
  const first = env.KAFKA_PORT;
  let ports = Array.from({ length: count }, (_, i) => first + i);
  if (env.KAFKA_BROKER_PORTS?.trim()) {
    const listed = integers(env.KAFKA_BROKER_PORTS);
    if (!listed || listed.some((p) => p < 1 || p > 65535) || listed.length !== count)
      fail(
        'KAFKA_BROKER_PORTS',
        `KAFKA_BROKER_PORTS must list ${count} port number(s) from 1 to 65535, comma-separated (one per broker)`,
      );
    else ports = listed;
  } else if ((ports.at(-1) ?? first) > 65535) {
    fail(
      'KAFKA_PORT',
      `KAFKA_PORT must be at most ${65536 - count} with ${count} brokers (+1, +2)`,
    );
  }
  let ids = Array.from({ length: count }, (_, i) => i + 1);
  if (env.KAFKA_BROKER_IDS?.trim()) {
    const listed = integers(env.KAFKA_BROKER_IDS);
    if (!listed || listed.length !== count || listed.some((id) => id > NODE_ID_MAX))
      fail('KAFKA_BROKER_IDS', `${nodeIdError('KAFKA_BROKER_IDS')}, ${count} of them`);
    else ids = listed;
  }
  let controllerId = count === 1 ? (ids[0] ?? 1) : 0;
  if (count === 3 && env.KAFKA_CONTROLLER_ID?.trim()) {
    const listed = integers(env.KAFKA_CONTROLLER_ID);
    if (listed?.length !== 1 || (listed[0] ?? 0) > NODE_ID_MAX)
      fail('KAFKA_CONTROLLER_ID', nodeIdError('KAFKA_CONTROLLER_ID').replace('numbers', 'number'));
    else controllerId = listed[0] ?? 0;
  }
  // One broker: its controller listener stays at 9093; three brokers take 9092-9094 by default.
  const controllerPort = env.KAFKA_CONTROLLER_PORT ?? (count === 1 ? 9093 : first + count);
  const nodeIds = count === 3 ? [...ids, controllerId] : ids;
  if (new Set(nodeIds).size !== nodeIds.length)
    fail(
      'KAFKA_BROKER_IDS',
      `KAFKA_BROKER_IDS and KAFKA_CONTROLLER_ID must all differ (brokers ${ids.join(', ')}, controller ${controllerId})`,
    );
  const taken = ports.indexOf(controllerPort);
  if (new Set(ports).size !== ports.length)
    fail('KAFKA_BROKER_PORTS', `KAFKA_BROKER_PORTS must all differ (${ports.join(', ')})`);
  else if (taken >= 0)
    fail(
      'KAFKA_CONTROLLER_PORT',
      `KAFKA_CONTROLLER_PORT ${controllerPort} is also broker ${ids[taken]}'s port; pick another, e.g. ${Math.max(...ports) + 1}`,
    );
  if (issues.length > 0) return { issues };
  const dataDir =
    env.KAFKA_DATA_DIR ??
    path.join(rootDir, '.kafka', count === 1 ? `data-${first}` : `cluster-${ports[0]}`);
  return {
    shape: {
      labBrokers: count,
      brokerNodes: ids.map((nodeId, i) => ({ nodeId, port: ports[i] ?? first + i })),
      controllerId,
      controllerPort,
      dataDir,
    },
  };
}
