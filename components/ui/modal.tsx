'use client';

import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useDict } from '@/lib/i18n/language';
import { Button } from './button';

/**
 * A dialog over the whole page. Rendered into <body>: panels use CSS containment, which would
 * otherwise confine a fixed overlay to the panel that opened it.
 */
export function Modal({ labelId, children }: { labelId: string; children: ReactNode }) {
  return createPortal(
    <div
      className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4"
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelId}
    >
      {children}
    </div>,
    document.body,
  );
}

/** The error line and the button row every dialog ends with; `children` are the extra buttons. */
export function ModalFooter({
  error,
  onCancel,
  children,
}: {
  error: string | null;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useDict().ui.page;
  return (
    <>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>{t.cancel}</Button>
        {children}
      </div>
    </>
  );
}
