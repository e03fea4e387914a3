'use client';

import { type ReactNode, useId } from 'react';
import { Badge, type Tone } from './badge';

/**
 * A badge whose explanation shows on hover and on keyboard focus alike. A button only so that
 * the keyboard can focus it and a screen reader read the tip; it does nothing else.
 */
export function TipBadge({
  tone,
  shape,
  label,
  tip,
  className = '',
  data,
}: {
  tone: Tone;
  /** A sign that reads without colour (● ▲ ■ ⚡…). */
  shape: string;
  label: ReactNode;
  tip: ReactNode;
  className?: string;
  /** data-* attributes (data-testid included) for tests and styles. */
  data?: Record<`data-${string}`, string | number | undefined>;
}) {
  const id = useId();
  return (
    <button
      type="button"
      aria-describedby={id}
      className={`group relative inline-flex rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${className}`}
      {...data}
    >
      <Badge tone={tone}>
        <span aria-hidden="true" className="mr-1">
          {shape}
        </span>
        {label}
      </Badge>
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none invisible absolute top-full right-0 z-30 mt-1 w-64 rounded bg-slate-900 px-2 py-1 text-xs font-normal whitespace-normal text-white shadow group-hover:visible group-focus:visible"
      >
        {tip}
      </span>
    </button>
  );
}
