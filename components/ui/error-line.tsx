import type { ErrorInfo } from '@/protocol/snapshot';

const time = (at: number) => new Date(at).toLocaleTimeString();

/** A client's last error with when it happened; once the client worked again, said so, calmly. */
export function ErrorLine({ error, testId }: { error: ErrorInfo; testId?: string }) {
  const recovered = error.recoveredAt !== null;
  return (
    <p
      role="status"
      data-testid={testId}
      data-recovered={recovered ? 'true' : 'false'}
      className={`rounded px-2 py-1 text-xs ${
        recovered
          ? 'bg-slate-50 text-slate-600 dark:bg-slate-800/60 dark:text-slate-300'
          : 'bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300'
      }`}
    >
      {recovered && <b>Recovered at {time(error.recoveredAt ?? error.at)}. </b>}
      {recovered ? 'Earlier error' : 'Last error'} ({time(error.at)}): {error.message}
    </p>
  );
}
