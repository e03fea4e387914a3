import type { ReactNode } from 'react';
import type { GlossaryTerm } from '@/lib/i18n/glossary-en';
import { Help } from './help';

export const inputClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500';

export function Field({
  label,
  help,
  children,
}: {
  label: string;
  help?: GlossaryTerm;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as children
    <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
      <span className="flex items-center">
        {label}
        {help && <Help term={help} />}
      </span>
      {children}
    </label>
  );
}
