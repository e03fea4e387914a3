/** Facts both ends of the wire rely on, declared once. */

/** The course's set-up (see README, "The default scenario"). */
export const DEFAULT_TOPIC = 'crypto_trades';
export const DEFAULT_GROUP = 'crypto-consumer-group';
export const DEFAULT_PARTITIONS = 6;

/** Chart history: 10 minutes at one point per second, kept by the server and by each page. */
export const HISTORY_INTERVAL_MS = 1000;
export const HISTORY_CAPACITY = 600;
export const MAX_TIMELINE_EVENTS = 500;

const LAB_CLIENT_PREFIX = 'offset-lab-';

/**
 * The client id a lab consumer shows in Kafka, so its member can be told apart from others. Share
 * members add their process's incarnation (`offset-lab-c2.3`): a share consumer cannot tell its
 * member id, so the lab finds its member by this id. Consumer ids end in `c<n>`, so the suffix is
 * never part of one.
 */
export function labClientId(consumerId: string, incarnation?: number): string {
  const suffix = incarnation === undefined ? '' : `.${incarnation}`;
  return `${LAB_CLIENT_PREFIX}${consumerId}${suffix}`;
}

/** The lab consumer behind a client id (`offset-lab-c2` → `c2`), also of an earlier process. */
export function labConsumerOf(clientId: string): string | null {
  if (!clientId.startsWith(LAB_CLIENT_PREFIX)) return null;
  return clientId.slice(LAB_CLIENT_PREFIX.length).replace(/\.\d+$/, '') || null;
}
