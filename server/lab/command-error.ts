/** A command that cannot be carried out as asked; the message is shown to the user as is. */
export class CommandError extends Error {
  override name = 'CommandError';
}
