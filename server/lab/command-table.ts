import type { CommandOf, CommandType } from '../../protocol/commands';
import type { LabKafka } from '../broker/lab-kafka';
import type { Lab } from './lab';

export interface CommandContext {
  lab: Lab;
  broker: LabKafka | null;
}

export type CommandHandler<T extends CommandType> = (
  ctx: CommandContext,
  command: CommandOf<T>,
) => Promise<unknown> | unknown;

/** Handlers keyed by command type; the full table must cover every type in COMMAND_SCHEMAS. */
export type CommandHandlers<T extends CommandType> = { [K in T]: CommandHandler<K> };
