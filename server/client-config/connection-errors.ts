import type { ClientSettings } from './client-settings';
import { settingsRedactor } from './client-settings';

export interface ConnectionContext {
  bootstrap: string[];
  settings: ClientSettings | null;
}

/**
 * A connection failure in words a user can act on: whose login failed and how, which CA file did
 * not trust the broker, which servers were tried. `kind` is the Admin client's error kind.
 */
export function describeConnectionError(
  kind: string,
  message: string,
  ctx: ConnectionContext,
): string {
  const redact = settingsRedactor(ctx.settings);
  const sasl = ctx.settings?.sasl;
  const tls = ctx.settings?.tls;
  switch (kind) {
    case 'authentication':
      return sasl
        ? `authentication failed for user ${sasl.username} (SASL/${sasl.mechanism}): check sasl.username and sasl.password`
        : `authentication failed: ${redact(message)}`;
    case 'ssl': {
      const trust = tls?.caFile ?? tls?.truststore?.location;
      return trust
        ? `TLS: the broker's certificate is not trusted by ${trust} (or the TLS handshake failed): ${redact(message)}`
        : `TLS failed, and no CA file is set (ssl.ca.location or ssl.truststore.location): ${redact(message)}`;
    }
    case 'unreachable':
    case 'timeout':
      return `cannot reach Kafka: no answer from ${ctx.bootstrap.join(', ')} (${redact(message)})`;
    case 'authorization':
      return `not authorized: ${redact(message)}`;
    default:
      return redact(message);
  }
}
