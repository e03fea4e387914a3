'use client';

import { type RefObject, useLayoutEffect, useRef } from 'react';

const FLIP_MS = 700;

/**
 * FLIP animation: elements with data-flip-key that moved since the last render slide from their
 * old place to the new one, so a partition visibly travels to its new owner on a rebalance.
 */
export function useFlip(container: RefObject<HTMLElement | null>): void {
  const previous = useRef(new Map<string, DOMRect>());
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const next = new Map<string, DOMRect>();
    for (const el of root.querySelectorAll<HTMLElement>('[data-flip-key]')) {
      const key = el.dataset.flipKey;
      if (!key) continue;
      const rect = el.getBoundingClientRect();
      next.set(key, rect);
      const before = previous.current.get(key);
      if (!before) continue;
      const dx = before.left - rect.left;
      const dy = before.top - rect.top;
      if (Math.abs(dx) < 2 && Math.abs(dy) < 2) continue;
      el.animate(
        [
          { transform: `translate(${dx}px, ${dy}px)`, zIndex: 10 },
          { transform: 'translate(0, 0)', zIndex: 10 },
        ],
        { duration: FLIP_MS, easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)' },
      );
    }
    previous.current = next;
  });
}
