import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LanguageProvider } from '@/lib/i18n/language';
import { createLiveStore } from '@/lib/live-store';
import { LiveStoreContext } from '@/lib/use-live';
import type { Snapshot } from '@/protocol/snapshot';
import { MessageBrowserProvider } from '../messages/message-browser-context';

/**
 * A part of the page rendered as the server renders the first paint: from a snapshot (built by
 * the server's own reducer in the tests), through the page's real store (never connected) and
 * the dashboard's providers.
 */
export function renderPagePart(node: ReactNode, snapshot: Snapshot): string {
  const store = createLiveStore({ initial: { snapshot, history: null, timeline: null } });
  return renderToStaticMarkup(
    <LiveStoreContext.Provider value={store}>
      <LanguageProvider>
        <MessageBrowserProvider>{node}</MessageBrowserProvider>
      </LanguageProvider>
    </LiveStoreContext.Provider>,
  );
}

/** The text of the element with this data-testid (tags dropped, whitespace folded). */
export function textOf(html: string, testId: string): string | null {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start === -1) return null;
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))?.[1] ?? '';
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = open;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0)
      return html
        .slice(open, m.index + m[0].length)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
  }
  return null;
}
