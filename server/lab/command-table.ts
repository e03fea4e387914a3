import type { CommandOf, CommandType } from '../../protocol/commands';
import type { EmbeddedBroker } from '../broker/embedded-broker';
import type { Lab } from './lab';

export interface CommandContext {
  lab: Lab;
  broker: EmbeddedBroker | null;
}

export type CommandHandler<T extends CommandType> = (
  ctx: CommandContext,
  command: CommandOf<T>,
) => Promise<unknown> | unknown;

/** Handlers keyed by command type; the full table must cover every type in COMMAND_SCHEMAS. */
export type CommandHandlers<T extends CommandType> = { [K in T]: CommandHandler<K> };
