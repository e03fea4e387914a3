/** A lab consumer named with its lane's colour (null: nobody, e.g. a crashed process). */
export function Who({
  id,
  color,
  nobody,
}: {
  id: string | null;
  color: string | null;
  nobody: string;
}) {
  return (
    <span className="inline-flex items-center gap-0.5">
      <span
        className="h-2 w-2 rounded-full"
        style={{ backgroundColor: color ?? '#94a3b8' }}
        aria-hidden="true"
      />
      {id ?? nobody}
    </span>
  );
}
