import type { ObserverErrorKind } from '../../protocol/observer';

/**
 * Anything the observer refuses or fails at. `kind` lets the server choose a status (e.g.
 * not-empty → 409, unknown-topic → 404, unreachable → 503); messages carry no secrets.
 */
export class ObserverError extends Error {
  override readonly name = 'ObserverError';

  constructor(
    readonly kind: ObserverErrorKind,
    message: string,
    /** The op that failed, when there was one. */
    readonly op: string | null = null,
  ) {
    super(message);
  }
}

export function isObserverError(error: unknown, kind?: ObserverErrorKind): error is ObserverError {
  return error instanceof ObserverError && (kind === undefined || error.kind === kind);
}
