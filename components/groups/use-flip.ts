'use client';

import { type RefObject, useLayoutEffect, useRef } from 'react';

const FLIP_MS = 700;

/**
 * FLIP animation: when `signature` (who owns what) changes, elements with data-flip-key that moved
 * slide from their old place to the new one, so a partition visibly travels to its new owner.
 * Positions are measured relative to the container and only on a change, so scrolling never
 * animates and ordinary updates cost no layout reads.
 */
export function useFlip(container: RefObject<HTMLElement | null>, signature: string): void {
  const previous = useRef(new Map<string, { x: number; y: number }>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure exactly when ownership changes
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const origin = root.getBoundingClientRect();
    const next = new Map<string, { x: number; y: number }>();
    for (const el of root.querySelectorAll<HTMLElement>('[data-flip-key]')) {
      const key = el.dataset.flipKey;
      if (!key) continue;
      const rect = el.getBoundingClientRect();
      const position = { x: rect.left - origin.left, y: rect.top - origin.top };
      next.set(key, position);
      const before = previous.current.get(key);
      if (!before) continue;
      const dx = before.x - position.x;
      const dy = before.y - position.y;
      if (Math.abs(dx) < 2 && Math.abs(dy) < 2) continue;
      // In flight a chip passes over other lanes, but under their buttons (z-index 20 there)
      // and never catching a click meant for one.
      el.style.pointerEvents = 'none';
      el.animate(
        [
          { transform: `translate(${dx}px, ${dy}px)`, zIndex: 10 },
          { transform: 'translate(0, 0)', zIndex: 10 },
        ],
        { duration: FLIP_MS, easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)' },
      ).onfinish = () => {
        el.style.pointerEvents = '';
      };
    }
    previous.current = next;
  }, [signature]);
}
