'use client';

declare global {
  // Set by a bench (Playwright's addInitScript) before the page loads; absent otherwise.
  var __offsetLabRenders: Record<string, number> | undefined;
}

/** Counts renders of a component for bench/renders.ts; costs one property read when unused. */
export function countRender(name: string): void {
  const counts = globalThis.__offsetLabRenders;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}
