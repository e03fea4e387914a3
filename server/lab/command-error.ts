import type { CommandErrorKind } from '../../protocol/commands';

/** A command that cannot be carried out as asked; the message is shown to the user as is. */
export class CommandError extends Error {
  override name = 'CommandError';

  constructor(
    message: string,
    readonly kind: CommandErrorKind = 'invalid',
  ) {
    super(message);
  }
}
