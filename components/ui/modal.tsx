'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useDict } from '@/lib/i18n/language';
import { Button } from './button';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A dialog over the whole page. Rendered into <body>: panels use CSS containment, which would
 * otherwise confine a fixed overlay to the panel that opened it. Esc or a click outside closes
 * it; Tab stays inside; focus goes in on open and back to where it was on close.
 */
export function Modal({
  labelId,
  onClose,
  children,
}: {
  labelId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box.current)?.focus();
    // On the document, not the dialog: focus can fall to <body> (a button that disables itself
    // while it works), and Esc and Tab must still find the dialog.
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const root = box.current;
      if (!root) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const head = items[0];
      const tail = items.at(-1);
      if (!head || !tail) return;
      const inside = root.contains(document.activeElement);
      if (!inside || (e.shiftKey && document.activeElement === head)) {
        e.preventDefault();
        (e.shiftKey ? tail : head).focus();
      } else if (!e.shiftKey && document.activeElement === tail) {
        e.preventDefault();
        head.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      before?.focus();
    };
  }, []);
  return createPortal(
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Esc, on the document above
    <div
      ref={box}
      tabIndex={-1}
      className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4"
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelId}
      onClick={(e) => {
        if (e.target === e.currentTarget) close.current();
      }}
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
