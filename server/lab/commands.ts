import { type CommandAck, parseCommand } from '../../protocol/commands';
import type { EmbeddedBroker } from '../broker/embedded-broker';
import { executeClusterCommand } from './cluster-commands';
import { CommandError } from './command-error';
import { executeConsumerCommand } from './consumer-commands';
import { executeGroupCommand } from './group-commands';
import type { Lab } from './lab';

/** Validates and runs one command from any edge (socket.io or HTTP); never throws. */
export async function runCommand(
  lab: Lab,
  broker: EmbeddedBroker | null,
  input: unknown,
): Promise<CommandAck> {
  const { mode, readOnly } = lab.state.connection;
  if (readOnly) {
    return {
      ok: false,
      error: 'read-only: this server runs with READ_ONLY=1 and refuses every command',
      kind: 'forbidden',
    };
  }
  if (mode === 'monitor') {
    return {
      ok: false,
      error:
        'monitor mode: the lab writes nothing to this cluster; start with LAB_SCENARIO=default or LAB_SCENARIO=empty to use the lab on it',
      kind: 'forbidden',
    };
  }
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  try {
    let result: unknown;
    switch (command.type) {
      case 'consumer:add':
      case 'consumer:crash':
      case 'consumer:stop':
      case 'consumer:restart':
      case 'consumer:pause':
      case 'consumer:resume':
      case 'consumer:slow':
        result = await executeConsumerCommand(lab, command);
        break;
      case 'group:create':
      case 'group:delete':
      case 'group:rebalance':
      case 'group:reset-offsets':
        result = await executeGroupCommand(lab, command);
        break;
      case 'producer:update':
      case 'topic:create':
      case 'topic:add-partitions':
      case 'topic:delete':
      case 'broker:stop':
      case 'broker:start':
        result = await executeClusterCommand(lab, broker, command);
        break;
      default: {
        const unhandled: never = command;
        throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
      }
    }
    return { ok: true, result: result ?? null };
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.message, kind: error.kind };
    return {
      ok: false,
      error: `Kafka refused ${command.type}: ${(error as Error).message}`,
      kind: 'kafka',
    };
  }
}
