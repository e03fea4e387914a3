import { fill } from '@/lib/i18n/dictionary';
import type { GlossaryTerm } from '@/lib/i18n/glossary-en';
import { useDict } from '@/lib/i18n/language';

/** A "?" that explains a Kafka term on hover or keyboard focus. */
export function Help({ term }: { term: GlossaryTerm }) {
  const d = useDict();
  return (
    <span className="group relative inline-flex align-middle">
      <button
        type="button"
        aria-label={fill(d.ui.page.help, { term: term.replace('-', ' ') })}
        className="ml-1 inline-flex h-4 w-4 items-center justify-center rounded-full border border-slate-400 text-[10px] leading-none text-slate-500 hover:border-sky-500 hover:text-sky-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-500 dark:text-slate-400"
      >
        ?
      </button>
      <span
        role="tooltip"
        className="pointer-events-none invisible absolute top-5 left-1/2 z-50 w-72 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal leading-snug text-slate-100 opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-slate-700"
      >
        {d.glossary[term]}
      </span>
    </span>
  );
}
