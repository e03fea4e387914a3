'use client';

import { useId } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import type { RebalanceSummary } from '@/protocol/snapshot';

type Move = RebalanceSummary['moves'][number];

/** Columns: "nobody" first when a partition came from nobody, then the consumers in `order`. */
export function moveColumns(moves: readonly Move[], order: readonly string[]): (string | null)[] {
  const ids = new Set(moves.flatMap((m) => (m.from === null ? [m.to] : [m.from, m.to])));
  const known = order.filter((id) => ids.has(id));
  const rest = [...ids].filter((id) => !known.includes(id)).sort();
  return [...(moves.some((m) => m.from === null) ? [null] : []), ...known, ...rest];
}

/**
 * Who took what, drawn as arrows between the consumers' columns (in the board's lane order), one
 * row per partition that changed owner: with round-robin every partition moves, and the arrows
 * show the pattern a list of "P3 c1→c3" hides.
 */
export function RebalanceMoves({
  moves,
  order,
  colorOf,
  label,
  nobody,
  movedFrom,
  short,
}: {
  short: (consumerId: string) => string;
  moves: readonly Move[];
  order: readonly string[];
  colorOf: (consumerId: string | null) => string | null;
  label: (m: Move) => string;
  nobody: string;
  movedFrom: string;
}) {
  const columns = moveColumns(moves, order);
  // Marker ids are document-wide: two groups' cards must not share one.
  const prefix = useId();
  const x = (id: string | null) => `${((columns.indexOf(id) + 0.5) / columns.length) * 100}%`;
  return (
    // Rows of 12 px: with round-robin every partition moves, and the card must still fit at 1280×800.
    <div className="text-xs leading-3" data-testid="rebalance-moves">
      <div className="mb-0.5 grid grid-cols-[4.5rem_1fr] items-end gap-x-2">
        <span />
        <div className="flex" aria-hidden="true">
          {columns.map((id) => (
            <span
              key={id ?? ''}
              className="flex min-w-0 flex-1 items-center justify-center gap-0.5 font-mono"
              title={id ?? nobody}
            >
              <i
                className="inline-block h-2 w-2 shrink-0 rounded-full"
                style={{ backgroundColor: colorOf(id) ?? '#94a3b8' }}
              />
              <span className="truncate">{id === null ? nobody : short(id)}</span>
            </span>
          ))}
        </div>
      </div>
      <ul>
        {moves.map((m) => {
          const color = colorOf(m.to) ?? '#475569';
          const marker = `${prefix}-${m.partition}`.replace(/[^a-zA-Z0-9_-]/g, '_');
          return (
            <li
              key={m.partition}
              className="grid grid-cols-[4.5rem_1fr] items-center gap-x-2"
              data-testid={`move-${m.ref?.partition ?? m.partition}`}
              data-from={m.from ?? ''}
              data-to={m.to}
            >
              <span className="truncate font-mono">{label(m)}</span>
              <span className="sr-only">
                {fill(movedFrom, { from: m.from ?? nobody, to: m.to })}
              </span>
              <svg className="h-3 w-full overflow-visible" aria-hidden="true">
                <defs>
                  <marker
                    id={marker}
                    viewBox="0 0 10 10"
                    refX="9"
                    refY="5"
                    markerWidth="5"
                    markerHeight="5"
                    orient="auto-start-reverse"
                  >
                    <path d="M0,0 L10,5 L0,10 z" fill={color} />
                  </marker>
                </defs>
                <circle cx={x(m.from)} cy="50%" r="2.5" fill={colorOf(m.from) ?? '#94a3b8'} />
                <line
                  x1={x(m.from)}
                  x2={x(m.to)}
                  y1="50%"
                  y2="50%"
                  stroke={color}
                  strokeWidth="2"
                  markerEnd={`url(#${marker})`}
                />
              </svg>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
