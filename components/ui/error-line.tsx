import type { ErrorInfo } from '@/protocol/snapshot';

const time = (at: number) => new Date(at).toLocaleTimeString();

/** A client's last error with when it happened; once the client worked again, said so, calmly. */
export function ErrorLine({ error, testId }: { error: ErrorInfo; testId?: string }) {
  const recovered = error.recoveredAt !== null;
  if (recovered) {
    // Past trouble stays findable (hover) without taking the space of a live one.
    return (
      <p
        role="status"
        data-testid={testId}
        data-recovered="true"
        title={`${time(error.at)}: ${error.message}`}
        className="truncate text-[11px] text-slate-500"
      >
        ✓ recovered at {time(error.recoveredAt ?? error.at)} from: {error.message}
      </p>
    );
  }
  return (
    <p
      role="status"
      data-testid={testId}
      data-recovered="false"
      className="rounded bg-red-50 px-2 py-1 text-xs text-red-700 dark:bg-red-950 dark:text-red-300"
    >
      Last error ({time(error.at)}): {error.message}
    </p>
  );
}
