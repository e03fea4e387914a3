import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useHydrated } from '@/lib/use-now';
import type { ErrorInfo } from '@/protocol/snapshot';

/** The browser's own clock time; nothing on the server render (it cannot know the reader's zone). */
const useTime = () => {
  const hydrated = useHydrated();
  return (at: number) => (hydrated ? new Date(at).toLocaleTimeString() : '--:--:--');
};

/** A client's last error with when it happened; once the client worked again, said so, calmly. */
export function ErrorLine({ error, testId }: { error: ErrorInfo; testId?: string }) {
  const recovered = error.recoveredAt !== null;
  const t = useDict().ui.errors;
  const time = useTime();
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
        {fill(t.recovered, { time: time(error.recoveredAt ?? error.at), error: error.message })}
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
      {fill(t.last, { time: time(error.at), error: error.message })}
    </p>
  );
}
