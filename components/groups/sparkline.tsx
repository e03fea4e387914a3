const WIDTH_PX = 52;
const HEIGHT_PX = 18;

/** A minute of lag as a line; flat at the bottom when there is none. Plain SVG: thousands are cheap. */
export function Sparkline({ points }: { points: number[] }) {
  if (points.length < 2) return <span className="text-slate-400">—</span>;
  const max = Math.max(1, ...points);
  const step = WIDTH_PX / (points.length - 1);
  const path = points
    .map(
      (v, i) =>
        `${(i * step).toFixed(1)},${(HEIGHT_PX - 1 - (v / max) * (HEIGHT_PX - 2)).toFixed(1)}`,
    )
    .join(' ');
  const rising = (points[points.length - 1] ?? 0) > (points[0] ?? 0);
  return (
    <svg
      width={WIDTH_PX}
      height={HEIGHT_PX}
      aria-label={`lag from ${points[0]} to ${points[points.length - 1]}`}
      role="img"
    >
      <polyline
        points={path}
        fill="none"
        strokeWidth={1.5}
        stroke={rising ? '#dc2626' : '#0284c7'}
      />
    </svg>
  );
}
