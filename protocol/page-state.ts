import type { FullState } from './events';

/**
 * How the page's server render reaches the lab's state: Next.js runs in the lab's own process
 * (server/index.ts), but bundles the page's modules apart from the server's, so the two meet on
 * one process-wide key rather than a shared import.
 */
export const PAGE_STATE_KEY = Symbol.for('offset-lab.page-state');

/** The state a new page starts from, with `groupIds` (its ?group= choice) shown in full. */
export type PageStateSource = (groupIds: readonly string[]) => FullState;

/** Timeline events a first paint carries; the socket's full state brings the rest. */
export const FIRST_PAINT_TIMELINE = 60;

export function registerPageState(source: PageStateSource | null): void {
  (globalThis as Record<symbol, unknown>)[PAGE_STATE_KEY] = source;
}

export function pageStateSource(): PageStateSource | null {
  const source = (globalThis as Record<symbol, unknown>)[PAGE_STATE_KEY];
  return typeof source === 'function' ? (source as PageStateSource) : null;
}
