import {
  type Command,
  type CommandAck,
  type CommandType,
  parseCommand,
} from '../../protocol/commands';
import type { LabKafka } from '../broker/lab-kafka';
import { BROKER_COMMANDS } from './broker-commands';
import { CLUSTER_COMMANDS } from './cluster-commands';
import { CommandError } from './command-error';
import type { CommandContext, CommandHandlers } from './command-table';
import { CONSUMER_COMMANDS } from './consumer-commands';
import { GROUP_COMMANDS } from './group-commands';
import type { Lab } from './lab';
import { TOPIC_COMMANDS } from './topic-commands';

/** Every command's handler, keyed like COMMAND_SCHEMAS; the type checker wants all of them. */
export const COMMANDS: CommandHandlers<CommandType> = {
  ...CONSUMER_COMMANDS,
  ...GROUP_COMMANDS,
  ...CLUSTER_COMMANDS,
  ...TOPIC_COMMANDS,
  ...BROKER_COMMANDS,
  'experiment:run': ({ lab }, { id }) => {
    if (!lab.experiments)
      throw new CommandError('id: experiments are not available on this server');
    return lab.experiments.start(id);
  },
};

/** Why this server takes no commands at all, or null when it does. */
function refusal(lab: Lab): string | null {
  const { mode, readOnly } = lab.state.connection;
  if (readOnly) return 'read-only: this server runs with READ_ONLY=1 and refuses every command';
  if (mode === 'monitor')
    return 'monitor mode: the lab writes nothing to this cluster; start with LAB_SCENARIO=default or LAB_SCENARIO=empty to use the lab on it';
  return null;
}

/** Validates and runs one command from any edge (socket.io or HTTP); never throws. */
export async function runCommand(
  lab: Lab,
  broker: LabKafka | null,
  input: unknown,
): Promise<CommandAck> {
  const refused = refusal(lab);
  if (refused) return { ok: false, error: refused, kind: 'forbidden' };
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  const ctx: CommandContext = { lab, broker };
  const handler = COMMANDS[command.type] as (ctx: CommandContext, c: Command) => unknown;
  try {
    return { ok: true, result: (await handler(ctx, command)) ?? null };
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.message, kind: error.kind };
    return {
      ok: false,
      error: `Kafka refused ${command.type}: ${(error as Error).message}`,
      kind: 'kafka',
    };
  }
}
